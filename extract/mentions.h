// Recognisers: from the tokens of a document, the mentions (numbers, money,
// counts, dates, places, sectors, cues) that records are built from. Each
// recogniser is driven by the language's lexicon; none knows a word itself.
#ifndef RASD_EXTRACT_MENTIONS_H_
#define RASD_EXTRACT_MENTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/dates.h"
#include "extract/lexicon.h"
#include "extract/text.h"

namespace rasd {

struct Found {
  enum class Kind { kNumber, kMoney, kCount, kDate, kPlace, kSector, kProgramme, kCue };
  Kind kind;
  size_t tok_begin = 0, tok_end = 0;  // tokens [begin, end)
  size_t sentence = 0;                 // index of the sentence holding tok_begin
  double value = 0;                    // number, money (MAD), count
  std::string code;                    // place ISO code, sector code, programme, cue role, currency
  std::string qualifier = "exact";     // money and counts
  std::string noun;                    // count: beneficiaries, women, projects; place: kind; date: period, since, during
  Date date;                           // date
  int place = -1;                      // index into Lexicons::place_values
  bool admin_cue = false;              // place: after an administrative noun
  bool dateline = false;               // place: opens a line, before a dash (agency dateline)
  bool words = false;                  // number: written (at least partly) in words
  bool season = false;                 // date: the year of a programme or season ("Ramadan 2014", "موسم 2024")
  bool other_scheme = false;           // count: people employed or trained, not given projects
  bool part = false;                   // count: in parentheses after a name, one part of a breakdown
  bool per_person = false;             // money: an amount each beneficiary received, not a total
};

struct DocumentView {
  std::string_view text;               // key-form normalised text
  const std::vector<Token>* tokens;
  std::vector<size_t> sentence_of;     // per token
};

// True when a cue phrase of `role` occurs anywhere: the cheap test that
// keeps ordinary news away from full extraction.
bool HasCue(const DocumentView& doc, const LanguageLexicon& lang, const std::string& role);

// Numbers in digits, in words, or both ("10 ملايين و678 ألف").
std::vector<Found> FindNumbers(const DocumentView& doc, const LanguageLexicon& lang);

// Money, counts, places, sectors, programmes, cues and dates built on the numbers.
std::vector<Found> FindMentions(const DocumentView& doc, const LanguageLexicon& lang, const Lexicons& lex,
                                const std::vector<Found>& numbers, const Date& reference);

}  // namespace rasd

#endif  // RASD_EXTRACT_MENTIONS_H_
