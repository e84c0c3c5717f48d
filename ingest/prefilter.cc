#include "ingest/prefilter.h"

#include <re2/re2.h>
#include <libxml/HTMLparser.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
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
  std::map<char32_t, std::vector<char32_t>> single;        // letter -> code points folding to it
  std::vector<std::pair<char32_t, std::u32string>> multi;  // code points folding to several letters
  std::vector<char32_t> ignorable;                        // folding to nothing
  std::map<char32_t, std::vector<std::string>> bytes;     // code point -> its byte in each single-byte charset
  // Per single-byte charset (those with the same set merged), the bytes that
  // stand for an ignorable character.
  std::vector<std::array<bool, 256>> ignorable_bytes;
  // `ignorable` below U+10000 as a table: looked up for every character of
  // every page.
  std::vector<uint8_t> ignorable_bmp = std::vector<uint8_t>(0x10000, 0);
};

const FoldTable& Folds() {
  static const FoldTable table = [] {
    FoldTable t;
    auto visit = [&](char32_t c) {
      if (c >= 0xD800 && c <= 0xDFFF) return;
      int8_t type = u_charType(static_cast<UChar32>(c));
      if (type == U_UNASSIGNED || type == U_CONTROL_CHAR || type == U_SURROGATE || type == U_PRIVATE_USE_CHAR) return;
      std::string in = Utf8(c);
      std::string key = NormalizeKey(in);
      if (key == in) {
        t.single[c].push_back(c);
        return;
      }
      std::u32string folded = ToCodePoints(key);
      if (folded.empty()) {
        // Spaces end words: a cue word never spans one.
        if (!u_isUWhiteSpace(static_cast<UChar32>(c))) t.ignorable.push_back(c);
      } else if (folded.size() == 1) {
        t.single[folded[0]].push_back(c);
      } else {
        t.multi.emplace_back(c, folded);
      }
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
    std::sort(t.ignorable.begin(), t.ignorable.end());
    for (char32_t x : t.ignorable) {
      if (x < 0x10000) t.ignorable_bmp[x] = 1;
    }
    for (const char* name : kByteCharsets) {
      UErrorCode ec = U_ZERO_ERROR;
      UConverter* conv = ucnv_open(name, &ec);
      if (U_FAILURE(ec)) continue;
      std::array<bool, 256> ign{};
      for (int b = 0x80; b < 0x100; ++b) {
        char in = static_cast<char>(b);
        UChar out[4];
        ec = U_ZERO_ERROR;
        int32_t n = ucnv_toUChars(conv, out, 4, &in, 1, &ec);
        if (U_FAILURE(ec) || n != 1 || out[0] == 0xFFFD || out[0] == 0x1A) continue;
        if (std::binary_search(t.ignorable.begin(), t.ignorable.end(), static_cast<char32_t>(out[0]))) {
          ign[b] = true;
        }
        auto& v = t.bytes[out[0]];
        std::string byte(1, in);
        if (std::find(v.begin(), v.end(), byte) == v.end()) v.push_back(byte);
      }
      ucnv_close(conv);
      if (std::find(t.ignorable_bytes.begin(), t.ignorable_bytes.end(), ign) == t.ignorable_bytes.end()) {
        t.ignorable_bytes.push_back(ign);
      }
    }
    return t;
  }();
  return table;
}

// A set of byte strings as a compact regex: a trie, with sets of last bytes
// as character classes.
std::string Hex(unsigned char b) {
  static const char* d = "0123456789abcdef";
  return std::string("\\x") + d[b >> 4] + d[b & 15];
}

std::string TrieRegex(const std::set<std::string>& strings) {
  std::map<unsigned char, std::set<std::string>> by_first;
  bool empty = false;
  for (const std::string& s : strings) {
    if (s.empty()) {
      empty = true;
      continue;
    }
    by_first[static_cast<unsigned char>(s[0])].insert(s.substr(1));
  }
  std::vector<unsigned char> ends;  // bytes that end a string alone
  std::vector<std::string> alts;
  for (const auto& [b, rest] : by_first) {
    if (rest.size() == 1 && rest.begin()->empty()) {
      ends.push_back(b);
      continue;
    }
    alts.push_back(Hex(b) + TrieRegex(rest));
  }
  if (!ends.empty()) {
    std::string cls;
    for (size_t i = 0; i < ends.size();) {
      size_t j = i;
      while (j + 1 < ends.size() && ends[j + 1] == ends[j] + 1) ++j;
      cls += Hex(ends[i]);
      if (j > i) cls += (j > i + 1 ? "-" : "") + Hex(ends[j]);
      i = j + 1;
    }
    alts.push_back(ends.size() == 1 ? cls : "[" + cls + "]");
  }
  std::string out;
  for (size_t i = 0; i < alts.size(); ++i) out += (i ? "|" : "") + alts[i];
  if (alts.size() > 1 || empty) out = "(?:" + out + ")";
  if (empty) out += "?";
  return out;
}

// Whether `c` is a mark (or other character) the key form removes.
bool Ignorable(char32_t c) {
  const auto& ign = Folds().ignorable;
  return std::binary_search(ign.begin(), ign.end(), c);
}

// Every spelling of one letter: the code points folding to it (below U+0800:
// Latin, its accents and modifiers, Arabic) in UTF-8, each single-byte
// charset's byte, HTML references. A decomposed letter (e + U+0301) is the
// base letter and an ignorable mark. Rarer forms above U+0800 are in
// RareFormsRegex.
std::string SpellingsRegex(const std::vector<char32_t>& cps) {
  const FoldTable& t = Folds();
  static const icu::Normalizer2* nfd = [] {
    UErrorCode ec = U_ZERO_ERROR;
    return icu::Normalizer2::getNFDInstance(ec);
  }();
  std::set<std::string> bytes;
  for (char32_t c : cps) {
    if (c >= 0x800) continue;
    bytes.insert(Utf8(c));
    UErrorCode ec = U_ZERO_ERROR;
    icu::UnicodeString d = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), ec);
    if (U_SUCCESS(ec) && d.countChar32() > 1) {
      bool marks_only = true;
      for (int32_t k = d.moveIndex32(0, 1); k < d.length(); k = d.moveIndex32(k, 1)) {
        marks_only = marks_only && Ignorable(static_cast<char32_t>(d.char32At(k)));
      }
      if (!marks_only) {
        std::string s;
        d.toUTF8String(s);
        bytes.insert(s);
      }
    }
    auto it = t.bytes.find(c);
    if (it != t.bytes.end()) bytes.insert(it->second.begin(), it->second.end());
  }
  return TrieRegex(bytes);
}

// The regex of a word: each letter in every spelling. What folds to nothing
// (diacritics, tatweel, zero-width marks) and HTML references are taken out
// of the page before the scan (Scanner::MayBeAboutProgramme): patterns with
// them between every two letters would make the patterns many times larger.
std::string WordRegex(const std::u32string& w) {
  const FoldTable& t = Folds();
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    auto single = t.single.find(w[i]);
    std::vector<char32_t> cps = single == t.single.end() ? std::vector<char32_t>{w[i]} : single->second;
    out += SpellingsRegex(cps);
  }
  return out;
}

// WordRegex, each word spelled once: phrases share words.
class WordRegexes {
 public:
  const std::string& Of(const std::u32string& w) {
    auto it = spelled_.find(w);
    if (it == spelled_.end()) it = spelled_.emplace(w, WordRegex(w)).first;
    return it->second;
  }

 private:
  std::map<std::u32string, std::string> spelled_;
};

// Phrases as a trie of words, so that the words phrases share are spelled
// once in the regex (RE2 compiles it in a third of the time).
class PhraseTrie {
 public:
  void Add(const std::vector<std::u32string>& words) {
    Node* n = &root_;
    for (const auto& w : words) {
      if (n->end) return;  // a shorter phrase already matches wherever this one does
      n = &n->next[w];
    }
    n->end = true;
    n->next.clear();
  }
  // Each word by `spelled`, `between` before each word after the first.
  std::string Regex(WordRegexes* spelled, const std::string& between) const { return Of(root_, spelled, between); }

 private:
  struct Node {
    bool end = false;
    std::map<std::u32string, Node> next;
  };
  static std::string Of(const Node& n, WordRegexes* spelled, const std::string& between) {
    std::string alts;
    for (const auto& [w, child] : n.next) {
      alts += (alts.empty() ? "" : "|") + spelled->Of(w);
      if (!child.end) alts += between + Of(child, spelled, between);
    }
    return n.next.size() > 1 ? "(?:" + alts + ")" : alts;
  }
  Node root_;
};

// Characters that fold to several letters (ligatures such as lam-alef,
// squared abbreviations) and could make up part of a cue word, or run over
// either end of one, and the rare forms of the words' letters (above
// U+0800): a page holding one is never skipped. They are rare in news pages;
// spelling them into every word would make patterns too large to compile.
std::string RareFormsRegex(const std::vector<std::u32string>& words) {
  const FoldTable& t = Folds();
  std::vector<char32_t> hits;
  for (const auto& [c, f] : t.multi) {
    bool hit = false;
    for (const auto& w : words) {
      if (w.find(f) != std::u32string::npos) hit = true;
      for (size_t k = 1; k < f.size() && k <= w.size() && !hit; ++k) {
        if (f.compare(f.size() - k, k, w, 0, k) == 0 || f.compare(0, k, w, w.size() - k, k) == 0) hit = true;
      }
      if (hit) break;
    }
    if (hit) hits.push_back(c);
  }
  // Letters of the words written in forms above U+0800: presentation forms,
  // full-width, mathematical, enclosed letters.
  std::set<char32_t> letters;
  for (const auto& w : words) letters.insert(w.begin(), w.end());
  for (char32_t l : letters) {
    auto it = t.single.find(l);
    if (it == t.single.end()) continue;
    for (char32_t c : it->second) {
      if (c >= 0x800) hits.push_back(c);
    }
  }
  if (hits.empty()) return "";
  // UTF-8 only: a single byte of a legacy charset would also be a byte of
  // every UTF-8 page.
  std::set<std::string> bytes;
  for (char32_t c : hits) bytes.insert(Utf8(c));
  return TrieRegex(bytes);
}

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

// What may stand between two words of a phrase on a page whose main text
// holds them side by side, where the extractor reads them as one phrase:
// spaces, punctuation and dashes (ASCII, Latin-1, Arabic, general
// punctuation, ornate parentheses) in UTF-8 or as a byte of a single-byte
// charset, markup (an inline element, or the end of one paragraph and the
// start of the next) and JSON's escaped line breaks. Looser than the
// extractor, which takes only dashes: the prefilter may keep a page that
// extraction then refuses, never the reverse.
const std::string kSeparator =
    "(?:[\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\xbf]|\\xc2[\\x80-\\xbf]|\\xd8[\\x80-\\xa0]|\\xd9[\\xaa-\\xad]|"
    "\\xdb\\x94|\\xe2[\\x80\\x81][\\x80-\\xbf]|\\xe3\\x80[\\x80-\\x82]|\\xef\\xbb\\xbf|\\xef\\xb4[\\xbe\\xbf]|"
    "<[^>]*>|\\\\[a-z])+";

}  // namespace

class PrefilterImpl {
 public:
  std::vector<std::string> words;  // every word of every phrase, key form
  // Every phrase, and the rare forms, as one regex. A page passes on its first match, and
  // where RE2's DFA runs out of memory RE2 goes on with an NFA by itself, so
  // the verdict never depends on what the DFA's cache held before.
  std::unique_ptr<RE2> any;
};

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
  auto impl = std::make_unique<PrefilterImpl>();
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
  // Later words of a phrase may carry the article or drop it.
  WordRegexes spelled;
  std::string article;
  for (const auto& p : strip) article += (article.empty() ? "" : "|") + spelled.Of(p);
  if (!article.empty()) article = "(?:" + article + ")?";
  PhraseTrie trie;
  std::set<std::u32string> all_words;
  for (const auto& words : chosen) {
    trie.Add(words);
    for (const auto& w : words) {
      all_words.insert(w);
      std::string s;
      for (char32_t c : w) s += Utf8(c);
      if (std::find(impl->words.begin(), impl->words.end(), s) == impl->words.end()) impl->words.push_back(s);
    }
  }
  std::string any = trie.Regex(&spelled, kSeparator + article);
  std::string rare = RareFormsRegex({all_words.begin(), all_words.end()});
  if (!rare.empty()) any += "|" + rare;
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);  // bytes: the patterns spell every encoding
  o.set_never_capture(true);
  o.set_max_mem(int64_t{256} << 20);
  impl->any = std::make_unique<RE2>(any, o);
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

// Eight bytes that are ASCII and neither '&', '<' nor a backslash: nothing
// in them to fold, decode or skip.
inline bool PlainAscii8(const uint8_t* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  uint64_t w;
  std::memcpy(&w, p, 8);
  auto has = [&](uint8_t c) {
    uint64_t x = w ^ (kOnes * c);
    return ((x - kOnes) & ~x & kHigh) != 0;
  };
  return (w & kHigh) == 0 && !has('&') && !has('<') && !has('\\');
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
// in recovery mode ends it too. What is skipped never reaches the main
// text. Null when `p` starts none of these (text such as "a < b" or "</3"),
// or where the reader's reading is in doubt: those bytes are read as text,
// which can only let more pages through.
const uint8_t* SkipMarkup(const uint8_t* p, const uint8_t* end) {
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
  if (element.empty()) return gt + 1;
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

void AppendUtf8(int32_t c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
  if (!error) out->append(buf, static_cast<size_t>(n));
}

inline bool IsIgnorable(const FoldTable& t, int32_t c) {
  if (c < 0x10000) return t.ignorable_bmp[static_cast<size_t>(c)] != 0;
  return std::binary_search(t.ignorable.begin(), t.ignorable.end(), static_cast<char32_t>(c));
}

// The page as the reader would see it through one hypothesis about its
// encoding, without what folds to nothing, HTML references and JSON
// escapes of characters decoded to UTF-8:
// `single_byte` null for UTF-8 (ill-formed bytes copied as they are; returns
// false when there were some), else the ignorable bytes of a single-byte
// charset. With `markup`, each tag stands as one space (JSON-LD and meta
// elements apart), and scripts and style sheets are left out.
bool Fold(std::string_view in, const std::array<bool, 256>* single_byte, bool markup, std::string* out) {
  const FoldTable& t = Folds();
  out->clear();
  out->reserve(in.size());
  const auto* data = reinterpret_cast<const uint8_t*>(in.data());
  const size_t size = in.size();
  bool well_formed = true;
  size_t run = 0;  // start of the bytes kept as they are, not yet copied
  size_t i = 0;
  auto flush = [&](size_t upto) {
    out->append(in.data() + run, upto - run);
  };
  while (i < size) {
    uint8_t b = data[i];
    if (b == '<') {
      const uint8_t* past = markup ? SkipMarkup(data + i, data + size) : nullptr;
      if (!past) {
        ++i;
        continue;
      }
      flush(i);
      out->push_back(' ');
      i = static_cast<size_t>(past - data);
      run = i;
      continue;
    }
    if (b < 0x80 && b != '&' && b != '\\') {
      // Markup and Latin text: eight plain ASCII bytes at a time.
      ++i;
      while (i + 8 <= size && PlainAscii8(data + i)) i += 8;
      continue;
    }
    if (b == '\\') {
      // A JSON escape: the prefilter reads JSON Lines before they are parsed.
      int32_t c = JsonEscape(data + i + 1, data + size);
      if (c < 0) {
        ++i;
        continue;
      }
      flush(i);
      if (!IsIgnorable(t, c)) AppendUtf8(c, out);
      i += 6;
      run = i;
      continue;
    }
    if (b == '&') {
      size_t used = 0;
      int32_t c = Reference(in.data() + i + 1, in.data() + size, &used);
      if (c < 0) {
        ++i;
        continue;
      }
      flush(i);
      if (!IsIgnorable(t, c)) AppendUtf8(c, out);
      i += 1 + used;
      run = i;
      continue;
    }
    if (single_byte) {
      if ((*single_byte)[b]) {
        flush(i);
        run = i + 1;
      }
      ++i;
      continue;
    }
    // Two-byte sequences (Arabic, accented Latin) decoded inline.
    if (b >= 0xC2 && b < 0xE0 && i + 1 < size && (data[i + 1] & 0xC0) == 0x80) {
      // A word's letters follow one another: stay in this loop while they do.
      do {
        int32_t c = ((b & 0x1F) << 6) | (data[i + 1] & 0x3F);
        if (t.ignorable_bmp[static_cast<size_t>(c)]) {
          flush(i);
          run = i + 2;
        }
        i += 2;
        if (i + 1 >= size) break;
        b = data[i];
      } while (b >= 0xC2 && b < 0xE0 && (data[i + 1] & 0xC0) == 0x80);
      continue;
    }
    int32_t k = static_cast<int32_t>(i), n = static_cast<int32_t>(std::min<size_t>(size, i + 4));
    UChar32 c;
    U8_NEXT(data, k, n, c);
    if (c < 0) {
      well_formed = false;
      i = i + 1;
      continue;
    }
    if (IsIgnorable(t, c)) {
      flush(i);
      run = static_cast<size_t>(k);
    }
    i = static_cast<size_t>(k);
  }
  flush(size);
  return well_formed;
}

}  // namespace

bool Prefilter::Scanner::Scan(std::string_view bytes) {
  return RE2::PartialMatch(re2::StringPiece(bytes.data(), bytes.size()), *impl_->any);
}

bool Prefilter::Scanner::MayBeAboutProgramme(std::string_view bytes, Form form) {
  const bool markup = form == Form::kHtml;
  if (bytes.empty()) return false;
  // UTF-16 and UTF-32 text (any NUL byte) is not what the patterns spell.
  if (std::memchr(bytes.data(), 0, bytes.size())) return true;
  // The reader takes well-formed UTF-8 for UTF-8; anything else may be in
  // any of the single-byte charsets (or UTF-8 repaired).
  bool utf8 = Fold(bytes, nullptr, markup, &folded_);
  if (Scan(folded_)) return true;
  if (utf8) return false;
  for (const auto& ignorable : Folds().ignorable_bytes) {
    Fold(bytes, &ignorable, markup, &folded_);
    if (Scan(folded_)) return true;
  }
  return false;
}

}  // namespace rasd::ingest
