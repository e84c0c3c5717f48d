// Dates: the recogniser over corpus/examples/dates_ar.tsv (three month
// traditions, numeric dates, days relative to the publication date, periods),
// and the calendar arithmetic relative dates rest on.
#include "common/dates.h"

#include "tests/extract/example_table.h"

namespace rasd {
namespace {

using testing_examples::Example;

class DatesExamples : public ::testing::TestWithParam<Example> {};

TEST_P(DatesExamples, Arabic) { testing_examples::CheckExample(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Ar, DatesExamples, ::testing::ValuesIn(testing_examples::LoadExamples("dates", "ar")),
                         testing_examples::ExampleName);

bool Same(const Date& a, const Date& b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

TEST(Calendar, ParsesIsoDatesAtTheirPrecision) {
  EXPECT_TRUE(Same(ParseIsoDate("2024-05-14"), Date{2024, 5, 14}));
  EXPECT_TRUE(Same(ParseIsoDate("2024-05"), Date{2024, 5, 0}));
  EXPECT_TRUE(Same(ParseIsoDate("2024"), Date{2024, 0, 0}));
  EXPECT_TRUE(Same(ParseIsoDate("2024-02-29"), Date{2024, 2, 29}));
  for (const char* bad : {"", "abcd", "2024-13", "2024-00", "2023-02-29", "2024-02-30", "2024-04-31", "2024-5-14",
                          "14/05/2024", "2024-05-14T10:00"}) {
    EXPECT_FALSE(ParseIsoDate(bad).valid()) << "\"" << bad << "\"";
  }
}

TEST(Calendar, PrintsAtItsPrecision) {
  EXPECT_EQ((Date{2024, 5, 14}).ToString(), "2024-05-14");
  EXPECT_EQ((Date{2024, 5, 0}).ToString(), "2024-05");
  EXPECT_EQ((Date{2024, 0, 0}).ToString(), "2024");
  EXPECT_EQ((Date{}).ToString(), "");
  EXPECT_EQ((Date{2024, 1, 2}).ToString(), "2024-01-02");
}

TEST(Calendar, RealDays) {
  EXPECT_TRUE(IsRealDay(2024, 2, 29));
  EXPECT_TRUE(IsRealDay(2000, 2, 29));
  EXPECT_FALSE(IsRealDay(1900, 2, 29));
  EXPECT_FALSE(IsRealDay(2023, 2, 29));
  EXPECT_FALSE(IsRealDay(2024, 4, 31));
  EXPECT_TRUE(IsRealDay(2024, 12, 31));
  EXPECT_FALSE(IsRealDay(2024, 0, 1));
  EXPECT_FALSE(IsRealDay(2024, 13, 1));
  EXPECT_FALSE(IsRealDay(2024, 1, 0));
  EXPECT_FALSE(IsRealDay(0, 1, 1));
}

TEST(Calendar, Weekdays) {
  EXPECT_EQ(Weekday({1970, 1, 1}), 4);   // Thursday
  EXPECT_EQ(Weekday({2000, 1, 1}), 6);   // Saturday
  EXPECT_EQ(Weekday({2023, 3, 15}), 3);  // Wednesday
  EXPECT_EQ(Weekday({2024, 5, 14}), 2);  // Tuesday
  EXPECT_EQ(Weekday({2024, 5, 12}), 7);  // Sunday
  EXPECT_EQ(Weekday({2021, 8, 19}), 4);  // Thursday
  EXPECT_EQ(Weekday({1960, 7, 4}), 1);   // Monday, before the epoch
}

TEST(Calendar, DaysFromCivil) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_TRUE(Same(CivilFromDays(0), Date{1970, 1, 1}));
  EXPECT_TRUE(Same(CivilFromDays(-1), Date{1969, 12, 31}));
}

TEST(Calendar, AddDaysAcrossMonthsYearsAndLeapDays) {
  EXPECT_TRUE(Same(AddDays({2024, 2, 28}, 1), Date{2024, 2, 29}));
  EXPECT_TRUE(Same(AddDays({2024, 2, 28}, 2), Date{2024, 3, 1}));
  EXPECT_TRUE(Same(AddDays({2023, 2, 28}, 1), Date{2023, 3, 1}));
  EXPECT_TRUE(Same(AddDays({2024, 3, 1}, -1), Date{2024, 2, 29}));
  EXPECT_TRUE(Same(AddDays({2024, 1, 1}, -1), Date{2023, 12, 31}));
  EXPECT_TRUE(Same(AddDays({2024, 5, 14}, -2), Date{2024, 5, 12}));
  EXPECT_TRUE(Same(AddDays({2024, 5, 14}, 0), Date{2024, 5, 14}));
}

TEST(Calendar, EveryDayRoundTripsFrom1950To2100) {
  long first = DaysFromCivil(1950, 1, 1), last = DaysFromCivil(2100, 12, 31);
  int weekday = Weekday({1950, 1, 1});
  for (long d = first; d <= last; ++d) {
    Date c = CivilFromDays(d);
    ASSERT_TRUE(IsRealDay(c.year, c.month, c.day)) << d;
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), d) << c.ToString();
    ASSERT_EQ(Weekday(c), weekday) << c.ToString();
    weekday = weekday % 7 + 1;
  }
}

}  // namespace
}  // namespace rasd
