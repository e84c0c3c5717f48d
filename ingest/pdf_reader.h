// PDF input through poppler: one Document per PDF, its title and date from
// the metadata (or the first page), its text laid out (running headers and
// page numbers dropped, wrapped lines joined) and, for Arabic pages,
// repaired (see arabic_pdf_repair.h). Document::page_starts says where each
// page begins, so every figure's evidence can name its page.
#ifndef RASD_INGEST_PDF_READER_H_
#define RASD_INGEST_PDF_READER_H_

#include <string>
#include <string_view>

#include "common/document.h"
#include "common/status.h"
#include "ingest/arabic_pdf_repair.h"

namespace rasd::ingest {

// True when `head` (a file's first bytes) is a PDF.
bool LooksLikePdf(std::string_view head);

// Reads the PDF held in `bytes` into `doc` (whose source is set). A PDF that
// cannot be read (damaged, encrypted, no text layer: a scan) is an error
// naming the reason.
Status ReadPdf(std::string_view bytes, const ArabicPdfRepair& repair, Document* doc);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_PDF_READER_H_
