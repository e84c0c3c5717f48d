#include "store/search_query.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "store/fingerprint.h"
#include "tests/store/store_test_util.h"

namespace rasd::store {
namespace {

using testing::DataDir;

class SearchQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(DataDir().empty()) << "the data folder was not found (set RASD_DATA)";
    auto c = LoadSearchClitics(DataDir());
    ASSERT_TRUE(c.ok()) << c.status().message();
    clitics_ = *c;
    ASSERT_FALSE(clitics_.empty());
  }
  bool Finds(const std::string& query, const std::string& text) {
    std::string q = FoldForSearch(query);
    auto words = SearchWords(q);
    if (words.size() != 1) return false;
    auto forms = SearchForms(words[0], clitics_);
    return std::find(forms.begin(), forms.end(), FoldForSearch(text)) != forms.end();
  }
  std::vector<Clitics> clitics_;
};

TEST_F(SearchQueryTest, ABareWordFindsEveryCliticForm) {
  for (const char* text : {"إدماج", "الإدماج", "لإدماج", "للإدماج", "وإدماج", "والإدماج", "بإدماج", "بالإدماج",
                           "فالإدماج", "كالإدماج", "وللإدماج", "فللإدماج", "وبالإدماج", "وبإدماج", "ولإدماج"}) {
    EXPECT_TRUE(Finds("ادماج", text)) << text;
  }
}

TEST_F(SearchQueryTest, TheArticleInTheQueryIsOptional) {
  for (const char* query : {"الإدماج", "بالإدماج", "للإدماج", "والإدماج"}) {
    EXPECT_TRUE(Finds(query, "إدماج")) << query;
    EXPECT_TRUE(Finds(query, "لإدماج")) << query;
    EXPECT_TRUE(Finds(query, "الإدماج")) << query;
  }
}

TEST_F(SearchQueryTest, ShortStemsAndBareLettersAreNotStripped) {
  EXPECT_FALSE(Finds("وزير", "زير"));     // و is part of the word
  EXPECT_FALSE(Finds("بلدية", "لدية"));   // so is ب
  EXPECT_FALSE(Finds("الى", "ى"));        // nothing left to search
  EXPECT_TRUE(Finds("وزير", "الوزير"));  // the word itself still takes the article
  EXPECT_FALSE(Finds("ادماج", "ادماجات"));
}

TEST_F(SearchQueryTest, ExpressionQuotesEveryFormAndNeedsEveryWord) {
  std::string m = FtsMatchExpression("ادماج \"السجناء\" OR NEAR(", clitics_);
  EXPECT_NE(m.find("\"ادماج\""), std::string::npos) << m;
  EXPECT_NE(m.find(" AND "), std::string::npos) << m;
  // The user's quote is escaped inside a quoted string; OR and NEAR are words.
  EXPECT_EQ(m.find("(\"\"\""), std::string::npos) << m;
  EXPECT_NE(m.find("\"or\""), std::string::npos) << m;
  EXPECT_EQ(FtsMatchExpression(" ،. ", clitics_), "");
}

}  // namespace
}  // namespace rasd::store
