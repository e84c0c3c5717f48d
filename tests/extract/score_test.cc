// Scoring against gold, with the semantics of the shared scorer
// (../shared/tools/score.py): records paired per scope by province, closest
// date and agreement; budgets within 0.5 MAD; dates at the gold's precision;
// a figure without a qualifier is exact; optional sectors and ignored fields
// cost nothing. The expected counts below are what score.py reports for the
// same gold and predictions.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "extract/score.h"

namespace rasd {
namespace {

struct Triple {
  long tp, fp, fn;
};

struct ScoreCase {
  const char* name;
  const char* gold;
  const char* predicted;
  Triple records;
  Triple facts;
  std::map<std::string, Triple> by_field;
};

void PrintTo(const ScoreCase& c, std::ostream* os) { *os << c.name; }

const ScoreCase kCases[] = {
    {"perfect",
     R"([{"scope": "event", "province": "MA-TIZ", "region": "MA-09", "date": "2023-03-15", "beneficiaries": 13, "women": 3, "projects": 13, "budget_mad": 1184326.45, "budget_qualifier": "exact", "sectors": ["hairdressing", "beauty"], "optional_sectors": [], "ignore": []}])",
     R"([{"scope": "event", "province": "MA-TIZ", "region": "MA-09", "date": "2023-03-15", "beneficiaries": 13, "beneficiaries_qualifier": "exact", "women": 3, "projects": 13, "budget_mad": 1184326.45, "budget_qualifier": "exact", "sectors": ["beauty", "hairdressing"]}])",
     {1, 0, 0}, {11, 0, 0},
     {{"beneficiaries", {1, 0, 0}}, {"beneficiaries_qualifier", {1, 0, 0}}, {"budget_mad", {1, 0, 0}}, {"budget_qualifier", {1, 0, 0}}, {"date", {1, 0, 0}}, {"projects", {1, 0, 0}}, {"province", {1, 0, 0}}, {"region", {1, 0, 0}}, {"sectors", {2, 0, 0}}, {"women", {1, 0, 0}}}},
    {"tolerance",
     R"([{"scope": "event", "province": "MA-SIK", "date": "2024-05", "budget_mad": 1000000}])",
     R"([{"scope": "event", "province": "MA-SIK", "date": "2024-05-14", "budget_mad": 1000000.4, "budget_qualifier": "exact"}])",
     {1, 0, 0}, {4, 0, 0},
     {{"budget_mad", {1, 0, 0}}, {"budget_qualifier", {1, 0, 0}}, {"date", {1, 0, 0}}, {"province", {1, 0, 0}}}},
    {"coarser",
     R"([{"scope": "event", "province": "MA-SIK", "date": "2024-05-14", "budget_mad": 1000000}])",
     R"([{"scope": "event", "province": "MA-SIK", "date": "2024-05", "budget_mad": 1000001, "budget_qualifier": "approx"}])",
     {1, 0, 0}, {1, 3, 3},
     {{"budget_mad", {0, 1, 1}}, {"budget_qualifier", {0, 1, 1}}, {"date", {0, 1, 1}}, {"province", {1, 0, 0}}}},
    {"provinces",
     R"([{"scope": "event", "province": "MA-SIK", "beneficiaries": 13}, {"scope": "event", "province": "MA-KEN", "beneficiaries": 20}])",
     R"([{"scope": "event", "province": "MA-KEN", "beneficiaries": 20}, {"scope": "event", "province": "MA-TAZ", "beneficiaries": 13}])",
     {1, 1, 1}, {3, 3, 3},
     {{"beneficiaries", {1, 1, 1}}, {"beneficiaries_qualifier", {1, 1, 1}}, {"province", {1, 1, 1}}}},
    {"scope",
     R"([{"scope": "aggregate", "region": "MA-02", "budget_mad": 4325000}])",
     R"([{"scope": "event", "region": "MA-02", "budget_mad": 4325000}])",
     {0, 1, 1}, {0, 3, 3},
     {{"budget_mad", {0, 1, 1}}, {"budget_qualifier", {0, 1, 1}}, {"region", {0, 1, 1}}}},
    {"sectors",
     R"([{"scope": "event", "province": "MA-NAD", "sectors": ["sewing", "commerce"], "optional_sectors": ["hairdressing"]}])",
     R"([{"scope": "event", "province": "MA-NAD", "sectors": ["sewing", "hairdressing", "welding"], "women": 2}])",
     {1, 0, 0}, {2, 2, 1},
     {{"province", {1, 0, 0}}, {"sectors", {1, 1, 1}}, {"women", {0, 1, 0}}}},
    {"ignore",
     R"([{"scope": "event", "province": "MA-SIK", "date": "2024", "beneficiaries": 60, "beneficiaries_qualifier": "over", "ignore": ["date", "sectors"], "sectors": ["carpentry"]}])",
     R"([{"scope": "event", "province": "MA-SIK", "date": "2023", "beneficiaries": 60, "sectors": ["welding"]}])",
     {1, 0, 0}, {2, 1, 1},
     {{"beneficiaries", {1, 0, 0}}, {"beneficiaries_qualifier", {0, 1, 1}}, {"province", {1, 0, 0}}}},
    {"closest_date",
     R"([{"scope": "event", "province": "MA-SIK", "date": "2024-05-01", "beneficiaries": 10}, {"scope": "event", "province": "MA-SIK", "date": "2024-06-01", "beneficiaries": 20}])",
     R"([{"scope": "event", "province": "MA-SIK", "date": "2024-06-02", "beneficiaries": 20}, {"scope": "event", "province": "MA-SIK", "date": "2024-05-01", "beneficiaries": 10}])",
     {2, 0, 0}, {7, 1, 1},
     {{"beneficiaries", {2, 0, 0}}, {"beneficiaries_qualifier", {2, 0, 0}}, {"date", {1, 1, 1}}, {"province", {2, 0, 0}}}},
    {"national",
     R"([{"scope": "aggregate", "date": "2025-11-19", "period_start": "2017", "beneficiaries": 2500}])",
     R"([{"scope": "aggregate", "province": null, "date": "2025-11-19", "period_start": "2017", "beneficiaries": 2500}])",
     {1, 0, 0}, {4, 0, 0},
     {{"beneficiaries", {1, 0, 0}}, {"beneficiaries_qualifier", {1, 0, 0}}, {"date", {1, 0, 0}}, {"period_start", {1, 0, 0}}}},
    {"gold_no_province",
     R"([{"scope": "event", "region": "MA-04", "beneficiaries": 13}])",
     R"([{"scope": "event", "province": "MA-SIK", "region": "MA-04", "beneficiaries": 13}])",
     {1, 0, 0}, {3, 1, 0},
     {{"beneficiaries", {1, 0, 0}}, {"beneficiaries_qualifier", {1, 0, 0}}, {"province", {0, 1, 0}}, {"region", {1, 0, 0}}}},
    {"not_programme",
     R"([])",
     R"([{"scope": "event", "province": "MA-RAB", "beneficiaries": 5, "sectors": ["commerce"]}])",
     {0, 1, 0}, {0, 4, 0},
     {{"beneficiaries", {0, 1, 0}}, {"beneficiaries_qualifier", {0, 1, 0}}, {"province", {0, 1, 0}}, {"sectors", {0, 1, 0}}}},
};

class ScoreAgainstSharedScorer : public ::testing::TestWithParam<ScoreCase> {};

void ExpectCounts(const Counts& got, const Triple& want, const std::string& what) {
  EXPECT_EQ(got.tp, want.tp) << what << " tp";
  EXPECT_EQ(got.fp, want.fp) << what << " fp";
  EXPECT_EQ(got.fn, want.fn) << what << " fn";
}

TEST_P(ScoreAgainstSharedScorer, SameCounts) {
  const ScoreCase& c = GetParam();
  ScoreReport r = ScoreDocument("x.txt", nlohmann::json::parse(c.gold), nlohmann::json::parse(c.predicted));
  ExpectCounts(r.records, c.records, "records");
  ExpectCounts(r.facts, c.facts, "facts");
  for (const auto& [field, want] : c.by_field) {
    auto it = r.by_field.find(field);
    ASSERT_TRUE(it != r.by_field.end()) << "no counts for " << field;
    ExpectCounts(it->second, want, field);
  }
  for (const auto& [field, got] : r.by_field) {
    if (c.by_field.count(field)) continue;
    EXPECT_EQ(got.tp + got.fp + got.fn, 0) << "unexpected counts for " << field;
  }
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].source, "x.txt");
  ExpectCounts(r.docs[0].facts, c.facts, "document facts");
  ExpectCounts(r.docs[0].records, c.records, "document records");
}

INSTANTIATE_TEST_SUITE_P(Cases, ScoreAgainstSharedScorer, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<ScoreCase>& info) { return std::string(info.param.name); });

TEST(ScoreReport, AddSumsDocumentsAndFields) {
  ScoreReport total;
  total.Add(ScoreDocument("a.txt", nlohmann::json::parse(kCases[0].gold), nlohmann::json::parse(kCases[0].predicted)));
  total.Add(ScoreDocument("b.txt", nlohmann::json::parse(kCases[3].gold), nlohmann::json::parse(kCases[3].predicted)));
  EXPECT_EQ(total.docs.size(), 2u);
  ExpectCounts(total.records, {2, 1, 1}, "records");
  ExpectCounts(total.facts, {14, 3, 3}, "facts");
  ExpectCounts(total.by_field["province"], {2, 1, 1}, "province");
  EXPECT_NEAR(total.facts.Precision(), 14.0 / 17, 1e-12);
  EXPECT_NEAR(total.facts.Recall(), 14.0 / 17, 1e-12);
  EXPECT_NEAR(total.facts.F1(), 14.0 / 17, 1e-12);
}

TEST(ScoreReport, EmptyCountsScoreZero) {
  Counts none;
  EXPECT_EQ(none.Precision(), 0);
  EXPECT_EQ(none.Recall(), 0);
  EXPECT_EQ(none.F1(), 0);
}

TEST(ScoreDocument, MalformedRecordsCountNothing) {
  // A gold file whose records are not an array scores nothing rather than crash.
  ScoreReport r = ScoreDocument("x.txt", nlohmann::json::object(), nlohmann::json::parse("[]"));
  ExpectCounts(r.records, {0, 0, 0}, "records");
  ExpectCounts(r.facts, {0, 0, 0}, "facts");
}

}  // namespace
}  // namespace rasd
