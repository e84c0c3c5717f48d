// Internals shared by the recognisers of extract/: phrase lookups around a
// token, number words, and the date recogniser. Not used outside extract/.
#ifndef RASD_EXTRACT_RECOGNISERS_H_
#define RASD_EXTRACT_RECOGNISERS_H_

#include <string>
#include <vector>

#include "common/dates.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"

namespace rasd {

// Past 10^15 a double no longer holds every integer, and no figure of the
// programme (count or amount in dirhams) comes near: a larger number or
// amount is not read as a figure.
constexpr double kLargestFigure = 1e15;

// The number word at token i, directly or through a clitic; `joined` says
// whether a connector (و) was glued to it.
struct WordNumber {
  const NumberWord* word = nullptr;
  size_t tokens = 0;
  bool joined = false;
};
WordNumber NumberWordAt(const DocumentView& doc, const LanguageLexicon& lang, size_t i);

// The phrase of `table` that ends exactly at token `end`, looking back a few tokens.
PhraseTable::Match PhraseEndingAt(const DocumentView& doc, const PhraseTable& table, const Clitics& clitics,
                                  size_t end, size_t* begin);

// True when a cue phrase of `role` starts at token i; its length in tokens in *len.
bool CueRoleAt(const DocumentView& doc, const LanguageLexicon& lang, size_t i, const std::string& role,
               size_t* len = nullptr);

// The same with the role's table looked up once (CueTable; null when the
// language has no such role), for loops over every token.
const PhraseTable* CueTable(const LanguageLexicon& lang, const std::string& role);
bool PhraseAt(const DocumentView& doc, const LanguageLexicon& lang, const PhraseTable* table, size_t i,
              size_t* len = nullptr);

bool IsPunct(const DocumentView& doc, size_t i, std::string_view p);

// Dates, periods ("ما بين 2012 و2013") and weekday-relative days, resolved
// against `ref` (the publication date, when known).
void FindDates(const DocumentView& doc, const LanguageLexicon& lang, const Date& ref, std::vector<Found>* out);

}  // namespace rasd

#endif  // RASD_EXTRACT_RECOGNISERS_H_
