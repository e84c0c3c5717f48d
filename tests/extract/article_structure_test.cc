// How the record builder reads an article's structure: site chrome above the
// headline, a dated header, places told each with their own date and the
// combined total over them, breakdowns in parentheses, per-person amounts,
// figures given for comparison, nested totals, launches. The articles are
// short texts written for these tests, in the press's phrasing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "tests/extract/example_table.h"

namespace rasd {
namespace {

std::vector<Record> RecordsOf(const std::string& text, const std::string& published = "") {
  Document in;
  in.source = "article";
  in.text = text;
  in.published = published;
  return testing_examples::SharedExtractor().Extract(in).records;
}

const Record* Find(const std::vector<Record>& records, Scope scope, const std::string& province) {
  for (const Record& r : records) {
    if (r.scope == scope && r.province.value_or("") == province) return &r;
  }
  return nullptr;
}

TEST(ArticleStructure, SiteChromeAboveTheHeadlineIsNotTheArticle) {
  auto records = RecordsOf(
      "Menu\nRecherche\nMardi 16 avril 2024\n"
      "Fès : des équipements pour 20 anciens détenus\n"
      "La Fondation Mohammed VI pour la réinsertion des détenus a procédé, vendredi à Fès, à la remise "
      "d'équipements pour des activités génératrices de revenus au profit de 20 anciens détenus, pour un "
      "montant global de 500.000 DH.\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].province.value_or(""), "MA-FES");
  EXPECT_EQ(records[0].beneficiaries.value_or(0), 20);
  // The site's date above the headline dates nothing.
  EXPECT_FALSE(records[0].date.has_value());
}

TEST(ArticleStructure, DatedHeaderUnderTheHeadlineResolvesWeekdays) {
  auto records = RecordsOf(
      "كلميم: مشاريع مدرة للدخل لفائدة 12 سجينا سابقا\n"
      "الخميس 16 نونبر 2023\n"
      "احتضن مقر عمالة إقليم كلميم، أمس الأربعاء، حفلا لتسليم مشاريع مدرة للدخل لفائدة 12 سجينا سابقا، "
      "في إطار برنامج تشرف عليه مؤسسة محمد السادس لإعادة إدماج السجناء.\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].province.value_or(""), "MA-GUE");
  EXPECT_EQ(records[0].date.value_or(""), "2023-11-15");
}

TEST(ArticleStructure, PlacesWithTheirOwnDatesAndTheirCombinedTotal) {
  auto records = RecordsOf(
      "Provinces du Sud : remise de projets à d'anciens détenus\n"
      "Une cérémonie de remise de projets générateurs de revenus au profit d'anciens détenus a été organisée "
      "le 10 mai dans la ville de Taza, sous la présidence du gouverneur, et une autre dans la ville de "
      "Tarfaya le 14 mai, pour un coût total de 800.000 dirhams, indique la Fondation Mohammed VI pour la "
      "réinsertion des détenus.\n",
      "2024-05-20");
  const Record* taza = Find(records, Scope::kEvent, "MA-TAZ");
  const Record* tarfaya = Find(records, Scope::kEvent, "MA-TAF");
  ASSERT_NE(taza, nullptr);
  ASSERT_NE(tarfaya, nullptr);
  EXPECT_EQ(taza->date.value_or(""), "2024-05-10");
  EXPECT_EQ(tarfaya->date.value_or(""), "2024-05-14");
  EXPECT_FALSE(taza->budget_mad.has_value());
  const Record* total = Find(records, Scope::kAggregate, "");
  ASSERT_NE(total, nullptr);
  EXPECT_DOUBLE_EQ(total->budget_mad.value_or(0), 800000);
  EXPECT_EQ(total->period_start.value_or(""), "2024-05-10");
  EXPECT_EQ(total->date.value_or(""), "2024-05-14");
}

TEST(ArticleStructure, CeremoniesOverAListOfPlacesAndTheirTotal) {
  auto records = RecordsOf(
      "نظمت مؤسسة محمد السادس لإعادة إدماج السجناء حفلي توزيع تجهيزات خاصة بمشاريع مدرة للدخل لفائدة سجناء "
      "سابقين بالمؤسسات السجنية التابعة لكل من عمالة فاس وإقليم صفرو. وذكر بلاغ للمؤسسة أن الغلاف المالي "
      "الإجمالي لهذه التجهيزات بلغ 300 ألف درهم، وشملت 14 مستفيدا.\n");
  ASSERT_NE(Find(records, Scope::kEvent, "MA-FES"), nullptr);
  ASSERT_NE(Find(records, Scope::kEvent, "MA-SEF"), nullptr);
  EXPECT_FALSE(Find(records, Scope::kEvent, "MA-FES")->beneficiaries.has_value());
  const Record* total = Find(records, Scope::kAggregate, "");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->beneficiaries.value_or(0), 14);
  EXPECT_DOUBLE_EQ(total->budget_mad.value_or(0), 300000);
}

TEST(ArticleStructure, AnOccasionOverAFewDaysIsAnEventDatedByItsFirstDay) {
  auto records = RecordsOf(
      "الناظور: مشاريع لفائدة سجناء سابقين\n"
      "ترأس عامل إقليم الناظور، ما بين 20 و22 ماي 2024، حفل تسليم مشاريع مدرة للدخل لفائدة 20 نزيلا سابقا، "
      "بشراكة مع مؤسسة محمد السادس لإعادة إدماج السجناء.\n",
      "2024-05-25");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].scope, Scope::kEvent);
  EXPECT_EQ(records[0].date.value_or(""), "2024-05-20");
  EXPECT_EQ(records[0].beneficiaries.value_or(0), 20);
}

TEST(ArticleStructure, PartsInParenthesesAreABreakdownNotEvents) {
  auto records = RecordsOf(
      "ابن جرير.. تجهيزات لفائدة نزلاء سابقين\n"
      "استفاد 14 نزيلا سابقا، أمس الخميس بابن جرير، من تجهيزات ومعدات لدعم المشاريع المدرة للدخل بحضور "
      "ممثلي مؤسسة محمد السادس لإعادة إدماج السجناء، بكلفة إجمالية تصل إلى 316 ألف درهم.\n"
      "ويتوزع المستفيدون بين إقليم الرحامنة (7 مستفيدين) واليوسفية (ثلاثة مستفيدين) وقلعة السراغنة (أربعة مستفيدين).\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].province.value_or(""), "MA-REH");
  EXPECT_EQ(records[0].beneficiaries.value_or(0), 14);
}

TEST(ArticleStructure, AnAmountEachBeneficiaryReceivedIsNoBudget) {
  auto records = RecordsOf(
      "تيزنيت: مشاريع لفائدة 13 سجينا سابقا\n"
      "أشرف عامل إقليم تيزنيت على تسليم معدات مشاريع مدرة للدخل لفائدة 13 سجينا سابقا، في إطار شراكة مع "
      "مؤسسة محمد السادس لإعادة إدماج السجناء، فيما استفاد كل مستفيد من دعم مالي مباشر قدره ثلاثة آلاف درهم.\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].budget_mad.has_value());
}

TEST(ArticleStructure, AFigureGivenForComparisonIsAnotherPeriodsTotal) {
  auto records = RecordsOf(
      "Programme national d'appui aux micro-projets des ex-détenus\n"
      "La Fondation Mohammed VI pour la réinsertion des détenus a remis vendredi à Salé des équipements à "
      "30 ex-détenus pour créer leurs activités génératrices de revenus.\n"
      "Ce programme, qui mobilise cette année une enveloppe globale de 12 millions de DH (contre 9 millions de "
      "DH l'année précédente), devra bénéficier à 400 anciens détenus.\n");
  int aggregates = 0;
  for (const Record& r : records) {
    if (r.scope != Scope::kAggregate) continue;
    ++aggregates;
    EXPECT_TRUE(r.budget_mad.value_or(0) == 12000000 || r.budget_mad.value_or(0) == 9000000);
  }
  EXPECT_EQ(aggregates, 2);
  const Record* event = Find(records, Scope::kEvent, "MA-SAL");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->beneficiaries.value_or(0), 30);
  EXPECT_FALSE(event->budget_mad.has_value());
}

TEST(ArticleStructure, NestedTotalsAreTwoAggregates) {
  auto records = RecordsOf(
      "Fès : des projets pour d'anciens détenus\n"
      "Quelque 20 anciens détenus ont bénéficié mercredi à Fès de financements de la Fondation Mohammed VI "
      "pour la réinsertion des détenus pour leurs activités génératrices de revenus.\n"
      "Un total de 300 personnes a profité des AGR au niveau de la région Fès-Meknès depuis le lancement du "
      "programme le 12 mars 2013, dont 200 bénéficiaires issus de la ville de Fès.\n");
  const Record* region = nullptr;
  const Record* city = Find(records, Scope::kAggregate, "MA-FES");
  for (const Record& r : records) {
    if (r.scope == Scope::kAggregate && !r.province && r.region.value_or("") == "MA-03") region = &r;
  }
  ASSERT_NE(region, nullptr);
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(region->beneficiaries.value_or(0), 300);
  EXPECT_EQ(city->beneficiaries.value_or(0), 200);
  EXPECT_EQ(region->period_start.value_or(""), "2013-03-12");
  EXPECT_FALSE(region->date.has_value());
}

TEST(ArticleStructure, ALaunchAtAPlaceIsAnEvent) {
  auto records = RecordsOf(
      "الملك يعطي انطلاقة البرنامج الوطني لدعم المشاريع الصغرى للسجناء السابقين\n"
      "أشرف صاحب الجلالة الملك محمد السادس بمدينة سلا، على إعطاء انطلاقة البرنامج الوطني لدعم المشاريع "
      "الصغرى والتشغيل الذاتي لفائدة السجناء السابقين، الذي تنفذه مؤسسة محمد السادس لإعادة إدماج السجناء.\n"
      "وسيستفيد من هذا البرنامج، الذي رصد له غلاف مالي إجمالي يفوق 10 ملايين درهم، 400 سجين سابق.\n");
  const Record* launch = Find(records, Scope::kEvent, "MA-SAL");
  ASSERT_NE(launch, nullptr);
  EXPECT_FALSE(launch->beneficiaries.has_value());
  const Record* programme = Find(records, Scope::kAggregate, "");
  ASSERT_NE(programme, nullptr);
  EXPECT_EQ(programme->beneficiaries.value_or(0), 400);
  EXPECT_DOUBLE_EQ(programme->budget_mad.value_or(0), 10000000);
}

}  // namespace
}  // namespace rasd
