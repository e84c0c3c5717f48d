// The rules that merge records of different documents into one event.
#include "store/merge.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

namespace rasd::store {
namespace {

MergeRecord Rec(int64_t id, int64_t doc, const std::string& province, const std::string& date) {
  MergeRecord r;
  r.record_id = id;
  r.document_id = doc;
  r.cluster_id = doc;
  r.scope = "event";
  r.province = province;
  r.date = date;
  return r;
}

TEST(DateRangeTest, ReadsEachPrecision) {
  auto day = DateRange("2024-07-15");
  ASSERT_TRUE(day);
  EXPECT_EQ(day->lo, day->hi);
  EXPECT_EQ(DayToIso(day->lo), "2024-07-15");
  auto month = DateRange("2024-02");
  ASSERT_TRUE(month);
  EXPECT_EQ(DayToIso(month->lo), "2024-02-01");
  EXPECT_EQ(DayToIso(month->hi), "2024-02-29");  // leap year
  auto year = DateRange("2013");
  ASSERT_TRUE(year);
  EXPECT_EQ(DayToIso(year->lo), "2013-01-01");
  EXPECT_EQ(DayToIso(year->hi), "2013-12-31");
}

TEST(DateRangeTest, RejectsWhatIsNotADate) {
  for (const char* bad : {"", "20", "2024-13", "2024-02-30", "2024/07/15", "'; DROP TABLE events; --",
                          "2024-07-15x", "abcd"}) {
    EXPECT_FALSE(DateRange(bad)) << bad;
  }
}

TEST(CompareFigureTest, QualifiersAllowTheirValues) {
  using R = FigureRelation;
  EXPECT_EQ(CompareFigure(37, "exact", 37, "", FigureKind::kCount), R::kAgree);
  EXPECT_EQ(CompareFigure(37, "exact", 73, "exact", FigureKind::kCount), R::kDisagree);
  EXPECT_EQ(CompareFigure(40, "over", 43, "exact", FigureKind::kCount), R::kAgree);     // "more than 40" and 43
  EXPECT_EQ(CompareFigure(43, "exact", 40, "over", FigureKind::kCount), R::kAgree);
  EXPECT_EQ(CompareFigure(40, "over", 38, "exact", FigureKind::kCount), R::kDisagree);
  EXPECT_EQ(CompareFigure(690000, "approx", 688500, "exact", FigureKind::kAmount), R::kAgree);
  EXPECT_EQ(CompareFigure(690000, "approx", 476000, "exact", FigureKind::kAmount), R::kDisagree);
  EXPECT_EQ(CompareFigure(267788.01, "exact", 267788.4, "exact", FigureKind::kAmount), R::kAgree);
  EXPECT_EQ(CompareFigure(std::nullopt, "", 5, "", FigureKind::kCount), R::kAbsent);
}

TEST(FitToEventTest, SameProvinceCompatibleDatesAndFiguresMerge) {
  MergeRecord a = Rec(1, 10, "MA-GUE", "2025-11");
  a.beneficiaries = 37;
  MergeRecord b = Rec(2, 11, "MA-GUE", "2025-11-19");
  b.beneficiaries = 37;
  b.budget_mad = 1300000;
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
}

TEST(FitToEventTest, DatesAFewDaysApartMergeAndFurtherDoNot) {
  MergeRecord a = Rec(1, 10, "MA-SIK", "2025-07-15");
  MergeRecord b = Rec(2, 11, "MA-SIK", "2025-07-17");
  MergeRecord c = Rec(3, 12, "MA-SIK", "2025-07-25");
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
  EXPECT_FALSE(FitToEvent(c, {a}, {}).joins);
  EXPECT_FALSE(FitToEvent(c, {a, b}, {}).joins);
}

TEST(FitToEventTest, OneUnknownDateIsCompatibleWhenAFigureAgrees) {
  MergeRecord a = Rec(1, 10, "MA-OUA", "2021-07-07");
  a.beneficiaries = 18;
  a.budget_mad = 441723.6;
  MergeRecord b = Rec(2, 11, "MA-OUA", "");
  b.published = "2021-07-08";
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);  // nothing ties it to that ceremony
  b.beneficiaries = 18;
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
  b.budget_mad = 250000;
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);  // one agrees, one disagrees
}

TEST(FitToEventTest, WithNoTimeAtAllASmallCountIsNotEnough) {
  // Fès: 28 former prisoners on a Friday one year, about 28 on a Wednesday
  // another; neither article is dated.
  MergeRecord a = Rec(1, 10, "MA-FES", "");
  a.beneficiaries = 28;
  MergeRecord b = Rec(2, 11, "MA-FES", "");
  b.beneficiaries = 28;
  b.beneficiaries_qualifier = "approx";
  b.budget_mad = 459323;
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);
  a.budget_mad = 459323;  // the same sum of money to the dirham
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
}

TEST(FitToEventTest, CompatibleDatesMergeWhateverTheFigures) {
  // Skhirate-Témara, 6 December 2024: 267,788.01 DH in one article, more
  // than 500,000 DH in another. The same ceremony; the figures disagree.
  MergeRecord a = Rec(1, 10, "MA-SKH", "2024-12-06");
  a.budget_mad = 267788.01;
  MergeRecord b = Rec(2, 11, "MA-SKH", "2024-12-06");
  b.budget_mad = 500000;
  b.budget_qualifier = "over";
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
  // A year holds the day: the Ramadan 2019 launch told as "2019".
  MergeRecord c = Rec(3, 12, "MA-SKH", "2024");
  EXPECT_TRUE(FitToEvent(c, {a, b}, {}).joins);
}

TEST(FitToEventTest, DifferentProgrammesNeverMerge) {
  MergeRecord a = Rec(1, 10, "MA-CAS", "2019");
  a.programme = "Ramadan 2019";
  MergeRecord b = Rec(2, 11, "MA-CAS", "2019-05-27");
  b.programme = "Moussalaha";
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);
  b.programme = "Ramadan 2019";
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
  b.programme.clear();  // one states none
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
}

TEST(CompareFigureTest, RoundingsOfAnAmountAgreeAndCountsAreNotRounded) {
  using R = FigureRelation;
  const auto kAmount = FigureKind::kAmount;
  EXPECT_EQ(CompareFigure(10678000, "exact", 10678415, "exact", kAmount), R::kAgree);
  EXPECT_EQ(CompareFigure(1300000, "exact", 1300000, "approx", kAmount), R::kAgree);
  EXPECT_EQ(CompareFigure(707604.5, "exact", 700000, "over", kAmount), R::kAgree);
  EXPECT_EQ(CompareFigure(10678000, "exact", 10000000, "over", kAmount), R::kAgree);
  EXPECT_EQ(CompareFigure(850000, "exact", 900000, "exact", kAmount), R::kDisagree);
  EXPECT_EQ(CompareFigure(870000, "exact", 900000, "exact", kAmount), R::kDisagree);  // one digit kept
  EXPECT_EQ(CompareFigure(10, "exact", 11, "exact", FigureKind::kCount), R::kDisagree);
  EXPECT_EQ(CompareFigure(120, "exact", 118, "exact", FigureKind::kCount), R::kDisagree);
}

TEST(ClusterRecordsTest, TheSameEventsWhateverTheOrder) {
  std::vector<MergeRecord> records;
  auto add = [&](int64_t doc, const char* date, std::optional<int64_t> people, std::optional<double> budget) {
    MergeRecord r = Rec(static_cast<int64_t>(records.size()) + 1, doc, "MA-FES", date);
    r.uri = "doc" + std::to_string(doc);
    r.beneficiaries = people;
    r.budget_mad = budget;
    records.push_back(r);
  };
  add(10, "2019", 53, 899944);
  add(11, "2019-04-12", 53, std::nullopt);
  add(12, "2019-04-13", 50, 900000);
  add(13, "2013", 28, std::nullopt);
  add(14, "", 28, 459323);
  add(15, "", std::nullopt, 459323);
  add(16, "2019-11-02", 15, 280000);
  auto partition = [](const std::vector<MergeRecord>& rs) {
    std::set<std::set<std::string>> out;
    for (const auto& cluster : ClusterRecords(rs, {})) {
      std::set<std::string> uris;
      for (size_t i : cluster) uris.insert(rs[i].uri);
      out.insert(uris);
    }
    return out;
  };
  const auto expected = partition(records);
  EXPECT_TRUE(expected.count({"doc11", "doc12"}) || expected.count({"doc10", "doc11", "doc12"}));
  EXPECT_TRUE(expected.count({"doc14", "doc15"}));
  std::sort(records.begin(), records.end(), [](const MergeRecord& a, const MergeRecord& b) { return a.uri < b.uri; });
  int permutations = 0;
  do {
    ASSERT_EQ(partition(records), expected);
  } while (std::next_permutation(records.begin(), records.end(),
                                 [](const MergeRecord& a, const MergeRecord& b) { return a.uri < b.uri; }) &&
           ++permutations < 5040);
}

TEST(FitToEventTest, UndatedRecordStaysNearItsPublication) {
  MergeRecord a = Rec(1, 10, "MA-SAL", "2024-03-02");
  a.beneficiaries = 12;
  MergeRecord b = Rec(2, 11, "MA-SAL", "");
  b.beneficiaries = 12;
  b.published = "2014-07-02";
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);
  b.published = "2024-03-05";
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
}

TEST(FitToEventTest, DifferentFiguresFromIndependentSourcesStayApart) {
  // Oujda: 43 people incl. 2 women, and another ceremony with 32 incl. 5.
  MergeRecord a = Rec(1, 10, "MA-OUJ", "");
  a.beneficiaries = 43;
  a.women = 2;
  a.budget_mad = 776615;
  MergeRecord b = Rec(2, 11, "MA-OUJ", "");
  b.beneficiaries = 32;
  b.women = 5;
  b.budget_mad = 690000;
  b.budget_qualifier = "approx";
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);
}

TEST(FitToEventTest, NearDuplicateJoinsDespiteADisagreement) {
  // Undated: only the shared dispatch ties them.
  MergeRecord a = Rec(1, 10, "MA-GUE", "");
  a.beneficiaries = 37;
  MergeRecord b = Rec(2, 11, "MA-GUE", "");
  b.cluster_id = 10;  // republished copy of document 10
  b.beneficiaries = 73;
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
  b.cluster_id = 11;
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);
}

TEST(FitToEventTest, SameDayWithMoreAgreementThanDisagreementJoins) {
  MergeRecord a = Rec(1, 10, "MA-MAR", "2025-11-20");
  a.beneficiaries = 37;
  a.budget_mad = 500000;
  MergeRecord b = Rec(2, 11, "MA-MAR", "2025-11-20");
  b.beneficiaries = 73;
  b.budget_mad = 500000;
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
}

TEST(FitToEventTest, RecordsOfOneDocumentNeverMerge) {
  MergeRecord a = Rec(1, 10, "MA-TAZ", "2024-07-18");
  MergeRecord b = Rec(2, 10, "MA-TAZ", "2024-07-18");
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);
}

TEST(FitToEventTest, OtherProvinceOrScopeNeverMerges) {
  MergeRecord a = Rec(1, 10, "MA-TAZ", "2024-07-18");
  MergeRecord b = Rec(2, 11, "MA-TAF", "2024-07-18");
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);
  MergeRecord c = Rec(3, 12, "MA-TAZ", "2024-07-18");
  c.scope = "aggregate";
  EXPECT_FALSE(FitToEvent(c, {a}, {}).joins);
}

TEST(FitToEventTest, AggregatesNeedASharedFigure) {
  MergeRecord a = Rec(1, 10, "", "2025-11-19");
  a.scope = "aggregate";
  a.projects = 303;
  MergeRecord b = Rec(2, 11, "", "2025-11");
  b.scope = "aggregate";
  b.beneficiaries = 478;
  EXPECT_FALSE(FitToEvent(b, {a}, {}).joins);
  b.projects = 303;
  EXPECT_TRUE(FitToEvent(b, {a}, {}).joins);
}

TEST(ConsolidateTest, DisagreementKeepsTheBetterSupportedValueAndFlags) {
  MergeRecord a = Rec(1, 10, "MA-GUE", "2025-11");
  a.beneficiaries = 37;
  MergeRecord b = Rec(2, 11, "MA-GUE", "2025-11-19");
  b.beneficiaries = 73;
  b.cluster_id = 10;
  MergeRecord c = Rec(3, 12, "MA-GUE", "");
  c.beneficiaries = 73;
  c.budget_mad = 1300000;
  c.budget_qualifier = "over";
  ConsolidatedEvent e = Consolidate({a, b, c});
  EXPECT_EQ(e.beneficiaries, 73);  // two independent sources against one
  ASSERT_EQ(e.differences.size(), 1u);
  EXPECT_EQ(e.differences[0].field, "beneficiaries");
  EXPECT_EQ(e.differences[0].kind, "contradiction");
  EXPECT_TRUE(e.has_contradiction());
  EXPECT_EQ(e.date, "2025-11-19");
  EXPECT_EQ(e.date_lo, "2025-11-19");
  EXPECT_EQ(e.budget_mad, 1300000);
  EXPECT_EQ(e.budget_qualifier, "over");
  EXPECT_EQ(e.source_count, 3);
  EXPECT_EQ(e.independent_sources, 2);
}

TEST(ConsolidateTest, AgreementPrefersTheExactValue) {
  MergeRecord a = Rec(1, 10, "MA-OUJ", "");
  a.beneficiaries = 40;
  a.beneficiaries_qualifier = "over";
  a.sectors = {"sewing"};
  MergeRecord b = Rec(2, 11, "MA-OUJ", "");
  b.beneficiaries = 43;
  b.beneficiaries_qualifier = "exact";
  b.sectors = {"carpentry", "sewing"};
  ConsolidatedEvent e = Consolidate({a, b});
  EXPECT_EQ(e.beneficiaries, 43);
  EXPECT_EQ(e.beneficiaries_qualifier, "exact");
  // 43 and "more than 40": a difference the bound allows.
  ASSERT_EQ(e.differences.size(), 1u);
  EXPECT_EQ(e.differences[0].kind, "compatible");
  EXPECT_FALSE(e.has_contradiction());
  EXPECT_EQ(e.sectors, "carpentry,sewing");
  EXPECT_EQ(e.date, "");
  EXPECT_EQ(e.date_lo, "");
}

}  // namespace
}  // namespace rasd::store
