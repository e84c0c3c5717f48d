// Dates: numeric forms, day-month-year in every month tradition, periods,
// "since", years of seasons, and days relative to the publication date.
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

}  // namespace

void FindDates(const DocumentView& doc, const LanguageLexicon& lang, const Date& ref, std::vector<Found>* out) {
  const auto& toks = *doc.tokens;
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
  const PhraseTable* period_from = CueTable(lang, "period_from");
  const PhraseTable* period_to = CueTable(lang, "period_to");
  const PhraseTable* since = CueTable(lang, "since");
  const PhraseTable* during_year = CueTable(lang, "during_year");
  const PhraseTable* year_word = CueTable(lang, "year");
  const PhraseTable* first_day = CueTable(lang, "first_day");
  const PhraseTable* ordinal = CueTable(lang, "ordinal");
  for (size_t i = 0; i < toks.size(); ++i) {
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
    if (rm.entry >= 0 && lang.relative_values[rm.entry].kind == "day") {
      rel_day = true;
      rel_offset = lang.relative_values[rm.entry].offset;
      k += rm.tokens;
      wm = lang.weekdays.Find(doc.text, toks, k, lang.clitics);
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
    // A month's other tradition after a slash: "نيسان/أبريل", "تموز/يوليو".
    size_t mend = mpos + mm.tokens;
    if (mm.entry >= 0 && IsPunct(doc, mend, "/")) {
      PhraseTable::Match alt = lang.months.Find(doc.text, toks, mend + 1, lang.clitics);
      if (alt.entry >= 0 && lang.month_values[alt.entry] == lang.month_values[mm.entry]) mend += 1 + alt.tokens;
    }
    PhraseTable::Match after_month = mm.entry >= 0 ? lang.relative.Find(doc.text, toks, mend, lang.clitics) : PhraseTable::Match{};
    bool month_relative = after_month.entry >= 0 && lang.relative_values[after_month.entry].kind != "day";
    // Between a month and its year: nothing, a comma, or an abbreviation's dot ("févr. 2024").
    size_t year_at = mend + ((IsPunct(doc, mend, ",") || IsPunct(doc, mend, ".")) ? 1 : 0);
    size_t word_begin = 0;
    auto month_word = lang.cues.find("month_word");
    bool after_month_word = month_word != lang.cues.end() &&
                            PhraseEndingAt(doc, month_word->second, lang.clitics, mpos, &word_begin).entry >= 0;
    if (mm.entry >= 0 && (day || month_relative || after_month_word || YearAt(toks, year_at))) {
      int month = lang.month_values[mm.entry];
      size_t e = mend;
      size_t ycand = year_at;
      int year = YearAt(toks, ycand);
      Date d;
      if (year) {
        d = Date{year, month, day};
        e = ycand + 1;
      } else {
        bool previous = false;
        if (month_relative) {
          previous = lang.relative_values[after_month.entry].kind == "previous_month";
          e += after_month.tokens;
        }
        d = day ? WithReferenceYear(month, day, ref) : (ref.valid() ? Date{ref.year, month, 0} : Date{});
        // "نونبر الماضي": the last November before the reference month.
        if (d.valid() && !day && ref.month > 0 && (month > ref.month || (previous && month == ref.month))) d.year -= 1;
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
      }
      if (weekday && rel_day && Weekday(d) != weekday) d = Date{d.year, d.month, 0};
      AddDate(doc, b, k, d, out);
      i = k - 1;
      continue;
    }
    if (rm.entry >= 0 && lang.relative_values[rm.entry].kind != "day") continue;
  }
  MarkStarts(doc, lang, out);
}

}  // namespace rasd
