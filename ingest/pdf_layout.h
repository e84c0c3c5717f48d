// From the text of a PDF's pages, as poppler gives it in reading order
// (blocks separated by blank lines, one line per printed line), to an
// article's text: page headers and footers dropped, page numbers dropped,
// hyphenated words and wrapped lines joined into paragraphs, a paragraph cut
// by a page or column break joined again. Pure text in, text out.
#ifndef RASD_INGEST_PDF_LAYOUT_H_
#define RASD_INGEST_PDF_LAYOUT_H_

#include <string>
#include <vector>

namespace rasd::ingest {

struct LaidOutText {
  std::string text;  // paragraphs, one a line
  // Byte offset in `text` where each page's content begins (page i+1 at
  // page_starts[i]); an empty page starts where the next one does.
  std::vector<size_t> page_starts;
};

LaidOutText LayOutPages(const std::vector<std::string>& pages);

// A line that recurs on most pages (a running header or footer) once its
// digits are ignored: its key, or empty for a line too long to be one.
std::string RunningLineKey(const std::string& line);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_PDF_LAYOUT_H_
