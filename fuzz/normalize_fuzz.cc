// Normalisation and its offset map. Property: every byte of the normalised
// text maps to a non-empty span inside the original, spans never go
// backwards, and any span of the normalised text maps back inside the
// original.
#include <cstddef>
#include <cstdint>

#include "common/utf8.h"
#include "fuzz/fuzz_common.h"
#include "normalize/normalize.h"

using namespace rasd;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view original(reinterpret_cast<const char*>(data), size);
  for (NormalForm form : {NormalForm::kText, NormalForm::kKey}) {
    NormalizedText n = Normalize(original, form);
    FUZZ_CHECK(utf8::IsValid(n.text));
    FUZZ_CHECK(n.orig_begin.size() == n.text.size() && n.orig_end.size() == n.text.size());
    uint32_t last_begin = 0, last_end = 0;
    for (size_t i = 0; i < n.text.size(); ++i) {
      FUZZ_CHECK(n.orig_begin[i] < n.orig_end[i]);
      FUZZ_CHECK(n.orig_end[i] <= n.original_length);
      FUZZ_CHECK(n.orig_begin[i] >= last_begin && n.orig_end[i] >= last_end);
      last_begin = n.orig_begin[i];
      last_end = n.orig_end[i];
    }
    // Code point boundaries of the normalised text, and spans between them.
    std::vector<size_t> bounds;
    for (size_t i = 0; i < n.text.size();) {
      bounds.push_back(i);
      utf8::Next(n.text, &i);
    }
    bounds.push_back(n.text.size());
    for (size_t a = 0; a + 1 < bounds.size(); a += 1 + a / 4) {
      for (size_t b = a + 1; b < bounds.size(); b += 1 + b / 3) {
        Span s = n.ToOriginal(bounds[a], bounds[b]);
        FUZZ_CHECK(0 <= s.start && s.start < s.end && s.end <= static_cast<int64_t>(n.original_length));
      }
    }
    (void)SplitSentences(n.text);
    (void)KeyFormSentences(original, n);
  }
  return 0;
}
