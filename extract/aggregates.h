// Aggregate records: totals to date, over a period, or an agreement's
// envelope, one per run of sentences that state them, with their place and
// period. Internal to extract/.
#ifndef RASD_EXTRACT_AGGREGATES_H_
#define RASD_EXTRACT_AGGREGATES_H_

#include <vector>

#include "extract/document_structure.h"
#include "extract/figures.h"
#include "extract/record.h"

namespace rasd {

// An aggregate record with what the later steps need to know of it.
struct AggregateDraft {
  Record record;
  bool envelope = false;        // an agreement's or programme's envelope
  std::vector<size_t> anchors;  // tokens of its figures
  bool comparison = false;      // another period's total, given for comparison
  bool combined = false;        // the total of the ceremonies the article tells of
};

// One aggregate per sentence of totals, adjacent sentences merged, split where
// a field is given again (nested totals, an envelope beside a spending); then
// one per figure given for comparison. An envelope that names no place is the
// place of the article's only event, `sole_event` (null when the article has
// none or several).
std::vector<AggregateDraft> AggregateRecords(const ArticleReading& art, const SortedFigures& figures,
                                             const Record* sole_event);

// The same total said twice (a headline, then the body) is one record: drop
// an aggregate whose every figure another aggregate already gives.
void DropRepeatedAggregates(std::vector<Record>* records);

}  // namespace rasd

#endif  // RASD_EXTRACT_AGGREGATES_H_
