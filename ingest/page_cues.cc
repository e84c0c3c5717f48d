#include "ingest/page_cues.h"

#include <cstdio>

#include "common/tsv.h"
#include "common/utf8.h"

namespace rasd::ingest {
namespace {

// Base letters of U+00C0..U+00FF; ' ' for the two signs in that range.
constexpr char kLatin1Fold[] = "aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiiidnooooo ouuuuyty";

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

std::string FormatDate(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y == 0 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return "";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

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

std::string FoldForMatching(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  auto put = [&](char32_t c) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    utf8::Append(c, &out);
  };
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c;
    if (b < 0x80) {
      c = b;
      ++i;
    } else {
      size_t len = utf8::SequenceLength(b);
      if (i + len > s.size() || !utf8::IsValid(s.substr(i, len))) {
        ++i;
        pending_space = true;
        continue;
      }
      c = utf8::Next(s, &i);
    }
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') put(c + 32);
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) put(c);
      else pending_space = true;
    } else if (c < 0xC0 || c == 0xD7 || c == 0xF7) {
      pending_space = true;
    } else if (c <= 0xFF) {
      put(static_cast<unsigned char>(kLatin1Fold[c - 0xC0]));
    } else if (c == 0x152 || c == 0x153) {
      put('o');
      put('e');
    } else if ((c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || c == 0x0640 ||
               (c >= 0x064B && c <= 0x065F) || c == 0x0670) {
      // Invisible joiners, tatweel and diacritics vanish inside words.
    } else if ((c >= 0x2000 && c <= 0x206F) || c == 0x060C || c == 0x060D || c == 0x061B || c == 0x061F ||
               (c >= 0x066A && c <= 0x066D) || c == 0x06D4 || (c >= 0x3000 && c <= 0x303F) ||
               (c >= 0xFE50 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF0F)) {
      pending_space = true;
    } else if (c >= 0x0660 && c <= 0x0669) {
      put('0' + (c - 0x0660));
    } else if (c >= 0x06F0 && c <= 0x06F9) {
      put('0' + (c - 0x06F0));
    } else if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) {
      put(0x0627);
    } else if (c == 0x0649 || c == 0x0626) {
      put(0x064A);
    } else if (c == 0x0629) {
      put(0x0647);
    } else if (c == 0x0624) {
      put(0x0648);
    } else {
      put(c);
    }
  }
  return out;
}

Result<std::unique_ptr<PageCues>> PageCues::Load(const std::string& data_dir) {
  std::vector<std::string> cue_rows, month_rows;
  Status s = ReadTsv(data_dir + "/html/cues.tsv", true, [&](const TsvRow& row) {
    if (row.at(0) != "teaser" && row.at(0) != "section") return Status::InvalidArgument("unknown cue kind '" + row.at(0) + "'");
    cue_rows.push_back(row.at(0) + "\t" + row.at(1));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ReadTsv(data_dir + "/html/months.tsv", true, [&](const TsvRow& row) {
    int m = std::atoi(row.at(0).c_str());
    if (m < 1 || m > 12) return Status::InvalidArgument("month number '" + row.at(0) + "' is not 1..12");
    month_rows.push_back(row.at(0) + "\t" + row.at(1));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return FromRows(cue_rows, month_rows);
}

std::unique_ptr<PageCues> PageCues::FromRows(const std::vector<std::string>& cue_rows,
                                             const std::vector<std::string>& month_rows) {
  auto cues = std::unique_ptr<PageCues>(new PageCues());
  for (const auto& row : cue_rows) {
    size_t tab = row.find('\t');
    if (tab == std::string::npos) continue;
    std::string_view kind = std::string_view(row).substr(0, tab);
    cues->AddCues(kind == "teaser" ? CueKind::kTeaser : CueKind::kSection, std::string_view(row).substr(tab + 1));
  }
  for (const auto& row : month_rows) {
    size_t tab = row.find('\t');
    if (tab == std::string::npos) continue;
    cues->AddMonth(std::atoi(row.substr(0, tab).c_str()), std::string_view(row).substr(tab + 1));
  }
  return cues;
}

void PageCues::AddCues(CueKind kind, std::string_view variants) {
  for (const auto& v : SplitVariants(variants)) {
    std::string folded = FoldForMatching(v);
    if (!folded.empty()) phrases_.push_back({folded, kind});
  }
}

void PageCues::AddMonth(int month, std::string_view variants) {
  for (const auto& v : SplitVariants(variants)) {
    std::string folded = FoldForMatching(v);
    auto toks = Tokens(folded);
    if (toks.empty()) continue;
    MonthName name;
    for (auto t : toks) name.tokens.emplace_back(t);
    name.month = month;
    months_[name.tokens[0]].push_back(std::move(name));
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

int PageCues::MonthAt(const std::vector<std::string_view>& tokens, size_t i, size_t* used) const {
  if (i >= tokens.size()) return 0;
  auto it = months_.find(std::string(tokens[i]));
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
  std::string folded = FoldForMatching(text);
  auto tokens = Tokens(folded);
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
