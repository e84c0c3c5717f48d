// Which language a document is read in: a short phrase in Latin script with no
// function word is French (data/lang/scripts.tsv), and ExtractOptions::lang
// (`--lang`) overrides whatever the text looks like.
#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"
#include "tests/extract/example_table.h"

namespace rasd {
namespace {

Extraction Read(const std::string& text, const std::string& lang = "") {
  Document in;
  in.source = "phrase";
  in.text = text;
  ExtractOptions options;
  options.keep_mentions = true;
  options.lang = lang;
  return testing_examples::SharedExtractor().Extract(in, options);
}

double FirstNumber(const Extraction& e) {
  for (const Mention& m : e.mentions) {
    if (m.kind == "number") return m.number;
  }
  return -1;
}

TEST(LanguageChoice, AShortLatinPhraseIsFrench) {
  Extraction e = Read("vingt-quatre");
  EXPECT_EQ(e.lang, "fr");
  EXPECT_EQ(FirstNumber(e), 24);
  EXPECT_EQ(FirstNumber(Read("quatre-vingt-dix-neuf")), 99);
}

TEST(LanguageChoice, AShortArabicPhraseIsArabic) {
  Extraction e = Read("ثلاثة عشر");
  EXPECT_EQ(e.lang, "ar");
  EXPECT_EQ(FirstNumber(e), 13);
}

TEST(LanguageChoice, TheGivenLanguageWins) {
  // An English-looking line read as French because the user says so.
  Extraction e = Read("the total was douze", "fr");
  EXPECT_EQ(e.lang, "fr");
  EXPECT_EQ(FirstNumber(e), 12);
  EXPECT_EQ(Read("vingt-quatre", "ar").lang, "ar");
}

}  // namespace
}  // namespace rasd
