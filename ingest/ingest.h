// ingest: turns what a crawler or scraper wrote (plain text, HTML pages, WARC
// archives, JSON Lines) into Documents: the article's main text and its
// metadata. Bad input is reported through the sink, by name and reason, and
// reading goes on with the rest.
#ifndef RASD_INGEST_INGEST_H_
#define RASD_INGEST_INGEST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/document.h"
#include "common/status.h"

namespace rasd::ingest {

struct Options {
  // A larger HTML, text or JSON file, JSON Lines line or WARC record is
  // reported and skipped (--max-record-size): an oversize line or record is
  // passed over without being held in memory. WARC and JSON Lines files
  // themselves are read as streams, of any size.
  uint64_t max_record_bytes = 16ull << 20;
  // Decompressed size of one page (an HTTP body, a gzipped HTML or text
  // file) and of one gzip member (--max-expanded-size); a member that
  // inflates past it at a ratio no real text reaches (GzipSource) is refused
  // as a decompression bomb.
  uint64_t max_expanded_bytes = 64ull << 20;
  // Main text of one document after extraction from its page or record
  // (--max-text-size); a longer one is reported and skipped, so that no
  // single document holds up the extractor.
  uint64_t max_text_bytes = 1ull << 20;
  // The data folder (data/html/ teaser and section cues, data/<lang>/ month
  // names); empty to look where rasd::FindDataDir looks.
  std::string data_dir;
  // JSON Lines field names, tried in order; the defaults cover common scrapers.
  std::vector<std::string> jsonl_text_fields = {"text", "content", "body", "article", "maintext"};
  std::vector<std::string> jsonl_html_fields = {"html", "raw_html", "content_html"};
  std::vector<std::string> jsonl_title_fields = {"title", "headline"};
  std::vector<std::string> jsonl_url_fields = {"url", "link", "source_url", "uri"};
  std::vector<std::string> jsonl_date_fields = {"date", "published", "date_publish", "published_at", "pubdate", "datePublished"};
  std::vector<std::string> jsonl_lang_fields = {"lang", "language"};
  std::vector<std::string> jsonl_site_fields = {"site", "site_name", "sitename", "source", "domain"};
  // A field name may be a dotted path into nested objects ("meta.date").
  // "official" or "press" for every document read (`rasd ingest --kind`);
  // empty: classed by data/sources/ (the site, a communique cue).
  std::string source_kind;

  // Skip, before any parsing, a page whose bytes hold no spelling of the
  // programme's subject cues (ingest/prefilter.h): the extractor would give
  // it no record. Sink::OnPrefiltered counts them.
  bool prefilter = false;

  // Threads that read the pages of a WARC file (HTTP, prefilter, charset,
  // main text) while the file is inflated and split into records; 1: all on
  // the calling thread. Documents, errors and counts reach the sink in
  // reading order, on the calling thread, whatever the number.
  int page_jobs = 1;
};

// Receives what the readers produce.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void OnDocument(Document&& doc) = 0;
  // An input (or a record inside one) that could not be read. `source` names
  // it as precisely as known (path, WARC offset, JSONL line).
  virtual void OnError(const std::string& source, const std::string& reason) = 0;
  // A record that was readable but is not an article (a WARC request, a
  // non-HTML payload). Counted, not an error.
  virtual void OnSkipped(const std::string& source, const std::string& reason) {}
  // A page the prefilter skipped (Options::prefilter).
  virtual void OnPrefiltered(const std::string& source) {}
};

// Reads each path (a file, a folder walked recursively in name order, or "-"
// for stdin), finding each file's kind by its content as well as its name.
// A page read only in part (HTML nested past the parser's depth limit) is
// reported through OnError and, when an article was found in the part read,
// delivered as well. A page or record with no article text is skipped
// (OnSkipped). Returns a non-OK status only when nothing could be attempted
// at all (no paths, no data folder).
Status ReadPaths(const std::vector<std::string>& paths, const Options& options, Sink* sink);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_INGEST_H_
