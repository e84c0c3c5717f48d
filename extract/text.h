// Tokens of a normalised (key form) text: words, numbers written in digits,
// and punctuation, each with its byte range, so recognisers can match phrases
// of words and report spans.
#ifndef RASD_EXTRACT_TEXT_H_
#define RASD_EXTRACT_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd {

struct Token {
  enum class Kind { kWord, kDigits, kPunct };
  Kind kind = Kind::kWord;
  size_t begin = 0;  // bytes in the normalised text
  size_t end = 0;
  bool space_before = true;  // false when glued to the previous token (و678, ل37)
  bool line_before = false;  // a line break separates it from the previous token
  bool capitalized = false;  // kWord: starts with a Latin capital in the original text
  double value = 0;          // kDigits: the number read with the press's separators
  bool decimal = false;      // kDigits: has a fractional part
  int digits = 0;            // kDigits: digits before any separator (a year has 4)
  bool grouped = false;      // kDigits: written with thousands separators
  int groups = 1;            // kDigits: digit groups read ("459,323" has 2)
  char separator = 0;        // kDigits: the separator after the first group
  // kWord: the lexicons' ids of the forms this word can be read as (itself,
  // or without a clitic), filled once per document by KeyTokens.
  static constexpr int kMaxKeys = 4;
  uint32_t keys[kMaxKeys] = {};
  uint8_t key_count = 0;
  uint8_t definite_keys = 0;  // bit k: keys[k] came from stripping the article
  uint8_t stripped_keys = 0;  // bit k: keys[k] came from stripping a clitic
};

// Splits a key-form normalised text. `decimal_reh` enables the agency form
// "56ر643" = 643.56 (Arabic text only).
std::vector<Token> Tokenize(std::string_view text, bool decimal_reh);

inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

}  // namespace rasd

#endif  // RASD_EXTRACT_TEXT_H_
