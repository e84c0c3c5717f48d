// Scoring the merge against same-event clusters grouped by hand
// (corpus/events.json): which pairs of records from different articles the
// store put in one event, and whether each difference between sources that a
// reader found is in the store with the right class.
#ifndef RASD_STORE_EVENT_SCORE_H_
#define RASD_STORE_EVENT_SCORE_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "extract/score.h"

namespace rasd::store {

// A record of a gold file: the article's file (relative to the corpus root)
// and the record's index among the gold records.
using GoldRecordRef = std::pair<std::string, int>;

struct GoldDifference {
  std::string field;  // beneficiaries, women, projects, budget_mad
  std::string kind;   // contradiction | compatible
};

struct GoldCluster {
  std::string name;
  std::vector<GoldRecordRef> records;
  std::vector<GoldDifference> differences;
};

struct EventClusters {
  std::vector<std::string> sets;  // folders of the corpus root whose articles are scored
  std::vector<GoldCluster> clusters;
};

// Reads corpus/events.json.
Result<EventClusters> ParseEventClusters(const nlohmann::json& j);

// A difference the store keeps: event, figure, class.
struct StoredDifference {
  int64_t event_id = 0;
  std::string field;
  std::string kind;
};

struct EventScore {
  Counts pairs;  // record pairs from different articles put in one event
  int differences = 0;     // hand-found
  int surfaced = 0;        // in the store with the right class
  std::vector<std::string> missed_pairs, wrong_pairs, missed_differences;
};

// `event_of` gives, for every gold record of every scored article, the event
// the store put the record paired with it in (0 when no stored record pairs
// with it).
EventScore ScoreEvents(const EventClusters& gold, const std::map<GoldRecordRef, int64_t>& event_of,
                       const std::vector<StoredDifference>& stored);

}  // namespace rasd::store

#endif  // RASD_STORE_EVENT_SCORE_H_
