// Scoring extraction against gold annotations, as the fact model defines it:
// records paired per article (same scope; equal province, then closest date,
// then most figures in agreement), every scored field of a pair a fact.
#ifndef RASD_EXTRACT_SCORE_H_
#define RASD_EXTRACT_SCORE_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace rasd {

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double Recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double F1() const { double p = Precision(), r = Recall(); return p + r ? 2 * p * r / (p + r) : 0; }
};

struct ScoreReport {
  Counts records;
  Counts facts;
  std::map<std::string, Counts> by_field;
  struct Doc { std::string source; size_t gold = 0, predicted = 0; Counts facts; Counts records; };
  std::vector<Doc> docs;
  void Add(const ScoreReport& other);
};

// The pairs (gold index, predicted index) of one article's records that the
// scoring compares: same scope; equal province first, then the closest date,
// then the most figures in agreement. A record pairs with at most one other.
std::vector<std::pair<size_t, size_t>> PairRecords(const nlohmann::json& gold_records,
                                                   const nlohmann::json& predicted_records);

// One article: gold and predicted records as JSON arrays (fact-model fields).
ScoreReport ScoreDocument(const std::string& source, const nlohmann::json& gold_records,
                          const nlohmann::json& predicted_records);

}  // namespace rasd

#endif  // RASD_EXTRACT_SCORE_H_
