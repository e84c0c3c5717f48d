// Dates: numeric forms (18/11/2023, 12/03/24, 2015/08/12, 2024-05, "يوم
// 29/2"), day-month-year in every month tradition (two-digit years too), a
// month alone after a word that places it ("en mars", "في أيار"), periods of
// years and of days ("du 3 au 12 octobre", "من 18 إلى 23 ماي 2024"), "since",
// years of seasons, and days, weeks and months relative to the publication
// date ("hier", "الأسبوع الماضي", "le mois prochain", "vendredi dernier",
// "يوم 12 من الشهر الجاري"). Every word is in data/<lang>/ (months, weekdays,
// relative_dates, and the cue roles year, since, period_from, period_to,
// month_word, day_word, first_day, ordinal, during_year).
#include <algorithm>

#include <re2/re2.h>

#include "extract/recognisers.h"

namespace rasd {
namespace {

int YearAt(const std::vector<Token>& toks, size_t i) {
  if (i >= toks.size() || toks[i].kind != Token::Kind::kDigits || toks[i].decimal || toks[i].grouped) return 0;
  double v = toks[i].value;
  if (toks[i].digits == 4 && v >= 1950 && v <= 2100) return static_cast<int>(v);
  return 0;
}

int DayAt(const std::vector<Token>& toks, size_t i) {
  if (i >= toks.size() || toks[i].kind != Token::Kind::kDigits || toks[i].decimal || toks[i].grouped) return 0;
  double v = toks[i].value;
  if (toks[i].digits <= 2 && v >= 1 && v <= 31) return static_cast<int>(v);
  return 0;
}

void AddDate(const DocumentView& doc, size_t b, size_t e, const Date& d, std::vector<Found>* out, Date start = {}) {
  Found f;
  f.kind = Found::Kind::kDate;
  f.tok_begin = b;
  f.tok_end = e;
  f.date = d;
  f.noun = start.valid() ? "period" : "";
  f.value = start.valid() ? start.year : 0;
  f.sentence = doc.sentence_of[b];
  if (start.valid()) f.code = start.ToString();
  out->push_back(f);
}

// Resolves a day and month with no year against the reference: the latest
// such date not after it (a few days' slack for datelines).
Date WithReferenceYear(int month, int day, const Date& ref) {
  if (!ref.valid()) return {};
  int year = ref.year;
  if (ref.month > 0 && month > ref.month + (ref.month == 12 ? 0 : 0) && month - ref.month > 0) {
    if (month > ref.month) year -= 1;
  }
  return {year, month, day};
}

// "depuis le lancement du centre ... le 12 mars 2013", "منذ انطلاق البرنامج في
// 2017": a date in the clause a "since" opens is where a period starts.
void MarkStarts(const DocumentView& doc, const LanguageLexicon& lang, std::vector<Found>* found) {
  const auto& toks = *doc.tokens;
  for (Found& d : *found) {
    if (d.kind != Found::Kind::kDate || !d.noun.empty()) continue;
    for (size_t back = 1; back <= 16 && back <= d.tok_begin; ++back) {
      size_t k = d.tok_begin - back;
      if (doc.sentence_of[k] != d.sentence || IsPunct(doc, k, ",") || toks[k].kind == Token::Kind::kDigits) break;
      if (CueRoleAt(doc, lang, k, "since")) {
        d.noun = "since";
        break;
      }
    }
  }
}

// The one year the sentence of token `at` states, or 0 (none, or several).
int YearInSentence(const DocumentView& doc, size_t at) {
  const auto& toks = *doc.tokens;
  const size_t sentence = doc.sentence_of[at];
  size_t from = at;
  while (from > 0 && doc.sentence_of[from - 1] == sentence) --from;
  int found = 0;
  for (size_t k = from; k < toks.size() && doc.sentence_of[k] == sentence; ++k) {
    int y = YearAt(toks, k);
    if (!y) continue;
    if (found && found != y) return 0;
    found = y;
  }
  return found;
}


// A two-digit year ("31 octobre 74", "12/03/24"): the century that puts it no
// later than a year after the reference (with none, 00-50 are 20xx).
int FullYear(int yy, const Date& ref) {
  if (yy >= 100) return yy;
  int year = 2000 + yy;
  if (ref.valid() ? year > ref.year + 1 : yy > 50) year -= 100;
  return year;
}

// The two-digit year a day and month end on: only before punctuation or the
// end of the text, so that "le 12 mai 25 bénéficiaires" keeps its count.
int TwoDigitYearAt(const DocumentView& doc, size_t i, const Date& ref) {
  const auto& toks = *doc.tokens;
  if (i >= toks.size() || toks[i].kind != Token::Kind::kDigits || toks[i].decimal || toks[i].grouped ||
      toks[i].digits != 2) return 0;
  if (i + 1 < toks.size() && toks[i + 1].kind != Token::Kind::kPunct) return 0;
  if (IsPunct(doc, i + 1, "/") || IsPunct(doc, i + 1, "-") || IsPunct(doc, i + 1, ".") || IsPunct(doc, i + 1, "%")) {
    if (i + 2 < toks.size() && toks[i + 2].kind == Token::Kind::kDigits) return 0;
  }
  if (IsPunct(doc, i + 1, "%")) return 0;
  return FullYear(static_cast<int>(toks[i].value), ref);
}

// Relative words (relative_dates.tsv) by kind.
bool RelativeKind(const LanguageLexicon& lang, const PhraseTable::Match& m, std::string_view kind) {
  return m.entry >= 0 && lang.relative_values[m.entry].kind == kind;
}
// The words that follow a month name: "الجاري", "dernier", "prochain".
bool AfterMonthWord(const LanguageLexicon& lang, const PhraseTable::Match& m) {
  return RelativeKind(lang, m, "current_month") || RelativeKind(lang, m, "previous_month") ||
         RelativeKind(lang, m, "next_month");
}

// The reference's month moved by `months`.
Date MonthFrom(const Date& ref, int months) {
  int index = ref.year * 12 + (ref.month - 1) + months;
  return Date{index / 12, index % 12 + 1, 0};
}

// A week relative to the reference's (Monday to Sunday), at the precision it
// states: its month when the whole week lies in one month, else its year
// (the year of its Thursday, as ISO weeks count).
Date WeekFrom(const Date& ref, int weeks) {
  Date monday = AddDays(ref, -(Weekday(ref) - 1) + 7L * weeks);
  Date sunday = AddDays(monday, 6);
  if (monday.year == sunday.year && monday.month == sunday.month) return Date{monday.year, monday.month, 0};
  return Date{AddDays(monday, 3).year, 0, 0};
}

// A day and month with no year of their own, read with the word after them:
// none (the latest such date not after the reference), "الماضي/dernier" (the
// last one before it), "المقبل/prochain" (the next one after it).
Date ResolveDayMonth(int month, int day, const Date& ref, std::string_view relative) {
  if (!ref.valid()) return {};
  Date d = day ? WithReferenceYear(month, day, ref) : Date{ref.year, month, 0};
  if (relative == "next_month") {
    d.year = ref.year;
    if (ref.month > 0 && (month < ref.month || (day && month == ref.month && ref.day > 0 && day < ref.day))) d.year += 1;
    return d;
  }
  // "نونبر الماضي": the last November before the reference month.
  if (!day && ref.month > 0 && (month > ref.month || (relative == "previous_month" && month == ref.month))) d.year -= 1;
  return d;
}

// A range of days: "du 3 au 12 octobre", "ما بين 24 و26 ماي", "من 18 إلى 23
// ماي 2024", "du 28 février au 3 mars", "24-26 ماي". From token k (after the
// range's opening word, if any): [weekday] day [month [year]] to [weekday] day
// month [year | relative]. The end carries the year; the start takes it, or
// the year before when its month is later ("du 28 décembre au 3 janvier").
bool DayRange(const DocumentView& doc, const LanguageLexicon& lang, const Date& ref, size_t k, bool hyphen_only,
              Date* start, Date* end, size_t* range_end) {
  const auto& toks = *doc.tokens;
  const PhraseTable* period_to = CueTable(lang, "period_to");
  const PhraseTable* first_day = CueTable(lang, "first_day");
  const PhraseTable* ordinal = CueTable(lang, "ordinal");
  auto skip_weekday = [&](size_t* p) {
    PhraseTable::Match w = lang.weekdays.Find(doc.text, toks, *p, lang.clitics);
    if (w.entry >= 0) *p += w.tokens;
  };
  // day [ordinal], or فاتح
  auto read_day = [&](size_t* p) {
    int d = DayAt(toks, *p);
    size_t len = 0;
    if (d) {
      ++*p;
      if (PhraseAt(doc, lang, ordinal, *p, &len)) *p += len;
    } else if (PhraseAt(doc, lang, first_day, *p, &len)) {
      d = 1;
      *p += len;
    }
    return d;
  };
  // month [/ the same month in another tradition]
  auto read_month = [&](size_t* p) {
    PhraseTable::Match m = lang.months.Find(doc.text, toks, *p, lang.clitics);
    if (m.entry < 0) return 0;
    *p += m.tokens;
    if (IsPunct(doc, *p, "/")) {
      PhraseTable::Match alt = lang.months.Find(doc.text, toks, *p + 1, lang.clitics);
      if (alt.entry >= 0 && lang.month_values[alt.entry] == lang.month_values[m.entry]) *p += 1 + alt.tokens;
    }
    return lang.month_values[m.entry];
  };
  size_t p = k;
  if (!hyphen_only) skip_weekday(&p);
  int d1 = read_day(&p);
  if (!d1) return false;
  int m1 = read_month(&p), y1 = 0;
  if (m1 && (y1 = YearAt(toks, p))) ++p;
  size_t len = 0;
  if (IsPunct(doc, p, "-")) ++p;
  else if (!hyphen_only && PhraseAt(doc, lang, period_to, p, &len)) p += len;
  else return false;
  if (!hyphen_only) skip_weekday(&p);
  int d2 = read_day(&p);
  if (!d2) return false;
  int m2 = read_month(&p);
  if (!m2) return false;
  size_t year_at = p + ((IsPunct(doc, p, ",") || IsPunct(doc, p, ".")) ? 1 : 0);
  Date e;
  if (int y = YearAt(toks, year_at)) {
    e = Date{y, m2, d2};
    p = year_at + 1;
  } else {
    PhraseTable::Match rel = lang.relative.Find(doc.text, toks, p, lang.clitics);
    std::string_view kind;
    if (AfterMonthWord(lang, rel)) {
      kind = lang.relative_values[rel.entry].kind;
      p += rel.tokens;
    }
    e = ResolveDayMonth(m2, d2, ref, kind);
    if (!ref.valid() && kind.empty()) {
      if (int y = YearInSentence(doc, k)) e = Date{y, m2, d2};
    }
  }
  if (!e.valid() || !IsRealDay(e.year, e.month, e.day)) return false;
  if (!m1) m1 = m2;
  if (!y1) y1 = m1 > m2 ? e.year - 1 : e.year;
  Date s{y1, m1, d1};
  if (!IsRealDay(s.year, s.month, s.day) || DaysFromCivil(s.year, s.month, s.day) >= DaysFromCivil(e.year, e.month, e.day)) {
    return false;
  }
  *start = s;
  *end = e;
  *range_end = p;
  return true;
}

// Does a date found since `from` already cover a token of [b, e)?
bool Covered(const std::vector<Found>& found, size_t from, size_t b, size_t e) {
  for (size_t i = from; i < found.size(); ++i) {
    const Found& f = found[i];
    if (f.kind == Found::Kind::kDate && f.tok_begin < e && b < f.tok_end) return true;
  }
  return false;
}

}  // namespace

void FindDates(const DocumentView& doc, const LanguageLexicon& lang, const Date& ref, std::vector<Found>* out) {
  const auto& toks = *doc.tokens;
  const size_t first_found = out->size();
  // Numeric dates: 18/11/2023, 18-11-2023, 18.11.2023, 2023-11-18.
  static const RE2 kDmy("(\\d{1,2})[/.-](\\d{1,2})[/.-]((?:19|20)\\d\\d)");
  static const RE2 kYmd("((?:19|20)\\d\\d)-(\\d{1,2})-(\\d{1,2})");
  auto token_at_byte = [&](size_t byte) {
    size_t lo = 0, hi = toks.size();
    while (lo < hi) { size_t mid = (lo + hi) / 2; if (toks[mid].end <= byte) lo = mid + 1; else hi = mid; }
    return lo;
  };
  for (const RE2* re : {&kDmy, &kYmd}) {
    re2::StringPiece input(doc.text.data(), doc.text.size());
    re2::StringPiece m[4];
    size_t pos = 0;
    while (pos < doc.text.size() && re->Match(input, pos, input.size(), RE2::UNANCHORED, m, 4)) {
      int a = std::atoi(std::string(m[1]).c_str()), b = std::atoi(std::string(m[2]).c_str()), c = std::atoi(std::string(m[3]).c_str());
      Date d = re == &kDmy ? Date{c, b, a} : Date{a, b, c};
      size_t begin = static_cast<size_t>(m[0].data() - doc.text.data());
      size_t end = begin + m[0].size();
      if (IsRealDay(d.year, d.month, d.day)) AddDate(doc, token_at_byte(begin), token_at_byte(end - 1) + 1, d, out);
      pos = end;
    }
  }
  // The shorter numeric forms, standing alone (no digit or digit separator
  // either side): 2015/08/12 and 2015.08.12, 12/03/24 (a two-digit year),
  // 2024-05 (a month; "2011-12" is a season), and 29/2 after a word that
  // announces a day ("يوم 29/2", "le 29/2") or a weekday.
  {
    static const RE2 kYmdOther("((?:19|20)\\d\\d)([/.])(\\d{1,2})([/.])(\\d{1,2})");
    static const RE2 kDmyShort("(\\d{1,2})([/.-])(\\d{1,2})([/.-])(\\d\\d)");
    static const RE2 kYm("((?:19|20)\\d\\d)([/-])(\\d\\d)");
    static const RE2 kDm("(\\d{1,2})/(\\d{1,2})");
    const std::string_view text = doc.text;
    auto is_digit = [&](size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
    auto is_sep = [&](size_t at) {
      return at < text.size() && (text[at] == '/' || text[at] == '.' || text[at] == '-' || text[at] == ',' || text[at] == ':');
    };
    auto alone = [&](size_t begin, size_t end) {
      if (begin > 0 && (is_digit(begin - 1) || (is_sep(begin - 1) && begin > 1 && is_digit(begin - 2)))) return false;
      if (is_digit(end) || (is_sep(end) && is_digit(end + 1)) || (end < text.size() && text[end] == '%')) return false;
      return true;
    };
    const PhraseTable* day_word = CueTable(lang, "day_word");
    for (const RE2* re : {&kYmdOther, &kDmyShort, &kYm, &kDm}) {
      re2::StringPiece input(text.data(), text.size());
      re2::StringPiece m[6];
      const int groups = re == &kDm ? 3 : re == &kYm ? 4 : 6;
      size_t pos = 0;
      while (pos < text.size() && re->Match(input, pos, input.size(), RE2::UNANCHORED, m, groups)) {
        size_t begin = static_cast<size_t>(m[0].data() - text.data());
        size_t end = begin + m[0].size();
        pos = begin + 1;
        if (!alone(begin, end)) continue;
        auto num = [&](int g) { return std::atoi(std::string(m[g]).c_str()); };
        Date d;
        if (re == &kYmdOther) {
          if (m[2] != m[4]) continue;
          d = Date{num(1), num(3), num(5)};
        } else if (re == &kDmyShort) {
          if (m[2] != m[4]) continue;
          d = Date{FullYear(num(5), ref), num(3), num(1)};
        } else if (re == &kYm) {
          int year = num(1), month = num(3);
          if (month < 1 || month > 12 || month == (year + 1) % 100) continue;
          d = Date{year, month, 0};
        } else {
          int day = num(1), month = num(2);
          if (month < 1 || month > 12) continue;
          size_t t = token_at_byte(begin);
          size_t cue_begin = 0;
          bool announced = t > 0 && ((day_word && PhraseEndingAt(doc, *day_word, lang.clitics, t, &cue_begin).entry >= 0) ||
                                     lang.weekdays.Find(doc.text, toks, t - 1, lang.clitics).entry >= 0);
          if (!announced) continue;
          d = ref.valid() ? WithReferenceYear(month, day, ref) : Date{};
          if (!ref.valid()) {
            if (int y = YearInSentence(doc, t)) d = Date{y, month, day};
          }
        }
        if (!d.valid() || (d.day ? !IsRealDay(d.year, d.month, d.day) : (d.month < 1 || d.month > 12))) continue;
        size_t tb = token_at_byte(begin), te = token_at_byte(end - 1) + 1;
        if (Covered(*out, first_found, tb, te)) continue;
        AddDate(doc, tb, te, d, out);
        pos = end;
      }
    }
  }
  const PhraseTable* period_from = CueTable(lang, "period_from");
  const PhraseTable* period_to = CueTable(lang, "period_to");
  const PhraseTable* since = CueTable(lang, "since");
  const PhraseTable* during_year = CueTable(lang, "during_year");
  const PhraseTable* year_word = CueTable(lang, "year");
  const PhraseTable* first_day = CueTable(lang, "first_day");
  const PhraseTable* ordinal = CueTable(lang, "ordinal");
  const PhraseTable* month_word = CueTable(lang, "month_word");
  // A date in digits is read already: its tokens, and the word just before
  // it ("en 2024-03" is not the year 2024), start no other date.
  std::vector<bool> numeric(toks.size() + 1, false);
  for (size_t n = first_found; n < out->size(); ++n) {
    for (size_t t = (*out)[n].tok_begin; t < (*out)[n].tok_end && t < toks.size(); ++t) numeric[t] = true;
  }
  for (size_t i = 0; i < toks.size(); ++i) {
    if (numeric[i] || (toks[i].kind == Token::Kind::kWord && numeric[i + 1])) continue;
    // Period: "ما بين 2012 و2013", "من 2016 إلى 2019".
    size_t len = 0;
    const bool word = toks[i].kind == Token::Kind::kWord;
    if (word && PhraseAt(doc, lang, period_from, i, &len)) {
      size_t y1 = i + len;
      int a = YearAt(toks, y1);
      if (a) {
        size_t k = y1 + 1;
        size_t len2 = 0;
        if (PhraseAt(doc, lang, period_to, k, &len2)) k += len2;
        else if (IsPunct(doc, k, "-") || IsPunct(doc, k, "/")) ++k;  // "2024-2026"
        int b = YearAt(toks, k);
        if (b > a) {
          AddDate(doc, i, k + 1, Date{b, 0, 0}, out, Date{a, 0, 0});
          i = k;
          continue;
        }
      }
      // A period of days: "du 3 au 12 octobre", "من 18 إلى 23 ماي 2024".
      Date from, to;
      size_t range_end = 0;
      if (DayRange(doc, lang, ref, i + len, false, &from, &to, &range_end)) {
        AddDate(doc, i, range_end, to, out, from);
        i = range_end - 1;
        continue;
      }
    }
    // "24-26 ماي": days joined by a hyphen.
    if (toks[i].kind == Token::Kind::kDigits && IsPunct(doc, i + 1, "-")) {
      Date from, to;
      size_t range_end = 0;
      if (DayRange(doc, lang, ref, i, true, &from, &to, &range_end)) {
        AddDate(doc, i, range_end, to, out, from);
        i = range_end - 1;
        continue;
      }
    }
    // "depuis 2017", "منذ 2017": the start of a period that runs to a later date.
    if (word && PhraseAt(doc, lang, since, i, &len)) {
      if (int y = YearAt(toks, i + len)) {
        AddDate(doc, i, i + len + 1, Date{y, 0, 0}, out);
        out->back().noun = "since";
        i += len;  // the longest phrase is the one mention
        continue;
      }
    }
    // "خلال سنة 2014", "au cours de l'année 2013": what was done over a year, a
    // total of that year.
    if (word && PhraseAt(doc, lang, during_year, i, &len)) {
      if (int y = YearAt(toks, i + len)) {
        AddDate(doc, i, i + len + 1, Date{y, 0, 0}, out);
        out->back().noun = "during";
        i += len;
        continue;
      }
    }
    // "موسم 2024", "سنة 2024".
    if (word && PhraseAt(doc, lang, year_word, i, &len)) {
      if (int y = YearAt(toks, i + len)) {
        // A season over two years ("موسم 2019-2020") dates nothing by itself.
        size_t next = i + len + 1;
        if ((IsPunct(doc, next, "-") || IsPunct(doc, next, "/")) && YearAt(toks, next + 1) == y + 1) {
          i = next + 1;
          continue;
        }
        AddDate(doc, i, i + len + 1, Date{y, 0, 0}, out);
        out->back().season = true;
        i += len;
        continue;
      }
    }
    // [weekday] [relative] day month [,] [year | relative].
    size_t b = i;
    int weekday = 0;
    PhraseTable::Match wm = lang.weekdays.Find(doc.text, toks, i, lang.clitics);
    int rel_offset = 0;
    bool rel_day = false;
    size_t k = i;
    PhraseTable::Match rm = lang.relative.Find(doc.text, toks, k, lang.clitics);
    if (RelativeKind(lang, rm, "day")) {
      rel_day = true;
      rel_offset = lang.relative_values[rm.entry].offset;
      k += rm.tokens;
      wm = lang.weekdays.Find(doc.text, toks, k, lang.clitics);
    }
    // A week or month relative to the publication: "الأسبوع الماضي", "la
    // semaine prochaine" (its month, see WeekFrom), "الشهر المقبل", "le mois
    // dernier"; "منتصف الشهر", "fin du mois" (the month of the publication,
    // only after such a word).
    if (rm.entry >= 0 && ref.valid() && ref.month > 0) {
      const RelativeDate& rel = lang.relative_values[rm.entry];
      if (rel.kind == "week" && ref.day > 0) {
        AddDate(doc, i, i + rm.tokens, WeekFrom(ref, rel.offset), out);
        i += rm.tokens - 1;
        continue;
      }
      // "ce mois de mai" is May.
      const size_t after = i + rm.tokens;
      const bool names_month = lang.months.Find(doc.text, toks, after, lang.clitics).entry >= 0 ||
                               lang.months.Find(doc.text, toks, after + 1, lang.clitics).entry >= 0;
      if (rel.kind == "month" && !names_month) {
        AddDate(doc, i, after, MonthFrom(ref, rel.offset), out);
        i = after - 1;
        continue;
      }
      if (rel.kind == "month_after_cue") {
        size_t cue_begin = 0;
        if (!names_month && month_word && PhraseEndingAt(doc, *month_word, lang.clitics, i, &cue_begin).entry >= 0) {
          AddDate(doc, cue_begin, after, MonthFrom(ref, rel.offset), out);
          i = after - 1;
          continue;
        }
      }
    }
    if (wm.entry >= 0) {
      weekday = lang.weekday_values[wm.entry];
      k += wm.tokens;
      if (IsPunct(doc, k, ",") && DayAt(toks, k + 1)) ++k;  // "الأربعاء, 2 يوليو"
    }
    int day = DayAt(toks, k);
    size_t first_len = 0;
    if (!day && PhraseAt(doc, lang, first_day, k, &first_len)) {  // "فاتح يوليوز", "1er"
      day = 1;
      k += first_len - 1;
    }
    // Two days of one month: "يومي 10 و17 يوليوز", "les 10 et 17 juillet".
    int first_of_two = 0;
    size_t first_day_at = k;
    if (day) {
      size_t c = k + 1;
      if (c < toks.size() && toks[c].kind == Token::Kind::kWord && lang.connectors.Find(doc.text, toks, c, lang.clitics).entry >= 0) ++c;
      if (c > k + 1 && DayAt(toks, c) && lang.months.Find(doc.text, toks, c + 1, lang.clitics).entry >= 0) {
        first_of_two = day;
        day = DayAt(toks, c);
        k = c;
      }
    }
    size_t mpos = day ? k + 1 : k;
    size_t olen = 0;
    if (day && PhraseAt(doc, lang, ordinal, mpos, &olen)) mpos += olen;  // "1er"
    PhraseTable::Match mm = lang.months.Find(doc.text, toks, mpos, lang.clitics);
    if (day && mm.entry < 0 && !first_of_two && ref.valid() && ref.month > 0) {
      // A day of a month named by its place: "يوم 12 من الشهر الجاري", "le 15
      // du mois dernier", "فاتح الشهر"; "le 1er" alone is the first of the
      // publication's month.
      PhraseTable::Match rel = lang.relative.Find(doc.text, toks, mpos, lang.clitics);
      if (RelativeKind(lang, rel, "month") || RelativeKind(lang, rel, "month_after_cue")) {
        Date m = MonthFrom(ref, lang.relative_values[rel.entry].offset);
        if (IsRealDay(m.year, m.month, day)) {
          Date d{m.year, m.month, day};
          if (weekday && Weekday(d) != weekday) d.day = 0;
          AddDate(doc, b, mpos + rel.tokens, d, out);
          i = mpos + rel.tokens - 1;
          continue;
        }
      }
      if (day == 1 && olen > 0 && (mpos >= toks.size() || toks[mpos].kind == Token::Kind::kPunct) &&
          !IsPunct(doc, mpos, "/") && !IsPunct(doc, mpos, "-")) {
        AddDate(doc, b, mpos, Date{ref.year, ref.month, 1}, out);
        i = mpos - 1;
        continue;
      }
    }
    // A month's other tradition after a slash: "نيسان/أبريل", "تموز/يوليو".
    size_t mend = mpos + mm.tokens;
    if (mm.entry >= 0 && IsPunct(doc, mend, "/")) {
      PhraseTable::Match alt = lang.months.Find(doc.text, toks, mend + 1, lang.clitics);
      if (alt.entry >= 0 && lang.month_values[alt.entry] == lang.month_values[mm.entry]) mend += 1 + alt.tokens;
    }
    PhraseTable::Match after_month = mm.entry >= 0 ? lang.relative.Find(doc.text, toks, mend, lang.clitics) : PhraseTable::Match{};
    bool month_relative = AfterMonthWord(lang, after_month);
    // Between a month and its year: nothing, a comma, or an abbreviation's dot ("févr. 2024").
    size_t year_at = mend + ((IsPunct(doc, mend, ",") || IsPunct(doc, mend, ".")) ? 1 : 0);
    size_t word_begin = 0;
    bool after_month_word = month_word && PhraseEndingAt(doc, *month_word, lang.clitics, mpos, &word_begin).entry >= 0;
    // A month after a word alone ("en mars", "في أيار"), unless the name is
    // also a number ("en sept jours").
    if (after_month_word && !day && !month_relative && !YearAt(toks, year_at) &&
        lang.numbers.Find(doc.text, toks, mpos, lang.clitics).entry >= 0) {
      after_month_word = false;
    }
    // "31 octobre 74": a two-digit year after a day and month.
    int short_year = mm.entry >= 0 && day && !YearAt(toks, year_at) ? TwoDigitYearAt(doc, mend, ref) : 0;
    if (mm.entry >= 0 && (day || month_relative || after_month_word || YearAt(toks, year_at))) {
      int month = lang.month_values[mm.entry];
      size_t e = mend;
      size_t ycand = year_at;
      int year = YearAt(toks, ycand);
      if (!year && short_year) {
        year = short_year;
        ycand = mend;
      }
      Date d;
      if (year) {
        d = Date{year, month, day};
        e = ycand + 1;
      } else {
        std::string_view relative;
        if (month_relative) {
          relative = lang.relative_values[after_month.entry].kind;
          e += after_month.tokens;
        }
        d = ResolveDayMonth(month, day, ref, relative);
        // With no publication date, the year its own sentence states ("programme
        // «Ramadan 2015», lancé le 3 juillet à Casablanca").
        if (!ref.valid() && !month_relative) {
          if (int y = YearInSentence(doc, b)) d = Date{y, month, day};
        }
      }
      if (d.valid() && day && !IsRealDay(d.year, d.month, d.day)) d.day = 0;
      // A stated weekday that contradicts the date leaves only the month certain.
      if (d.valid() && d.day && weekday && Weekday(d) != weekday) d.day = 0;
      if (d.valid() && first_of_two) {
        Date first{d.year, d.month, first_of_two};
        AddDate(doc, b, first_day_at + 1, IsRealDay(first.year, first.month, first.day) ? first : Date{d.year, d.month, 0}, out);
        b = k;
        weekday = 0;
      }
      if (d.valid()) AddDate(doc, b, e, d, out);
      i = e - 1;
      continue;
    }
    if (day == 0 && (rel_day || weekday) && ref.valid() && ref.day) {
      // "اليوم الثلاثاء", "أمس", "الجمعة": relative to the publication day.
      Date d = AddDays(ref, rel_offset);
      if (weekday && !rel_day) {
        long back = (Weekday(ref) - weekday + 7) % 7;
        d = AddDays(ref, -back);
        // "vendredi dernier", "الجمعة الماضية": the last one before the
        // publication day; "lundi prochain", "الاثنين المقبل": the next after it.
        PhraseTable::Match rel = lang.relative.Find(doc.text, toks, k, lang.clitics);
        if (RelativeKind(lang, rel, "previous_month")) {
          if (back == 0) d = AddDays(ref, -7);
          k += rel.tokens;
        } else if (RelativeKind(lang, rel, "next_month")) {
          d = AddDays(ref, (weekday - Weekday(ref) + 7) % 7 == 0 ? 7 : (weekday - Weekday(ref) + 7) % 7);
          k += rel.tokens;
        }
      }
      if (weekday && rel_day && Weekday(d) != weekday) d = Date{d.year, d.month, 0};
      AddDate(doc, b, k, d, out);
      i = k - 1;
      continue;
    }
    if (rm.entry >= 0 && !RelativeKind(lang, rm, "day")) continue;
  }
  MarkStarts(doc, lang, out);
}

}  // namespace rasd
