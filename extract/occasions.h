// Where and when the programme's events happened: the places that can be a
// venue, the province and region of a place, the place and date of each
// event, and the sectors told of each. Internal to extract/.
#ifndef RASD_EXTRACT_OCCASIONS_H_
#define RASD_EXTRACT_OCCASIONS_H_

#include <string>
#include <vector>

#include "extract/document_structure.h"
#include "extract/figures.h"

namespace rasd {

// An event before it becomes a record: its place, figures, date, and the
// sentences that tell of it.
struct EventDraft {
  std::string province;
  std::string region;
  const Found* place = nullptr;
  std::vector<Figure> figures;
  const Found* date = nullptr;
  std::vector<size_t> sentences;
  bool listed = false;  // one of several places told each with its own date
  bool launch = false;  // the programme's launch at a place, dated by its own sentence only
};

// A place in the article's text that can be where something happened, not a
// party to an agreement, a centre's address (unless `allow_centre`) or where
// people come from.
bool EligiblePlace(const ArticleReading& art, const Found& p, bool allow_centre = false);

// The province and region a place stands for; a region names no province
// unless it is said as the seat of its wilaya.
void ProvinceOf(const ArticleReading& art, const Found& p, std::string* province, std::string* region);

// One draft per place the event figures are told of, plus places listed each
// with its own date; with no event figure and no aggregate, one event where
// the article happened. Dated afterwards by DateEvents.
std::vector<EventDraft> DraftEvents(const ArticleReading& art, const SortedFigures& figures);

// Where the article tells of several places each with its own date, a figure
// introduced as a total ("pour un coût total de", "ما مجموعه") is their combined
// total: an aggregate, not the figure of the place it stands next to.
void SeparateCombinedTotals(const ArticleReading& art, std::vector<EventDraft>* events, SortedFigures* figures);

// A date that can say when an event happened: in the article's text, not a
// period, not a start ("since"), not introduced as some other date.
bool UsableDate(const ArticleReading& art, const Found& d);

// Dates: the first event-like date in the event's sentences, else the
// nearest before them, else the article's first.
void DateEvents(const ArticleReading& art, std::vector<EventDraft>* events);

// Sector cues in sentences about the funded activities.
std::vector<const Found*> SectorCues(const ArticleReading& art);

// The programme the article names first, if any.
const Found* ProgrammeCue(const ArticleReading& art);

}  // namespace rasd

#endif  // RASD_EXTRACT_OCCASIONS_H_
