#include "ingest/arabic_pdf_repair.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/tsv.h"

namespace rasd::ingest {

struct ArabicPdfRepair::Rule {
  enum class Where { kAnywhere, kStart, kEnd, kWord };
  std::string from, to;
  Where where = Where::kAnywhere;
  std::unordered_set<std::string> unless;  // whole words the rule leaves alone
  std::unordered_set<std::string> next;    // when not empty: the next word must be one of these
};

struct ArabicPdfRepair::Tables {
  std::vector<Rule> rules;  // longest `from` first, so a specific rule wins over a general one
  std::unordered_map<std::string, Rule> words;  // kWord rules, by word
};

namespace {

// Decodes one code point at s[i] (well-formed UTF-8 assumed, else the byte).
char32_t At(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

bool IsBidiControl(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
         c == 0x061C;
}

// Letters of an Arabic word (tatweel and harakat included: they sit inside words).
bool IsArabicLetter(char32_t c) { return (c >= 0x0621 && c <= 0x064A) || (c >= 0x064B && c <= 0x065F) || c == 0x0640 || (c >= 0x0671 && c <= 0x06D3); }

bool IsArabicText(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n;
    if (IsArabicLetter(At(s, i, &n))) return true;
    i += n;
  }
  return false;
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  for (size_t p = s->find(from); p != std::string::npos; p = s->find(from, p + to.size())) s->replace(p, from.size(), to);
}

}  // namespace

std::string RemoveBidiControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n;
    char32_t c = At(text, i, &n);
    if (!IsBidiControl(c)) out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string FoldPresentationForms(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (nfkc->isNormalized(u, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string JoinPunctuation(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    // A run of spaces followed by punctuation that closes a word, after a word.
    if (text[i] == ' ' && !out.empty() && out.back() != ' ' && out.back() != '\n') {
      size_t j = i;
      while (j < text.size() && text[j] == ' ') ++j;
      size_t n = 0;
      char32_t c = j < text.size() ? At(text, j, &n) : 0;
      bool closes = c == 0x060C /* ، */ || c == 0x061B /* ؛ */ || c == 0x061F /* ؟ */ || c == '.' || c == ',' ||
                    c == ';' || c == ':' || c == '!' || c == '?';
      // Only where the punctuation ends its word ("1 .5" stays).
      bool then_space = j + n >= text.size() || text[j + n] == ' ' || text[j + n] == '\n';
      if (closes && then_space && IsArabicText(out.substr(out.size() > 8 ? out.size() - 8 : 0))) {
        i = j;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

ArabicPdfRepair::ArabicPdfRepair() : tables_(std::make_unique<Tables>()) {}
ArabicPdfRepair::~ArabicPdfRepair() = default;

Result<std::unique_ptr<ArabicPdfRepair>> ArabicPdfRepair::Load(const std::string& data_dir) {
  std::unique_ptr<ArabicPdfRepair> repair(new ArabicPdfRepair());
  std::string path = data_dir + "/pdf/lam_alef.tsv";
  Tables* t = repair->tables_.get();
  Status s = ReadTsv(path, true, [&](const TsvRow& row) -> Status {
    Rule r;
    r.from = row.at(0);
    r.to = row.at(1);
    const std::string& where = row.at(2);
    if (r.from.empty() || r.to.empty()) return Status::InvalidArgument("a rule needs a swapped spelling and its repair");
    if (where == "anywhere") r.where = Rule::Where::kAnywhere;
    else if (where == "start") r.where = Rule::Where::kStart;
    else if (where == "end") r.where = Rule::Where::kEnd;
    else if (where == "word") r.where = Rule::Where::kWord;
    else return Status::InvalidArgument("where must be anywhere, start, end or word, not '" + where + "'");
    for (auto& w : SplitVariants(row.at(3))) r.unless.insert(w);
    for (auto& w : SplitVariants(row.at(4))) r.next.insert(w);
    if (!r.next.empty() && r.where != Rule::Where::kWord) return Status::InvalidArgument("next words are for whole-word rules only");
    if (r.where == Rule::Where::kWord) t->words[r.from] = r;
    else t->rules.push_back(std::move(r));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::stable_sort(t->rules.begin(), t->rules.end(),
                   [](const Rule& a, const Rule& b) { return a.from.size() > b.from.size(); });
  return repair;
}

std::string ArabicPdfRepair::Repair(std::string_view text) const {
  std::string clean = FoldPresentationForms(RemoveBidiControls(text));
  // Segments: runs of Arabic letters (words) and what lies between them.
  struct Segment {
    std::string text;
    bool word;
  };
  std::vector<Segment> segs;
  for (size_t i = 0; i < clean.size();) {
    size_t n;
    bool letter = IsArabicLetter(At(clean, i, &n));
    size_t j = i;
    while (j < clean.size()) {
      size_t m;
      if (IsArabicLetter(At(clean, j, &m)) != letter) break;
      j += m;
    }
    segs.push_back({clean.substr(i, j - i), letter});
    i = j;
  }
  // The original next word of each word: context rules read the text as it came.
  std::vector<std::string> next(segs.size());
  std::string following;
  for (size_t k = segs.size(); k-- > 0;) {
    if (!segs[k].word) {
      if (segs[k].text.find('\n') != std::string::npos && segs[k].text.find_first_not_of(" \n") != std::string::npos) following.clear();
      continue;
    }
    next[k] = following;
    following = segs[k].text;
  }
  // A context word may itself be swapped ("ثالث نزيالت"): read it repaired.
  std::string out;
  out.reserve(clean.size());
  for (size_t k = 0; k < segs.size(); ++k) {
    if (!segs[k].word) {
      out += segs[k].text;
      continue;
    }
    out += RepairWord(segs[k].text, next[k].empty() ? std::string() : RepairWord(next[k], ""));
  }
  return JoinPunctuation(out);
}

std::string ArabicPdfRepair::RepairWord(const std::string& original, const std::string& next) const {
  auto whole = tables_->words.find(original);
  if (whole != tables_->words.end()) {
    const Rule& r = whole->second;
    if (r.next.empty() || r.next.count(next)) return r.to;
    return original;
  }
  std::string word = original;
  for (const Rule& r : tables_->rules) {
    if (r.unless.count(original)) continue;
    switch (r.where) {
      case Rule::Where::kAnywhere:
        ReplaceAll(&word, r.from, r.to);
        break;
      case Rule::Where::kStart:
        if (word.size() > r.from.size() && word.compare(0, r.from.size(), r.from) == 0) word.replace(0, r.from.size(), r.to);
        break;
      case Rule::Where::kEnd:
        if (word.size() > r.from.size() && word.compare(word.size() - r.from.size(), r.from.size(), r.from) == 0) {
          word.replace(word.size() - r.from.size(), r.from.size(), r.to);
        }
        break;
      case Rule::Where::kWord:
        break;
    }
  }
  return word;
}

}  // namespace rasd::ingest
