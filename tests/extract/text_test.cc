// Tokens of the normalised text, and above all the numbers in digits read with
// the separators the Moroccan press uses.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/text.h"

namespace rasd {
namespace {

struct DigitCase {
  const char* text;  // normalised (key form) text
  bool decimal_reh;  // Arabic: "56ر643" is 643.56
  std::vector<std::pair<std::string, double>> numbers;  // every kDigits token: text and value
};

void PrintTo(const DigitCase& c, std::ostream* os) { *os << c.text; }

const DigitCase kDigitCases[] = {
    {"267,788.01", true, {{"267,788.01", 267788.01}}},
    {"2.868.844,83", true, {{"2.868.844,83", 2868844.83}}},
    {"10.678.415", true, {{"10.678.415", 10678415}}},
    {"1 200 000", true, {{"1 200 000", 1200000}}},
    {"390.043,80", true, {{"390.043,80", 390043.80}}},
    {"10,67", true, {{"10,67", 10.67}}},
    {"1,3 مليون", true, {{"1,3", 1.3}}},
    {"1.594.000", true, {{"1.594.000", 1594000}}},
    {"1,200,000", true, {{"1,200,000", 1200000}}},
    {"5 000 000,00", true, {{"5 000 000,00", 5000000}}},
    {"20.000,00 درهم", true, {{"20.000,00", 20000}}},
    {"100.000.000", true, {{"100.000.000", 100000000}}},
    {"2.5 مليار", true, {{"2.5", 2.5}}},
    {"0,5", true, {{"0,5", 0.5}}},
    {"0,750 مليون", true, {{"0,750", 0.75}}},
    {"0.500", true, {{"0.500", 0.5}}},
    {"بلغ 1.594.000.", true, {{"1.594.000", 1594000}}},
    {"بلغ 13. وفي", true, {{"13", 13}}},
    {"10,67%", true, {{"10,67", 10.67}}},
    {"56ر643 درهما", true, {{"56ر643", 643.56}}},
    {"و56ر643", true, {{"56ر643", 643.56}}},
    {"5ر85 مليون", true, {{"5ر85", 85.5}}},
    {"56ر643", false, {{"56", 56}, {"643", 643}}},
    {"2012 و2013", true, {{"2012", 2012}, {"2013", 2013}}},
    {"2012 2013", true, {{"2012", 2012}, {"2013", 2013}}},
    {"13:05", true, {{"13", 13}, {"05", 5}}},
    {"18/11/2023", true, {{"18", 18}, {"11", 11}, {"2023", 2023}}},
    {"ب13 مشروعا", true, {{"13", 13}}},
    {"13 نزيلا و7 مشاريع", true, {{"13", 13}, {"7", 7}}},
};

class DigitReading : public ::testing::TestWithParam<DigitCase> {};

TEST_P(DigitReading, ReadsTheValue) {
  const DigitCase& c = GetParam();
  std::string text = c.text;
  std::vector<Token> tokens = Tokenize(text, c.decimal_reh);
  std::vector<std::pair<std::string, double>> got;
  for (const Token& t : tokens) {
    if (t.kind == Token::Kind::kDigits) got.emplace_back(std::string(TokenText(text, t)), t.value);
  }
  ASSERT_EQ(got.size(), c.numbers.size()) << "\"" << text << "\"";
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].first, c.numbers[i].first) << "\"" << text << "\" number " << i;
    EXPECT_NEAR(got[i].second, c.numbers[i].second, 1e-6) << "\"" << text << "\" number " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Press, DigitReading, ::testing::ValuesIn(kDigitCases));

const Token* FirstDigits(const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    if (t.kind == Token::Kind::kDigits) return &t;
  }
  return nullptr;
}

TEST(DigitReading, GroupedAndDecimalFlags) {
  struct Flags {
    const char* text;
    bool grouped, decimal;
    int digits;
  };
  const Flags cases[] = {
      {"1.594.000", true, false, 1}, {"2.868.844,83", true, true, 1}, {"1 200 000", true, false, 1},
      {"10,67", false, true, 2},     {"2024", false, false, 4},       {"56ر643", false, true, 3},
  };
  for (const Flags& c : cases) {
    std::vector<Token> tokens = Tokenize(c.text, true);
    const Token* t = FirstDigits(tokens);
    ASSERT_NE(t, nullptr) << c.text;
    EXPECT_EQ(t->grouped, c.grouped) << c.text;
    EXPECT_EQ(t->decimal, c.decimal) << c.text;
    EXPECT_EQ(t->digits, c.digits) << c.text << ": digits before any separator (a year has 4)";
  }
}

TEST(Tokenize, GluedCliticsAndLineBreaks) {
  std::string text = "ما بين 2012 و2013\nلفائدة ل37 مستفيدا";
  std::vector<Token> tokens = Tokenize(text, true);
  std::vector<std::string> words;
  for (const Token& t : tokens) words.emplace_back(TokenText(text, t));
  const std::vector<std::string> want = {"ما", "بين", "2012", "و", "2013", "لفائدة", "ل", "37", "مستفيدا"};
  ASSERT_EQ(words, want);
  EXPECT_TRUE(tokens[2].space_before);
  EXPECT_FALSE(tokens[4].space_before) << "و2013: the year is glued to its connector";
  EXPECT_TRUE(tokens[5].line_before);
  EXPECT_FALSE(tokens[4].line_before);
  EXPECT_FALSE(tokens[7].space_before) << "ل37";
  EXPECT_EQ(tokens[4].kind, Token::Kind::kDigits);
  EXPECT_EQ(tokens[3].kind, Token::Kind::kWord);
}

TEST(Tokenize, PunctuationAndByteRanges) {
  std::string text = "بلغ: «13» مشروعا, 2024.";
  std::vector<Token> tokens = Tokenize(text, true);
  for (const Token& t : tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
  }
  std::vector<std::string> punct;
  for (const Token& t : tokens) {
    if (t.kind == Token::Kind::kPunct) punct.emplace_back(TokenText(text, t));
  }
  const std::vector<std::string> want = {":", "«", "»", ",", "."};
  EXPECT_EQ(punct, want);
}

TEST(Tokenize, EmptyAndSpaceOnly) {
  EXPECT_TRUE(Tokenize("", true).empty());
  EXPECT_TRUE(Tokenize("   \n  ", true).empty());
}

TEST(Tokenize, LatinWords) {
  std::string text = "dont 3 femmes, élevage";
  std::vector<Token> tokens = Tokenize(text, false);
  std::vector<std::string> words;
  for (const Token& t : tokens) words.emplace_back(TokenText(text, t));
  const std::vector<std::string> want = {"dont", "3", "femmes", ",", "élevage"};
  EXPECT_EQ(words, want);
}

}  // namespace
}  // namespace rasd
