// Ill-formed UTF-8 never stops normalisation: each maximal ill-formed
// subpart becomes one U+FFFD, is counted, and the offset map counts it as
// one code point of the original.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "normalize/normalize.h"
#include "tests/normalize/offset_check.h"

namespace rasd {
namespace {

using testing_util::OffsetMapHolds;
using testing_util::Show;

constexpr const char* kFffd = "\xEF\xBF\xBD";

struct InvalidCase {
  const char* name;
  std::string input;
  std::string text;     // Normalize(input, kText).text
  size_t invalid;       // sequences replaced
  size_t original_cps;  // code points of the original after replacement
};

void PrintTo(const InvalidCase& c, std::ostream* os) { *os << c.name; }

std::string R(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += kFffd;
  return s;
}

const std::vector<InvalidCase>& InvalidCases() {
  static const std::vector<InvalidCase> cases = {
      {"truncated_two_byte_at_end", "ab\xD8", "ab" + R(1), 1, 3},
      {"truncated_three_byte_inside", "a\xE2\x82 b", "a" + R(1) + " b", 1, 4},
      {"truncated_four_byte", "\xF0\x9F\x98", R(1), 1, 1},
      {"truncated_arabic_letter", "مرحبا\xD9", "مرحبا" + R(1), 1, 6},
      {"overlong_two_byte_slash", "\xC0\xAF", R(2), 2, 2},
      {"overlong_three_byte", "\xE0\x80\xAF", R(3), 3, 3},
      {"overlong_four_byte", "\xF0\x80\x80\xAF", R(4), 4, 4},
      {"surrogate_high", "x\xED\xA0\x80y", "x" + R(3) + "y", 3, 5},
      {"surrogate_low", "\xED\xBF\xBF", R(3), 3, 3},
      {"lone_continuation", "\x80", R(1), 1, 1},
      {"continuation_run", "a\xBF\xBF\xBF", "a" + R(3), 3, 4},
      {"byte_ff", "\xFF", R(1), 1, 1},
      {"byte_fe_in_arabic", "نص\xFEنص", "نص" + R(1) + "نص", 1, 5},
      {"beyond_u10ffff", "\xF4\x90\x80\x80", R(4), 4, 4},
      {"lead_without_continuation", "\xD8 \xD9", R(1) + " " + R(1), 2, 3},
      {"invalid_then_diacritic", "\xFF\u064E\u0628", R(1) + "ب", 1, 3},
      {"invalid_inside_space_run", "a \xC0 b", "a " + R(1) + " b", 1, 5},
      {"invalid_between_digits", "١\xFF٢", "1" + R(1) + "2", 1, 3},
  };
  return cases;
}

class InvalidUtf8Test : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidUtf8Test, ReplacedCountedAndMapped) {
  const InvalidCase& c = GetParam();
  for (NormalForm form : {NormalForm::kText, NormalForm::kKey}) {
    NormalizedText n = Normalize(c.input, form);
    EXPECT_EQ(Show(n.text), Show(c.text));
    EXPECT_EQ(n.invalid_utf8, c.invalid);
    EXPECT_EQ(n.original_length, c.original_cps);
    EXPECT_TRUE(utf8::IsValid(n.text));
    EXPECT_TRUE(OffsetMapHolds(c.input, form));
  }
}

TEST_P(InvalidUtf8Test, AgreesWithSanitize) {
  const InvalidCase& c = GetParam();
  std::string clean;
  EXPECT_EQ(utf8::Sanitize(c.input, &clean), c.invalid);
  EXPECT_EQ(Normalize(c.input, NormalForm::kText).text, Normalize(clean, NormalForm::kText).text);
}

INSTANTIATE_TEST_SUITE_P(Sequences, InvalidUtf8Test, ::testing::ValuesIn(InvalidCases()),
                         [](const ::testing::TestParamInfo<InvalidCase>& info) { return std::string(info.param.name); });

TEST(InvalidUtf8, SpanOfTextAfterTheBadByteCountsItAsOneCharacter) {
  // The replacement is one code point, so "درهم" starts at 5 in the original.
  NormalizedText n = Normalize("1200\xFF" "درهم", NormalForm::kKey);
  ASSERT_EQ(n.invalid_utf8, 1u);
  const size_t b = n.text.find("درهم");
  ASSERT_NE(b, std::string::npos);
  Span s = n.ToOriginal(b, n.text.size());
  EXPECT_EQ(s.start, 5);
  EXPECT_EQ(s.end, 9);
}

// Random bytes, biased towards UTF-8 lead and continuation bytes and
// pieces of Arabic: nothing crashes, and the contract holds on the
// replaced text.
TEST(InvalidUtf8, RandomBytes) {
  std::mt19937 rng(20240611);
  const std::vector<std::string> pieces = {"\xD8", "\xD9", "\xA7", "\x84", "\xE2\x80", "\xEF\xBB", "\xF0\x9F",
                                           "\x80", "\xBF", "\xC0", "\xFF", "\xED\xA0", "ا", "ل", "َ", "ّ",
                                           "ﻻ", "١", " ", "\n", "\u00A0", "e", "\u0301", "\u0654"};
  std::uniform_int_distribution<int> length(0, 24);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::bernoulli_distribution raw(0.3);
  for (int t = 0; t < 2000; ++t) {
    std::string s;
    for (int k = length(rng); k > 0; --k) {
      if (raw(rng)) {
        s.push_back(static_cast<char>(byte(rng)));
      } else {
        s += pieces[pick(rng)];
      }
    }
    for (NormalForm form : {NormalForm::kText, NormalForm::kKey}) {
      ASSERT_TRUE(OffsetMapHolds(s, form)) << "case " << t;
    }
    EXPECT_NO_FATAL_FAILURE(SplitSentences(Normalize(s, NormalForm::kText).text));
  }
}

}  // namespace
}  // namespace rasd
