#include "extract/mentions.h"

#include <cmath>
#include <limits>

#include <re2/re2.h>

namespace rasd {
namespace {

using Kind = Token::Kind;

bool IsConnectorWord(std::string_view w, const LanguageLexicon& lang) {
  for (const std::string& c : lang.connector_words) if (w == c) return true;
  return false;
}

// The number word at token i, directly or through a clitic; `joined` says
// whether a connector (و) was glued to it.
struct WordNumber {
  const NumberWord* word = nullptr;
  size_t tokens = 0;
  bool joined = false;
};

WordNumber NumberWordAt(const DocumentView& doc, const LanguageLexicon& lang, size_t i) {
  WordNumber r;
  const auto& toks = *doc.tokens;
  if (i >= toks.size() || toks[i].kind != Kind::kWord) return r;
  PhraseTable::Match m = lang.numbers.Find(doc.text, toks, i, lang.clitics);
  // With the article a number word is an ordinal or a name ("في المائة", "الاثنين").
  if (m.entry < 0 || m.definite) return r;
  r.word = &lang.number_values[m.entry];
  r.tokens = m.tokens;
  // Joined when a connector was glued to it (وثلاثمائة), not when the word
  // itself is a number word.
  std::string_view w = TokenText(doc.text, toks[i]);
  for (const std::string& c : lang.connector_words) {
    if (m.stripped && w.size() > c.size() && w.compare(0, c.size(), c) == 0) r.joined = true;
  }
  return r;
}

// True when adding `v` to `cur` fills empty decimal places only
// (ثلاثمائة وخمسة وعشرون), not when two numbers stand side by side (2012 و2013).
bool FillsEmptyPlaces(double cur, double v) {
  if (cur <= 0) return true;
  if (v >= 1000 || cur != std::floor(cur) || v != std::floor(v)) return false;
  long c = static_cast<long>(cur) % 1000, x = static_cast<long>(v);
  for (long place = 1; place < 1000; place *= 10) {
    if ((x / place) % 10 != 0 && (c / place) % 10 != 0) return false;
  }
  return c + x < 1000 || static_cast<long>(cur) < 1000;
}

}  // namespace

std::vector<Found> FindNumbers(const DocumentView& doc, const LanguageLexicon& lang) {
  std::vector<Found> out;
  const auto& toks = *doc.tokens;
  size_t i = 0;
  while (i < toks.size()) {
    WordNumber first = NumberWordAt(doc, lang, i);
    bool is_digits = toks[i].kind == Kind::kDigits;
    if (!is_digits && (!first.word || first.joined)) { ++i; continue; }
    // A plural scale alone is vague ("آلاف المستفيدين"), not a number.
    if (first.word && first.word->kind == NumberWord::Kind::kPluralScale) { i += first.tokens; continue; }
    // A fraction starts a number only before a scale (نصف مليون).
    if (first.word && first.word->kind == NumberWord::Kind::kFraction) {
      WordNumber next = NumberWordAt(doc, lang, i + first.tokens);
      if (!next.word || next.word->kind != NumberWord::Kind::kScale) { i += first.tokens; continue; }
    }
    double total = 0, cur = 0, last_scale = std::numeric_limits<double>::infinity();
    bool cur_set = false, words = false, decimal = false, approx = false;
    size_t j = i, end = i;
    bool first_token = true;
    bool last_hundred = false;  // the last word was a hundred (deux cent | cinquante)
    while (j < toks.size()) {
      bool joined = false;
      size_t at = j;
      // A glued connector token ("و" + "678") or a free-standing one ("et").
      if (!first_token && toks[j].kind != Kind::kDigits && IsConnectorWord(TokenText(doc.text, toks[j]), lang) &&
          j + 1 < toks.size()) {
        joined = true;
        at = j + 1;
      }
      if (!first_token && toks[at].line_before) break;
      if (toks[at].kind == Kind::kDigits) {
        if (!first_token && !joined) break;
        double v = toks[at].value;
        if (cur_set) {
          if (!FillsEmptyPlaces(cur, v)) break;
          cur += v;
        } else {
          if (!first_token && !(v < last_scale)) break;
          cur = v;
          cur_set = true;
        }
        decimal = decimal || toks[at].decimal;
        last_hundred = false;
        j = at + 1;
      } else {
        WordNumber w = NumberWordAt(doc, lang, at);
        if (!w.word) break;
        joined = joined || w.joined;
        const NumberWord& nw = *w.word;
        bool after_scale = !cur_set && total > 0 && lang.join_after_scale;
        // French writes the units after a hundred with no connector: "deux cent cinquante".
        bool after_hundred = last_hundred && lang.join_after_scale && nw.kind == NumberWord::Kind::kUnit && nw.value < 100;
        last_hundred = nw.kind == NumberWord::Kind::kHundred;
        if (!first_token && !joined && !after_scale && !after_hundred && nw.kind != NumberWord::Kind::kScale &&
            nw.kind != NumberWord::Kind::kPluralScale && nw.kind != NumberWord::Kind::kHundred) break;
        if (nw.kind == NumberWord::Kind::kApprox) {
          if (!first_token) break;
          approx = true;
          cur = nw.value;
          cur_set = true;
        } else if (nw.kind == NumberWord::Kind::kUnit) {
          if (cur_set) {
            if (!(joined || after_hundred) || !FillsEmptyPlaces(cur, nw.value)) break;
            cur += nw.value;
          } else {
            if (!first_token && !(nw.value < last_scale)) break;
            cur = nw.value;
            cur_set = true;
          }
        } else if (nw.kind == NumberWord::Kind::kHundred) {
          if (cur_set && joined && cur >= 10) {  // "deux-cents" is 200, "ألف ومائة" 1100
            if (!FillsEmptyPlaces(cur, nw.value)) break;
            cur += nw.value;
          } else if (cur_set) {
            if (cur >= 10) break;
            cur *= nw.value;
          } else {
            cur = nw.value;
            cur_set = true;
          }
        } else if (nw.kind == NumberWord::Kind::kDualScale) {
          if (cur_set || !(nw.value < last_scale)) break;
          total += 2 * nw.value;
          last_scale = nw.value;
        } else if (nw.kind == NumberWord::Kind::kScale || nw.kind == NumberWord::Kind::kPluralScale) {
          if (!(nw.value < last_scale)) break;
          if (nw.kind == NumberWord::Kind::kPluralScale && !cur_set) break;
          double m = cur_set ? cur : 1;
          if (cur_set && joined) break;  // "و" before a bare scale starts a new number
          total += m * nw.value;
          cur = 0;
          cur_set = false;
          last_scale = nw.value;
        } else {  // fraction before a scale
          if (cur_set) break;
          cur = nw.value;
          cur_set = true;
        }
        words = true;
        j = at + w.tokens;
      }
      end = j;
      first_token = false;
    }
    if (end == i) { ++i; continue; }
    Found f;
    f.kind = Found::Kind::kNumber;
    f.tok_begin = i;
    f.tok_end = end;
    f.value = total + (cur_set ? cur : 0);
    f.words = words;
    if (approx) f.qualifier = "approx";
    f.sentence = doc.sentence_of[i];
    (void)decimal;
    out.push_back(f);
    i = end;
  }
  return out;
}

namespace {

// The phrase of `table` that ends exactly at token `end`, looking back a few tokens.
PhraseTable::Match PhraseEndingAt(const DocumentView& doc, const PhraseTable& table, const Clitics& clitics,
                                  size_t end, size_t* begin) {
  // Longest first: "لا يتجاوز" before "يتجاوز".
  for (size_t back = std::min<size_t>(5, end); back >= 1; --back) {
    size_t k = end - back;
    PhraseTable::Match m = table.Find(doc.text, *doc.tokens, k, clitics);
    if (m.entry >= 0 && k + m.tokens == end) {
      *begin = k;
      return m;
    }
  }
  return {};
}

// The qualifier just before a figure, or a few words before it when only
// words stand between ("ناهزت قيمته 1,3 مليون", "ناهزت الكلفة الإجمالية 9 ملايين").
std::string QualifierBefore(const DocumentView& doc, const LanguageLexicon& lang, size_t tok, size_t* begin) {
  const auto& toks = *doc.tokens;
  for (size_t skip = 0; skip <= 3 && skip < tok; ++skip) {
    // An elided word before the number is no word between: "plus d'un million".
    if (skip == 1 && toks[tok - 1].kind == Token::Kind::kPunct &&
        (TokenText(doc.text, toks[tok - 1]) == "'" || TokenText(doc.text, toks[tok - 1]) == "\xE2\x80\x99")) {
      PhraseTable::Match m = PhraseEndingAt(doc, lang.qualifiers, lang.clitics, tok - 1, begin);
      if (m.entry >= 0) return lang.qualifier_values[m.entry];
      break;
    }
    if (skip > 0 && toks[tok - skip].kind != Token::Kind::kWord) break;
    PhraseTable::Match m = PhraseEndingAt(doc, lang.qualifiers, lang.clitics, tok - skip, begin);
    if (m.entry >= 0) return lang.qualifier_values[m.entry];
  }
  return "exact";
}

bool CueRoleAt(const DocumentView& doc, const LanguageLexicon& lang, size_t i, const std::string& role, size_t* len = nullptr) {
  auto it = lang.cues.find(role);
  if (it == lang.cues.end()) return false;
  PhraseTable::Match m = it->second.Find(doc.text, *doc.tokens, i, lang.clitics);
  if (m.entry >= 0) {
    if (len) *len = m.tokens;
    return true;
  }
  return false;
}

// Is an administrative noun (إقليم، province de) just before token i, or
// glued to it as its first word (بإقليم)?
bool AdminBefore(const DocumentView& doc, const LanguageLexicon& lang, size_t i) {
  size_t b = 0;
  for (size_t back = 1; back <= 5 && back <= i; ++back) {
    size_t k = i - back;
    size_t len = 0;
    if ((CueRoleAt(doc, lang, k, "admin", &len) || CueRoleAt(doc, lang, k, "wilaya", &len)) && k + len >= i) return true;
    // French: "province de", "région de l'": skip small linking words.
    if (CueRoleAt(doc, lang, k, "link")) continue;
    if ((*doc.tokens)[k].kind == Token::Kind::kPunct) {
      std::string_view p = TokenText(doc.text, (*doc.tokens)[k]);
      if (p == "'" || p == "/" || p == "-") continue;
    }
    (void)b;
    break;
  }
  return false;
}

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

bool IsPunct(const DocumentView& doc, size_t i, std::string_view p) {
  const auto& toks = *doc.tokens;
  return i < toks.size() && toks[i].kind == Token::Kind::kPunct && TokenText(doc.text, toks[i]) == p;
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
  for (size_t i = 0; i < toks.size(); ++i) {
    // Period: "ما بين 2012 و2013", "من 2016 إلى 2019".
    size_t len = 0;
    if (CueRoleAt(doc, lang, i, "period_from", &len)) {
      size_t y1 = i + len;
      int a = YearAt(toks, y1);
      if (a) {
        size_t k = y1 + 1;
        size_t len2 = 0;
        if (k < toks.size() && CueRoleAt(doc, lang, k, "period_to", &len2)) k += len2;
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
    if (CueRoleAt(doc, lang, i, "since", &len)) {
      if (int y = YearAt(toks, i + len)) {
        AddDate(doc, i, i + len + 1, Date{y, 0, 0}, out);
        out->back().noun = "since";
        continue;
      }
    }
    // "موسم 2024", "سنة 2024".
    if (CueRoleAt(doc, lang, i, "year", &len)) {
      if (int y = YearAt(toks, i + len)) {
        AddDate(doc, i, i + len + 1, Date{y, 0, 0}, out);
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
    if (!day && CueRoleAt(doc, lang, k, "first_day", &first_len)) {  // "فاتح يوليوز", "1er"
      day = 1;
      k += first_len - 1;
    }
    size_t mpos = day ? k + 1 : k;
    size_t olen = 0;
    if (day && CueRoleAt(doc, lang, mpos, "ordinal", &olen)) mpos += olen;  // "1er"
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
      }
      if (d.valid() && day && !IsRealDay(d.year, d.month, d.day)) d.day = 0;
      // A stated weekday that contradicts the date leaves only the month certain.
      if (d.valid() && d.day && weekday && Weekday(d) != weekday) d.day = 0;
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
}

}  // namespace

bool HasCue(const DocumentView& doc, const LanguageLexicon& lang, const std::string& role) {
  auto it = lang.cues.find(role);
  if (it == lang.cues.end()) return false;
  for (size_t i = 0; i < doc.tokens->size(); ++i) {
    if ((*doc.tokens)[i].kind == Token::Kind::kWord && it->second.Find(doc.text, *doc.tokens, i, lang.clitics).entry >= 0) return true;
  }
  return false;
}

std::vector<Found> FindMentions(const DocumentView& doc, const LanguageLexicon& lang, const Lexicons& lex,
                                const std::vector<Found>& numbers, const Date& reference) {
  std::vector<Found> out;
  const auto& toks = *doc.tokens;
  std::vector<bool> in_number(toks.size(), false);
  for (const Found& n : numbers) for (size_t t = n.tok_begin; t < n.tok_end; ++t) in_number[t] = true;

  for (const Found& n : numbers) {
    out.push_back(n);
    size_t after = n.tok_end;
    // Money: a currency word right after the amount.
    PhraseTable::Match cm = lang.currencies.Find(doc.text, toks, after, lang.clitics);
    if (cm.entry >= 0) {
      Found m = n;
      m.kind = Found::Kind::kMoney;
      const Currency& c = lang.currency_values[cm.entry];
      m.value = n.value * c.scale;
      m.code = c.code;
      m.tok_end = after + cm.tokens;
      size_t qb = 0;
      m.qualifier = QualifierBefore(doc, lang, n.tok_begin, &qb);
      if (m.qualifier == "exact") m.qualifier = n.qualifier;
      out.push_back(m);
      continue;
    }
    // Counts: a noun right after the number, or after a partitive (28 من السجناء).
    size_t noun_at = after;
    size_t plen = 0;
    PhraseTable::Match nm = lang.count_nouns.Find(doc.text, toks, noun_at, lang.clitics);
    if (nm.entry < 0 && CueRoleAt(doc, lang, after, "partitive", &plen)) {
      noun_at = after + plen;
      nm = lang.count_nouns.Find(doc.text, toks, noun_at, lang.clitics);
    }
    if (nm.entry >= 0 && n.value >= 1 && n.value == std::floor(n.value) && !(toks[n.tok_begin].digits == 4 && n.value >= 1950 && n.value <= 2100 && !n.words && nm.entry < 0)) {
      const CountNoun& cn = lang.count_values[nm.entry];
      Found c = n;
      c.kind = Found::Kind::kCount;
      c.noun = cn.noun;
      c.tok_end = noun_at + nm.tokens;
      if (cn.female && cn.noun == "beneficiaries") {
        for (size_t back = 1; back <= 4 && back <= n.tok_begin; ++back) {
          if (CueRoleAt(doc, lang, n.tok_begin - back, "among")) { c.noun = "women"; break; }
        }
      }
      size_t qb = 0;
      c.qualifier = QualifierBefore(doc, lang, n.tok_begin, &qb);
      if (c.qualifier == "exact") c.qualifier = n.qualifier;
      out.push_back(c);
    }
  }
  // Nouns that count by themselves: duals (امرأتان), and "among them one woman".
  for (size_t i = 0; i < toks.size(); ++i) {
    if (in_number[i]) continue;
    PhraseTable::Match nm = lang.count_nouns.Find(doc.text, toks, i, lang.clitics);
    if (nm.entry < 0) continue;
    const CountNoun& cn = lang.count_values[nm.entry];
    bool after_among = false;
    for (size_t back = 1; back <= 2 && back <= i; ++back) {
      if (CueRoleAt(doc, lang, i - back, "among")) after_among = true;
    }
    size_t next = i + nm.tokens;
    bool one_after = false;
    if (next < toks.size()) {
      WordNumber w = NumberWordAt(doc, lang, next);
      one_after = w.word && w.word->kind == NumberWord::Kind::kUnit && w.word->value == 1 && !w.joined;
    }
    double value = cn.dual ? 2 : (one_after ? 1 : (after_among && cn.noun == "women" ? 1 : 0));
    if (value == 0) continue;
    Found c;
    c.kind = Found::Kind::kCount;
    c.tok_begin = i;
    c.tok_end = one_after ? next + 1 : next;
    c.value = value;
    c.noun = (cn.female && after_among) ? "women" : cn.noun;
    c.sentence = doc.sentence_of[i];
    c.words = true;
    out.push_back(c);
    i = c.tok_end - 1;
  }
  FindDates(doc, lang, reference, &out);
  // Places, sectors, programmes and cues: one pass of phrase lookups.
  size_t place_end = 0;  // a place name's own words are not places again
  size_t sector_end = 0, programme_end = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != Token::Kind::kWord) continue;
    PhraseTable::Match pm = i >= place_end ? lex.places.Find(doc.text, toks, i, lang.clitics) : PhraseTable::Match{};
    if (pm.entry >= 0) {
      place_end = i + pm.tokens;
      const Place& p = lex.place_values[pm.entry];
      Found f;
      f.kind = Found::Kind::kPlace;
      f.tok_begin = i;
      f.tok_end = i + pm.tokens;
      f.place = pm.entry;
      f.code = p.code;
      f.noun = p.kind;
      f.admin_cue = AdminBefore(doc, lang, i);
      f.sentence = doc.sentence_of[i];
      // A dateline ("سلا - ", "Rabat - ") opens a line and is followed by a dash.
      bool dateline = (i == 0 || toks[i].line_before) && f.tok_end < toks.size() &&
                      toks[f.tok_end].kind == Token::Kind::kPunct;
      f.dateline = dateline;
      if (!p.needs_cue || f.admin_cue || dateline) out.push_back(f);
    }
    // Sectors and programmes: a blocking phrase ("-", e.g. "بناء على",
    // "المصالحة الوطنية") hides the cues inside it.
    auto coded = [&](const PhraseTable& table, const std::vector<std::string>& codes, Found::Kind kind, size_t* end) {
      PhraseTable::Match m = i >= *end ? table.Find(doc.text, toks, i, lang.clitics) : PhraseTable::Match{};
      if (m.entry < 0) return;
      *end = i + m.tokens;
      if (codes[m.entry] == "-") return;
      Found f;
      f.kind = kind;
      f.tok_begin = i;
      f.tok_end = i + m.tokens;
      f.code = codes[m.entry];
      f.sentence = doc.sentence_of[i];
      out.push_back(f);
    };
    coded(lang.sectors, lang.sector_values, Found::Kind::kSector, &sector_end);
    coded(lang.programmes, lang.programme_values, Found::Kind::kProgramme, &programme_end);
    lang.all_cues.FindAll(doc.text, toks, i, lang.clitics, [&](const PhraseTable::Match& m) {
      Found f;
      f.kind = Found::Kind::kCue;
      f.tok_begin = i;
      f.tok_end = i + m.tokens;
      f.code = lang.cue_role_names[m.entry];
      f.sentence = doc.sentence_of[i];
      out.push_back(f);
    });
  }
  return out;
}

}  // namespace rasd
