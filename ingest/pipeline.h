// The reading context behind ReadPaths: options, sink, and what is set up
// once and reused for every document (charset converters, the HTML parser,
// the cue data, buffers). One per reading thread.
#ifndef RASD_INGEST_PIPELINE_H_
#define RASD_INGEST_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>

#include "ingest/arabic_pdf_repair.h"
#include "ingest/byte_source.h"
#include "ingest/charset.h"
#include "ingest/html_text.h"
#include "ingest/ingest.h"
#include "ingest/page_cues.h"
#include "ingest/prefilter.h"
#include "ingest/warc_reader.h"

namespace rasd::ingest {

class Pipeline {
 public:
  Pipeline(const Options& options, const PageCues* cues, Sink* sink);
  // With Options::prefilter: the scanner pages go through first.
  void SetPrefilter(const Prefilter* prefilter) {
    prefilter_ = prefilter;
    if (prefilter) scanner_ = prefilter->NewScanner();
  }
  // True (and the page counted) when the prefilter skips it.
  // A page declared in a charset the patterns do not spell is never skipped.
  bool Prefiltered(std::string_view bytes, const std::string& source, std::string_view declared_charset = "",
                   bool html = false);
  // The same for a scraper's record: its text and title.
  bool PrefilteredRecord(std::string_view text, std::string_view title, const std::string& source);

  // A file or "-" (stdin): its kind found, then read.
  void ReadFile(const std::string& path);

  // An HTML page's bytes into a Document on the sink: charset, main text,
  // metadata. `doc` carries what is known already (source, URLs, dates).
  void HtmlToDocument(std::string_view bytes, std::string_view declared_charset, Document doc);
  void ReportRepairs(const std::string& source);
  // Hands a document to the sink unless its text is over the limit.
  void Deliver(Document&& doc);
  // Plain text into a Document.
  void TextToDocument(std::string_view bytes, Document doc);

  // JSON Lines (one object a line) and whole JSON files (an object or an
  // array of objects); defined in jsonl.cc.
  void ReadJsonLines(BufferedReader* in, const std::string& path);
  void ReadJsonDocument(std::string_view bytes, const std::string& path);

  // A PDF: poppler reads it, the Arabic repair (when set) mends its text.
  void set_pdf_repair(const ArabicPdfRepair* repair) { pdf_repair_ = repair; }
  void ReadPdfFile(BufferedReader* in, const std::string& path);

  // WARC and ARC files, record by record.
  void ReadWarc(BufferedReader* in, const std::string& path);

  Sink* sink() const { return sink_; }
  const Options& options() const { return options_; }

 private:
  // One scraper record (a parsed JSON object) into a Document.
  void JsonRecordToDocument(const void* json_object, const std::string& source);
  void WarcRecordToDocument(WarcRecord* record, const std::string& path);
  // ReadWarc with Options::page_jobs threads reading the pages.
  void ReadWarcPagesOnThreads(WarcReader* reader, const std::string& path);
  void ReadWhole(BufferedReader* in, const std::string& path, int kind, bool compressed);

  Options options_;
  const PageCues* cues_;
  const ArabicPdfRepair* pdf_repair_ = nullptr;
  Sink* sink_;
  CharsetDecoder charset_;
  HtmlTextExtractor html_;
  std::string utf8_, body_, scratch_;
  const Prefilter* prefilter_ = nullptr;
  std::unique_ptr<Prefilter::Scanner> scanner_;
};

}  // namespace rasd::ingest

#endif  // RASD_INGEST_PIPELINE_H_
