#include "ingest/page_cues.h"

#include <unicode/uchar.h>

#include "common/dates.h"
#include "common/tsv.h"
#include "common/utf8.h"
#include "normalize/normalize.h"

namespace rasd::ingest {
namespace {

bool IsDigitToken(std::string_view t, size_t max_len) {
  if (t.empty() || t.size() > max_len) return false;
  for (char c : t) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view t) {
  int v = 0;
  for (char c : t) v = v * 10 + (c - '0');
  return v;
}

// A day of the month: "5", "05", "1er".
int DayValue(std::string_view t) {
  if (t.size() > 2 && t.substr(t.size() - 2) == "er") t.remove_suffix(2);
  if (!IsDigitToken(t, 2)) return 0;
  int d = ToInt(t);
  return d >= 1 && d <= 31 ? d : 0;
}

int YearValue(std::string_view t) {
  if (!IsDigitToken(t, 4) || t.size() != 4) return 0;
  int y = ToInt(t);
  return y >= 1990 && y <= 2100 ? y : 0;
}

// A real day as YYYY-MM-DD, else empty.
std::string FormatDate(int y, int m, int d) { return IsRealDay(y, m, d) ? Date{y, m, d}.ToString() : ""; }

bool DigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// YYYY-MM-DD (or with '/' or '.') anywhere, as in machine-readable dates.
std::string FindIsoDate(std::string_view s) {
  for (size_t i = 0; i + 10 <= s.size(); ++i) {
    if (!(DigitAt(s, i) && DigitAt(s, i + 1) && DigitAt(s, i + 2) && DigitAt(s, i + 3))) continue;
    if (i > 0 && DigitAt(s, i - 1)) continue;
    char sep = s[i + 4];
    if (sep != '-' && sep != '/' && sep != '.') continue;
    size_t j = i + 5;
    int m = 0, d = 0, k = 0;
    while (k < 2 && DigitAt(s, j)) { m = m * 10 + (s[j] - '0'); ++j; ++k; }
    if (k == 0 || j >= s.size() || s[j] != sep) continue;
    ++j;
    k = 0;
    while (k < 2 && DigitAt(s, j)) { d = d * 10 + (s[j] - '0'); ++j; ++k; }
    if (k == 0 || DigitAt(s, j)) continue;
    int y = ToInt(s.substr(i, 4));
    if (y < 1990 || y > 2100) continue;
    std::string out = FormatDate(y, m, d);
    if (!out.empty()) return out;
  }
  return "";
}

}  // namespace

std::string WordKey(std::string_view s) {
  std::string key = NormalizeKey(s);
  std::string out;
  out.reserve(key.size());
  bool pending_space = false;
  for (size_t i = 0; i < key.size();) {
    size_t begin = i;
    char32_t c = utf8::Next(key, &i);  // NormalizeKey gives well-formed UTF-8
    if (!u_isalnum(static_cast<UChar32>(c))) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out.append(key, begin, i - begin);
  }
  return out;
}

Result<std::unique_ptr<PageCues>> PageCues::Load(const std::string& data_dir) {
  std::vector<std::string> cue_rows;
  Status s = ReadTsv(data_dir + "/html/cues.tsv", true, [&](const TsvRow& row) {
    if (row.at(0) != "teaser" && row.at(0) != "section") return Status::InvalidArgument("unknown cue kind '" + row.at(0) + "'");
    cue_rows.push_back(row.at(0) + "\t" + row.at(1));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  auto months = ReadAllMonthNames(data_dir);
  if (!months.ok()) return months.status();
  return FromRows(cue_rows, *months);
}

std::unique_ptr<PageCues> PageCues::FromRows(const std::vector<std::string>& cue_rows,
                                             const std::vector<MonthNames>& months) {
  auto cues = std::unique_ptr<PageCues>(new PageCues());
  for (const auto& row : cue_rows) {
    size_t tab = row.find('\t');
    if (tab == std::string::npos) continue;
    std::string_view kind = std::string_view(row).substr(0, tab);
    cues->AddCues(kind == "teaser" ? CueKind::kTeaser : CueKind::kSection, std::string_view(row).substr(tab + 1));
  }
  for (const MonthNames& m : months) cues->AddMonth(m);
  return cues;
}

void PageCues::AddCues(CueKind kind, std::string_view variants) {
  for (const auto& v : SplitVariants(variants)) {
    std::string folded = WordKey(v);
    if (!folded.empty()) phrases_.push_back({folded, kind});
  }
}

void PageCues::AddMonth(const MonthNames& names) {
  for (const auto& form : names.forms) {
    MonthName name{SplitVariants(WordKey(form), ' '), names.month};
    if (!name.tokens.empty()) months_[name.tokens[0]].push_back(std::move(name));
  }
}

bool PageCues::StartsWithTeaser(std::string_view folded) const {
  for (const auto& p : phrases_) {
    if (p.kind != CueKind::kTeaser) continue;
    if (folded.size() >= p.folded.size() && folded.compare(0, p.folded.size(), p.folded) == 0 &&
        (folded.size() == p.folded.size() || folded[p.folded.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

CueKind PageCues::HeadingKind(std::string_view folded) const {
  // A count may come first ("3 comments").
  size_t lead = 0;
  while (lead < folded.size() && folded[lead] >= '0' && folded[lead] <= '9') ++lead;
  if (lead > 0 && lead < folded.size() && folded[lead] == ' ') folded.remove_prefix(lead + 1);
  for (const auto& p : phrases_) {
    if (folded.size() < p.folded.size() || folded.compare(0, p.folded.size(), p.folded) != 0) continue;
    std::string_view rest = folded.substr(p.folded.size());
    if (!rest.empty() && rest[0] != ' ') continue;
    bool only_digits = true;
    for (char c : rest) {
      if (c != ' ' && (c < '0' || c > '9')) {
        only_digits = false;
        break;
      }
    }
    if (only_digits) return p.kind;
  }
  return CueKind::kNone;
}

int PageCues::MonthAt(const std::vector<std::string>& tokens, size_t i, size_t* used) const {
  if (i >= tokens.size()) return 0;
  auto it = months_.find(tokens[i]);
  if (it == months_.end()) return 0;
  // The longest name wins ("كانون الثاني" over a one-word name).
  int best = 0;
  size_t best_len = 0;
  for (const auto& name : it->second) {
    if (i + name.tokens.size() > tokens.size() || name.tokens.size() <= best_len) continue;
    bool match = true;
    for (size_t k = 1; k < name.tokens.size() && match; ++k) match = tokens[i + k] == name.tokens[k];
    if (match) {
      best = name.month;
      best_len = name.tokens.size();
    }
  }
  *used = best_len;
  return best;
}

std::string PageCues::FindDate(std::string_view text) const {
  std::string iso = FindIsoDate(text);
  if (!iso.empty()) return iso;
  std::vector<std::string> tokens = SplitVariants(WordKey(text), ' ');
  for (size_t i = 0; i < tokens.size(); ++i) {
    size_t used = 0;
    // 12 05 2024 (day first, as Moroccan and French pages write it).
    if (i + 2 < tokens.size() && IsDigitToken(tokens[i], 2) && IsDigitToken(tokens[i + 1], 2)) {
      int y = YearValue(tokens[i + 2]);
      int a = ToInt(tokens[i]), b = ToInt(tokens[i + 1]);
      if (y) {
        std::string out = b <= 12 ? FormatDate(y, b, a) : FormatDate(y, a, b);
        if (!out.empty()) return out;
      }
    }
    // 12 May 2024.
    if (int d = DayValue(tokens[i])) {
      if (int m = MonthAt(tokens, i + 1, &used)) {
        if (i + 1 + used < tokens.size()) {
          if (int y = YearValue(tokens[i + 1 + used])) {
            std::string out = FormatDate(y, m, d);
            if (!out.empty()) return out;
          }
        }
      }
    }
    // May 12, 2024.
    if (int m = MonthAt(tokens, i, &used)) {
      if (i + used + 1 < tokens.size()) {
        int d = DayValue(tokens[i + used]);
        int y = YearValue(tokens[i + used + 1]);
        if (d && y) {
          std::string out = FormatDate(y, m, d);
          if (!out.empty()) return out;
        }
      }
    }
  }
  return "";
}

}  // namespace rasd::ingest
