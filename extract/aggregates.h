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

// One aggregate per sentence of totals, adjacent sentences merged. An
// envelope that names no place is the place of the article's only event,
// `sole_event` (null when the article has none or several).
std::vector<Record> AggregateRecords(const ArticleReading& art, const SortedFigures& figures, const Record* sole_event);

// The same total said twice (a headline, then the body) is one record: drop
// an aggregate whose every figure another aggregate already gives.
void DropRepeatedAggregates(std::vector<Record>* records);

}  // namespace rasd

#endif  // RASD_EXTRACT_AGGREGATES_H_
