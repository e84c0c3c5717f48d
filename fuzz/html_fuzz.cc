// The HTML main-text reader on any bytes: decoded as a page is (declared or
// detected charset), then parsed; the article's text is valid UTF-8. The
// prefilter reads the same bytes first, as a page and as a text.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "common/utf8.h"
#include "fuzz/fuzz_common.h"
#include "ingest/charset.h"
#include "ingest/html_text.h"
#include "ingest/page_cues.h"
#include "ingest/prefilter.h"

using namespace rasd;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<ingest::PageCues> cues = [] {
    auto loaded = ingest::PageCues::Load(fuzz::DataDir());
    if (!loaded.ok()) std::abort();
    return std::move(*loaded);
  }();
  static std::unique_ptr<ingest::Prefilter> prefilter = [] {
    auto loaded = ingest::Prefilter::Load(fuzz::DataDir());
    if (!loaded.ok()) std::abort();
    return std::move(*loaded);
  }();
  static std::unique_ptr<ingest::Prefilter::Scanner> scanner = prefilter->NewScanner();
  static ingest::CharsetDecoder decoder;
  static ingest::HtmlTextExtractor extractor(cues.get());
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  scanner->MayBeAboutProgramme(bytes, ingest::Prefilter::Scanner::Form::kHtml);
  scanner->MayBeAboutProgramme(bytes, ingest::Prefilter::Scanner::Form::kText);
  std::string utf8;
  if (!decoder.ToUtf8(bytes, ingest::FindMetaCharset(bytes), true, &utf8).ok()) return 0;
  ingest::HtmlArticle article;
  if (!extractor.Extract(utf8, &article).ok()) return 0;
  FUZZ_CHECK(utf8::IsValid(article.MainText()));
  FUZZ_CHECK(utf8::IsValid(article.title));
  return 0;
}
