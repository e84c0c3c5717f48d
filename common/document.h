// One article as it travels through rasd: what a reader (ingest) makes of a
// file, page or record, what the extractor reads, and what the store keeps
// beside the records. One shape, so a hand-off passes it on whole.
#ifndef RASD_COMMON_DOCUMENT_H_
#define RASD_COMMON_DOCUMENT_H_

#include <string>
#include <vector>

namespace rasd {

struct Document {
  std::string source;       // path; "path#offset" for a WARC record, "path:line" for JSON Lines
  std::string url;          // the page's canonical URL when it names one, else the URL it was fetched from
  std::string fetched_url;  // the URL the crawler fetched (WARC target URI, JSON Lines url) when known
  std::string title;        // when known apart from the text; the extractor takes the text's first line otherwise
  std::string published;    // YYYY-MM-DD when known, else empty: the reference for relative dates
  std::string fetched;      // YYYY-MM-DD (WARC-Date) when known
  std::string site;         // site name when known
  std::string lang;         // declared language ("ar", "fr", ...), or empty to guess
  std::string kind;         // "text", "html", "warc", "jsonl", "pdf"
  // "official" (the Foundation, INDH, a ministry, or an agency reproducing a
  // Foundation communique) or "press"; empty until ingest has classed it.
  std::string source_kind;
  // The main text, UTF-8 (ill-formed bytes are replaced and counted). Every
  // character offset rasd reports for this document counts code points of
  // this string. For HTML and JSON Lines it is the headline, a blank line,
  // then the body with paragraph breaks.
  std::string text;
  // For a paged source (PDF): the byte offset in `text` where each page
  // begins, page 1 first. Empty for a source without pages.
  std::vector<size_t> page_starts;
};

}  // namespace rasd

#endif  // RASD_COMMON_DOCUMENT_H_
