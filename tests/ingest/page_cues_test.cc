// The dates a page shows (datelines, meta fields, scraper date fields), read
// with the month names of the languages' lexicons and the calendar of
// common/dates: a date that does not exist is no date.
#include <gtest/gtest.h>

#include "ingest/page_cues.h"
#include "tests/ingest/page_fixtures.h"

namespace rasd::ingest {
namespace {

const PageCues& Cues() {
  static const std::unique_ptr<PageCues> cues = [] {
    auto loaded = PageCues::Load(testing::DataDir());
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? std::move(*loaded) : PageCues::FromRows({}, {});
  }();
  return *cues;
}

struct DateCase {
  const char* text;
  const char* date;  // empty: no date found
};

class PageDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(PageDateTest, FindsTheDayThePageShows) {
  EXPECT_EQ(Cues().FindDate(GetParam().text), GetParam().date) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Dates, PageDateTest,
    ::testing::Values(
        // 29 February exists in leap years only, in every form a page writes it.
        DateCase{"2024-02-29", "2024-02-29"}, DateCase{"2023-02-29", ""},
        DateCase{"29/02/2024", "2024-02-29"}, DateCase{"29/02/2023", ""},
        DateCase{"29 février 2024", "2024-02-29"}, DateCase{"29 février 2023", ""},
        DateCase{"الخميس 29 فبراير 2024", "2024-02-29"}, DateCase{"الأربعاء 29 فبراير 2023", ""},
        DateCase{"1900-02-29", ""}, DateCase{"2000-02-29", "2000-02-29"},
        // Month names come from data/<lang>/months.tsv, folded as the extractor folds them.
        DateCase{"الجمعة 6 دجنبر 2024", "2024-12-06"}, DateCase{"٦ شتنبر ٢٠٢٤", "2024-09-06"},
        DateCase{"12 كانون الثاني 2024", "2024-01-12"}, DateCase{"1er AOÛT 2024", "2024-08-01"},
        DateCase{"Tue, 14 May 2024 09:12:00 +0000", "2024-05-14"}, DateCase{"May 14, 2024", "2024-05-14"},
        DateCase{"31 avril 2024", ""}, DateCase{"no date here", ""}));

TEST(WordKeyTest, FoldsAsNormalizeKeyAndKeepsOnlyWords) {
  EXPECT_EQ(WordKey("  Lire AUSSI :  "), "lire aussi");
  EXPECT_EQ(WordKey("اقرأ أيضاً"), WordKey("اقرا ايضا"));
  EXPECT_EQ(WordKey("Mots-clés"), "mots cles");
  EXPECT_EQ(WordKey("«تعليقات» (٣)"), WordKey("تعليقات 3"));
}

}  // namespace
}  // namespace rasd::ingest
