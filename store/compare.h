// `rasd compare`: the official figure beside the press figures. For each
// place and period (or each merged event), every figure an official source
// gives is set beside the same figure in the press, and the difference, if
// any, classed as merging classes it (CompareFigure: counts are never
// rounded, amounts agree within a rounding): agree, compatible or
// contradiction, with both sentences and sources.
#ifndef RASD_STORE_COMPARE_H_
#define RASD_STORE_COMPARE_H_

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace rasd::store {

enum class CompareBy { kProvince, kRegion, kYear, kEvent };

// One figure as a source gives it (a row of Store::SourceFigures()).
struct SourceFigure {
  std::string field;  // beneficiaries, women, projects, budget_mad
  double value = 0;
  std::string qualifier;
  int64_t record_id = 0;
  std::string scope, province, region, date;  // date: the record's, else its document's publication
  int64_t event_id = 0;
  std::string kind;  // official | press
  std::string source, sentence;
  std::optional<int64_t> page;
};

struct ComparedFigure {
  std::string group;   // the province, region, year or event the pair belongs to
  std::string period;  // the year (for an event, its date)
  std::string scope;
  int64_t event_id = 0;
  std::string field;
  SourceFigure official, press;
  std::string relation;  // agree | compatible | contradiction
};

// Pairs each official figure with each press figure of the same field and
// occasion: the same merged event, or, for totals (scope aggregate), the
// same place and date. Grouped and ordered by `by`.
std::vector<ComparedFigure> CompareSources(const std::vector<SourceFigure>& figures, CompareBy by);

// Reads the store's figures and compares them; a Table with the columns
// group, period, scope, event_id, field, relation, official,
// official_qualifier, official_source, official_page, official_sentence,
// press, press_qualifier, press_source, press_page, press_sentence.
Result<Table> Compare(Store* store, CompareBy by);

}  // namespace rasd::store

#endif  // RASD_STORE_COMPARE_H_
