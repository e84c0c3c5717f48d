#include "normalize/normalize.h"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "common/utf8.h"

namespace rasd {
namespace {

// How the text is processed, and why it is fast:
//
// NFKC works on clusters: a character that has a normalisation boundary
// before it (Normalizer2::hasBoundaryBefore) never interacts with what
// precedes it, so NFKC of the text is NFKC of each cluster (such a character
// and the characters up to the next one) put end to end. Almost every
// cluster of Arabic and French news is a single character that NFKC leaves
// alone or maps to one other character, or a letter followed by Arabic
// diacritics that NFKC only reorders and the fold removes anyway. Those are
// folded with a table built once from ICU's properties; only the rest (a
// decomposed accent, a lam-alef ligature, a combining hamza) goes through
// ICU's NFKC, one cluster at a time, every output character mapped to the
// whole cluster. The text is that of NFKC of the whole text followed by the
// fold (FoldCluster explains the one exception), in one pass over the input.

// What becomes of one (NFKC-normalised) character.
enum class Kind : uint8_t {
  kEmit,     // the UTF-8 in Entry::bytes: usually one character, two for "oe"-style ligatures in keys
  kDrop,     // removed: zero-width and bidi controls
  kMark,     // removed, and counted as part of the character before it: diacritics, tatweel
  kSpace,    // part of a run of white space, which becomes one space
  kNewline,  // part of a run of white space, which becomes one line break
};

struct Entry {
  char bytes[4] = {0, 0, 0, 0};
  uint8_t len = 0;
  Kind kind = Kind::kDrop;
  // NFKC never changes this character together with what precedes it.
  bool boundary_before = false;
  // In a cluster of such characters only, each one folds on its own to
  // `kind`/`bytes`: NFKC leaves it (or maps it to one character) and either
  // keeps it in place or reorders it among marks that the fold removes.
  bool standalone = false;
  // A two-byte character that is standalone, has a boundary before it, and
  // folds to itself: a run of these is copied as it is (most Arabic letters).
  bool copies_two = false;
};

// An Entry packed in one word, as the tables hold it: the hot loop loads it
// in one go and reads the fields with shifts.
class Packed {
 public:
  Packed() = default;
  explicit Packed(const Entry& e) {
    uint32_t bytes = 0;
    std::memcpy(&bytes, e.bytes, 4);  // memory order, whatever the byte order
    bits_ = bytes | uint64_t{e.len} << 32 | uint64_t{static_cast<uint8_t>(e.kind)} << 40 |
            uint64_t{e.boundary_before} << 48 | uint64_t{e.standalone} << 49 |
            uint64_t{e.standalone && e.kind == Kind::kEmit} << 50 |
            uint64_t{e.standalone && (e.kind == Kind::kSpace || e.kind == Kind::kNewline)} << 51 |
            uint64_t{e.copies_two} << 52;
  }
  // What follows the last character: a boundary.
  static Packed EndOfText() {
    Packed p;
    p.bits_ = uint64_t{1} << 48;
    return p;
  }
  uint32_t bytes() const { return static_cast<uint32_t>(bits_); }
  size_t len() const { return (bits_ >> 32) & 0xFF; }
  Kind kind() const { return static_cast<Kind>((bits_ >> 40) & 0xFF); }
  bool boundary_before() const { return (bits_ >> 48) & 1; }
  bool standalone() const { return (bits_ >> 49) & 1; }
  // The common case in one test: this character is emitted on its own,
  // and `next` does not interact with it.
  bool EmitsAloneBefore(Packed next) const { return (bits_ >> 50) & (next.bits_ >> 48) & 1; }
  // The next most common: white space on its own.
  bool SpaceAloneBefore(Packed next) const { return (bits_ >> 51) & (next.bits_ >> 48) & 1; }
  bool copies_two() const { return (bits_ >> 52) & 1; }

 private:
  uint64_t bits_ = 0;
};

constexpr int kForms = 2;

bool IsArabicMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || (c >= 0x06E7 && c <= 0x06E8) ||
         (c >= 0x06EA && c <= 0x06ED) || (c >= 0x08D3 && c <= 0x08FF && c != 0x08E2);
}

bool IsInvisibleControl(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x061C || c == 0x00AD || c == 0x180E;
}

// The combining accents that keys drop (Latin letters keep their base letter).
bool IsCombiningAccent(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

bool IsLineBreak(char32_t c) {
  return c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x0085 || c == 0x2028 || c == 0x2029;
}

// A Latin letter without its accents (its canonical decomposition's first
// character), so keys match however the accent was typed or forgotten.
char32_t LatinBase(char32_t c) {
  UErrorCode ec = U_ZERO_ERROR;
  if (uscript_getScript(static_cast<UChar32>(c), &ec) != USCRIPT_LATIN || U_FAILURE(ec)) return c;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  icu::UnicodeString d;
  if (U_FAILURE(ec) || !nfd->getDecomposition(static_cast<UChar32>(c), d) || d.isEmpty()) return c;
  return static_cast<char32_t>(d.char32At(0));
}

void SetBytes(Entry* e, char32_t c) {
  std::string s;
  utf8::Append(c, &s);
  std::memcpy(e->bytes, s.data(), s.size());
  e->len = static_cast<uint8_t>(s.size());
}

// The fold of one NFKC-normalised character: `kind`, and `bytes` for kEmit.
Entry Fold(char32_t c, NormalForm form) {
  Entry e;
  const bool key = form == NormalForm::kKey;
  auto emit = [&](char32_t out) {
    e.kind = Kind::kEmit;
    SetBytes(&e, out);
    return e;
  };
  auto kind = [&](Kind k) {
    e.kind = k;
    return e;
  };
  if (IsLineBreak(c)) return kind(Kind::kNewline);
  if (c < 0x80) {
    if (c == ' ' || c == '\t') return kind(Kind::kSpace);
    if (key && c >= 'A' && c <= 'Z') return emit(c + 32);
    return emit(c);
  }
  if (IsInvisibleControl(c)) return kind(Kind::kDrop);
  if (IsArabicMark(c) || c == 0x0640) return kind(Kind::kMark);  // diacritics, superscript alef, tatweel
  if (c >= 0x0600 && c <= 0x06FF) {
    switch (c) {
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: return emit(0x0627);
      case 0x0649: case 0x06CC: return emit(0x064A);
      case 0x060C: return emit(',');
      case 0x061B: return emit(';');
      case 0x061F: return emit('?');
      case 0x066A: return emit('%');
      case 0x066B: return emit('.');  // Arabic decimal separator
      case 0x066C: return emit(',');  // Arabic thousands separator
      case 0x06D4: return emit('.');
    }
    if (c >= 0x0660 && c <= 0x0669) return emit('0' + (c - 0x0660));
    if (c >= 0x06F0 && c <= 0x06F9) return emit('0' + (c - 0x06F0));
    if (key) {
      if (c == 0x0629) return emit(0x0647);                              // ta marbuta -> ha
      if (c == 0x06A9 || c == 0x06AD || c == 0x06AF) return emit(0x0643);  // keheh, ng, gaf -> kaf
    }
    return emit(c);
  }
  if (c == 0x0763 && key) return emit(0x0643);
  if (u_isUWhiteSpace(static_cast<UChar32>(c))) return kind(Kind::kSpace);
  if (key) {
    if (IsCombiningAccent(c)) return kind(Kind::kMark);
    // The typographic apostrophes and hyphens of French text are the keyboard's
    // ("d’anciens détenus", "ex‑détenus"), so phrases match however typed.
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032) return emit('\'');
    if (c == 0x2010 || c == 0x2011) return emit('-');
    c = LatinBase(c);
    c = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    c = LatinBase(c);
    // Ligatures a French keyboard types for two letters.
    const char* two = c == 0x0153 ? "oe" : c == 0x00E6 ? "ae" : c == 0x00DF ? "ss" : nullptr;
    if (two) {
      e.kind = Kind::kEmit;
      std::memcpy(e.bytes, two, 2);
      e.len = 2;
      return e;
    }
  }
  return emit(c);
}

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(ec);
    return U_SUCCESS(ec) ? n : nullptr;
  }();
  return nfkc;
}

Entry MakeEntry(char32_t c, NormalForm form) {
  const icu::Normalizer2* nfkc = Nfkc();
  const auto uc = static_cast<UChar32>(c);
  const auto qc = static_cast<UNormalizationCheckResult>(u_getIntPropertyValue(uc, UCHAR_NFKC_QUICK_CHECK));
  const uint8_t ccc = u_getCombiningClass(uc);
  const bool boundary_before = nfkc == nullptr || nfkc->hasBoundaryBefore(uc);
  char32_t nf = c;  // what NFKC makes of c alone, when that is one character
  bool one_char = qc == UNORM_YES;
  if (nfkc && qc == UNORM_NO && boundary_before) {
    UErrorCode ec = U_ZERO_ERROR;
    icu::UnicodeString d = nfkc->normalize(icu::UnicodeString(uc), ec);
    if (U_SUCCESS(ec) && d.countChar32() == 1) {
      nf = static_cast<char32_t>(d.char32At(0));
      one_char = u_getCombiningClass(static_cast<UChar32>(nf)) == 0 && ccc == 0;
    }
  }
  Entry e = Fold(nf, form);
  e.boundary_before = boundary_before;
  e.standalone = nfkc == nullptr ||
                 (one_char && (ccc == 0 || e.kind == Kind::kMark || e.kind == Kind::kDrop));
  if (c >= 0x80 && c < 0x800 && e.standalone && e.boundary_before && e.kind == Kind::kEmit && e.len == 2) {
    std::string self;
    utf8::Append(c, &self);
    e.copies_two = std::memcmp(self.data(), e.bytes, 2) == 0;
  }
  return e;
}

// Entries for the ranges real text lives in: the one- and two-byte UTF-8
// characters (ASCII, Latin, Arabic), U+2000..U+21FF (quotes, dashes,
// zero-width and bidi controls, currency signs, number forms), and the
// presentation forms (Latin ligatures, Arabic letter shapes). Anything else
// is looked up in ICU each time it occurs.
struct Tables {
  static constexpr char32_t kPunctBegin = 0x2000, kPunctEnd = 0x2200;
  static constexpr char32_t kFormsBegin = 0xFB00, kFormsEnd = 0xFF00;
  std::array<Packed, 0x800> low[kForms];
  std::array<Packed, kPunctEnd - kPunctBegin> punct[kForms];
  std::array<Packed, kFormsEnd - kFormsBegin> forms[kForms];
};

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    for (int f = 0; f < kForms; ++f) {
      const auto form = static_cast<NormalForm>(f);
      for (char32_t c = 0; c < t->low[f].size(); ++c) t->low[f][c] = Packed(MakeEntry(c, form));
      for (char32_t c = 0; c < t->punct[f].size(); ++c) {
        t->punct[f][c] = Packed(MakeEntry(Tables::kPunctBegin + c, form));
      }
      for (char32_t c = 0; c < t->forms[f].size(); ++c) {
        t->forms[f][c] = Packed(MakeEntry(Tables::kFormsBegin + c, form));
      }
    }
    return t;
  }();
  return *tables;
}

class Lookup {
 public:
  explicit Lookup(NormalForm form)
      : form_(form),
        low_(GetTables().low[static_cast<int>(form)].data()),
        punct_(GetTables().punct[static_cast<int>(form)].data()),
        forms_(GetTables().forms[static_cast<int>(form)].data()) {}

  const Packed* low() const { return low_; }

  Packed operator()(char32_t c) const {
    if (c < 0x800) [[likely]] return low_[c];
    if (c - Tables::kPunctBegin < Tables::kPunctEnd - Tables::kPunctBegin) return punct_[c - Tables::kPunctBegin];
    if (c - Tables::kFormsBegin < Tables::kFormsEnd - Tables::kFormsBegin) return forms_[c - Tables::kFormsBegin];
    return Rare(c);
  }

 private:
  [[gnu::noinline]] Packed Rare(char32_t c) const { return Packed(MakeEntry(c, form_)); }

  NormalForm form_;
  const Packed* low_;
  const Packed* punct_;
  const Packed* forms_;
};

// A decoded character and its length in bytes; len 0 for an ill-formed sequence.
struct Decoded {
  char32_t c;
  uint32_t len;
};

// Three- and four-byte sequences, rare in Arabic and French text (Unicode
// table 3-7).
[[gnu::noinline]] Decoded DecodeLong(const unsigned char* p, size_t n, size_t i) {
  const unsigned b0 = p[i];
  if (b0 < 0xF0) {
    if (i + 2 >= n) return {0, 0};
    const unsigned b1 = p[i + 1], b2 = p[i + 2];
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return {0, 0};
    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F)) return {0, 0};
    return {((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F), 3};
  }
  if (b0 < 0xF5) {
    if (i + 3 >= n) return {0, 0};
    const unsigned b1 = p[i + 1], b2 = p[i + 2], b3 = p[i + 3];
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) return {0, 0};
    if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F)) return {0, 0};
    return {((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F), 4};
  }
  return {0, 0};
}

// Decodes the UTF-8 sequence at p[i], i < n. One- and two-byte characters
// (ASCII, Arabic, Latin) take no branch that depends on which they are:
// Arabic words and the spaces between them alternate too irregularly for
// the branch predictor.
[[gnu::always_inline]] inline Decoded Decode(const unsigned char* p, size_t n, size_t i) {
  const unsigned b0 = p[i];
  const unsigned b1 = i + 1 < n ? p[i + 1] : 0;
  const bool two = b0 >= 0x80;
  if (b0 >= 0xE0 || (two && (b0 < 0xC2 || (b1 & 0xC0) != 0x80))) [[unlikely]] {
    return b0 >= 0xE0 ? DecodeLong(p, n, i) : Decoded{0, 0};
  }
  const unsigned c2 = ((b0 & 0x1F) << 6) | (b1 & 0x3F);
  return {two ? c2 : b0, two ? 2u : 1u};
}

// The writer's state. Run keeps it in locals, which the compiler can hold in
// registers across the byte stores of the hot loop, and hands it over in
// this form to the out-of-line Staging::Put for everything else.
struct WriteState {
  size_t staged = 0;  // bytes in the staging buffers
  char pending = 0;   // ' ' or '\n' while a run of white space is open
  uint32_t pending_begin = 0, pending_end = 0;
};

// The output on its way into a NormalizedText: each byte's span is written
// once into a small staging buffer, then appended in blocks, rather than
// pushed onto two vectors one element at a time.
struct Staging {
  static constexpr size_t kSize = 2048;  // 18 KiB of stack in all
  NormalizedText* out;
  bool with_map;
  size_t flushed = 0;  // bytes already in *out
  char text[kSize + 8];
  uint32_t begin[kSize + 8];
  uint32_t end[kSize + 8];

  // Appends `len` bytes (1..4, in `bytes`), all with the span [ob, oe);
  // returns the new count of staged bytes.
  [[gnu::always_inline]] size_t Write(size_t staged, uint32_t bytes, size_t len, uint32_t ob, uint32_t oe) {
    if (staged >= kSize) [[unlikely]] {
      Flush(staged);
      staged = 0;
    }
    // Always four: the buffers have room, and the next write overwrites the rest.
    std::memcpy(text + staged, &bytes, 4);
    for (size_t q = 0; q < 4; ++q) {
      begin[staged + q] = ob;
      end[staged + q] = oe;
    }
    return staged + len;
  }

  bool Empty(size_t staged) const { return staged == 0 && flushed == 0; }

  // White space before any text is dropped; a run becomes one character, a
  // line break when the run holds one, written when the next text comes.
  [[gnu::always_inline]] void Space(bool newline, uint32_t ob, uint32_t oe, size_t staged, char* pending,
                                    uint32_t* pending_begin, uint32_t* pending_end) const {
    if (Empty(staged)) return;
    if (!*pending) {
      *pending = newline ? '\n' : ' ';
      *pending_begin = ob;
    } else if (newline) {
      *pending = '\n';
    }
    *pending_end = oe;
  }

  // Any entry, with its span [ob, oe).
  [[gnu::noinline]] void Put(WriteState* s, Packed e, uint32_t ob, uint32_t oe) {
    switch (e.kind()) {
      case Kind::kEmit:
        if (s->pending) {
          // A run that ends inside the cluster of this character (a space
          // before U+00A8, which NFKC turns into a space and a combining
          // mark) stops where that cluster starts, so no two spans overlap.
          uint32_t run_end = s->pending_end;
          if (s->pending_begin < ob && ob < run_end) run_end = ob;
          s->staged = Write(s->staged, static_cast<unsigned char>(s->pending), 1, s->pending_begin, run_end);
          s->pending = 0;
        }
        s->staged = Write(s->staged, e.bytes(), e.len(), ob, oe);
        return;
      case Kind::kSpace:
      case Kind::kNewline:
        Space(e.kind() == Kind::kNewline, ob, oe, s->staged, &s->pending, &s->pending_begin, &s->pending_end);
        return;
      case Kind::kMark:
        // A diacritic (or tatweel) belongs to the character it sits on: the
        // span of that character grows to cover it, so evidence shows the
        // word whole.
        if (!s->pending) ExtendLastUnit(s->staged, oe);
        return;
      case Kind::kDrop:
        return;
    }
  }

  [[gnu::noinline]] void Flush(size_t staged) {
    out->text.append(text, staged);
    if (with_map) {
      out->orig_begin.insert(out->orig_begin.end(), begin, begin + staged);
      out->orig_end.insert(out->orig_end.end(), end, end + staged);
    }
    flushed += staged;
  }

  // The span of the last unit grows to end at `oe` or later. A unit is the
  // run of bytes that share one span start: a character, or all that one
  // cluster became.
  void ExtendLastUnit(size_t staged, uint32_t oe) {
    const size_t total = flushed + staged;
    if (total == 0 || (staged == 0 && !with_map)) return;
    const uint32_t unit_begin = staged > 0 ? begin[staged - 1] : out->orig_begin.back();
    for (size_t g = total; g-- > 0;) {
      uint32_t* b;
      uint32_t* e;
      if (g >= flushed) {
        b = &begin[g - flushed];
        e = &end[g - flushed];
      } else {
        if (!with_map) return;
        b = &out->orig_begin[g];
        e = &out->orig_end[g];
      }
      if (*b != unit_begin) return;
      *e = std::max(*e, oe);
    }
  }
};

// A cluster NFKC changes as a whole: ICU normalises it and each character
// that comes out is folded into *entries. An isolated diacritic
// (U+FE70..U+FE7F, U+FC5E..U+FC63) comes out as a space and the diacritic:
// it is a diacritic like any other, not a word break, so it becomes one kMark
// (a real space followed by a stray diacritic stays a space).
void FoldCluster(std::string_view cluster, const Lookup& lookup, std::string* scratch, std::vector<Packed>* entries) {
  const icu::Normalizer2* nfkc = Nfkc();
  scratch->clear();
  entries->clear();
  {
    icu::StringByteSink<std::string> sink(scratch, static_cast<int32_t>(cluster.size() * 3));
    UErrorCode ec = U_ZERO_ERROR;
    if (nfkc) {
      nfkc->normalizeUTF8(0, icu::StringPiece(cluster.data(), static_cast<int32_t>(cluster.size())), sink, nullptr,
                          ec);
    }
    if (!nfkc || U_FAILURE(ec)) scratch->assign(cluster.data(), cluster.size());
  }
  // Only diacritics that both forms drop count here, so that the key of the
  // text form is the key of the original.
  bool space_or_mark = true, mark = false;
  for (size_t i = 0; i < scratch->size();) {
    const char32_t c = utf8::Next(*scratch, &i);
    const Packed e = lookup(c);
    const bool diacritic = IsArabicMark(c) || c == 0x0640;
    mark = mark || diacritic;
    space_or_mark = space_or_mark && (diacritic || e.kind() == Kind::kSpace || e.kind() == Kind::kNewline ||
                                     e.kind() == Kind::kDrop);
    entries->push_back(e);
  }
  size_t first = 0;
  const Kind first_kind = cluster.empty() ? Kind::kDrop : lookup(utf8::Next(cluster, &first)).kind();
  const bool starts_with_space = first_kind == Kind::kSpace || first_kind == Kind::kNewline;
  if (space_or_mark && mark && !starts_with_space) {
    Entry m;
    m.kind = Kind::kMark;
    entries->assign(1, Packed(m));
  }
}

// Normalises `src` into *out; false (and *out partly filled) at the first
// ill-formed UTF-8 sequence.
bool Run(std::string_view src, NormalForm form, bool with_map, NormalizedText* out) {
  const Lookup lookup(form);
  const Packed* const low = lookup.low();
  auto find = [low, &lookup](char32_t c) __attribute__((always_inline)) { return c < 0x800 ? low[c] : lookup(c); };
  Staging stage;
  stage.out = out;
  stage.with_map = with_map;
  size_t staged = 0;
  char pending = 0;
  uint32_t pending_begin = 0, pending_end = 0;
  std::string scratch;
  std::vector<Packed> cluster_entries;

  const auto* p = reinterpret_cast<const unsigned char*>(src.data());
  const size_t n = src.size();
  uint32_t cp = 0;  // code points of the original before position i
  size_t i = 0;
  Decoded cur{0, 0};
  if (n > 0) {
    cur = Decode(p, n, 0);
    if (cur.len == 0) return false;
  }
  Packed e = n > 0 ? find(cur.c) : Packed();
  while (i < n) {
    if (e.copies_two()) {
      // A run of letters that NFKC and the fold leave alone, and single
      // spaces between them: most of any Arabic text. Each letter is copied
      // once the character after it is known to be such a letter or a space
      // before one.
      size_t k = i;
      while (k + 4 < n) {
        const unsigned b0 = p[k + 2], b1 = p[k + 3];
        size_t step;
        Packed x;
        if ((b0 & 0xE0) == 0xC0 && (b1 & 0xC0) == 0x80) {
          x = low[((b0 & 0x1F) << 6) | (b1 & 0x3F)];  // an overlong form lands on ASCII: not copied
          step = 2;
        } else if (b0 == ' ' && (b1 & 0xE0) == 0xC0 && (p[k + 4] & 0xC0) == 0x80) {
          x = low[((b1 & 0x1F) << 6) | (p[k + 4] & 0x3F)];
          step = 3;
        } else {
          break;
        }
        if (!x.copies_two()) break;
        if (pending) [[unlikely]] {
          staged = stage.Write(staged, static_cast<unsigned char>(pending), 1, pending_begin, pending_end);
          pending = 0;
        }
        uint32_t two = 0;
        std::memcpy(&two, p + k, 2);
        staged = stage.Write(staged, two, 2, cp, cp + 1);
        if (step == 3) {
          pending = ' ';
          pending_begin = cp + 1;
          pending_end = cp + 2;
        }
        cp += step - 1;
        k += step;
        e = x;
      }
      i = k;
      cur.len = 2;
    }
    // The character at i is e (cur.len bytes); look at the next one.
    size_t j = i + cur.len;
    Decoded next{0, 0};
    Packed ne = Packed::EndOfText();
    if (j < n) [[likely]] {
      next = Decode(p, n, j);
      if (next.len == 0) return false;
      ne = find(next.c);
    }
    if (e.EmitsAloneBefore(ne)) [[likely]] {
      if (pending) {
        staged = stage.Write(staged, static_cast<unsigned char>(pending), 1, pending_begin, pending_end);
        pending = 0;
      }
      staged = stage.Write(staged, e.bytes(), e.len(), cp, cp + 1);
      ++cp;
    } else if (e.SpaceAloneBefore(ne)) {
      stage.Space(e.kind() == Kind::kNewline, cp, cp + 1, staged, &pending, &pending_begin, &pending_end);
      ++cp;
    } else {
      WriteState s{staged, pending, pending_begin, pending_end};
      if (e.standalone() && ne.boundary_before()) {
        stage.Put(&s, e, cp, cp + 1);
        ++cp;
      } else {
        // A cluster: this character and the ones up to the next boundary.
        bool standalone = e.standalone();
        uint32_t cluster_end = cp + 1;
        while (!ne.boundary_before()) {
          standalone = standalone && ne.standalone();
          j += next.len;
          ++cluster_end;
          ne = Packed::EndOfText();
          if (j < n) {
            next = Decode(p, n, j);
            if (next.len == 0) return false;
            ne = find(next.c);
          }
        }
        if (standalone) {
          size_t k = i;
          for (uint32_t q = cp; q < cluster_end; ++q) {
            Decoded d = Decode(p, n, k);
            stage.Put(&s, find(d.c), q, q + 1);
            k += d.len;
          }
        } else {
          FoldCluster(src.substr(i, j - i), lookup, &scratch, &cluster_entries);
          for (Packed ce : cluster_entries) stage.Put(&s, ce, cp, cluster_end);
        }
        cp = cluster_end;
      }
      staged = s.staged;
      pending = s.pending;
      pending_begin = s.pending_begin;
      pending_end = s.pending_end;
    }
    i = j;
    cur = next;
    e = ne;
  }
  // Trailing white space is dropped, like leading white space.
  if (staged > 0) stage.Flush(staged);
  out->original_length = cp;
  return true;
}

// The offset map takes eight bytes per byte of text. For a large document
// that is a lot of fresh memory, and on virtual machines each 4 KiB page
// fault costs microseconds: ask for huge pages, which cut the faults 512-fold.
template <typename T>
void PreferHugePages(const T* data, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  if (bytes < 2 * kHuge) return;
  const auto begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

void Reserve(size_t size, bool with_map, NormalizedText* out) {
  out->text.reserve(size);
  PreferHugePages(out->text.data(), out->text.capacity());
  if (with_map) {
    out->orig_begin.reserve(size);
    out->orig_end.reserve(size);
    PreferHugePages(out->orig_begin.data(), out->orig_begin.capacity() * sizeof(uint32_t));
    PreferHugePages(out->orig_end.data(), out->orig_end.capacity() * sizeof(uint32_t));
  }
}

NormalizedText NormalizeImpl(std::string_view original, NormalForm form, bool with_map) {
  NormalizedText out;
  Reserve(original.size(), with_map, &out);
  if (Run(original, form, with_map, &out)) return out;
  // Ill-formed UTF-8: start again on a copy with U+FFFD for each bad sequence.
  std::string sanitized;
  size_t invalid = utf8::Sanitize(original, &sanitized);
  out = NormalizedText();
  Reserve(sanitized.size(), with_map, &out);
  Run(sanitized, form, with_map, &out);
  out.invalid_utf8 = invalid;
  return out;
}

}  // namespace

Span NormalizedText::ToOriginal(size_t byte_begin, size_t byte_end) const {
  if (text.empty() || orig_begin.size() != text.size() || orig_end.size() != text.size()) return {0, 0};
  if (byte_begin >= text.size()) {
    return {static_cast<int64_t>(original_length), static_cast<int64_t>(original_length)};
  }
  if (byte_end > text.size()) byte_end = text.size();
  if (byte_end <= byte_begin) return {orig_begin[byte_begin], orig_begin[byte_begin]};
  return {orig_begin[byte_begin], orig_end[byte_end - 1]};
}

NormalizedText Normalize(std::string_view original, NormalForm form) {
  return NormalizeImpl(original, form, true);
}

std::string NormalizeKey(std::string_view s) {
  return NormalizeImpl(s, NormalForm::kKey, false).text;
}

}  // namespace rasd
