#include <algorithm>
#include <filesystem>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "common/tsv.h"
#include "common/utf8.h"
#include "normalize/normalize.h"

namespace rasd {

Result<LanguageGuesser> LanguageGuesser::Load(const std::string& data_dir) {
  namespace fs = std::filesystem;
  LanguageGuesser g;
  fs::path dir = fs::path(data_dir) / "lang";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("no language word lists in " + dir.string());
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::vector<std::string> words;
    Status s = ReadTsv(f.string(), false, [&](const TsvRow& row) {
      words.push_back(NormalizeKey(row.at(0)));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    std::sort(words.begin(), words.end());
    g.words_.emplace_back(f.stem().string(), std::move(words));
  }
  if (fs::exists(dir / "scripts.tsv")) {
    Status s = ReadTsv((dir / "scripts.tsv").string(), true, [&](const TsvRow& row) {
      if (row.at(0) == "latin") g.latin_default_ = row.at(1);
      else if (row.at(0) != "arabic") return Status::InvalidArgument("unknown script '" + row.at(0) + "'");
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  return g;
}

namespace {

// The next code point of `s` at *i, or a negative value for an ill-formed
// sequence (skipped).
UChar32 NextCodePoint(std::string_view s, size_t* i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  *i = static_cast<size_t>(pos);
  return c;
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

}  // namespace

LanguageGuess LanguageGuesser::Guess(std::string_view text) const {
  size_t arabic = 0, latin = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      latin += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
      ++i;
      continue;
    }
    UChar32 c = NextCodePoint(text, &i);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode ec = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &ec);
    if (sc == USCRIPT_ARABIC) ++arabic;
    else if (sc == USCRIPT_LATIN) ++latin;
  }
  size_t letters = arabic + latin;
  if (letters == 0) return {"other", 0};
  if (arabic >= latin) return {"ar", static_cast<double>(arabic) / letters};
  // Latin script: which language's function words cover the most tokens.
  // A token is a run of letters, so an apostrophe of either kind ends the
  // elided article of "l'INDH" and "l’INDH" alike.
  std::string key = NormalizeKey(text.substr(0, std::min<size_t>(text.size(), 20000)));
  std::vector<size_t> hits(words_.size(), 0);
  size_t tokens = 0;
  size_t i = 0;
  while (i < key.size()) {
    size_t b = i;
    size_t next = i;
    UChar32 c = NextCodePoint(key, &next);
    if (!IsWordChar(c)) {
      i = next;
      continue;
    }
    while (i < key.size()) {
      next = i;
      if (!IsWordChar(NextCodePoint(key, &next))) break;
      i = next;
    }
    std::string tok = key.substr(b, i - b);
    ++tokens;
    for (size_t l = 0; l < words_.size(); ++l) {
      if (std::binary_search(words_[l].second.begin(), words_[l].second.end(), tok)) ++hits[l];
    }
  }
  size_t best = 0;
  for (size_t l = 1; l < hits.size(); ++l) if (hits[l] > hits[best]) best = l;
  double script_share = static_cast<double>(latin) / letters;
  // A phrase too short for function words ("vingt-quatre") is read in the
  // language its script stands for here.
  if (words_.empty() || tokens == 0 || hits[best] == 0) {
    return {latin_default_.empty() ? "other" : latin_default_, script_share * 0.25};
  }
  size_t second = 0;
  for (size_t l = 0; l < hits.size(); ++l) if (l != best) second = std::max(second, hits[l]);
  double margin = static_cast<double>(hits[best] - second) / hits[best];
  double coverage = std::min(1.0, 4.0 * hits[best] / tokens);  // function words are ~25-40% of running text
  return {words_[best].first, script_share * (0.5 * margin + 0.5 * coverage)};
}

}  // namespace rasd
