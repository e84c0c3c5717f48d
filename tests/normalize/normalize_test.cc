// Folding rules of Normalize, one table row per rule, each with its text
// form (kText) and its matching-key form (kKey), and the offset map checked
// on every row.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "tests/normalize/offset_check.h"

namespace rasd {
namespace {

using testing_util::OffsetMapHolds;
using testing_util::Show;

struct FoldCase {
  const char* name;
  std::string input;
  std::string text;  // Normalize(input, kText).text
  std::string key;   // Normalize(input, kKey).text
};

void PrintTo(const FoldCase& c, std::ostream* os) { *os << c.name; }

const std::vector<FoldCase>& FoldCases() {
  static const std::vector<FoldCase> cases = {
      // --- Arabic diacritics and tatweel -----------------------------------
      {"tashkeel", "مُحَمَّدٌ رَسُولُ", "محمد رسول", "محمد رسول"},
      {"shadda_before_vowel", "شدَّة مدّ", "شدة مد", "شده مد"},  // shadda then fatha: NFKC reorders, both go
      {"sukun_tanween", "مَدْرَسَةٌ كِتَابًا", "مدرسة كتابا", "مدرسه كتابا"},
      {"superscript_alef", "هٰذا ذٰلك", "هذا ذلك", "هذا ذلك"},
      {"quranic_small_marks", "الرَّحِيمِۖ", "الرحيم", "الرحيم"},
      {"tatweel", "المـــغـرب", "المغرب", "المغرب"},
      {"hamza_above_below_marks_alone", "سماءٕ", "سماء", "سماء"},  // a combining hamza on a hamza: dropped
      // --- alef forms, alef maqsura, ta marbuta, Moroccan letters ----------
      {"alef_hamza_above", "أكدت", "اكدت", "اكدت"},
      {"alef_hamza_below", "إفريقيا", "افريقيا", "افريقيا"},
      {"alef_madda", "آلاف", "الاف", "الاف"},
      {"alef_wasla", "ٱلرباط", "الرباط", "الرباط"},
      {"alef_maqsura", "مستشفى على", "مستشفي علي", "مستشفي علي"},
      {"farsi_yeh", "کرسی", "کرسي", "كرسي"},
      {"ta_marbuta_key_only", "مؤسسة محمد السادس", "مؤسسة محمد السادس", "مؤسسه محمد السادس"},
      {"hamza_on_waw_and_ya_kept", "مؤسسة رئيس", "مؤسسة رئيس", "مؤسسه رئيس"},
      {"moroccan_g_key_only", "ڭادة گيگا کتاب", "ڭادة گيگا کتاب", "كاده كيكا كتاب"},
      // --- digits ------------------------------------------------------------
      {"arabic_indic_digits", "٠١٢٣٤٥٦٧٨٩", "0123456789", "0123456789"},
      {"extended_arabic_indic_digits", "۰۱۲۳۴۵۶۷۸۹", "0123456789", "0123456789"},
      {"digits_in_text", "استفاد ١٣ شخصا من ٣٠ مشروعا سنة ۲۰۲۴",
       "استفاد 13 شخصا من 30 مشروعا سنة 2024", "استفاد 13 شخصا من 30 مشروعا سنه 2024"},
      // --- Arabic punctuation --------------------------------------------------
      {"arabic_comma_semicolon_question", "الرباط، الدار البيضاء؛ لماذا؟", "الرباط, الدار البيضاء; لماذا?",
       "الرباط, الدار البيضاء; لماذا?"},
      {"arabic_decimal_separator", "٣٫٥ مليون", "3.5 مليون", "3.5 مليون"},
      {"arabic_thousands_separator", "١٬٢٠٠٬٠٠٠ درهم", "1,200,000 درهم", "1,200,000 درهم"},
      {"arabic_percent_and_full_stop", "٥٠٪ فقط۔", "50% فقط.", "50% فقط."},
      // --- zero-width and bidi controls -----------------------------------
      {"zero_width_space", "ab\u200Bcd", "abcd", "abcd"},
      {"zwnj_zwj", "مي\u200Cخواهم \u200Dن", "ميخواهم ن", "ميخواهم ن"},
      {"rlm_lrm", "\u200Fالرباط\u200E 2024", "الرباط 2024", "الرباط 2024"},
      {"embeddings_and_overrides", "\u202Bنص\u202C \u202Dabc\u202C \u202E", "نص abc", "نص abc"},
      {"isolates", "\u2067١٢٣\u2069 \u2066x\u2069 \u2068y\u2069", "123 x y", "123 x y"},
      {"arabic_letter_mark", "\u061C-5", "-5", "-5"},
      {"word_joiner_bom_soft_hyphen", "\uFEFFréinser\u00ADtion\u2060", "réinsertion", "reinsertion"},
      // --- presentation forms, through NFKC -------------------------------
      {"lam_alef_ligature", "ﻻ ﻷ ﻹ ﻵ", "لا لا لا لا", "لا لا لا لا"},
      {"allah_ligature", "ﷲ", "الله", "الله"},
      {"salla_ligature", "محمد ﷺ", "محمد صلي الله عليه وسلم", "محمد صلي الله عليه وسلم"},
      {"letter_shapes", "ﻣﺤﻤﺪ ﺍﻟﻤﻐﺮﺏ ﻣﺆﺳﺴﺔ", "محمد المغرب مؤسسة", "محمد المغرب مؤسسه"},
      {"alef_maqsura_and_ta_marbuta_shapes", "ﻋﻠﻰ ﺓ", "علي ة", "علي ه"},
      {"isolated_tashkeel_forms", "كتاباﹰ ﹼمد ﱠ", "كتابا مد", "كتابا مد"},
      {"isolated_tashkeel_inside_word", "شدﹼة كتاباﹰجديدا", "شدة كتاباجديدا", "شده كتاباجديدا"},
      {"spacing_accent_is_a_space", "a\u00A8b", "a \u0308b", "a b"},
      // --- combining sequences --------------------------------------------
      {"alef_combining_hamza_above", "ا\u0654حمد", "احمد", "احمد"},
      {"alef_combining_hamza_below_and_madda", "ا\u0655براهيم ا\u0653لاف", "ابراهيم الاف", "ابراهيم الاف"},
      {"waw_and_ya_combining_hamza", "مو\u0654سسة ري\u0654يس", "مؤسسة رئيس", "مؤسسه رئيس"},
      {"combining_hamza_after_vowel", "ا\u064E\u0654", "ا", "ا"},
      {"latin_combining_accent", "Te\u0301mara Fe\u0300s", "Témara Fès", "temara fes"},
      {"latin_uncomposable_accent", "q\u0301x", "q\u0301x", "qx"},
      // --- white space ---------------------------------------------------------
      {"nbsp", "1\u00A0200 درهم", "1 200 درهم", "1 200 درهم"},
      {"narrow_nbsp", "1\u202F200\u202F000", "1 200 000", "1 200 000"},
      {"thin_space", "a\u2009b", "a b", "a b"},
      {"ideographic_space", "a\u3000b", "a b", "a b"},
      {"other_spaces", "a\u2002b\u2003c\u2007d\u205Fe\u1680f", "a b c d e f", "a b c d e f"},
      {"tab_and_run", "a \u00A0\t  b", "a b", "a b"},
      {"crlf", "سطر\r\nسطر", "سطر\nسطر", "سطر\nسطر"},
      {"blank_lines_collapse", "a\r\n\r\n \r\n\tb", "a\nb", "a\nb"},
      {"run_with_line_break", "a  \n  b", "a\nb", "a\nb"},
      {"lone_cr", "a\rb", "a\nb", "a\nb"},
      {"unicode_line_breaks", "a\u2028b\u2029c\u0085d\u000Be\u000Cf", "a\nb\nc\nd\ne\nf", "a\nb\nc\nd\ne\nf"},
      {"leading_and_trailing_space", " \r\n\u00A0 نص \n\t ", "نص", "نص"},
      {"only_space", " \u00A0\r\n\u3000 ", "", ""},
      {"only_invisible", "\u200B\u200F\uFEFF", "", ""},
      {"empty", "", "", ""},
      // --- French ------------------------------------------------------------
      {"french_accents", "Témara, Kénitra, Salé et Fès", "Témara, Kénitra, Salé et Fès", "temara, kenitra, sale et fes"},
      {"french_capitals", "ÉLÈVES À L'ÉCOLE DE KÉNITRA", "ÉLÈVES À L'ÉCOLE DE KÉNITRA", "eleves a l'ecole de kenitra"},
      {"french_ligatures", "Œuvre du cœur, ex æquo", "Œuvre du cœur, ex æquo", "oeuvre du coeur, ex aequo"},
      {"french_cedilla_and_trema", "Ça coûte; Noël à l'Haÿ", "Ça coûte; Noël à l'Haÿ", "ca coute; noel a l'hay"},
      {"french_typographic_apostrophe", "d’anciens ex‑détenus", "d’anciens ex‐détenus", "d'anciens ex-detenus"},
      {"typographic_ligature_fi", "\uFB01nancement \uFB02eur", "financement fleur", "financement fleur"},
      {"french_amounts",
       "Le projet a coûté 1\u202F200\u00A0000\u00A0dirhams",
       "Le projet a coûté 1 200 000 dirhams", "le projet a coute 1 200 000 dirhams"},
      {"fullwidth_and_superscript", "ＩＮＤＨ 5 m²", "INDH 5 m2", "indh 5 m2"},
      {"sharp_s", "Straße", "Straße", "strasse"},
      {"mixed_scripts", "Fondation Mohammed VI (مؤسسة محمد السادس) à Témara",
       "Fondation Mohammed VI (مؤسسة محمد السادس) à Témara",
       "fondation mohammed vi (مؤسسه محمد السادس) a temara"},
  };
  return cases;
}

class FoldTest : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldTest, TextForm) {
  const FoldCase& c = GetParam();
  NormalizedText n = Normalize(c.input, NormalForm::kText);
  EXPECT_EQ(Show(n.text), Show(c.text)) << "input: " << Show(c.input);
  EXPECT_EQ(n.invalid_utf8, 0u);
}

TEST_P(FoldTest, KeyForm) {
  const FoldCase& c = GetParam();
  NormalizedText n = Normalize(c.input, NormalForm::kKey);
  EXPECT_EQ(Show(n.text), Show(c.key)) << "input: " << Show(c.input);
  EXPECT_EQ(NormalizeKey(c.input), n.text);
}

TEST_P(FoldTest, OffsetMap) {
  const FoldCase& c = GetParam();
  EXPECT_TRUE(OffsetMapHolds(c.input, NormalForm::kText));
  EXPECT_TRUE(OffsetMapHolds(c.input, NormalForm::kKey));
}

// Folding what is already folded changes nothing: lexicon entries and
// document text meet in the same form.
TEST_P(FoldTest, Idempotent) {
  const FoldCase& c = GetParam();
  EXPECT_EQ(Show(Normalize(c.text, NormalForm::kText).text), Show(c.text));
  EXPECT_EQ(Show(NormalizeKey(c.key)), Show(c.key));
  EXPECT_EQ(Show(NormalizeKey(c.text)), Show(c.key));
}

INSTANTIATE_TEST_SUITE_P(Rules, FoldTest, ::testing::ValuesIn(FoldCases()),
                         [](const ::testing::TestParamInfo<FoldCase>& info) { return std::string(info.param.name); });

// --- the offset map on concrete cases -------------------------------------

TEST(OffsetMap, CountsCodePointsOfTheOriginal) {
  // "مَدرسة" is 6 code points in 12 bytes; the fatha is dropped.
  NormalizedText n = Normalize("في مَدرسة", NormalForm::kText);
  ASSERT_EQ(n.text, "في مدرسة");
  EXPECT_EQ(n.original_length, 9u);
  const size_t word = n.text.find("مدرسة");
  Span s = n.ToOriginal(word, n.text.size());
  EXPECT_EQ(s.start, 3);
  EXPECT_EQ(s.end, 9);
}

TEST(OffsetMap, DiacriticBelongsToItsLetter) {
  // The tanween at the end of the word is part of the word's span.
  NormalizedText n = Normalize("كتابٌ جديدٌ", NormalForm::kText);
  ASSERT_EQ(n.text, "كتاب جديد");
  Span first = n.ToOriginal(0, n.text.find(' '));
  EXPECT_EQ(first.start, 0);
  EXPECT_EQ(first.end, 5);
  Span second = n.ToOriginal(n.text.find(' ') + 1, n.text.size());
  EXPECT_EQ(second.start, 6);
  EXPECT_EQ(second.end, 11);
}

TEST(OffsetMap, DigitsMapToTheirArabicIndicOriginals) {
  NormalizedText n = Normalize("بلغت ١٢٠٠٠٠٠ درهم", NormalForm::kKey);
  ASSERT_EQ(n.text, "بلغت 1200000 درهم");
  const size_t b = n.text.find('1');
  Span s = n.ToOriginal(b, b + 7);
  EXPECT_EQ(s.start, 5);
  EXPECT_EQ(s.end, 12);
}

TEST(OffsetMap, LigatureLettersMapToTheLigature) {
  NormalizedText n = Normalize("قال ﷲ", NormalForm::kText);
  ASSERT_EQ(n.text, "قال الله");
  const size_t b = n.text.find("الله");
  // Any part of the expansion maps to the one original character.
  Span whole = n.ToOriginal(b, n.text.size());
  Span part = n.ToOriginal(b + 2, b + 4);
  EXPECT_EQ(whole.start, 4);
  EXPECT_EQ(whole.end, 5);
  EXPECT_EQ(part.start, 4);
  EXPECT_EQ(part.end, 5);
}

TEST(OffsetMap, SpaceRunMapsToTheWholeRun) {
  NormalizedText n = Normalize("a \u00A0\r\n b", NormalForm::kText);
  ASSERT_EQ(n.text, "a\nb");
  Span run = n.ToOriginal(1, 2);
  EXPECT_EQ(run.start, 1);
  EXPECT_EQ(run.end, 6);
}

TEST(OffsetMap, EmptyAndOutOfRangeRequests) {
  NormalizedText n = Normalize("\u200Fabc\u200F", NormalForm::kText);
  ASSERT_EQ(n.text, "abc");
  EXPECT_EQ(n.original_length, 5u);
  Span empty = n.ToOriginal(1, 1);
  EXPECT_EQ(empty.start, 2);
  EXPECT_EQ(empty.end, 2);
  Span reversed = n.ToOriginal(2, 1);
  EXPECT_EQ(reversed.start, reversed.end);
  Span past = n.ToOriginal(10, 20);
  EXPECT_EQ(past.start, 5);
  EXPECT_EQ(past.end, 5);
  Span clipped = n.ToOriginal(1, 99);
  EXPECT_EQ(clipped.start, 2);
  EXPECT_EQ(clipped.end, 4);
  NormalizedText none = Normalize("", NormalForm::kKey);
  Span nothing = none.ToOriginal(0, 0);
  EXPECT_EQ(nothing.start, 0);
  EXPECT_EQ(nothing.end, 0);
}

// A long document crosses the writer's internal 2 KiB blocks many times.
TEST(OffsetMap, LongDocument) {
  std::string doc;
  for (int i = 0; i < 300; ++i) doc += "مَدْرَسَةٌ ١٢ Témara\u00A0ﷲ\r\n";
  EXPECT_TRUE(testing_util::OffsetMapHolds(doc, NormalForm::kText, 12));
  EXPECT_TRUE(testing_util::OffsetMapHolds(doc, NormalForm::kKey, 12));
  NormalizedText n = Normalize(doc, NormalForm::kKey);
  EXPECT_EQ(n.original_length, utf8::CountCodePoints(doc));
}

// The four letters of U+FDF2 straddle a boundary of the writer's 2 KiB
// blocks, and a diacritic after a zero-width joiner extends all four.
TEST(OffsetMap, DiacriticExtendsAUnitAcrossABlockBoundary) {
  const std::string doc = std::string(4094, 'a') + "ﷲ\u200D\u064E";
  NormalizedText n = Normalize(doc, NormalForm::kText);
  ASSERT_EQ(n.text, std::string(4094, 'a') + "الله");
  for (size_t b = 4094; b < n.text.size(); ++b) {
    EXPECT_EQ(n.orig_begin[b], 4094u) << b;
    EXPECT_EQ(n.orig_end[b], 4097u) << b;
  }
  EXPECT_EQ(NormalizeKey(doc), n.text);
}

}  // namespace
}  // namespace rasd
