// The per-document language guess, with the word lists of data/lang/
// (the data folder: $RASD_DATA, set by CTest, else the source tree's).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/data_dir.h"
#include "normalize/normalize.h"

namespace rasd {
namespace {

class LanguageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = FindDataDir();
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    auto g = LanguageGuesser::Load(*dir);
    ASSERT_TRUE(g.ok()) << g.status().message();
    guesser_ = new LanguageGuesser(std::move(*g));
  }
  static void TearDownTestSuite() {
    delete guesser_;
    guesser_ = nullptr;
  }
  // The guess on the text as given and on its matching key (what the
  // extractor passes), which must agree.
  static LanguageGuess Guess(std::string_view text) {
    LanguageGuess raw = guesser_->Guess(text);
    LanguageGuess key = guesser_->Guess(NormalizeKey(text));
    EXPECT_EQ(raw.lang, key.lang) << text;
    EXPECT_NEAR(raw.confidence, key.confidence, 0.15) << text;
    return raw;
  }
  static LanguageGuesser* guesser_;
};
LanguageGuesser* LanguageTest::guesser_ = nullptr;

TEST_F(LanguageTest, Arabic) {
  LanguageGuess g = Guess(
      "أشرفت مؤسسة محمد السادس لإعادة إدماج السجناء، بتنسيق مع اللجنة الإقليمية للتنمية البشرية، على تسليم 30 "
      "مشروعا مدرا للدخل لفائدة 13 سجينا سابقا بإقليم سيدي قاسم، بغلاف مالي قدره مليون درهم.");
  EXPECT_EQ(g.lang, "ar");
  EXPECT_GT(g.confidence, 0.95);
}

TEST_F(LanguageTest, ArabicWithLatinAcronymsAndDigits) {
  LanguageGuess g = Guess("أطلقت المبادرة الوطنية للتنمية البشرية INDH سنة ٢٠٠٥ برنامجا جديدا بالرباط.");
  EXPECT_EQ(g.lang, "ar");
  EXPECT_GT(g.confidence, 0.8);
}

TEST_F(LanguageTest, French) {
  LanguageGuess g = Guess(
      "La Fondation Mohammed VI pour la réinsertion des détenus a remis, mercredi à Témara, les équipements de 18 "
      "projets générateurs de revenus au profit d'anciens détenus, en partenariat avec le comité provincial de "
      "l'INDH.");
  EXPECT_EQ(g.lang, "fr");
  EXPECT_GT(g.confidence, 0.5);
}

TEST_F(LanguageTest, FrenchWithTypographicApostrophes) {
  // "l’", "d’", "qu’" are function words whichever apostrophe is typed.
  const std::string straight =
      "Il s'agit d'un projet de l'INDH qu'il a présenté à l'occasion de la journée, avec l'appui de la province.";
  std::string curly = straight;
  for (size_t p = curly.find('\''); p != std::string::npos; p = curly.find('\'', p)) curly.replace(p, 1, "\u2019");
  LanguageGuess a = Guess(straight);
  LanguageGuess b = Guess(curly);
  EXPECT_EQ(a.lang, "fr");
  EXPECT_EQ(b.lang, "fr");
  EXPECT_NEAR(a.confidence, b.confidence, 1e-9);
}

TEST_F(LanguageTest, English) {
  LanguageGuess g = Guess(
      "The foundation handed over the equipment of 18 income-generating projects to former prisoners, who were "
      "trained in the centres of the region, and it has announced that more projects will follow.");
  EXPECT_EQ(g.lang, "en");
  EXPECT_GT(g.confidence, 0.5);
}

TEST_F(LanguageTest, FrenchWithArabicNames) {
  LanguageGuess g = Guess(
      "Le gouverneur de la province de Sidi Kacem (إقليم سيدي قاسم) a présidé la cérémonie en présence du "
      "président de l'association Al Amal (جمعية الأمل) et des bénéficiaires.");
  EXPECT_EQ(g.lang, "fr");
  EXPECT_GT(g.confidence, 0.3);
  EXPECT_LT(g.confidence, 1.0);
}

TEST_F(LanguageTest, EmptyAndDigitsOnly) {
  for (std::string_view text : {"", "   \n", "2024", "1.200.000 - 13 / ٢٠٢٤ %", "…«»—"}) {
    LanguageGuess g = Guess(text);
    EXPECT_EQ(g.lang, "other") << text;
    EXPECT_EQ(g.confidence, 0) << text;
  }
}

// A Latin-script text with no function word is read as French, the Latin
// language rasd extracts (data/lang/scripts.tsv), with a low confidence that
// lets a declared language win.
TEST_F(LanguageTest, LatinWithoutKnownWords) {
  for (std::string_view text : {"Xyzzy plugh qwerty zork.", "vingt-quatre", "quatre-vingt-dix-neuf"}) {
    LanguageGuess g = Guess(text);
    EXPECT_EQ(g.lang, "fr") << text;
    EXPECT_GT(g.confidence, 0) << text;
    EXPECT_LT(g.confidence, 0.6) << text;
  }
}

TEST_F(LanguageTest, InvalidUtf8DoesNotCrash) {
  LanguageGuess g = guesser_->Guess("La \xFF\xFE province \xC3 de \xE2\x82 Témara et \xF0\x9F les");
  EXPECT_EQ(g.lang, "fr");
  LanguageGuess a = guesser_->Guess("\xD8\xA7\xD9\x84\xFF\xD8");
  EXPECT_EQ(a.lang, "ar");
}

TEST(LanguageLoad, MissingFolderIsAnError) {
  auto g = LanguageGuesser::Load("/nonexistent/rasd-data");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), Status::Code::kNotFound);
  EXPECT_NE(g.status().message().find("/nonexistent/rasd-data"), std::string::npos) << g.status().message();
}

TEST(LanguageLoad, WordListsAreFolded) {
  // A list written with capitals and accents matches folded text.
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "rasd-lang-test";
  fs::create_directories(dir / "lang");
  {
    std::ofstream(dir / "lang" / "xx.txt") << "# test list\nÉTÉ\nÀ\n";
  }
  auto g = LanguageGuesser::Load(dir.string());
  ASSERT_TRUE(g.ok()) << g.status().message();
  LanguageGuess guess = g->Guess("Un été à la plage, été comme hiver");
  EXPECT_EQ(guess.lang, "xx");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rasd
