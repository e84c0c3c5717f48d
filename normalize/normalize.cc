#include "normalize/normalize.h"

#include <array>
#include <mutex>

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include "common/utf8.h"

namespace rasd {
namespace {

constexpr char32_t kDrop = 0xFFFFFFFF;  // the character is removed
constexpr char32_t kSpace = 0xFFFFFFFE; // the character is white space

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(ec);
    return U_SUCCESS(ec) ? n : nullptr;
  }();
  return nfkc;
}

// Latin letters with diacritics -> base letter, for matching keys. Built once
// from ICU's canonical decompositions rather than listed by hand.
const std::array<char32_t, 0x250>& LatinBaseLetters() {
  static const std::array<char32_t, 0x250> table = [] {
    std::array<char32_t, 0x250> t{};
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
    for (char32_t c = 0; c < t.size(); ++c) {
      t[c] = c;
      icu::UnicodeString d;
      if (U_SUCCESS(ec) && nfd->getDecomposition(static_cast<UChar32>(c), d) && d.length() > 0) {
        t[c] = static_cast<char32_t>(d.char32At(0));
      }
    }
    return t;
  }();
  return table;
}

bool IsArabicMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || (c >= 0x06E7 && c <= 0x06E8) ||
         (c >= 0x06EA && c <= 0x06ED) || (c >= 0x08D3 && c <= 0x08FF && c != 0x08E2);
}

bool IsInvisibleControl(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x061C || c == 0x00AD || c == 0x180E;
}

// The fold of one NFKC code point; kDrop or kSpace for the two special cases.
// Characters that fold to two (Latin ligatures in keys) are handled by the caller.
char32_t Fold(char32_t c, NormalForm form) {
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return kSpace;
    if (form == NormalForm::kKey && c >= 'A' && c <= 'Z') return c + 32;
    return c;
  }
  if (c >= 0x0600 && c <= 0x06FF) {
    if (IsArabicMark(c) || c == 0x0640) return kDrop;
    switch (c) {
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: return 0x0627;
      case 0x0649: case 0x06CC: return 0x064A;
      case 0x060C: return ',';
      case 0x061B: return ';';
      case 0x061F: return '?';
      case 0x066A: return '%';
      case 0x066B: return '.';   // Arabic decimal separator
      case 0x066C: return ',';   // Arabic thousands separator
      case 0x06D4: return '.';
    }
    if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
    if (form == NormalForm::kKey) {
      if (c == 0x0629) return 0x0647;                              // ta marbuta -> ha
      if (c == 0x06A9 || c == 0x06AD || c == 0x06AF) return 0x0643;  // keheh, ng, gaf -> kaf
    }
    return c;
  }
  if (c == 0x0763 && form == NormalForm::kKey) return 0x0643;
  if (c >= 0x08D3 && c <= 0x08FF && IsArabicMark(c)) return kDrop;
  if (IsInvisibleControl(c)) return kDrop;
  if (c == 0x0085 || c == 0x2028 || c == 0x2029 || u_isUWhiteSpace(static_cast<UChar32>(c))) return kSpace;
  if (form == NormalForm::kKey) {
    if (c < 0x250) c = LatinBaseLetters()[c];
    c = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    if (c < 0x250) c = LatinBaseLetters()[c];
  }
  return c;
}

// Builds the folded text and its offset map, one NFKC code point at a time.
class Writer {
 public:
  Writer(NormalizedText* out, NormalForm form) : out_(out), form_(form) {}

  void Put(char32_t c, uint32_t ob, uint32_t oe) {
    char32_t f = Fold(c, form_);
    if (f == kDrop) return;
    if (f == kSpace) {
      if (out_->text.empty()) return;  // no leading space
      bool newline = c == '\n' || c == '\r' || c == 0x2029 || c == 0x2028 || c == 0x0085 || c == '\f' || c == '\v';
      if (pending_space_ == 0) { pending_begin_ = ob; }
      pending_end_ = oe;
      pending_space_ = newline ? '\n' : (pending_space_ == '\n' ? '\n' : ' ');
      return;
    }
    FlushSpace();
    if (form_ == NormalForm::kKey && (f == 0x0153 || f == 0x00E6 || f == 0x00DF)) {
      // Ligatures a French keyboard types for two letters.
      const char* two = f == 0x0153 ? "oe" : f == 0x00E6 ? "ae" : "ss";
      Emit(two[0], ob, oe);
      Emit(two[1], ob, oe);
      return;
    }
    Emit(f, ob, oe);
  }

 private:
  void FlushSpace() {
    if (pending_space_ == 0) return;
    Emit(pending_space_, pending_begin_, pending_end_);
    pending_space_ = 0;
  }
  void Emit(char32_t c, uint32_t ob, uint32_t oe) {
    size_t before = out_->text.size();
    utf8::Append(c, &out_->text);
    for (size_t i = before; i < out_->text.size(); ++i) {
      out_->orig_begin.push_back(ob);
      out_->orig_end.push_back(oe);
    }
  }

  NormalizedText* out_;
  NormalForm form_;
  char32_t pending_space_ = 0;
  uint32_t pending_begin_ = 0, pending_end_ = 0;
};

}  // namespace

Span NormalizedText::ToOriginal(size_t byte_begin, size_t byte_end) const {
  if (text.empty()) return {0, 0};
  if (byte_begin >= text.size()) return {static_cast<int64_t>(original_length), static_cast<int64_t>(original_length)};
  if (byte_end > text.size()) byte_end = text.size();
  if (byte_end <= byte_begin) return {orig_begin[byte_begin], orig_begin[byte_begin]};
  return {orig_begin[byte_begin], orig_end[byte_end - 1]};
}

NormalizedText Normalize(std::string_view original, NormalForm form) {
  NormalizedText out;
  std::string sanitized;
  std::string_view src = original;
  if (!utf8::IsValid(original)) {
    out.invalid_utf8 = utf8::Sanitize(original, &sanitized);
    src = sanitized;
  }
  out.text.reserve(src.size());
  out.orig_begin.reserve(src.size());
  out.orig_end.reserve(src.size());
  Writer writer(&out, form);

  const icu::Normalizer2* nfkc = Nfkc();
  UErrorCode ec = U_ZERO_ERROR;
  bool already_nfkc = nfkc && nfkc->isNormalizedUTF8(icu::StringPiece(src.data(), static_cast<int32_t>(src.size())), ec) && U_SUCCESS(ec);

  uint32_t cp = 0;  // code points of the original read so far
  if (already_nfkc || !nfkc) {
    for (size_t i = 0; i < src.size();) {
      char32_t c = utf8::Next(src, &i);
      writer.Put(c, cp, cp + 1);
      ++cp;
    }
  } else {
    std::string nf;
    icu::StringByteSink<std::string> sink(&nf, static_cast<int32_t>(src.size()));
    icu::Edits edits;
    ec = U_ZERO_ERROR;
    nfkc->normalizeUTF8(0, icu::StringPiece(src.data(), static_cast<int32_t>(src.size())), sink, &edits, ec);
    icu::Edits::Iterator it = edits.getFineIterator();
    size_t si = 0;  // byte position in src
    while (U_SUCCESS(ec) && it.next(ec)) {
      size_t src_end = static_cast<size_t>(it.sourceIndex() + it.oldLength());
      size_t dst = static_cast<size_t>(it.destinationIndex());
      size_t dst_end = dst + static_cast<size_t>(it.newLength());
      if (!it.hasChange()) {
        while (si < src_end) {
          char32_t c = utf8::Next(src, &si);
          writer.Put(c, cp, cp + 1);
          ++cp;
        }
      } else {
        uint32_t begin = cp;
        while (si < src_end) { utf8::Next(src, &si); ++cp; }
        for (size_t d = dst; d < dst_end;) {
          char32_t c = utf8::Next(nf, &d);
          writer.Put(c, begin, cp);
        }
      }
    }
  }
  // A trailing run of spaces is dropped: Writer only emits spaces before text.
  out.original_length = cp;
  return out;
}

std::string NormalizeKey(std::string_view s) {
  return Normalize(s, NormalForm::kKey).text;
}

}  // namespace rasd
