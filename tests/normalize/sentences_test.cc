// Sentence segmentation of normalised text (and of raw Arabic, whose
// question mark and full stop ICU knows too).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "tests/normalize/offset_check.h"

namespace rasd {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const ByteRange& r : SplitSentences(text)) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

std::vector<std::string> NormalizedSentences(std::string_view original) {
  return Sentences(Normalize(original, NormalForm::kText).text);
}

using Strings = std::vector<std::string>;

// Ranges are in order, do not overlap, do not start or end with white
// space, and together with the white space between them cover the text.
::testing::AssertionResult WellFormed(std::string_view text) {
  size_t prev = 0;
  for (const ByteRange& r : SplitSentences(text)) {
    if (!(r.begin < r.end && r.end <= text.size())) return ::testing::AssertionFailure() << "bad range";
    if (r.begin < prev) return ::testing::AssertionFailure() << "ranges overlap or go back";
    for (size_t k = prev; k < r.begin; ++k) {
      if (text[k] != ' ' && text[k] != '\n') return ::testing::AssertionFailure() << "text left out at " << k;
    }
    const char first = text[r.begin], last = text[r.end - 1];
    if (first == ' ' || first == '\n' || last == ' ' || last == '\n') {
      return ::testing::AssertionFailure() << "untrimmed range";
    }
    prev = r.end;
  }
  for (size_t k = prev; k < text.size(); ++k) {
    if (text[k] != ' ' && text[k] != '\n') return ::testing::AssertionFailure() << "text left out at the end";
  }
  return ::testing::AssertionSuccess();
}

TEST(Sentences, ArabicPunctuation) {
  const std::string article =
      "أكدت الوزارة ذلك. وقال المدير إن المشروع مهم؟ نعم، بالتأكيد؛ سيبدأ العمل غدا.\n"
      "عنوان بدون نقطة\n"
      "واستفاد ١٣ شخصا من المشاريع!";
  EXPECT_EQ(NormalizedSentences(article), (Strings{
                                              "اكدت الوزارة ذلك.",
                                              "وقال المدير ان المشروع مهم?",
                                              "نعم, بالتاكيد; سيبدا العمل غدا.",
                                              "عنوان بدون نقطة",
                                              "واستفاد 13 شخصا من المشاريع!",
                                          }));
  EXPECT_TRUE(WellFormed(Normalize(article, NormalForm::kText).text));
}

TEST(Sentences, RawArabicQuestionMarkAndFullStop) {
  // Before normalisation: ICU ends sentences at U+061F and U+06D4 itself,
  // and not at the Arabic comma or semicolon.
  EXPECT_EQ(Sentences("هل حضر الوالي؟ نعم، حضر؛ وألقى كلمة۔ ثم غادر."),
            (Strings{"هل حضر الوالي؟", "نعم، حضر؛ وألقى كلمة۔", "ثم غادر."}));
}

TEST(Sentences, NumbersDoNotEndSentences) {
  EXPECT_EQ(NormalizedSentences("بلغت الكلفة ٣٫٥ مليون درهم. واستفاد 1.200 شخص من 2.868.844,83 درهم."),
            (Strings{"بلغت الكلفة 3.5 مليون درهم.", "واستفاد 1.200 شخص من 2.868.844,83 درهم."}));
}

TEST(Sentences, LineBreaksAlwaysEndASentence) {
  EXPECT_EQ(NormalizedSentences("عنوان المقال\r\n\r\nالرباط - أكد الوالي، في كلمة\nبالمناسبة، أن"),
            (Strings{"عنوان المقال", "الرباط - اكد الوالي, في كلمة", "بالمناسبة, ان"}));
  // A line break after an abbreviation still ends the line.
  EXPECT_EQ(Sentences("Reçu par M.\nLe gouverneur"), (Strings{"Reçu par M.", "Le gouverneur"}));
}

TEST(Sentences, FrenchAbbreviations) {
  const std::string article =
      "M. Ahmed Tazi, gouverneur de la province, a présidé la cérémonie. Le budget s'élève à 1,3 million de "
      "dirhams. MM. Alami et Bennani ont remis les équipements à M. A. Benali, président de l'association. "
      "Les bénéficiaires sont 13, dont 3 femmes.";
  EXPECT_EQ(NormalizedSentences(article),
            (Strings{
                "M. Ahmed Tazi, gouverneur de la province, a présidé la cérémonie.",
                "Le budget s'élève à 1,3 million de dirhams.",
                "MM. Alami et Bennani ont remis les équipements à M. A. Benali, président de l'association.",
                "Les bénéficiaires sont 13, dont 3 femmes.",
            }));
  EXPECT_TRUE(WellFormed(Normalize(article, NormalForm::kText).text));
}

TEST(Sentences, FrenchQuestionAndEllipsis) {
  EXPECT_EQ(NormalizedSentences("Pourquoi\u00A0? Parce que… Le programme continue\u202F! Fin."),
            (Strings{"Pourquoi ?", "Parce que...", "Le programme continue !", "Fin."}));
}

TEST(Sentences, EmptyAndBlank) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences(" ").empty());
  EXPECT_TRUE(SplitSentences("\n\n \n").empty());
  EXPECT_EQ(Sentences("1200"), (Strings{"1200"}));
}

TEST(Sentences, MapBackToTheOriginal) {
  const std::string original = "\u200Fأكدت الوزارةُ ذلك. وقال المدير: ١٣ مستفيدا.";
  NormalizedText n = Normalize(original, NormalForm::kKey);
  std::vector<ByteRange> s = SplitSentences(n.text);
  ASSERT_EQ(s.size(), 2u);
  Span first = n.ToOriginal(s[0].begin, s[0].end);
  Span second = n.ToOriginal(s[1].begin, s[1].end);
  EXPECT_EQ(first.start, 1);    // after the right-to-left mark
  EXPECT_EQ(first.end, 19);     // through the full stop
  EXPECT_EQ(second.start, 20);
  EXPECT_EQ(second.end, static_cast<int64_t>(n.original_length));
}

TEST(Sentences, RealNewsIsWellFormed) {
  // Whatever the text, the ranges cover it in order.
  const std::string text = Normalize(
                               "الرباط - أكد (و.م.ع) أن ٣٠ مشروعا... «تم تمويلها» بمبلغ 1.5 مليون درهم؟!\n\n"
                               "Témara : 13 bénéficiaires. etc. Voir p. 12.",
                               NormalForm::kText)
                               .text;
  EXPECT_TRUE(WellFormed(text));
}

}  // namespace
}  // namespace rasd
