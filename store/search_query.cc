#include "store/search_query.h"

#include <algorithm>
#include <filesystem>

#include "common/utf8.h"
#include "store/fingerprint.h"

namespace rasd::store {
namespace fs = std::filesystem;

namespace {

// A stem shorter than this is not worth widening: stripping "ال" from "الى"
// would search for every word ending in ى.
constexpr size_t kMinStemLetters = 3;

bool StartsWith(std::string_view s, std::string_view head) {
  return s.size() >= head.size() && s.compare(0, head.size(), head) == 0;
}
bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool IsArticle(const Clitics& c, std::string_view s) {
  return std::find(c.articles.begin(), c.articles.end(), s) != c.articles.end();
}

// Whether the clitic holds the article (وال، بال؛ لل puts ال back).
bool HoldsArticle(const Clitics& c, const CliticRule& r) {
  for (const std::string& a : c.articles) {
    if (EndsWith(r.prefix, a) || r.replacement == a) return true;
  }
  return false;
}

void AddForm(std::string form, std::vector<std::string>* out) {
  if (std::find(out->begin(), out->end(), form) == out->end()) out->push_back(std::move(form));
}

// The word without a clitic that holds the article: بالادماج, للادماج and
// الادماج all give ادماج. A bare و or ب is not stripped from the query: in
// وزير or بلدية it is part of the word.
std::vector<std::string> Stems(std::string_view word, const Clitics& c) {
  std::vector<std::string> stems{std::string(word)};
  for (const CliticRule& r : c.prefixes) {
    if (!StartsWith(word, r.prefix) || !HoldsArticle(c, r)) continue;
    std::string rest = r.replacement + std::string(word.substr(r.prefix.size()));
    for (const std::string& a : c.articles) {
      if (StartsWith(rest, a)) {
        rest.erase(0, a.size());
        break;
      }
    }
    if (utf8::CountCodePoints(rest) >= kMinStemLetters) AddForm(std::move(rest), &stems);
  }
  return stems;
}

}  // namespace

Result<std::vector<Clitics>> LoadSearchClitics(const std::string& data_dir) {
  std::vector<Clitics> all;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
    fs::path p = entry.path() / "clitics.tsv";
    if (entry.is_directory() && fs::exists(p)) files.push_back(p);
  }
  if (ec) return Status::IOError("cannot list the data folder " + data_dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    auto c = LoadClitics(p.string());
    if (!c.ok()) return c.status();
    if (!c->prefixes.empty()) all.push_back(std::move(*c));
  }
  return all;
}

std::vector<std::string> SearchForms(std::string_view word, const std::vector<Clitics>& clitics) {
  std::vector<std::string> forms{std::string(word)};
  for (const Clitics& c : clitics) {
    for (const std::string& stem : Stems(word, c)) {
      if (utf8::CountCodePoints(stem) < kMinStemLetters) continue;
      std::vector<std::string> bare{stem};  // the stem, then with each article
      for (const std::string& a : c.articles) bare.push_back(a + stem);
      for (const std::string& b : bare) {
        AddForm(b, &forms);
        bool definite = false;
        for (const std::string& a : c.articles) definite = definite || StartsWith(b, a);
        for (const CliticRule& r : c.prefixes) {
          if (IsArticle(c, r.prefix)) continue;
          if (!r.replacement.empty()) {
            // لل + ادماج stands for ل + الادماج: only the article form takes it.
            if (StartsWith(b, r.replacement)) AddForm(r.prefix + b.substr(r.replacement.size()), &forms);
          } else if (!(definite && HoldsArticle(c, r))) {
            AddForm(r.prefix + b, &forms);
          }
        }
      }
    }
  }
  return forms;
}

std::string FtsMatchExpression(std::string_view query, const std::vector<Clitics>& clitics) {
  std::string folded = FoldForSearch(query);
  std::string match;
  for (auto w : SearchWords(folded)) {
    if (!match.empty()) match += " AND ";
    match += '(';
    bool first = true;
    for (const std::string& form : SearchForms(w, clitics)) {
      if (!first) match += " OR ";
      first = false;
      match += '"';
      for (char ch : form) {
        if (ch == '"') match += '"';
        match += ch;
      }
      match += '"';
    }
    match += ')';
  }
  return match;
}

}  // namespace rasd::store
