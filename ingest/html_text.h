// The article inside a news page: its headline and body paragraphs, found by
// text density and paragraph scoring (length, punctuation, link density,
// position), not by per-site rules; and its metadata (title, publication
// date, canonical URL, site name, language).
#ifndef RASD_INGEST_HTML_TEXT_H_
#define RASD_INGEST_HTML_TEXT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/page_cues.h"

namespace rasd::ingest {

struct HtmlArticle {
  std::string title;      // og:title, else the h1, else <title>
  std::string headline;   // the visible h1, else the title
  std::string published;  // YYYY-MM-DD or empty
  std::string canonical_url;
  std::string site;
  std::string lang;       // primary language subtag, lower case
  std::vector<std::string> paragraphs;  // the body, one paragraph each
  // Set when the parser gave up part way (nesting beyond its depth limit):
  // what was read before is still here.
  std::string partial_reason;

  // headline + "\n\n" + paragraphs joined by "\n" (no blank line without a headline).
  std::string MainText() const;
};

// `href` made absolute against `base` (a canonical link written relative to
// the page); `href` unchanged when it is absolute or cannot be resolved.
std::string ResolveUrl(const std::string& href, const std::string& base);

class HtmlParserState;

// Not thread-safe (it reuses one parser context); one per reading thread.
class HtmlTextExtractor {
 public:
  // `cues` must outlive the extractor.
  explicit HtmlTextExtractor(const PageCues* cues);
  ~HtmlTextExtractor();
  HtmlTextExtractor(const HtmlTextExtractor&) = delete;
  HtmlTextExtractor& operator=(const HtmlTextExtractor&) = delete;

  // `html` must be UTF-8 (whatever its <meta> says). Fails only when the
  // page could not be parsed at all; a page without an article gives an
  // empty body.
  Status Extract(std::string_view html, HtmlArticle* article);

 private:
  const PageCues* cues_;
  std::unique_ptr<HtmlParserState> state_;
};

}  // namespace rasd::ingest

#endif  // RASD_INGEST_HTML_TEXT_H_
