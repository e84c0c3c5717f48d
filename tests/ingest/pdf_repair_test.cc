// The Arabic repair of PDF text (data/pdf/lam_alef.tsv) and the page layout.
#include <gtest/gtest.h>

#include "ingest/arabic_pdf_repair.h"
#include "ingest/pdf_layout.h"
#include "tests/ingest/page_fixtures.h"

namespace rasd::ingest {
namespace {

class ArabicPdfRepairTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = ArabicPdfRepair::Load(testing::DataDir());
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    repair_ = loaded->release();
  }
  static ArabicPdfRepair* repair_;
};
ArabicPdfRepair* ArabicPdfRepairTest::repair_ = nullptr;

TEST_F(ArabicPdfRepairTest, SwappedLamAlefIsRestoredWhereTheLettersProveIt) {
  const std::pair<const char*, const char*> cases[] = {
      {"اإلقليم", "الإقليم"},       {"األربعاء", "الأربعاء"},     {"اآلية", "الآية"},
      {"االستفادة", "الاستفادة"},   {"إلعادة", "لإعادة"},         {"لإلدماج", "للإدماج"},
      {"خالل", "خلال"},             {"نزيال", "نزيلا"},           {"الثالثاء", "الثلاثاء"},
      {"نزالء", "نزلاء"},           {"الحالقة", "الحلاقة"},       {"والفالحة", "والفلاحة"},
      {"غالف", "غلاف"},             {"آالف", "آلاف"},             {"ماليين", "ملايين"},
      {"إطالق", "إطلاق"},           {"نزيًال", "نزيلاً"},         {"معتقًال", "معتقلاً"},           {"هؤالء", "هؤلاء"},           {"ثالثمائة", "ثلاثمائة"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(repair_->Repair(in), want) << in;
}

TEST_F(ArabicPdfRepairTest, CorrectWordsAreLeftAlone) {
  for (const char* word : {"الإقليم", "إلى", "إلقاء", "ألف", "عمالة", "مالي", "الأربعاء", "لالة", "إنزال",
                           "المال", "أعمال", "الثالث", "ثالث", "البالغ", "احتفال", "الاستفادة", "لإعادة"}) {
    EXPECT_EQ(repair_->Repair(word), word) << word;
  }
}

TEST_F(ArabicPdfRepairTest, RealWordsAreRepairedOnlyInTheirContext) {
  EXPECT_EQ(repair_->Repair("ثالثة عشر مستفيدا"), "ثلاثة عشر مستفيدا");
  EXPECT_EQ(repair_->Repair("ثالث نساء"), "ثلاث نساء");
  EXPECT_EQ(repair_->Repair("ثالث مرة"), "ثالث مرة");
  EXPECT_EQ(repair_->Repair("بالغ لمؤسسة محمد السادس"), "بلاغ لمؤسسة محمد السادس");
  EXPECT_EQ(repair_->Repair("بالغ الأهمية"), "بالغ الأهمية");
}

TEST_F(ArabicPdfRepairTest, BidiControlsPresentationFormsAndCommaSpacing) {
  EXPECT_EQ(repair_->Repair("\u202Bالسجناء\u202A ،\u202C اليوم\u202C"), "السجناء، اليوم");
  EXPECT_EQ(RemoveBidiControls("a\u200Fb\u2067c\u2069"), "abc");
  // ﻻ (U+FEFB) and ﺍ (U+FE8D) fold to their letters.
  EXPECT_EQ(FoldPresentationForms("\uFEFB\uFE8D"), "لاا");
  EXPECT_EQ(JoinPunctuation("تيزنيت : ثلاثة"), "تيزنيت: ثلاثة");
  EXPECT_EQ(JoinPunctuation("1 .5"), "1 .5");
}

TEST(PdfLayoutTest, RunningHeadersAndPageNumbersDroppedParagraphsJoined) {
  std::vector<std::string> pages = {
      "Fondation Mohammed VI — revue de presse\n\nTaroudant : 23 anciens détenus\n\n"
      "La Fondation a procédé à la remise d'équipements au profit de vingt-trois\n"
      "anciens ex-\ndétenus, dont trois femmes, afin de leur permettre de lancer leurs projets généra-\n"
      "teurs de revenus dans la province de Taroudant et ses communes\n\n1",
      "Fondation Mohammed VI — revue de presse\n\nrurales.\n\nLa cérémonie s'est déroulée hier.\n\n2",
      "Fondation Mohammed VI — revue de presse\n\nCommentaires (0)\n\n3"};
  LaidOutText out = LayOutPages(pages);
  EXPECT_EQ(out.text,
            "Taroudant : 23 anciens détenus\n"
            "La Fondation a procédé à la remise d'équipements au profit de vingt-trois anciens ex-détenus, dont trois "
            "femmes, afin de leur permettre de lancer leurs projets générateurs de revenus dans la province de "
            "Taroudant et ses communes rurales.\n"
            "La cérémonie s'est déroulée hier.\n"
            "Commentaires (0)");
  ASSERT_EQ(out.page_starts.size(), 3u);
  EXPECT_EQ(out.page_starts[0], 0u);
  EXPECT_EQ(out.text.substr(out.page_starts[1], 7), "rurales");
  EXPECT_EQ(out.text.substr(out.page_starts[2], 12), "Commentaires");
}

TEST(PdfLayoutTest, RunningLineKeyIgnoresDigits) {
  EXPECT_EQ(RunningLineKey("Rapport annuel 2023 — page 4"), RunningLineKey("Rapport annuel 2023 — page 12"));
  EXPECT_EQ(RunningLineKey("-"), "");
}

}  // namespace
}  // namespace rasd::ingest
