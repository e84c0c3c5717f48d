#include <memory>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "normalize/normalize.h"

namespace rasd {
namespace {

// BreakIterator is not thread-safe and costly to build: one per thread,
// cloned from a prototype built once.
icu::BreakIterator* ThreadSentenceIterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale("ar"), ec));
    if (U_FAILURE(ec)) it.reset();
    return it;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> local(prototype ? prototype->clone() : nullptr);
  return local.get();
}

void AddTrimmed(std::string_view text, size_t b, size_t e, std::vector<ByteRange>* out) {
  while (b < e && (text[b] == ' ' || text[b] == '\n')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
  if (e > b) out->push_back({b, e});
}

}  // namespace

std::vector<ByteRange> SplitSentences(std::string_view text) {
  std::vector<ByteRange> out;
  icu::BreakIterator* bi = ThreadSentenceIterator();
  // ICU's rules already end a sentence at a paragraph separator; splitting at
  // line breaks first keeps headlines and list items apart even so.
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    if (bi == nullptr) {
      AddTrimmed(text, line_begin, line_end, &out);
    } else {
      UErrorCode ec = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, line.data(), static_cast<int64_t>(line.size()), &ec);
      if (U_FAILURE(ec)) {
        AddTrimmed(text, line_begin, line_end, &out);
      } else {
        bi->setText(ut, ec);
        int32_t prev = bi->first();
        for (int32_t pos = bi->next(); pos != icu::BreakIterator::DONE; pos = bi->next()) {
          AddTrimmed(text, line_begin + prev, line_begin + pos, &out);
          prev = pos;
        }
        utext_close(ut);
      }
    }
    line_begin = line_end + 1;
  }
  return out;
}

}  // namespace rasd
