// Lexicons: the words and phrases rasd knows, loaded once from data/ and
// immutable afterwards. A PhraseTable matches phrases of one or more words
// against tokens, longest first, through the clitics of the language.
#ifndef RASD_EXTRACT_LEXICON_H_
#define RASD_EXTRACT_LEXICON_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "extract/gazetteer.h"
#include "extract/text.h"

namespace rasd {

// Prefixes a word may carry (و، ب، ال ...), tried longest first, and the
// definite article, which any word of a phrase may carry or drop.
struct CliticRule {
  std::string prefix;
  std::string replacement;
};
struct Clitics {
  std::vector<CliticRule> prefixes;  // longest first
  std::vector<std::string> articles;
};
// Reads a language's clitics.tsv (folded with NormalizeKey).
Result<Clitics> LoadClitics(const std::string& path);

// Every first word of every phrase of one set of lexicons, numbered, so a
// document's words are hashed once (KeyTokens) and each table lookup is an
// integer lookup.
class Vocabulary {
 public:
  uint32_t Intern(std::string_view word);
  uint32_t Find(std::string_view word) const;  // 0 when unknown

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};

class PhraseTable {
 public:
  struct Match {
    int entry = -1;   // index given to Add
    size_t tokens = 0;  // tokens covered
    bool definite = false;  // the first word carried the article (المائة, الاثنين)
    bool stripped = false;  // the first word carried a clitic (و678, بإقليم)
  };

  // `form` is folded with NormalizeKey and split into words; its first word
  // is numbered in `vocabulary`.
  void Add(std::string_view form, int entry, Vocabulary* vocabulary);
  // The longest phrase starting at tokens[i]. The first word may carry a
  // clitic; later words may carry the article only.
  Match Find(std::string_view text, const std::vector<Token>& tokens, size_t i,
             const Clitics& clitics) const;
  // Every phrase starting at tokens[i], of any length: fn(const Match&).
  template <typename Fn>
  void FindAll(std::string_view text, const std::vector<Token>& tokens, size_t i, const Clitics& clitics, Fn fn) const;
  bool empty() const { return first_.empty(); }

 private:
  struct Phrase {
    std::vector<std::string> rest;  // words after the first
    int entry;
  };
  bool MatchRest(std::string_view text, const std::vector<Token>& tokens, size_t i, const Phrase& p,
                 const Clitics& clitics, size_t* end) const;
  std::unordered_map<uint32_t, std::vector<Phrase>> first_;  // by the first word's id
};

// The forms of a word to look up: itself, then without each clitic that fits
// (with whether that clitic held the article). Views into the word, or into
// `buffer` when a clitic puts letters back (لل -> ال).
struct WordForm {
  std::string_view form;
  bool definite = false;
};
void WordForms(std::string_view word, const Clitics& clitics, std::vector<WordForm>* out, std::vector<std::string>* buffer);

// Numbers the forms of every word token (see Token::keys).
void KeyTokens(std::string_view text, const Clitics& clitics, const Vocabulary& vocabulary, std::vector<Token>* tokens);

template <typename Fn>
void PhraseTable::FindAll(std::string_view text, const std::vector<Token>& tokens, size_t i, const Clitics& clitics,
                          Fn fn) const {
  if (i >= tokens.size() || tokens[i].kind != Token::Kind::kWord || first_.empty()) return;
  const Token& t = tokens[i];
  for (int k = 0; k < t.key_count; ++k) {
    auto it = first_.find(t.keys[k]);
    if (it == first_.end()) continue;
    for (const Phrase& p : it->second) {
      size_t end = 0;
      if (MatchRest(text, tokens, i, p, clitics, &end)) {
        fn(Match{p.entry, end - i, (t.definite_keys >> k & 1) != 0, (t.stripped_keys >> k & 1) != 0});
      }
    }
  }
}

struct NumberWord {
  double value = 0;
  // kApprox: a unit that is itself approximate (une trentaine).
  // kDualScale: two of the scale in one word (ألفين، مليوني).
  // kPluralScale: a plural scale that needs a number before it (ثلاثة آلاف;
  // "آلاف المستفيدين" alone is no number).
  enum class Kind { kUnit, kHundred, kScale, kFraction, kApprox, kDualScale, kPluralScale } kind = Kind::kUnit;
};

struct Currency {
  std::string code;
  double scale = 1;
};

struct CountNoun {
  std::string noun;  // beneficiaries, women, projects
  bool female = false;
  bool dual = false;  // the form itself says two
};

struct RelativeDate {
  std::string kind;  // day, current_month, previous_month
  int offset = 0;
};

// Everything one language contributes, from data/<lang>/.
struct LanguageLexicon {
  std::string code;
  Vocabulary* vocabulary = nullptr;  // the Lexicons' own, shared by every table
  // From options.tsv: the agency decimal form 56ر643 = 643.56; units that
  // follow a scale without a connector (deux mille cinq cents).
  bool decimal_reh = false;
  bool join_after_scale = false;
  Clitics clitics;
  PhraseTable months;         std::vector<int> month_values;
  PhraseTable weekdays;       std::vector<int> weekday_values;
  PhraseTable relative;       std::vector<RelativeDate> relative_values;
  PhraseTable numbers;        std::vector<NumberWord> number_values;
  PhraseTable currencies;     std::vector<Currency> currency_values;
  PhraseTable qualifiers;     std::vector<std::string> qualifier_values;
  PhraseTable count_nouns;    std::vector<CountNoun> count_values;
  PhraseTable sectors;        std::vector<std::string> sector_values;  // "-" blocks a cue
  PhraseTable programmes;     std::vector<std::string> programme_values;
  // Cue phrases by role (subject, envelope, admin ...): one table a role, as
  // one phrase may serve several roles (من: a partitive and a period's start).
  std::map<std::string, PhraseTable> cues;
  PhraseTable all_cues;                 // every role's phrases, entry = index in cue_role_names
  std::vector<std::string> cue_role_names;
  PhraseTable connectors;     // words joining number words (و، et, -)
  std::vector<std::string> connector_words;
};

struct Lexicons {
  std::unique_ptr<Vocabulary> vocabulary = std::make_unique<Vocabulary>();
  std::map<std::string, std::unique_ptr<LanguageLexicon>> languages;  // "ar", "fr"
  PhraseTable places;  // all languages' names
  std::vector<Place> place_values;  // see Place::needs_cue
  std::map<std::string, std::string> region_seat;  // region -> province of its seat
  std::map<std::string, std::string> region_of;    // province -> region
  std::map<std::string, std::string, std::less<>> currency_symbols;  // "$" -> USD (data/currency_symbols.tsv)

  static Result<std::unique_ptr<Lexicons>> Load(const std::string& data_dir);
  const LanguageLexicon* Language(const std::string& code) const;
};

}  // namespace rasd

#endif  // RASD_EXTRACT_LEXICON_H_
