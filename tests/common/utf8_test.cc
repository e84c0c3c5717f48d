// common/utf8: validation, replacement of ill-formed sequences (checked
// against ICU's own UTF-8 conversion), decoding, encoding, code point slices.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <unicode/unistr.h>

#include "common/utf8.h"

namespace rasd::utf8 {
namespace {

struct Sample {
  const char* name;
  std::string bytes;
  bool valid;
  size_t replaced;    // U+FFFD that Sanitize puts in
  std::string clean;  // Sanitize's output
};

void PrintTo(const Sample& s, std::ostream* os) { *os << s.name; }

const char* const kR = "\xEF\xBF\xBD";

const std::vector<Sample>& Samples() {
  static const std::vector<Sample> samples = {
      {"empty", "", true, 0, ""},
      {"ascii", "Temara 2024", true, 0, "Temara 2024"},
      {"arabic", "مؤسسة محمد السادس", true, 0, "مؤسسة محمد السادس"},
      {"french", "Témara, Kénitra, cœur", true, 0, "Témara, Kénitra, cœur"},
      {"boundaries", "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF", true, 0,
       "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"},
      {"nul_is_valid", std::string("a\0b", 3), true, 0, std::string("a\0b", 3)},
      {"truncated_two", "ab\xD8", false, 1, std::string("ab") + kR},
      {"truncated_three", "\xE2\x82", false, 1, kR},
      {"truncated_four_then_ascii", "\xF0\x9F\x98x", false, 1, std::string(kR) + "x"},
      {"overlong_two", "\xC0\xAF", false, 2, std::string(kR) + kR},
      {"overlong_c1", "\xC1\xBF", false, 2, std::string(kR) + kR},
      {"overlong_three", "\xE0\x80\xAF", false, 3, std::string(kR) + kR + kR},
      {"overlong_four", "\xF0\x80\x80\xAF", false, 4, std::string(kR) + kR + kR + kR},
      {"surrogate", "\xED\xA0\x80", false, 3, std::string(kR) + kR + kR},
      {"last_before_surrogates", "\xED\x9F\xBF", true, 0, "\xED\x9F\xBF"},
      {"beyond_10ffff", "\xF4\x90\x80\x80", false, 4, std::string(kR) + kR + kR + kR},
      {"f5_lead", "\xF5\x80", false, 2, std::string(kR) + kR},
      {"lone_continuation", "a\x80z", false, 1, std::string("a") + kR + "z"},
      {"fe_ff", "\xFE\xFF", false, 2, std::string(kR) + kR},
      {"lead_then_lead", "\xD8\xD8\xA7", false, 1, std::string(kR) + "ا"},
      {"three_byte_cut_by_ascii", "\xE2\x82 \xAC", false, 2, std::string(kR) + " " + kR},
  };
  return samples;
}

class Utf8Sample : public ::testing::TestWithParam<Sample> {};

TEST_P(Utf8Sample, IsValid) { EXPECT_EQ(IsValid(GetParam().bytes), GetParam().valid); }

TEST_P(Utf8Sample, Sanitize) {
  std::string out = "left over";
  EXPECT_EQ(Sanitize(GetParam().bytes, &out), GetParam().replaced);
  EXPECT_EQ(out, GetParam().clean);
  EXPECT_TRUE(IsValid(out));
}

TEST_P(Utf8Sample, SanitizeAgreesWithIcu) {
  // ICU replaces each maximal ill-formed subpart with one U+FFFD too.
  std::string icu;
  icu::UnicodeString::fromUTF8(GetParam().bytes).toUTF8String(icu);
  std::string out;
  Sanitize(GetParam().bytes, &out);
  EXPECT_EQ(out, icu);
}

INSTANTIATE_TEST_SUITE_P(Bytes, Utf8Sample, ::testing::ValuesIn(Samples()),
                         [](const ::testing::TestParamInfo<Sample>& info) { return std::string(info.param.name); });

TEST(Utf8, SanitizeRandomBytesLikeIcu) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> len(0, 40);
  // Mostly bytes that matter to UTF-8: leads, continuations, ASCII.
  const std::vector<int> interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                        0xD8, 0xD9, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3,
                                        0xF4, 0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFE, 0xFF};
  std::uniform_int_distribution<size_t> pick(0, interesting.size() - 1);
  for (int t = 0; t < 5000; ++t) {
    std::string s;
    for (int k = len(rng); k > 0; --k) s.push_back(static_cast<char>(interesting[pick(rng)]));
    std::string out, icu;
    const size_t replaced = Sanitize(s, &out);
    icu::UnicodeString::fromUTF8(s).toUTF8String(icu);
    ASSERT_EQ(out, icu) << "case " << t;
    ASSERT_TRUE(IsValid(out));
    ASSERT_EQ(IsValid(s), replaced == 0);
    std::string again;
    ASSERT_EQ(Sanitize(out, &again), 0u);
    ASSERT_EQ(again, out);
  }
}

TEST(Utf8, CountCodePoints) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("مرحبا"), 5u);
  EXPECT_EQ(CountCodePoints("Témara"), 6u);
  EXPECT_EQ(CountCodePoints("ﷲ\U0001F600"), 2u);
}

TEST(Utf8, NextAndAppendRoundTrip) {
  for (char32_t c : {U'\0', U'A', U'\x7F', U'\x80', U'\xE9', U'\x7FF', U'\x800', U'\x627', U'\xFDF2', U'\xFFFD',
                     U'\xFFFF', U'\x10000', U'\x1F600', U'\x10FFFF'}) {
    std::string s;
    Append(c, &s);
    std::string icu;
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(icu);
    EXPECT_EQ(s, icu) << static_cast<uint32_t>(c);
    EXPECT_EQ(SequenceLength(static_cast<unsigned char>(s[0])), s.size());
    size_t i = 0;
    EXPECT_EQ(Next(s, &i), c);
    EXPECT_EQ(i, s.size());
  }
}

TEST(Utf8, NextWalksMixedText) {
  const std::string s = "aé١ﷲ\U0001F600";
  std::vector<char32_t> got;
  for (size_t i = 0; i < s.size();) got.push_back(Next(s, &i));
  EXPECT_EQ(got, (std::vector<char32_t>{U'a', U'\xE9', U'\x661', U'\xFDF2', U'\x1F600'}));
}

TEST(Utf8, SliceCodePoints) {
  const std::string s = "في مدرسة";  // 8 code points
  EXPECT_EQ(SliceCodePoints(s, 0, 2), "في");
  EXPECT_EQ(SliceCodePoints(s, 3, 8), "مدرسة");
  EXPECT_EQ(SliceCodePoints(s, 3, 100), "مدرسة");
  EXPECT_EQ(SliceCodePoints(s, 2, 2), "");
  EXPECT_EQ(SliceCodePoints(s, 8, 8), "");
  EXPECT_EQ(SliceCodePoints(s, 50, 60), "");
  EXPECT_EQ(SliceCodePoints(s, 5, 3), "");
  EXPECT_EQ(SliceCodePoints("Témara", 1, 2), "é");
  EXPECT_EQ(SliceCodePoints("", 0, 3), "");
}

}  // namespace
}  // namespace rasd::utf8
