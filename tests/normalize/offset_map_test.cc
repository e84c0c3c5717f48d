// The offset map's contract (tests/normalize/offset_check.h) on random
// Arabic, French and mixed strings built from the pieces real news is made
// of and the odd ones it sometimes holds. Seeded, so a failure reproduces.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "tests/normalize/offset_check.h"

namespace rasd {
namespace {

using testing_util::OffsetMapHolds;

struct Alphabet {
  const char* name;
  std::vector<std::string> pieces;
};

const std::vector<std::string>& ArabicPieces() {
  static const std::vector<std::string> p = {
      // letters, including the ones the fold changes
      "ا", "ب", "ت", "ة", "ج", "د", "ر", "س", "ع", "ل", "م", "ن", "ه", "و", "ي", "ى", "أ", "إ", "آ", "ٱ", "ؤ",
      "ئ", "ء", "ک", "گ", "ڭ", "ی",
      // diacritics, superscript alef, Quranic marks, tatweel
      "\u064B", "\u064C", "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u0670", "\u06D6", "\u0615", "ـ",
      // combining hamza and madda, which NFKC composes
      "\u0653", "\u0654", "\u0655",
      // digits of both kinds, Arabic punctuation
      "٠", "١", "٥", "٩", "۰", "۴", "۹", "،", "؛", "؟", "٫", "٬", "٪", "۔",
      // presentation forms and ligatures
      "ﻻ", "ﻷ", "ﷲ", "ﷺ", "ﻣ", "ﺤ", "ﺔ", "ﻰ", "ﹰ", "ﹼ", "ﱠ", "\u0675",
  };
  return p;
}

const std::vector<std::string>& FrenchPieces() {
  static const std::vector<std::string> p = {
      "a", "e", "i", "o", "u", "r", "s", "t", "M", "T", "K", "É", "é", "è", "ê", "à", "ç", "Ç", "ô", "û", "ÿ", "Ÿ",
      "œ", "Œ", "æ", "ß", "ﬁ", "ﬂ", "’", "'", "-", ".", ",", "«", "»", "…", "²", "½", "Ｉ", "\u00A8",
      // decomposed accents, one that composes and one that does not
      "e\u0301", "a\u0300", "q\u0301", "\u0301", "\u0327",
  };
  return p;
}

const std::vector<std::string>& SharedPieces() {
  static const std::vector<std::string> p = {
      // white space of every kind, line breaks
      " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u202F", "\u2009", "\u3000", "\u2028", "\u2029",
      "\u0085", "\u1680",
      // zero-width and bidi controls
      "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202B", "\u202C", "\u2066", "\u2069", "\u061C",
      "\uFEFF", "\u00AD", "\u2060",
      // ASCII digits and punctuation
      "0", "1", "7", "%", "(", ")", "?", ";", ":",
  };
  return p;
}

std::string RandomText(std::mt19937* rng, const std::vector<const std::vector<std::string>*>& sets, int max_pieces) {
  std::uniform_int_distribution<int> length(0, max_pieces);
  std::uniform_int_distribution<size_t> which_set(0, sets.size() - 1);
  std::string s;
  for (int k = length(*rng); k > 0; --k) {
    const auto& set = *sets[which_set(*rng)];
    std::uniform_int_distribution<size_t> pick(0, set.size() - 1);
    s += set[pick(*rng)];
  }
  return s;
}

class OffsetMapProperty : public ::testing::TestWithParam<int> {};

// Param: 0 Arabic, 1 French, 2 mixed. About a thousand strings each, both
// forms, every whole-unit span renormalised.
TEST_P(OffsetMapProperty, HoldsOnRandomText) {
  std::vector<const std::vector<std::string>*> sets;
  switch (GetParam()) {
    case 0:
      sets = {&ArabicPieces(), &ArabicPieces(), &ArabicPieces(), &SharedPieces()};
      break;
    case 1:
      sets = {&FrenchPieces(), &FrenchPieces(), &FrenchPieces(), &SharedPieces()};
      break;
    default:
      sets = {&ArabicPieces(), &FrenchPieces(), &SharedPieces()};
      break;
  }
  std::mt19937 rng(1000 + GetParam());
  for (int t = 0; t < 1200; ++t) {
    const std::string s = RandomText(&rng, sets, 18);
    ASSERT_TRUE(OffsetMapHolds(s, NormalForm::kText)) << "case " << t;
    ASSERT_TRUE(OffsetMapHolds(s, NormalForm::kKey)) << "case " << t;
  }
}

// Normalising the normalised text changes nothing, so a lexicon entry
// folded with NormalizeKey meets the same string in a document's key.
TEST_P(OffsetMapProperty, NormalFormsAreStable) {
  std::vector<const std::vector<std::string>*> sets = {&ArabicPieces(), &FrenchPieces(), &SharedPieces()};
  std::mt19937 rng(2000 + GetParam());
  for (int t = 0; t < 1000; ++t) {
    const std::string s = RandomText(&rng, sets, 24);
    const std::string key = NormalizeKey(s);
    ASSERT_EQ(testing_util::Show(NormalizeKey(key)), testing_util::Show(key))
        << "case " << t << ": " << testing_util::Show(s);
    ASSERT_EQ(testing_util::Show(NormalizeKey(Normalize(s, NormalForm::kText).text)), testing_util::Show(key))
        << "case " << t << ": " << testing_util::Show(s);
  }
}

INSTANTIATE_TEST_SUITE_P(Scripts, OffsetMapProperty, ::testing::Values(0, 1, 2),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return std::string(info.param == 0 ? "Arabic" : info.param == 1 ? "French" : "Mixed");
                         });

}  // namespace
}  // namespace rasd
