// Money, counts, places, sectors, programmes and cue phrases, built on the
// numbers and dates of extract/numbers.cc and extract/dates.cc.
#include "extract/mentions.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "extract/recognisers.h"

namespace rasd {

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

const PhraseTable* CueTable(const LanguageLexicon& lang, const std::string& role) {
  auto it = lang.cues.find(role);
  return it == lang.cues.end() ? nullptr : &it->second;
}

bool PhraseAt(const DocumentView& doc, const LanguageLexicon& lang, const PhraseTable* table, size_t i, size_t* len) {
  if (!table || i >= doc.tokens->size()) return false;
  PhraseTable::Match m = table->Find(doc.text, *doc.tokens, i, lang.clitics);
  if (m.entry >= 0) {
    if (len) *len = m.tokens;
    return true;
  }
  return false;
}

bool CueRoleAt(const DocumentView& doc, const LanguageLexicon& lang, size_t i, const std::string& role, size_t* len) {
  return PhraseAt(doc, lang, CueTable(lang, role), i, len);
}

bool IsPunct(const DocumentView& doc, size_t i, std::string_view p) {
  const auto& toks = *doc.tokens;
  return i < toks.size() && toks[i].kind == Token::Kind::kPunct && TokenText(doc.text, toks[i]) == p;
}

namespace {

// The qualifier just before a figure, or a few words before it when only
// words stand between ("ناهزت قيمته 1,3 مليون", "ناهزت الكلفة الإجمالية 9 ملايين").
std::string QualifierBefore(const DocumentView& doc, const LanguageLexicon& lang, size_t tok, size_t* begin) {
  const auto& toks = *doc.tokens;
  for (size_t skip = 0; skip <= 3 && skip < tok; ++skip) {
    // An elided word before the number is no word between: "plus d'un million".
    if (skip == 1 && toks[tok - 1].kind == Token::Kind::kPunct &&
        TokenText(doc.text, toks[tok - 1]) == "'") {
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

// Is an administrative noun (إقليم، province de) just before token i, or
// glued to it as its first word (بإقليم)?
bool AdminBefore(const DocumentView& doc, const LanguageLexicon& lang, size_t i) {
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
    break;
  }
  return false;
}

// "استفاد كل مستفيد من دعم مالي قدره ثلاثة آلاف درهم", "un chèque de 1.500 DH
// chacun": an amount per person, a few words from the amount in its clause.
bool PerPersonNear(const DocumentView& doc, const LanguageLexicon& lang, const Found& money) {
  const auto& toks = *doc.tokens;
  size_t from = money.tok_begin >= 10 ? money.tok_begin - 10 : 0;
  size_t to = std::min(toks.size(), money.tok_end + 4);
  for (size_t k = from; k < to; ++k) {
    if (doc.sentence_of[k] != money.sentence) continue;
    if (k < money.tok_begin && IsPunct(doc, k, ",")) from = k;  // another clause
  }
  for (size_t k = from; k < to; ++k) {
    if (doc.sentence_of[k] != money.sentence || (k >= money.tok_begin && k < money.tok_end)) continue;
    if (k >= money.tok_end && (IsPunct(doc, k, ",") || IsPunct(doc, k, "."))) break;
    if (CueRoleAt(doc, lang, k, "per_person")) return true;
  }
  return false;
}

// "بلغ عدد المستفيدين من هذه العملية 20", "le nombre des bénéficiaires s'élève
// à 19": the noun comes first, after "number of", and the figure a few words
// later, with no noun or currency of its own.
void CountsAfterTheirNoun(const DocumentView& doc, const LanguageLexicon& lang, const std::vector<Found>& numbers,
                          std::vector<Found>* out) {
  const auto& toks = *doc.tokens;
  constexpr size_t kReach = 8;
  std::vector<bool> used(toks.size(), false);
  for (const Found& m : *out) {
    if (m.kind == Found::Kind::kMoney || m.kind == Found::Kind::kCount) {
      for (size_t t = m.tok_begin; t < m.tok_end; ++t) used[t] = true;
    }
  }
  std::vector<Found> found;
  const PhraseTable* number_of = CueTable(lang, "number_of");
  for (size_t i = 0; i < toks.size() && number_of; ++i) {
    size_t len = 0;
    if (toks[i].kind != Token::Kind::kWord || !PhraseAt(doc, lang, number_of, i, &len)) continue;
    PhraseTable::Match nm = lang.count_nouns.Find(doc.text, toks, i + len, lang.clitics);
    if (nm.entry < 0) continue;
    size_t noun_end = i + len + nm.tokens;
    for (const Found& n : numbers) {
      if (n.tok_begin < noun_end || n.tok_begin - noun_end > kReach || n.sentence != doc.sentence_of[i]) continue;
      if (used[n.tok_begin] || n.value < 1 || n.value != std::floor(n.value) || toks[n.tok_begin].digits == 4) break;
      bool clause_break = false;
      for (size_t t = noun_end; t < n.tok_begin; ++t) clause_break = clause_break || IsPunct(doc, t, ",") || IsPunct(doc, t, ".");
      if (clause_break) break;
      Found c = n;
      c.kind = Found::Kind::kCount;
      c.noun = lang.count_values[nm.entry].noun;
      found.push_back(c);
      break;
    }
  }
  out->insert(out->end(), found.begin(), found.end());
}

// Currency symbols are punctuation, not words of the currency tables.
const char* CurrencySymbolAt(const DocumentView& doc, const Lexicons& lex, size_t i) {
  const auto& toks = *doc.tokens;
  if (i >= toks.size() || toks[i].kind != Token::Kind::kPunct) return nullptr;
  auto it = lex.currency_symbols.find(TokenText(doc.text, toks[i]));
  return it == lex.currency_symbols.end() ? nullptr : it->second.c_str();
}

// A currency word that is its ISO code ("eur" for EUR): such a code may stand
// before the amount, a currency name may not ("درهم 30 مستفيدا" is two figures).
bool IsIsoCode(std::string_view word, const std::string& code) {
  if (word.size() != code.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (word[k] != static_cast<char>(std::tolower(static_cast<unsigned char>(code[k])))) return false;
  }
  return true;
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

  size_t money_end = 0;  // tokens before it belong to an amount already read
  for (size_t ni = 0; ni < numbers.size(); ++ni) {
    const Found& n = numbers[ni];
    out.push_back(n);
    size_t after = n.tok_end;
    if (n.tok_begin < money_end) continue;  // the cents of "1 USD 23 cents"
    // Money: a currency right after the amount ("1000 €", "3 MDH"), or its
    // symbol or ISO code right before it ("$1", "EUR 1000").
    Currency currency;
    size_t cur_begin = n.tok_begin, cur_end = after;
    PhraseTable::Match cm = lang.currencies.Find(doc.text, toks, after, lang.clitics);
    if (cm.entry >= 0) {
      currency = lang.currency_values[cm.entry];
      cur_end = after + cm.tokens;
    } else if (const char* code = CurrencySymbolAt(doc, lex, after)) {
      currency.code = code;
      cur_end = after + 1;
    } else if (n.tok_begin > money_end) {
      size_t before = n.tok_begin - 1;
      if (const char* code = CurrencySymbolAt(doc, lex, before)) {
        currency.code = code;
        cur_begin = before;
      } else if (toks[before].kind == Token::Kind::kWord) {
        PhraseTable::Match bm = lang.currencies.Find(doc.text, toks, before, lang.clitics);
        if (bm.entry >= 0 && bm.tokens == 1 && !bm.stripped && IsIsoCode(TokenText(doc.text, toks[before]), lang.currency_values[bm.entry].code)) {
          currency = lang.currency_values[bm.entry];
          cur_begin = before;
        }
      }
    }
    if (!currency.code.empty()) {
      Found m = n;
      m.kind = Found::Kind::kMoney;
      m.value = n.value * currency.scale;
      m.code = currency.code;
      m.tok_begin = cur_begin;
      m.tok_end = cur_end;
      // "1 USD 23 cents", "5 دراهم و50 سنتيما": the subunit adds to the amount.
      if (currency.scale == 1) {
        size_t k = cur_end;
        if (k < toks.size() && toks[k].kind == Token::Kind::kWord &&
            std::find(lang.connector_words.begin(), lang.connector_words.end(), TokenText(doc.text, toks[k])) !=
                lang.connector_words.end()) {
          ++k;
        }
        for (size_t nj = ni + 1; nj < numbers.size(); ++nj) {
          const Found& sub = numbers[nj];
          if (sub.tok_begin < k) continue;
          if (sub.tok_begin > k || sub.value >= 100 || sub.sentence != n.sentence) break;
          PhraseTable::Match sm = lang.currencies.Find(doc.text, toks, sub.tok_end, lang.clitics);
          if (sm.entry < 0 || !(lang.currency_values[sm.entry].scale < 1)) break;
          m.value += sub.value * lang.currency_values[sm.entry].scale;
          m.tok_end = sub.tok_end + sm.tokens;
          break;
        }
      }
      if (m.value > kLargestFigure) continue;
      size_t qb = 0;
      m.qualifier = QualifierBefore(doc, lang, m.tok_begin, &qb);
      if (m.qualifier == "exact") m.qualifier = n.qualifier;
      m.per_person = PerPersonNear(doc, lang, m);
      money_end = m.tok_end;
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
      for (size_t t = c.tok_begin; t < c.tok_end; ++t) in_number[t] = true;  // "4 femmes" is one count, not two
      // "الرحامنة (7 مستفيدين)", "الحلويات (مشروعان)": one part of a breakdown.
      c.part = c.tok_begin > 0 && IsPunct(doc, c.tok_begin - 1, "(") && IsPunct(doc, c.tok_end, ")");
      // "تشغيل 933 سجينا سابقا", "la formation de 700 jeunes": another scheme's people.
      for (size_t back = 1; back <= 2 && back <= c.tok_begin; ++back) {
        if (CueRoleAt(doc, lang, c.tok_begin - back, "other_scheme")) c.other_scheme = true;
      }
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
    // With the article a dual points back at people already counted ("السجينين السابقين").
    double value = cn.dual && !nm.definite ? 2 : (one_after ? 1 : (after_among && cn.noun == "women" ? 1 : 0));
    if (value == 0) continue;
    Found c;
    c.kind = Found::Kind::kCount;
    c.tok_begin = i;
    c.tok_end = one_after ? next + 1 : next;
    c.value = value;
    c.noun = (cn.female && after_among) ? "women" : cn.noun;
    c.sentence = doc.sentence_of[i];
    c.words = true;
    c.part = i > 0 && IsPunct(doc, i - 1, "(") && IsPunct(doc, c.tok_end, ")");
    out.push_back(c);
    i = c.tok_end - 1;
  }
  CountsAfterTheirNoun(doc, lang, numbers, &out);
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
      // A name that is also a word needs its administrative noun, its dateline,
      // or (in Latin script) its capital: "à Salé", not "un goût salé".
      if (!p.needs_cue || f.admin_cue || dateline || toks[i].capitalized) out.push_back(f);
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
      // A name written with its year ("Ramadan YYYY") names the programme only with one.
      static constexpr std::string_view kYearSlot = "YYYY";
      if (f.code.size() > kYearSlot.size() && f.code.compare(f.code.size() - kYearSlot.size(), kYearSlot.size(), kYearSlot) == 0) {
        size_t y = f.tok_end + (IsPunct(doc, f.tok_end, "-") ? 1 : 0);
        if (y >= toks.size() || toks[y].kind != Token::Kind::kDigits || toks[y].digits != 4 || toks[y].grouped) return;
        f.code.replace(f.code.size() - kYearSlot.size(), kYearSlot.size(), TokenText(doc.text, toks[y]));
        f.tok_end = y + 1;
      }
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
