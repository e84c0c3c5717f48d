// Numbers in digits, in words, or both: "10 ملايين و678 ألف", "deux cent
// cinquante", "1,3 مليون". The words and their kinds come from the language's
// numbers table.
#include <cmath>
#include <limits>

#include "extract/recognisers.h"

namespace rasd {
namespace {

using Kind = Token::Kind;

bool IsConnectorWord(std::string_view w, const LanguageLexicon& lang) {
  for (const std::string& c : lang.connector_words) if (w == c) return true;
  return false;
}

// True when adding `v` to `cur` fills empty decimal places only
// (ثلاثمائة وخمسة وعشرون), not when two numbers stand side by side (2012 و2013).
bool FillsEmptyPlaces(double cur, double v) {
  if (cur <= 0) return true;
  if (v >= 1000 || cur != std::floor(cur) || v != std::floor(v)) return false;
  // `cur` may be any size a run of digits reads as: its last three places
  // taken in floating point, never converted whole.
  long c = static_cast<long>(std::fmod(cur, 1000)), x = static_cast<long>(v);
  for (long place = 1; place < 1000; place *= 10) {
    if ((x / place) % 10 != 0 && (c / place) % 10 != 0) return false;
  }
  return c + x < 1000 || cur < 1000;
}


}  // namespace

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

std::vector<Found> FindNumbers(const DocumentView& doc, const LanguageLexicon& lang) {
  std::vector<Found> out;
  const auto& toks = *doc.tokens;
  size_t i = 0;
  while (i < toks.size()) {
    WordNumber first = NumberWordAt(doc, lang, i);
    bool is_digits = toks[i].kind == Kind::kDigits;
    // A number word glued to و continues the number before it; it starts one
    // only after a word that is no number ("درهم وثلاثة ملايين يورو").
    bool joined_start = first.word && first.joined && i > 0 && toks[i - 1].kind == Kind::kWord &&
                        !NumberWordAt(doc, lang, i - 1).word;
    if (!is_digits && (!first.word || (first.joined && !joined_start))) { ++i; continue; }
    // A plural scale alone is vague ("آلاف المستفيدين"), not a number.
    if (first.word && first.word->kind == NumberWord::Kind::kPluralScale) { i += first.tokens; continue; }
    // A hundred right after digits is the currency's cents ("23 cents"), not 100.
    if (first.word && first.word->kind == NumberWord::Kind::kHundred && i > 0 && toks[i - 1].kind == Kind::kDigits) {
      i += first.tokens;
      continue;
    }
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
    bool last_digits = false;   // the last token was written in digits
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
        last_digits = true;
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
            // Digits are not multiplied by a hundred: "23 cents" is money, not 2300.
            if (cur >= 10 || last_digits) break;
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
          // Before a scale a single separator is a decimal one: "459,323 mille" is 459 323.
          if (cur_set && j == i + 1 && toks[i].kind == Kind::kDigits && toks[i].grouped && toks[i].groups == 2 &&
              toks[i].separator != ' ') {
            m /= 1000;
          }
          total += m * nw.value;
          cur = 0;
          cur_set = false;
          last_scale = nw.value;
        } else {  // fraction before a scale, or a half after one
          // "3 millions et demi", "مليون ونصف": the fraction of the scale just read.
          if (!cur_set && joined && total > 0 && nw.value < 1 && std::isfinite(last_scale)) {
            WordNumber next = NumberWordAt(doc, lang, at + w.tokens);
            if (next.word && (next.word->kind == NumberWord::Kind::kScale ||
                              next.word->kind == NumberWord::Kind::kPluralScale ||
                              next.word->kind == NumberWord::Kind::kDualScale)) break;
            total += nw.value * last_scale;
            words = true;
            j = at + w.tokens;
            end = j;
            break;  // nothing follows the fraction of the last scale
          }
          if (cur_set) break;
          cur = nw.value;
          cur_set = true;
        }
        last_digits = false;
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
    // Words restated in digits are one number: "إحدى عشر(11)", "douze (12)".
    if (words && end + 2 < toks.size() && IsPunct(doc, end, "(") && toks[end + 1].kind == Kind::kDigits &&
        toks[end + 1].value == f.value && IsPunct(doc, end + 2, ")")) {
      end += 3;
      f.tok_end = end;
    }
    if (f.value <= kLargestFigure) out.push_back(f);
    i = end;
  }
  return out;
}

}  // namespace rasd
