#include <algorithm>
#include <memory>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "common/utf8.h"
#include "normalize/normalize.h"

namespace rasd {
namespace {

// BreakIterator is not thread-safe and costly to build: one per thread,
// cloned from a prototype built once. The rules are ICU's default sentence
// rules, which know the Arabic question mark and full stop; the "ss=standard"
// keyword adds ICU's own list of French abbreviations that never end a
// sentence ("M.", "MM."), so "M. Alaoui" stays in one sentence.
icu::BreakIterator* ThreadSentenceIterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale("fr@ss=standard"), ec));
    if (U_FAILURE(ec)) {
      ec = U_ZERO_ERROR;
      it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), ec));
      if (U_FAILURE(ec)) it.reset();
    }
    return it;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> local(prototype ? prototype->clone() : nullptr);
  return local.get();
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True when the text before `end` (spaces aside) is a Latin initial: one
// capital letter and a full stop, standing alone ("A. Benali"). ICU breaks
// there because a capital follows; a one-letter sentence is far rarer.
bool EndsWithInitial(std::string_view text, size_t end) {
  while (end > 0 && text[end - 1] == ' ') --end;
  if (end < 2 || text[end - 1] != '.' || !(text[end - 2] >= 'A' && text[end - 2] <= 'Z')) return false;
  if (end == 2) return true;
  const char before = text[end - 3];
  // A byte of a multi-byte character may be part of a letter: not alone then.
  return !IsAsciiLetter(before) && !(before >= '0' && before <= '9') && static_cast<unsigned char>(before) < 0x80;
}

void AddTrimmed(std::string_view text, size_t b, size_t e, std::vector<ByteRange>* out) {
  while (b < e && (text[b] == ' ' || text[b] == '\n')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
  if (e > b) out->push_back({b, e});
}

// Adds the sentences of text[b, e), one more at every line break.
void AddLines(std::string_view text, size_t b, size_t e, std::vector<ByteRange>* out) {
  for (;;) {
    size_t nl = text.find('\n', b);
    if (nl == std::string_view::npos || nl >= e) break;
    AddTrimmed(text, b, nl, out);
    b = nl + 1;
  }
  AddTrimmed(text, b, e, out);
}

bool EndsSentence(std::string_view text, const ByteRange& r) {
  if (r.end == r.begin) return true;
  char c = text[r.end - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

// ICU ends a sentence at every line break; crawled text often breaks lines
// inside a sentence. A long line that does not end a sentence runs on.
std::vector<ByteRange> MergeWrappedLines(std::string_view text, std::vector<ByteRange> s) {
  std::vector<ByteRange> out;
  const size_t first_line_end = std::min(text.find('\n'), text.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (!out.empty() && i > 0) {
      ByteRange& prev = out.back();
      // Lengths in code points: a wrapped line is long, a byline or heading short.
      bool long_line = utf8::CountCodePoints(text.substr(prev.begin, prev.end - prev.begin)) > 60;
      bool next_long = utf8::CountCodePoints(text.substr(s[i].begin, s[i].end - s[i].begin)) > 30 || EndsSentence(text, s[i]);
      std::string_view gap = text.substr(prev.end, s[i].begin - prev.end);
      // The first line is a headline or a lead, never the start of a wrapped sentence.
      bool first_line = prev.end <= first_line_end;
      if (long_line && next_long && !EndsSentence(text, prev) && gap.find('\n') != std::string_view::npos && out.size() > 1 &&
          !first_line) {
        prev.end = s[i].end;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Sentences are found on the original text, where French keeps its capitals
// (the key form is lowercased, and ICU does not end a sentence before a
// lowercase word), then carried over to the key text through the offset map.
std::vector<ByteRange> OriginalSentencesInKeyForm(std::string_view original, const NormalizedText& norm) {
  std::vector<ByteRange> out;
  size_t cp = 0, byte = 0;
  auto cp_at = [&](size_t target) {  // code points before byte `target`, walking forward
    for (; byte < target && byte < original.size(); ++byte) cp += (static_cast<unsigned char>(original[byte]) & 0xC0) != 0x80;
    return cp;
  };
  auto key_byte = [&](size_t c) {
    return static_cast<size_t>(std::lower_bound(norm.orig_begin.begin(), norm.orig_begin.end(), static_cast<uint32_t>(c)) -
                               norm.orig_begin.begin());
  };
  for (const ByteRange& r : SplitSentences(original)) {
    size_t b = key_byte(cp_at(r.begin));
    size_t e = key_byte(cp_at(r.end));
    if (!out.empty() && b < out.back().end) b = out.back().end;
    if (e > b) out.push_back({b, e});
  }
  return out;
}

}  // namespace

std::vector<ByteRange> SplitSentences(std::string_view text) {
  std::vector<ByteRange> out;
  if (text.empty()) return out;
  icu::BreakIterator* bi = ThreadSentenceIterator();
  UErrorCode ec = U_ZERO_ERROR;
  UText* ut = bi ? utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &ec) : nullptr;
  if (ut == nullptr || U_FAILURE(ec)) {
    if (ut) utext_close(ut);
    AddLines(text, 0, text.size(), &out);
    return out;
  }
  bi->setText(ut, ec);
  size_t begin = 0;
  for (int32_t pos = bi->next(); pos != icu::BreakIterator::DONE && U_SUCCESS(ec); pos = bi->next()) {
    const auto end = static_cast<size_t>(pos);
    if (end < text.size() && EndsWithInitial(text, end)) continue;
    AddLines(text, begin, end, &out);
    begin = end;
  }
  if (begin < text.size()) AddLines(text, begin, text.size(), &out);
  utext_close(ut);
  return out;
}

std::vector<ByteRange> KeyFormSentences(std::string_view original, const NormalizedText& norm) {
  return MergeWrappedLines(norm.text, OriginalSentencesInKeyForm(original, norm));
}

}  // namespace rasd
