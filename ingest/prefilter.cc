#include "ingest/prefilter.h"

#include <re2/re2.h>
#include <libxml/HTMLparser.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "common/tsv.h"
#include "normalize/normalize.h"

namespace rasd::ingest {
namespace fs = std::filesystem;

namespace {

// The single-byte charsets the reader meets on Arabic and French pages; a
// page declared in any other is not filtered (CoversCharset).
const char* const kByteCharsets[] = {"windows-1256", "ISO-8859-6", "windows-1252", "ISO-8859-1", "ISO-8859-15"};

std::u32string ToCodePoints(std::string_view s) {
  std::u32string out;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::string Utf8(char32_t c) {
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
  return out;
}

// How every code point folds under the key normalisation, computed once.
struct FoldTable {
  // Below U+10000, what each code point folds to: a letter (itself where
  // the key form keeps it), kNothing or kSeveral.
  static constexpr char32_t kNothing = 0xFFFFFFFF, kSeveral = 0xFFFFFFFE;
  std::vector<char32_t> bmp = std::vector<char32_t>(0x10000);
  // Code points folding to several letters (ligatures such as lam-alef,
  // squared abbreviations), and those above U+FFFF that fold at all
  // (mathematical and Arabic mathematical letters), to what they fold to.
  std::map<char32_t, std::u32string> other;
  // Per single-byte charset (those alike merged), each byte's code point
  // (-1: none).
  std::vector<std::array<int32_t, 256>> charsets;
};

const FoldTable& Folds() {
  static const FoldTable table = [] {
    FoldTable t;
    for (char32_t c = 0; c < 0x10000; ++c) t.bmp[c] = c;
    auto visit = [&](char32_t c) {
      if (c >= 0xD800 && c <= 0xDFFF) return;
      int8_t type = u_charType(static_cast<UChar32>(c));
      if (type == U_UNASSIGNED || type == U_CONTROL_CHAR || type == U_SURROGATE || type == U_PRIVATE_USE_CHAR) return;
      std::string in = Utf8(c);
      std::string key = NormalizeKey(in);
      if (key == in) return;
      std::u32string folded = ToCodePoints(key);
      // Spaces end words as they are: a cue word never spans one.
      if (folded.empty() && u_isUWhiteSpace(static_cast<UChar32>(c))) return;
      if (c < 0x10000) {
        t.bmp[c] = folded.empty() ? FoldTable::kNothing : folded.size() == 1 ? folded[0] : FoldTable::kSeveral;
      }
      if (c >= 0x10000 || folded.size() > 1) t.other[c] = folded;
    };
    // The blocks whose characters NFKC and the key form fold to Latin or
    // Arabic letters, or remove: Latin and its modifiers, superscripts,
    // letterlike and enclosed forms, squared abbreviations, combining marks,
    // Arabic and its presentation forms, general punctuation (zero-width and
    // bidi marks), variation selectors, full-width forms, mathematical and
    // Arabic mathematical letters.
    const std::pair<char32_t, char32_t> blocks[] = {
        {0x0000, 0x0370}, {0x0600, 0x0700}, {0x0750, 0x0780}, {0x08A0, 0x0900}, {0x1AB0, 0x1B00},
        {0x1D00, 0x1F00}, {0x2000, 0x2190}, {0x2460, 0x2500}, {0x3200, 0x3400}, {0xFB00, 0xFE30},
        {0xFE70, 0xFF00}, {0xFF00, 0xFFF0}, {0x1D400, 0x1D800}, {0x1EE00, 0x1EF00}, {0x1F100, 0x1F200}};
    for (const auto& [from, to] : blocks) {
      for (char32_t c = from; c < to; ++c) visit(c);
    }
    for (const char* name : kByteCharsets) {
      UErrorCode ec = U_ZERO_ERROR;
      UConverter* conv = ucnv_open(name, &ec);
      if (U_FAILURE(ec)) continue;
      std::array<int32_t, 256> cps;
      for (int b = 0; b < 0x100; ++b) {
        char in = static_cast<char>(b);
        UChar out[4];
        ec = U_ZERO_ERROR;
        int32_t n = ucnv_toUChars(conv, out, 4, &in, 1, &ec);
        cps[static_cast<size_t>(b)] = U_FAILURE(ec) || n != 1 || out[0] == 0xFFFD || out[0] == 0x1A ? -1 : out[0];
      }
      ucnv_close(conv);
      if (std::find(t.charsets.begin(), t.charsets.end(), cps) == t.charsets.end()) t.charsets.push_back(cps);
    }
    return t;
  }();
  return table;
}

// The prefilter reads a page as a string of one byte per key letter: the
// letters of the cue words each have a byte of their own, from kFirstLetter
// on; any other letter or digit is kOther, which ends a word, and anything
// else (spaces, punctuation, markup) kSeparator, runs of them read as one.
// What folds to nothing (diacritics, tatweel, zero-width marks) is left
// out. Every spelling the key normalisation folds together, in every
// encoding the reader decodes, comes out as the same bytes, so the
// patterns are the cue words as they are.
constexpr uint8_t kNothing = 0, kSeveral = 1, kSeparator = ' ', kOther = '#', kFirstLetter = 0x80;

// Words of a key-form phrase: runs of letters and digits.
std::vector<std::u32string> KeyWords(std::string_view phrase) {
  std::vector<std::u32string> words;
  std::u32string cur;
  for (char32_t c : ToCodePoints(NormalizeKey(phrase))) {
    if (u_isalnum(static_cast<UChar32>(c))) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

}  // namespace

class PrefilterImpl {
 public:
  std::vector<std::string> words;  // every word of every phrase, key form
  // Below U+10000, each code point's byte (kNothing, kSeparator, kOther,
  // a letter's) or kSeveral, whose bytes are in `several` as those of code
  // points above U+FFFF that fold to letters.
  std::vector<uint8_t> bmp = std::vector<uint8_t>(0x10000);
  std::map<char32_t, std::string> several;
  // Every phrase as one regex over those bytes. A page passes on its first
  // match, and where RE2's DFA runs out of memory RE2 goes on with an NFA by
  // itself, so the verdict never depends on what the DFA's cache held.
  std::unique_ptr<RE2> any;

  // The bytes of the code point `c`, appended at `w`, which has room for
  // kMaxBytesPerCodePoint; returns the end.
  static constexpr size_t kMaxBytesPerCodePoint = 32;
  uint8_t* Put(int32_t c, uint8_t* w) const {
    uint8_t k = c >= 0 && c < 0x10000 ? bmp[static_cast<size_t>(c)] : kSeveral;
    return k == kSeveral ? PutSeveral(c, w) : PutByte(k, w);
  }
  uint8_t* PutSeveral(int32_t c, uint8_t* w) const {
    auto it = several.find(static_cast<char32_t>(c));
    // Above U+FFFF and not folded: a letter or digit of another script, or
    // a symbol (emoji) between words; or a byte no charset maps (-1).
    if (it == several.end()) return PutByte(c >= 0 && u_isalnum(c) ? kOther : kSeparator, w);
    for (char b : it->second) w = PutByte(static_cast<uint8_t>(b), w);
    return w;
  }
  // One byte at `w` (w[-1] is always written): nothing for kNothing, and a
  // run of separators as one.
  static uint8_t* PutByte(uint8_t k, uint8_t* w) {
    *w = k;
    return w + (k != kNothing && !(k == kSeparator && w[-1] == kSeparator));
  }
};

namespace {

// The bytes of a key-form word.
std::string KeyBytes(const std::u32string& word, const std::map<char32_t, uint8_t>& letters) {
  std::string out;
  for (char32_t c : word) {
    auto it = letters.find(c);
    out.push_back(static_cast<char>(it != letters.end() ? it->second : u_isalnum(static_cast<UChar32>(c)) ? kOther : kSeparator));
  }
  return out;
}

std::string Hex(const std::string& bytes) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) out += std::string("\\x") + d[b >> 4] + d[b & 15];
  return out;
}

// Phrases as a trie of words, so that the words phrases share are written
// once in the regex.
class PhraseTrie {
 public:
  void Add(const std::vector<std::string>& words) {
    Node* n = &root_;
    for (const auto& w : words) {
      if (n->end) return;  // a shorter phrase already matches wherever this one does
      n = &n->next[w];
    }
    n->end = true;
    n->next.clear();
  }
  // Each word as its bytes, `between` before each word after the first.
  std::string Regex(const std::string& between) const { return Of(root_, between); }

 private:
  struct Node {
    bool end = false;
    std::map<std::string, Node> next;
  };
  static std::string Of(const Node& n, const std::string& between) {
    std::string alts;
    for (const auto& [w, child] : n.next) {
      alts += (alts.empty() ? "" : "|") + Hex(w);
      if (!child.end) alts += between + Of(child, between);
    }
    return n.next.size() > 1 ? "(?:" + alts + ")" : alts;
  }
  Node root_;
};

}  // namespace

Prefilter::Prefilter(std::unique_ptr<PrefilterImpl> impl) : impl_(std::move(impl)) {}
Prefilter::~Prefilter() = default;

const std::vector<std::string>& Prefilter::words() const { return impl_->words; }

Result<std::unique_ptr<Prefilter>> Prefilter::FromPhrases(const std::vector<std::string>& phrases,
                                                          const std::vector<std::string>& prefixes) {
  std::vector<std::u32string> strip;
  for (const std::string& p : prefixes) {
    std::u32string k = ToCodePoints(NormalizeKey(p));
    if (!k.empty()) strip.push_back(k);
  }
  std::sort(strip.begin(), strip.end(), [](const auto& a, const auto& b) { return a.size() > b.size() || (a.size() == b.size() && a < b); });
  strip.erase(std::unique(strip.begin(), strip.end()), strip.end());
  // Each phrase as its words in order, the article or a clitic the
  // extractor takes off or puts back taken off each, so only what follows
  // it is sure to be on the page.
  std::set<std::vector<std::u32string>> chosen;
  for (const std::string& phrase : phrases) {
    std::vector<std::u32string> words;
    for (std::u32string w : KeyWords(phrase)) {
      for (const auto& p : strip) {
        if (w.size() > p.size() + 1 && w.compare(0, p.size(), p) == 0) {
          w = w.substr(p.size());
          break;
        }
      }
      words.push_back(w);
    }
    if (!words.empty()) chosen.insert(words);
  }
  if (chosen.empty()) return Status::InvalidArgument("prefilter: no cue phrase to search for");
  // A byte for each letter of the words and of the articles.
  std::map<char32_t, uint8_t> letters;
  auto number = [&](const std::u32string& w) {
    for (char32_t c : w) {
      if (!letters.count(c) && u_isalnum(static_cast<UChar32>(c))) letters.emplace(c, 0);
    }
  };
  for (const auto& words : chosen) std::for_each(words.begin(), words.end(), number);
  std::for_each(strip.begin(), strip.end(), number);
  if (letters.size() > 0x100 - kFirstLetter) return Status::InvalidArgument("prefilter: more than 128 letters in the cue words");
  uint8_t next = kFirstLetter;
  for (auto& [c, b] : letters) b = next++;

  auto impl = std::make_unique<PrefilterImpl>();
  const FoldTable& t = Folds();
  auto key = [&](char32_t letter) -> uint8_t {
    auto it = letters.find(letter);
    if (it != letters.end()) return it->second;
    return u_isalnum(static_cast<UChar32>(letter)) ? kOther : kSeparator;
  };
  for (char32_t c = 0; c < 0x10000; ++c) {
    char32_t f = t.bmp[c];
    impl->bmp[c] = f == FoldTable::kNothing ? kNothing : f == FoldTable::kSeveral ? kSeveral : key(f);
  }
  for (const auto& [c, folded] : t.other) {
    std::string bytes;
    for (char32_t f : folded) bytes.push_back(static_cast<char>(key(f)));
    if (bytes.size() > PrefilterImpl::kMaxBytesPerCodePoint) {
      return Status::Unsupported("prefilter: U+" + std::to_string(c) + " folds to more letters than it has room for");
    }
    impl->several[c] = bytes;
  }

  PhraseTrie trie;
  for (const auto& words : chosen) {
    std::vector<std::string> keyed;
    for (const auto& w : words) {
      keyed.push_back(KeyBytes(w, letters));
      std::string s;
      for (char32_t c : w) s += Utf8(c);
      if (std::find(impl->words.begin(), impl->words.end(), s) == impl->words.end()) impl->words.push_back(s);
    }
    trie.Add(keyed);
  }
  // Later words of a phrase may carry the article or drop it.
  std::string article;
  for (const auto& p : strip) article += (article.empty() ? "" : "|") + Hex(KeyBytes(p, letters));
  if (!article.empty()) article = "(?:" + article + ")?";
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_never_capture(true);
  o.set_max_mem(int64_t{64} << 20);
  impl->any = std::make_unique<RE2>(trie.Regex(Hex(std::string(1, static_cast<char>(kSeparator))) + article), o);
  if (!impl->any->ok()) return Status::Unsupported("prefilter: RE2 cannot compile the patterns: " + impl->any->error());
  return std::unique_ptr<Prefilter>(new Prefilter(std::move(impl)));
}

Result<std::unique_ptr<Prefilter>> Prefilter::Load(const std::string& data_dir) {
  std::vector<std::string> phrases, prefixes;
  std::error_code ec;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(data_dir, ec)) {
    if (e.is_directory() && fs::exists(e.path() / "cues.tsv")) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path& dir : dirs) {
    Status s = ReadTsv((dir / "cues.tsv").string(), true, [&](const TsvRow& row) {
      if (row.at(0) == "subject") {
        for (auto& f : SplitVariants(row.at(1))) phrases.push_back(f);
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
    if (fs::exists(dir / "clitics.tsv")) {
      // The article, and what a clitic is replaced by (لل -> ال), may be on
      // the cue's word and not on the page.
      s = ReadTsv((dir / "clitics.tsv").string(), true, [&](const TsvRow& row) {
        if (!row.at(1).empty()) prefixes.push_back(row.at(1));
        if (row.at(2) == "article") prefixes.push_back(row.at(0));
        return Status::Ok();
      });
      if (!s.ok()) return s;
    }
  }
  if (phrases.empty()) return Status::NotFound("prefilter: no 'subject' cues in " + data_dir + "/*/cues.tsv");
  return FromPhrases(phrases, prefixes);
}

bool Prefilter::CoversCharset(std::string_view charset) {
  if (charset.empty()) return true;
  std::string c(charset);
  std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return std::tolower(ch); });
  static const std::set<std::string> covered = {
      "utf-8", "utf8", "us-ascii", "ascii", "windows-1256", "cp1256", "x-cp1256", "iso-8859-6", "iso8859-6",
      "arabic", "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso-8859-15",
      "iso8859-15", "latin-9"};
  return covered.count(c) > 0;
}

std::unique_ptr<Prefilter::Scanner> Prefilter::NewScanner() const {
  return std::unique_ptr<Scanner>(new Scanner(impl_.get()));
}

Prefilter::Scanner::Scanner(const PrefilterImpl* impl) : impl_(impl) {}

Prefilter::Scanner::~Scanner() = default;

namespace {

// The value of a digit in `base` (10 or 16), -1 for another character.
int DigitValue(unsigned char c, int base) {
  int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  return d < base ? d : -1;
}

// The character an HTML reference at `p` (just after '&') stands for, and
// its length up to and with the ';' (optional, as browsers and libxml2
// read it); -1 when `p` does not start one.
int32_t Reference(const char* p, const char* end, size_t* used) {
  const char* q = p;
  if (q < end && *q == '#') {
    ++q;
    bool hex = q < end && (*q == 'x' || *q == 'X');
    if (hex) ++q;
    const char* digits = q;
    uint32_t v = 0;
    const int base = hex ? 16 : 10;
    for (int d; q < end && (d = DigitValue(static_cast<unsigned char>(*q), base)) >= 0; ++q) {
      if (v < 0x110000) v = v * static_cast<uint32_t>(base) + static_cast<uint32_t>(d);
    }
    if (q == digits || v >= 0x110000) return -1;
    if (q < end && *q == ';') ++q;
    *used = static_cast<size_t>(q - p);
    return static_cast<int32_t>(v);
  }
  char name[40];
  size_t n = 0;
  while (q < end && n + 1 < sizeof name && std::isalnum(static_cast<unsigned char>(*q))) name[n++] = *q++;
  if (n == 0) return -1;
  name[n] = 0;
  const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name));
  if (!e) return -1;
  if (q < end && *q == ';') ++q;
  *used = static_cast<size_t>(q - p);
  return static_cast<int32_t>(e->value);
}

// The character of a JSON escape (backslash, 'u', four hex digits) at `p`,
// just after the backslash; -1 when `p` does not start one.
int32_t JsonEscape(const uint8_t* p, const uint8_t* end) {
  if (end - p < 5 || p[0] != 'u') return -1;
  int32_t v = 0;
  for (int k = 1; k <= 4; ++k) {
    int d = DigitValue(p[k], 16);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// Whether `name` (lower case ASCII) starts `p`, in any case.
bool NamePrefixIs(const uint8_t* p, const uint8_t* end, std::string_view name) {
  if (static_cast<size_t>(end - p) < name.size()) return false;
  for (size_t k = 0; k < name.size(); ++k) {
    if ((p[k] | 0x20) != static_cast<uint8_t>(name[k])) return false;
  }
  return true;
}

// Whether an element name (ASCII, any case) starts at `p`.
bool NameIs(const uint8_t* p, const uint8_t* end, std::string_view name) {
  if (static_cast<size_t>(end - p) <= name.size() || !NamePrefixIs(p, end, name)) return false;
  uint8_t after = p[name.size()];
  return after == '>' || after == '/' || after == ' ' || after == '\t' || after == '\n' || after == '\r' || after == '\f';
}

inline bool IsAsciiAlpha(uint8_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// The '>' ending the tag that starts at `p`, as libxml2 reads it: a quoted
// attribute value (after '=') may hold '>'. Null when there is none, or a
// quoted value is never closed (the reader's own guess is then unknown, so
// the bytes are read as text).
const uint8_t* TagEnd(const uint8_t* p, const uint8_t* end) {
  for (const uint8_t* q = p + 1; q < end; ++q) {
    if (*q == '>') return q;
    if (*q != '=') continue;
    const uint8_t* v = q + 1;
    while (v < end && (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' || *v == '\f')) ++v;
    if (v == end) return nullptr;
    if (*v != '"' && *v != '\'') continue;
    const auto* close = static_cast<const uint8_t*>(std::memchr(v + 1, *v, static_cast<size_t>(end - v - 1)));
    if (!close) return nullptr;
    q = close;
  }
  return nullptr;
}

// Where the markup starting with the '<' at `p` ends: past a start or end
// tag, a comment or a doctype; for a script (other than JSON-LD, which the
// reader reads) or a style sheet, at the "</" of its end tag, where libxml2
// in recovery mode ends it too (with `scripts`: HTML within a JSON string
// may write "<\/script>"). What is skipped never reaches the main
// text. Null when `p` starts none of these (text such as "a < b" or "</3"),
// or where the reader's reading is in doubt: those bytes are read as text,
// which can only let more pages through.
const uint8_t* SkipMarkup(const uint8_t* p, const uint8_t* end, bool scripts) {
  if (end - p < 3) return nullptr;
  const uint8_t c = p[1];
  if (c == '!') {
    if (end - p >= 4 && p[2] == '-' && p[3] == '-') {
      for (const uint8_t* q = p + 4; q + 2 < end; ++q) {
        q = static_cast<const uint8_t*>(std::memchr(q, '-', static_cast<size_t>(end - q)));
        if (!q || q + 2 >= end) return nullptr;
        if (q[1] == '-' && q[2] == '>') return q + 3;
        if (q[1] == '-' && q[2] == '!' && q + 3 < end && q[3] == '>') return q + 4;  // as browsers end it
      }
      return nullptr;
    }
    if (!NamePrefixIs(p + 2, end, "doctype")) return nullptr;
    const auto* gt = static_cast<const uint8_t*>(std::memchr(p, '>', static_cast<size_t>(end - p)));
    return gt ? gt + 1 : nullptr;
  }
  if (c == '/') {
    if (!IsAsciiAlpha(p[2])) return nullptr;
    const auto* gt = static_cast<const uint8_t*>(std::memchr(p, '>', static_cast<size_t>(end - p)));
    return gt ? gt + 1 : nullptr;
  }
  if (!IsAsciiAlpha(c)) return nullptr;
  // A meta element's content (og:title) is read by the reader: kept.
  const uint8_t first = c | 0x20;
  if (first == 'm' && NameIs(p + 1, end, "meta")) return nullptr;
  const uint8_t* gt = TagEnd(p, end);
  if (!gt) return nullptr;
  std::string_view element;
  if (first == 's') element = NameIs(p + 1, end, "script") ? "script" : NameIs(p + 1, end, "style") ? "style" : "";
  if (element.empty() || !scripts) return gt + 1;
  std::string_view tag(reinterpret_cast<const char*>(p), static_cast<size_t>(gt - p));
  if (tag.find("ld+json") != std::string_view::npos) return gt + 1;
  for (const uint8_t* q = gt + 1; q < end;) {
    q = static_cast<const uint8_t*>(std::memchr(q, '<', static_cast<size_t>(end - q)));
    if (!q) break;
    if (end - q > 2 && q[1] == '/' && NamePrefixIs(q + 2, end, element)) return q;
    ++q;
  }
  return end;  // never closed: the rest of the page is its content
}

// The page as the reader would see it through one hypothesis about its
// encoding, as key bytes (see kSeparator), HTML references and JSON escapes
// decoded: `charset` null for UTF-8 (ill-formed bytes read as separators;
// returns false when there were some), else a single-byte charset's code
// points. Each tag stands as a separator (meta elements apart: the reader
// reads their content); with `markup` (an HTML page, not a JSON line that
// may hold one) scripts other than JSON-LD and style sheets are left out.
bool Fold(const PrefilterImpl& impl, std::string_view in, const std::array<int32_t, 256>* charset, bool markup,
          std::string* out) {
  const auto* data = reinterpret_cast<const uint8_t*>(in.data());
  const size_t size = in.size();
  // Room for every byte, and for the longest fold of one code point (a
  // ligature of a whole formula) at any point: grown when short.
  out->resize(size + 1 + 2 * PrefilterImpl::kMaxBytesPerCodePoint);
  auto* base = reinterpret_cast<uint8_t*>(out->data());
  uint8_t* w = base;
  *w++ = kSeparator;
  uint8_t* limit = base + out->size() - PrefilterImpl::kMaxBytesPerCodePoint;
  bool well_formed = true;
  const uint8_t* const bmp = impl.bmp.data();
  size_t i = 0;
  auto put = [&](uint8_t k) { w = PrefilterImpl::PutByte(k, w); };
  while (i < size) {
    if (w >= limit) {
      size_t used = static_cast<size_t>(w - base);
      out->resize(out->size() * 2);
      base = reinterpret_cast<uint8_t*>(out->data());
      w = base + used;
      limit = base + out->size() - PrefilterImpl::kMaxBytesPerCodePoint;
    }
    uint8_t b = data[i];
    if (b < 0x80 && b != '&' && b != '<' && b != '\\') {
      put(bmp[b]);
      ++i;
      continue;
    }
    if (b == '<') {
      const uint8_t* past = SkipMarkup(data + i, data + size, markup);
      put(kSeparator);
      i = past ? static_cast<size_t>(past - data) : i + 1;
      continue;
    }
    if (b == '\\') {
      // A JSON escape: the prefilter reads JSON Lines before they are parsed.
      int32_t c = JsonEscape(data + i + 1, data + size);
      if (c >= 0) {
        w = impl.Put(c, w);
        i += 6;
      } else if (!markup && i + 1 < size && std::strchr("bfnrt", data[i + 1]) && data[i + 1] != 0) {
        put(kSeparator);
        i += 2;
      } else {
        put(kSeparator);
        ++i;
      }
      continue;
    }
    if (b == '&') {
      size_t used = 0;
      int32_t c = Reference(in.data() + i + 1, in.data() + size, &used);
      if (c < 0) {
        put(kSeparator);
        ++i;
        continue;
      }
      w = impl.Put(c, w);
      i += 1 + used;
      continue;
    }
    if (charset) {
      w = impl.Put((*charset)[b], w);
      ++i;
      continue;
    }
    // Two-byte sequences (Arabic, accented Latin) decoded inline.
    if (b >= 0xC2 && b < 0xE0 && i + 1 < size && (data[i + 1] & 0xC0) == 0x80) {
      const int32_t c = ((b & 0x1F) << 6) | (data[i + 1] & 0x3F);
      const uint8_t k = bmp[c];
      w = k == kSeveral ? impl.PutSeveral(c, w) : PrefilterImpl::PutByte(k, w);
      i += 2;
      continue;
    }
    int32_t k = static_cast<int32_t>(i), n = static_cast<int32_t>(std::min<size_t>(size, i + 4));
    UChar32 c;
    U8_NEXT(data, k, n, c);
    if (c < 0) {
      // The reader repairs it as U+FFFD, which ends a word.
      well_formed = false;
      put(kSeparator);
      i = static_cast<size_t>(k);
      continue;
    }
    w = impl.Put(c, w);
    i = static_cast<size_t>(k);
  }
  out->resize(static_cast<size_t>(w - base));
  return well_formed;
}

}  // namespace

bool Prefilter::Scanner::Scan(std::string_view bytes) {
  return RE2::PartialMatch(re2::StringPiece(bytes.data(), bytes.size()), *impl_->any);
}

bool Prefilter::Scanner::MayBeAboutProgramme(std::string_view bytes, Form form) {
  const bool markup = form == Form::kHtml;
  if (bytes.empty()) return false;
  // UTF-16 and UTF-32 text (any NUL byte) is not what the key bytes read.
  if (std::memchr(bytes.data(), 0, bytes.size())) return true;
  // The reader takes well-formed UTF-8 for UTF-8; anything else may be in
  // any of the single-byte charsets (or UTF-8 repaired).
  bool utf8 = Fold(*impl_, bytes, nullptr, markup, &folded_);
  if (Scan(folded_)) return true;
  if (utf8) return false;
  for (const auto& charset : Folds().charsets) {
    Fold(*impl_, bytes, &charset, markup, &folded_);
    if (Scan(folded_)) return true;
  }
  return false;
}

}  // namespace rasd::ingest
