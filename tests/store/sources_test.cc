// Schema 4: source kinds and pages, an older store upgraded without loss, and
// `rasd compare` setting the official figure beside the press.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include "store/compare.h"
#include "store/schema_migrations.h"
#include "store/store.h"
#include "tests/store/store_test_util.h"

namespace rasd::store {
namespace {

using namespace rasd::store::testing;

TEST(SourcesSchemaTest, AStoreOfSchema3IsUpgradedWithoutLosingData) {
  TempDir dir;
  std::string path = dir.File("v3.db");
  {
    // A store as rasd wrote it before schema 4, with a document, a record
    // and its evidence.
    auto s = OpenNew(path);
    ASSERT_TRUE(s);
    std::string text = "تيزنيت: ثلاثة عشر سجينا سابقا\nاستفاد 13 سجينا سابقا بإقليم تيزنيت.";
    Record r = EventRecord("MA-TIZ", "2023-03-15");
    r.beneficiaries = 13;
    r.evidence["beneficiaries"] = Ev(text, "13 سجينا");
    auto batch = Batch({Doc("https://example.ma/tiznit", text, {r})});
    ASSERT_TRUE(s->Write(&batch).ok());
  }
  {
    RawDb raw(path, false);
    ASSERT_EQ(UndoSchemaAfter(raw.get(), 3), "");
  }
  std::string before;
  {
    RawDb raw(path);
    before = raw("SELECT d.uri, d.content_hash, r.beneficiaries, e.text FROM documents d JOIN records r ON r.document_id = d.id "
                 "JOIN evidence e ON e.record_id = r.id");
    ASSERT_FALSE(before.empty());
  }
  auto s = Store::Open({}, path);
  ASSERT_TRUE(s.ok()) << s.status().message();
  RawDb raw(path);
  EXPECT_EQ(raw("PRAGMA user_version"), std::to_string(CurrentSchemaVersion()));
  EXPECT_EQ(raw("SELECT d.uri, d.content_hash, r.beneficiaries, e.text FROM documents d JOIN records r ON r.document_id = d.id "
                "JOIN evidence e ON e.record_id = r.id"),
            before);
  EXPECT_EQ(raw("SELECT source_kind, page_count IS NULL FROM documents"), "press|1");
  EXPECT_EQ(raw("SELECT count(*) FROM evidence WHERE page IS NULL"), "1");
  EXPECT_EQ(raw("PRAGMA foreign_key_check"), "");
}

TEST(SourcesSchemaTest, CompareSetsTheOfficialFigureBesideThePressWithBothSentences) {
  TempDir dir;
  std::string path = dir.File("rasd.db");
  auto s = OpenNew(path);
  ASSERT_TRUE(s);
  std::string official_text = "مؤسسة محمد السادس لإعادة إدماج السجناء\nاستفاد 13 سجينا سابقا بإقليم تيزنيت بغلاف 1.184.326 درهما.";
  std::string press_text = "تيزنيت: مشاريع للسجناء\nتسلم 12 سجينا سابقا بإقليم تيزنيت معدات بنحو 1.2 مليون درهم.";
  Record o = EventRecord("MA-TIZ", "2023-03-15");
  o.beneficiaries = 13;
  o.budget_mad = 1184326;
  o.evidence["beneficiaries"] = Ev(official_text, "13 سجينا");
  o.evidence["beneficiaries"].page = 2;
  o.evidence["budget_mad"] = Ev(official_text, "1.184.326 درهما");
  o.evidence["budget_mad"].page = 2;
  Record p = EventRecord("MA-TIZ", "2023-03-15");
  p.beneficiaries = 12;
  p.budget_mad = 1200000;
  p.budget_qualifier = Qualifier::kApprox;
  p.evidence["beneficiaries"] = Ev(press_text, "12 سجينا");
  p.evidence["budget_mad"] = Ev(press_text, "1.2 مليون درهم");
  DocumentInput official = Doc("https://www.fm6r.ma/tiznit.pdf", official_text, {o});
  official.document.source_kind = "official";
  official.document.kind = "pdf";
  official.document.page_starts = {0, 10};
  DocumentInput press = Doc("https://press.example.ma/tiznit", press_text, {p});
  press.document.source_kind = "press";
  auto batch = Batch({std::move(official), std::move(press)});
  ASSERT_TRUE(s->Write(&batch).ok());
  RawDb raw(path);
  EXPECT_EQ(raw("SELECT source_kind, page_count FROM documents ORDER BY id"), "official|2\npress|NULL");

  auto t = Compare(s.get(), CompareBy::kProvince);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows.size(), 2u);
  auto col = [&](const char* name) {
    for (size_t i = 0; i < t->columns.size(); ++i) {
      if (t->columns[i] == name) return i;
    }
    ADD_FAILURE() << name;
    return size_t{0};
  };
  auto text = [](const Value& v) {
    if (auto s = std::get_if<std::string>(&v)) return *s;
    if (auto i = std::get_if<int64_t>(&v)) return std::to_string(*i);
    return std::string();
  };
  // Counts are never rounded: 13 and 12 contradict each other.
  const auto& ben = t->rows[0];
  EXPECT_EQ(text(ben[col("field")]), "beneficiaries");
  EXPECT_EQ(text(ben[col("group")]), "MA-TIZ");
  EXPECT_EQ(text(ben[col("period")]), "2023");
  EXPECT_EQ(text(ben[col("relation")]), "contradiction");
  EXPECT_EQ(text(ben[col("official")]), "13");
  EXPECT_EQ(text(ben[col("press")]), "12");
  EXPECT_EQ(text(ben[col("official_page")]), "2");
  EXPECT_EQ(text(ben[col("official_source")]), "https://www.fm6r.ma/tiznit.pdf");
  EXPECT_NE(text(ben[col("official_sentence")]).find("13 سجينا"), std::string::npos);
  EXPECT_NE(text(ben[col("press_sentence")]).find("12 سجينا"), std::string::npos);
  // "about 1.2 million" allows the exact 1,184,326: compatible.
  const auto& budget = t->rows[1];
  EXPECT_EQ(text(budget[col("field")]), "budget_mad");
  EXPECT_EQ(text(budget[col("relation")]), "compatible");
}

}  // namespace
}  // namespace rasd::store
