// The store: opening and refusing files, idempotent writes, replacement,
// near-duplicates and events, queries, hostile filters, a run aborted at
// each commit point, readers during writes, and the gold corpora stored as records.
#include "store/store.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "store/schema_migrations.h"
#include "store/search_query.h"
#include "tests/store/store_test_util.h"

namespace rasd::store {
namespace {

using namespace rasd::store::testing;

const std::string kGuelmim =
    "كلميم: تسليم مشاريع مدرة للدخل لفائدة سجناء سابقين\n"
    "أشرف والي جهة كلميم واد نون يوم الأربعاء 19 نونبر 2025 على تسليم مشاريع مدرة للدخل لفائدة 37 مستفيدا "
    "من نزلاء سابقين بالمؤسسات السجنية، في إطار برنامج مؤسسة محمد السادس لإعادة إدماج السجناء.\n"
    "وتندرج هذه المشاريع في مجالات الخدمات والتجارة والفلاحة، وقد بلغت كلفتها الإجمالية أزيد من مليون "
    "وثلاثمائة ألف درهم.\n"
    "وأكدت المؤسسة في بلاغ لها مواصلة دعم المستفيدين ومواكبتهم إلى حين استقرار مشاريعهم وضمان نجاحها.";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// The Guelmim dispatch and what one document says of it.
DocumentInput GuelmimDoc(const std::string& uri, const std::string& text, const std::string& count) {
  Record r = EventRecord("MA-GUE", "2025-11-19");
  r.region = "MA-10";
  r.beneficiaries = std::stoll(count);
  r.beneficiaries_qualifier = Qualifier::kExact;
  r.budget_mad = 1300000;
  r.budget_qualifier = Qualifier::kOver;
  r.sectors = {"services", "commerce", "agriculture"};
  r.evidence["province"] = Ev(text, "كلميم واد نون");
  r.evidence["date"] = Ev(text, "19 نونبر 2025");
  r.evidence["beneficiaries"] = Ev(text, count + " مستفيدا");
  r.evidence["budget_mad"] = Ev(text, "أزيد من مليون وثلاثمائة ألف درهم");
  r.evidence["sectors/services"] = Ev(text, "الخدمات");
  return Doc(uri, text, {r});
}

std::string Republished(const std::string& count) {
  return "موقع الجهة 24 - متابعة\n" + Replace(kGuelmim, "37 مستفيدا", count + " مستفيدا") +
         "\nاقرأ أيضا: أخبار الجهة";
}

DocumentInput OujdaDoc(const std::string& uri, int64_t people, int64_t women, double budget) {
  std::string text = "وجدة: " + std::to_string(people) + " سجينا سابقا يتسلمون مشاريعهم\n" +
                     "سلم عامل عمالة وجدة أنجاد مشاريع مدرة للدخل لفائدة " + std::to_string(people) +
                     " سجينا سابقا من بينهم " + std::to_string(women) +
                     " نساء، بكلفة إجمالية بلغت " + std::to_string(static_cast<int64_t>(budget)) +
                     " درهم، في إطار الشراكة بين مؤسسة محمد السادس لإعادة إدماج السجناء واللجنة الإقليمية "
                     "للتنمية البشرية " + uri + ".";
  Record r = EventRecord("MA-OUJ", "");
  r.beneficiaries = people;
  r.women = women;
  r.budget_mad = budget;
  r.sectors = {"sewing"};
  r.evidence["beneficiaries"] = Ev(text, std::to_string(people) + " سجينا");
  return Doc(uri, text, {r});
}

// Everything a reader could see, for comparing two states of a database.
std::string Dump(const std::string& path) {
  RawDb db(path);
  std::string out;
  for (const char* sql : {
           "SELECT id, uri, content_hash, duplicate_of, similarity, record_count FROM documents ORDER BY id",
           "SELECT * FROM records ORDER BY id", "SELECT * FROM evidence ORDER BY record_id, field",
           "SELECT * FROM record_sectors ORDER BY record_id, sector", "SELECT * FROM events ORDER BY id",
           "SELECT * FROM event_records ORDER BY record_id", "SELECT * FROM event_conflicts ORDER BY event_id",
           "SELECT * FROM mentions ORDER BY id", "SELECT * FROM document_buckets ORDER BY bucket, document_id",
           "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'مشاريع' ORDER BY rowid"}) {
    out += db(sql);
    out += "\n--\n";
  }
  return out;
}

int64_t Int(const Value& v) { return std::holds_alternative<int64_t>(v) ? std::get<int64_t>(v) : -1; }
std::string Text(const Value& v) { return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : ""; }

int Column(const Table& t, const std::string& name) {
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i] == name) return static_cast<int>(i);
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(DataDir().empty()) << "the data folder was not found (set RASD_DATA)";
    path_ = dir_.File("rasd.db");
    store_ = OpenNew(path_);
    ASSERT_TRUE(store_);
  }

  // What `rasd search` runs: the query widened by the data folder's clitics.
  Result<Table> Search(const std::string& query) {
    static const std::vector<Clitics> clitics = [] {
      auto c = LoadSearchClitics(DataDir());
      EXPECT_TRUE(c.ok()) << c.status().message();
      return c.ok() ? *c : std::vector<Clitics>{};
    }();
    return store_->Search(query, 10, clitics);
  }

  std::vector<WriteResult> Write(std::vector<DocumentInput> docs) {
    auto batch = Batch(std::move(docs));
    auto r = store_->Write(&batch);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : std::vector<WriteResult>{};
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

// ---- opening ----

TEST_F(StoreTest, NewDatabaseIsMarkedVersionedAndInWalMode) {
  RawDb db(path_);
  EXPECT_EQ(db("PRAGMA application_id"), "1380012868");
  EXPECT_EQ(db("PRAGMA user_version"), std::to_string(CurrentSchemaVersion()));
  EXPECT_EQ(db("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(db("SELECT count(*) FROM regions"), "12");
  EXPECT_EQ(db("SELECT count(*) FROM provinces"), "75");
  EXPECT_EQ(db("SELECT name_fr FROM provinces WHERE code = 'MA-SIK'"), "Sidi Kacem");
  EXPECT_EQ(db("SELECT count(*) FROM sectors"), "18");
  EXPECT_EQ(CurrentSchemaVersion(), Migrations().back().version);
}

TEST(StoreOpenTest, MissingFileIsNotCreatedForQueries) {
  TempDir dir;
  auto s = Store::Open({}, dir.File("absent.db"));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("no such database"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.File("absent.db")));
}

void ExpectRefusedAndUntouched(const std::string& path, const std::string& why) {
  std::string before = ReadBytes(path);
  auto before_files = std::distance(std::filesystem::directory_iterator(std::filesystem::path(path).parent_path()),
                                    std::filesystem::directory_iterator());
  for (bool create : {true, false}) {
    for (bool read_only : {false, true}) {
      StoreOptions o;
      o.create = create;
      o.read_only = read_only;
      auto s = Store::Open(o, path);
      ASSERT_FALSE(s.ok());
      EXPECT_NE(s.status().message().find(why), std::string::npos) << s.status().message();
      EXPECT_NE(s.status().message().find("left untouched"), std::string::npos) << s.status().message();
      EXPECT_NE(s.status().message().find(path), std::string::npos) << s.status().message();
    }
  }
  EXPECT_EQ(ReadBytes(path), before) << "the file's bytes changed";
  auto after_files = std::distance(std::filesystem::directory_iterator(std::filesystem::path(path).parent_path()),
                                   std::filesystem::directory_iterator());
  EXPECT_EQ(after_files, before_files) << "files appeared beside it (-wal, -shm, -journal)";
}

TEST(StoreOpenTest, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  std::string path = dir.File("notes.db");
  std::string text = "These are my notes, not a database.\n";
  for (int i = 0; i < 200; ++i) text += "line " + std::to_string(i) + " of a plain text file\n";
  WriteBytes(path, text);
  ExpectRefusedAndUntouched(path, "not a rasd database");
}

TEST(StoreOpenTest, RefusesAShortFileThatIsNotADatabase) {
  TempDir dir;
  std::string path = dir.File("short.db");
  WriteBytes(path, "hello");
  ExpectRefusedAndUntouched(path, "not a rasd database");
}

TEST(StoreOpenTest, RefusesAnotherApplicationsSqliteDatabase) {
  TempDir dir;
  std::string path = dir.File("other.sqlite");
  {
    RawDb db(path, /*read_only=*/false);
    sqlite3_close(db.get());
  }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  ExpectRefusedAndUntouched(path, "another application");
}

TEST(StoreOpenTest, RefusesADatabaseFromANewerRasd) {
  TempDir dir;
  std::string path = dir.File("newer.db");
  {
    auto s = OpenNew(path);
    ASSERT_TRUE(s);
  }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  std::string pragma = "PRAGMA user_version = " + std::to_string(CurrentSchemaVersion() + 1);
  sqlite3_exec(db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
  sqlite3_exec(db, pragma.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  ExpectRefusedAndUntouched(path, "newer rasd");
}

TEST(StoreOpenTest, UpgradesAnOlderSchemaForward) {
  TempDir dir;
  std::string path = dir.File("old.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  // What a rasd with only the first migration wrote.
  ASSERT_EQ(sqlite3_exec(db, Migrations().front().sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version = 1", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto ro = Store::Open({.read_only = true}, path);
  ASSERT_FALSE(ro.ok());
  EXPECT_NE(ro.status().message().find("upgrade"), std::string::npos);
  auto s = Store::Open({}, path);
  ASSERT_TRUE(s.ok()) << s.status().message();
  RawDb raw(path);
  EXPECT_EQ(raw("PRAGMA user_version"), std::to_string(CurrentSchemaVersion()));
  EXPECT_EQ(raw("SELECT count(*) FROM sqlite_master WHERE name = 'event_list'"), "1");
}

TEST(StoreOpenTest, UpgradeFromFigureMergedEventsFormsThemAnew) {
  // Two reports of one ceremony that give different figures: schema 2 kept
  // them as two events; the upgrade merges them, the difference classed.
  TempDir dir;
  std::string path = dir.File("old.db");
  {
    auto s = Store::Open({.create = true}, path);
    ASSERT_TRUE(s.ok()) << s.status().message();
    ASSERT_TRUE((*s)->RefreshGazetteer(DataDir()).ok());
    auto batch = Batch({OujdaDoc("https://a.ma/1", 43, 2, 776615), OujdaDoc("https://b.ma/2", 44, 2, 776615)});
    ASSERT_TRUE((*s)->Write(&batch).ok());
  }
  {
    RawDb raw(path, /*read_only=*/false);
    ASSERT_EQ(raw("SELECT count(*) FROM events"), "1");
    // What a schema-2 rasd left: one event per figure, no class column.
    raw("INSERT INTO events (scope, province, region, date, date_lo, date_hi, beneficiaries, source_count, "
        "independent_sources, has_conflict) SELECT scope, province, region, date, date_lo, date_hi, 44, 1, 1, 0 "
        "FROM events");
    raw("UPDATE event_records SET event_id = (SELECT max(id) FROM events) WHERE record_id = "
        "(SELECT r.id FROM records r JOIN documents d ON d.id = r.document_id WHERE d.uri = 'https://b.ma/2')");
    raw("DELETE FROM event_conflicts");
    raw("DROP VIEW conflicts");
    raw("ALTER TABLE event_conflicts DROP COLUMN class");
    raw("CREATE VIEW conflicts AS SELECT event_id, field FROM event_conflicts");
    ASSERT_EQ(UndoSchemaAfter(raw.get(), 2), "");
    ASSERT_EQ(raw("SELECT count(*) FROM events"), "2");
  }
  auto s = Store::Open({}, path);
  ASSERT_TRUE(s.ok()) << s.status().message();
  RawDb raw(path);
  EXPECT_EQ(raw("PRAGMA user_version"), std::to_string(CurrentSchemaVersion()));
  EXPECT_EQ(raw("SELECT count(*) FROM events"), "1");
  EXPECT_EQ(raw("SELECT count(*) FROM event_records"), "2");
  EXPECT_EQ(raw("SELECT field || ':' || class FROM event_conflicts"), "beneficiaries:contradiction");
  EXPECT_EQ(raw("PRAGMA integrity_check"), "ok");
}

// ---- writing ----

TEST_F(StoreTest, StoresDocumentRecordsAndEvidenceSpans) {
  auto results = Write({GuelmimDoc("https://example.ma/guelmim", kGuelmim, "37")});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, Outcome::kStored);
  EXPECT_EQ(results[0].records, 1);
  RawDb db(path_);
  EXPECT_EQ(db("SELECT content_hash FROM documents"), ContentHash(kGuelmim));
  EXPECT_EQ(db("SELECT count(*) FROM evidence"), "5");
  // Spans count code points of documents.text, as substr() does.
  EXPECT_EQ(db("SELECT count(*) FROM evidence ev JOIN records r ON r.id = ev.record_id "
               "JOIN documents d ON d.id = r.document_id "
               "WHERE substr(d.text, ev.span_start + 1, ev.span_end - ev.span_start) = ev.text "
               "AND substr(d.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start) = ev.sentence"),
            "5");
  EXPECT_EQ(db("SELECT province_fr, beneficiaries, budget_mad, budget_qualifier, sectors, source_count, has_conflict "
               "FROM event_list"),
            "Guelmim|37|1300000.0|over|agriculture,commerce,services|1|0");
  EXPECT_EQ(db("PRAGMA foreign_key_check"), "");
}

TEST_F(StoreTest, WritingTheSameContentAgainChangesNothing) {
  auto docs = [] {
    return std::vector<DocumentInput>{GuelmimDoc("https://example.ma/guelmim", kGuelmim, "37"),
                                      OujdaDoc("https://example.ma/oujda-43", 43, 2, 776615)};
  };
  Write(docs());
  std::string before = Dump(path_);
  auto again = Write(docs());
  ASSERT_EQ(again.size(), 2u);
  for (const auto& r : again) EXPECT_EQ(r.outcome, Outcome::kUnchanged);
  EXPECT_EQ(Dump(path_), before);
  auto stored = store_->IsStored("https://example.ma/guelmim", ContentHash(kGuelmim));
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(*stored);
}

TEST_F(StoreTest, SameDocumentTwiceInOneBatchIsStoredOnce) {
  auto results = Write({OujdaDoc("u1", 43, 2, 776615), OujdaDoc("u1", 43, 2, 776615)});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].outcome, Outcome::kStored);
  EXPECT_EQ(results[1].outcome, Outcome::kUnchanged);
  auto c = store_->Count();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->documents, 1);
  EXPECT_EQ(c->records, 1);
}

TEST_F(StoreTest, ChangedDocumentReplacesItsRecordsInPlace) {
  auto first = Write({OujdaDoc("https://example.ma/oujda", 43, 2, 776615)});
  auto second = Write({OujdaDoc("https://example.ma/oujda", 32, 5, 690000)});
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].outcome, Outcome::kReplaced);
  EXPECT_EQ(second[0].document_id, first[0].document_id);
  RawDb db(path_);
  EXPECT_EQ(db("SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(db("SELECT beneficiaries, women FROM records"), "32|5");
  EXPECT_EQ(db("SELECT beneficiaries, source_count FROM events"), "32|1");
  EXPECT_EQ(db("SELECT count(*) FROM evidence"), "1");
  // The index follows the new text.
  auto old_hits = Search("43 سجينا");
  ASSERT_TRUE(old_hits.ok());
  EXPECT_EQ(old_hits->rows.size(), 0u);
  auto new_hits = Search("32 سجينا");
  ASSERT_TRUE(new_hits.ok());
  EXPECT_EQ(new_hits->rows.size(), 1u);
  EXPECT_EQ(db("PRAGMA foreign_key_check"), "");
}

TEST_F(StoreTest, UnknownProvinceFailsThatDocumentOnly) {
  DocumentInput bad = OujdaDoc("bad", 43, 2, 776615);
  bad.records[0].province = "MA-XXX";
  auto results = Write({bad, OujdaDoc("good", 32, 5, 690000)});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].outcome, Outcome::kFailed);
  EXPECT_NE(results[0].error.find("MA-XXX"), std::string::npos);
  EXPECT_EQ(results[1].outcome, Outcome::kStored);
  RawDb db(path_);
  EXPECT_EQ(db("SELECT uri FROM documents"), "good");
}

// ---- one event, many sources ----

TEST_F(StoreTest, RepublishedDispatchIsLinkedAndCountedOnce) {
  auto results = Write({GuelmimDoc("https://agency.ma/a", kGuelmim, "37"),
                        GuelmimDoc("https://site.ma/b", Republished("37"), "37")});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1].duplicate_of, results[0].document_id);
  EXPECT_GE(results[1].similarity, 0.5);
  RawDb db(path_);
  EXPECT_EQ(db("SELECT count(*), source_count, independent_sources, beneficiaries, has_conflict FROM events"),
            "1|2|1|37|0");
  auto cov = store_->Coverage(CoverageBy::kAll);
  ASSERT_TRUE(cov.ok());
  ASSERT_EQ(cov->rows.rows.size(), 1u);
  EXPECT_EQ(Int(cov->rows.rows[0][Column(cov->rows, "events")]), 1);
  EXPECT_EQ(Int(cov->rows.rows[0][Column(cov->rows, "beneficiaries")]), 37);
}

TEST_F(StoreTest, ExactCopyUnderAnotherAddressIsLinked) {
  auto results = Write({OujdaDoc("a", 43, 2, 776615)});
  DocumentInput copy = OujdaDoc("a", 43, 2, 776615);
  copy.uri = copy.document.source = "b";
  auto second = Write({copy});
  EXPECT_EQ(second[0].duplicate_of, results[0].document_id);
  EXPECT_EQ(second[0].similarity, 1.0);
}

TEST_F(StoreTest, DisagreeingSourcesKeepBothValuesAndFlagTheEvent) {
  std::string copy = Republished("73");
  Write({GuelmimDoc("https://agency.ma/a", kGuelmim, "37"), GuelmimDoc("https://site.ma/b", copy, "73")});
  RawDb db(path_);
  EXPECT_EQ(db("SELECT count(*), has_conflict FROM events"), "1|1");
  EXPECT_EQ(db("SELECT field FROM event_conflicts"), "beneficiaries");

  auto conflicts = store_->Conflicts({});
  ASSERT_TRUE(conflicts.ok()) << conflicts.status().message();
  ASSERT_EQ(conflicts->rows.size(), 2u);
  std::set<int64_t> values;
  for (const auto& row : conflicts->rows) {
    EXPECT_EQ(Text(row[Column(*conflicts, "field")]), "beneficiaries");
    values.insert(Int(row[Column(*conflicts, "value")]));
    std::string sentence = Text(row[Column(*conflicts, "sentence")]);
    std::string evidence = Text(row[Column(*conflicts, "evidence")]);
    EXPECT_NE(sentence.find(evidence), std::string::npos);
  }
  EXPECT_EQ(values, (std::set<int64_t>{37, 73}));

  auto events = store_->Events({});
  ASSERT_TRUE(events.ok());
  int64_t id = Int(events->rows[0][0]);
  auto shown = store_->ShowEvent(id);
  ASSERT_TRUE(shown.ok()) << shown.status().message();
  EXPECT_EQ(shown->conflicts, std::vector<std::string>{"beneficiaries"});
  EXPECT_EQ(shown->sources.size(), 2u);
  int marked = 0;
  for (const auto& f : shown->figures) {
    if (f.field != "beneficiaries") continue;
    EXPECT_TRUE(f.in_conflict);
    std::string inside(utf8::SliceCodePoints(f.sentence, f.mark_begin, f.mark_end));
    EXPECT_EQ(inside, f.evidence);
    ++marked;
  }
  EXPECT_EQ(marked, 2);
}

TEST_F(StoreTest, DifferentCeremoniesInOneProvinceStayApart) {
  Write({OujdaDoc("https://a.ma/1", 43, 2, 776615), OujdaDoc("https://b.ma/2", 32, 5, 690000)});
  RawDb db(path_);
  EXPECT_EQ(db("SELECT count(*) FROM events"), "2");
  EXPECT_EQ(db("SELECT count(*) FROM event_conflicts"), "0");
}

TEST_F(StoreTest, ReplacingADocumentUpdatesTheEventsItWasIn) {
  Write({GuelmimDoc("https://agency.ma/a", kGuelmim, "37"), GuelmimDoc("https://site.ma/b", Republished("73"), "73")});
  // The copy is corrected: the conflict goes away.
  Write({GuelmimDoc("https://site.ma/b", Republished("37") + " (تصحيح)", "37")});
  RawDb db(path_);
  EXPECT_EQ(db("SELECT count(*), source_count, has_conflict, beneficiaries FROM events"), "1|2|0|37");
  EXPECT_EQ(db("SELECT count(*) FROM event_conflicts"), "0");
  // And an event whose only source loses its record disappears.
  Write({Doc("https://agency.ma/a", kGuelmim + "\nتحيين", {})});
  Write({Doc("https://site.ma/b", "نص آخر لا علاقة له بالبرنامج", {})});
  EXPECT_EQ(db("SELECT count(*) FROM events"), "0");
  EXPECT_EQ(db("SELECT count(*) FROM records"), "0");
}

// ---- queries ----

class QueryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Record sik = EventRecord("MA-SIK", "2024");
    sik.beneficiaries = 13;
    sik.projects = 30;
    sik.budget_mad = 1000000;
    sik.sectors = {"metalwork", "electricity"};
    Record sik2 = EventRecord("MA-SIK", "2025-07-15");
    sik2.beneficiaries = 11;
    sik2.women = 1;
    Record national;
    national.scope = Scope::kAggregate;
    national.date = "2025-11-19";
    national.projects = 303;
    national.budget_mad = 10678000;
    Write({GuelmimDoc("https://agency.ma/a", kGuelmim, "37"),
           OujdaDoc("https://a.ma/1", 43, 2, 776615),
           Doc("https://sidikacem.ma/1",
               "سيدي قاسم: ثلاثون مشروعا لفائدة ثلاثة عشر سجينا سابقا في مجالات الحدادة والكهرباء بغلاف مالي "
               "قدره مليون درهم خلال موسم 2024 بشراكة مع مؤسسة محمد السادس لإعادة إدماج السجناء",
               {sik}),
           Doc("https://sidikacem.ma/2",
               "Sidi Kacem : onze anciens détenus, dont une femme, reçoivent leurs projets le 15 juillet 2025 "
               "grâce à la Fondation Mohammed VI pour la réinsertion des détenus et l'INDH",
               {sik2}),
           Doc("https://national.ma/1",
               "303 مشاريع لدعم الإدماج الاقتصادي للمفرج عنهم بقيمة 10 ملايين و678 ألف درهم إلى غاية 19 نونبر 2025",
               {national})});
  }
};

TEST_F(QueryTest, FiltersByProvinceCodeOrName) {
  for (const char* name : {"MA-SIK", "ma-sik", "SIK", "Sidi Kacem", "sidi-kacem", "سيدي قاسم"}) {
    EventFilter f;
    f.province = name;
    auto t = store_->Events(f);
    ASSERT_TRUE(t.ok()) << name << ": " << t.status().message();
    EXPECT_EQ(t->rows.size(), 2u) << name;
  }
  EventFilter f;
  f.province = "Atlantis";
  auto t = store_->Events(f);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("unknown province"), std::string::npos);
}

TEST_F(QueryTest, FiltersByRegionDatesSectorScopeAndBeneficiaries) {
  auto count = [&](EventFilter f) {
    auto t = store_->Events(f);
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() ? t->rows.size() : 0u;
  };
  auto with = [](std::map<std::string, std::string> kv) {
    EventFilter f;
    f.province = kv["province"];
    f.region = kv["region"];
    f.from = kv["from"];
    f.to = kv["to"];
    f.sector = kv["sector"];
    f.scope = kv["scope"];
    if (!kv["min"].empty()) f.min_beneficiaries = std::stoll(kv["min"]);
    return f;
  };
  EXPECT_EQ(count({}), 5u);
  EXPECT_EQ(count(with({{"region", "MA-04"}})), 2u);
  EXPECT_EQ(count(with({{"region", "Rabat-Salé-Kénitra"}})), 2u);
  EXPECT_EQ(count(with({{"region", "جهة الشرق"}})), 1u);
  EXPECT_EQ(count(with({{"from", "2025"}})), 3u);  // 2025-07-15, 2025-11-19 twice
  EXPECT_EQ(count(with({{"from", "2024-06"}, {"to", "2024-12"}})), 1u);  // the 2024 event may fall then
  EXPECT_EQ(count(with({{"to", "2024-12-31"}})), 1u);
  EXPECT_EQ(count(with({{"sector", "electricity"}})), 1u);
  EXPECT_EQ(count(with({{"scope", "aggregate"}})), 1u);
  EXPECT_EQ(count(with({{"scope", "event"}})), 4u);
  EXPECT_EQ(count(with({{"min", "13"}})), 3u);
  EXPECT_EQ(count(with({{"province", "MA-SIK"}, {"from", "2025-07-01"}, {"min", "10"}})), 1u);
}

TEST_F(QueryTest, CoverageSumsEventsPerProvinceAndListsTheRest) {
  auto cov = store_->Coverage(CoverageBy::kAll);
  ASSERT_TRUE(cov.ok()) << cov.status().message();
  std::map<std::string, std::vector<Value>> by;
  for (const auto& row : cov->rows.rows) by[Text(row[0])] = row;
  ASSERT_EQ(by.size(), 3u);  // GUE, OUJ, SIK: the national aggregate is not an event
  const Table& t = cov->rows;
  EXPECT_EQ(Int(by["MA-SIK"][Column(t, "events")]), 2);
  EXPECT_EQ(Int(by["MA-SIK"][Column(t, "beneficiaries")]), 24);
  EXPECT_EQ(Int(by["MA-SIK"][Column(t, "women")]), 1);
  EXPECT_EQ(Int(by["MA-SIK"][Column(t, "projects")]), 30);
  EXPECT_EQ(Text(by["MA-SIK"][Column(t, "first_event")]), "2024");
  EXPECT_EQ(Text(by["MA-SIK"][Column(t, "last_event")]), "2025-07-15");
  EXPECT_EQ(Text(by["MA-SIK"][Column(t, "province_ar")]), "سيدي قاسم");
  EXPECT_EQ(cov->provinces_without_events.size(), 75u - 3u);

  auto yearly = store_->Coverage(CoverageBy::kYear);
  ASSERT_TRUE(yearly.ok());
  EXPECT_EQ(yearly->rows.rows.size(), 4u);  // GUE 2025, OUJ unknown, SIK 2024, SIK 2025
  auto monthly = store_->Coverage(CoverageBy::kMonth);
  ASSERT_TRUE(monthly.ok());
  std::set<std::string> periods;
  for (const auto& row : monthly->rows.rows) periods.insert(Text(row[Column(monthly->rows, "period")]));
  EXPECT_EQ(periods, (std::set<std::string>{"2024", "2025-07", "2025-11", "unknown"}));
}

TEST_F(QueryTest, SearchFoldsArabicInTheIndexAndTheQuery) {
  // The text has "إدماج" and "السجناء"; the query is typed without hamza and
  // with diacritics.
  for (const char* q : {"ادماج السجناء", "إِدْمَاج", "مؤسسه محمد", "réinsertion", "REINSERTION détenus"}) {
    auto hits = Search(q);
    ASSERT_TRUE(hits.ok()) << q << ": " << hits.status().message();
    EXPECT_GE(hits->rows.size(), 1u) << q;
  }
  auto hits = Search("كلميم");
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->rows.size(), 1u);
  std::string snippet = Text(hits->rows[0][Column(*hits, "snippet")]);
  EXPECT_NE(snippet.find("[كلميم]"), std::string::npos) << snippet;
  auto none = Search("كرة القدم");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->rows.size(), 0u);
}

TEST_F(QueryTest, SearchFindsAWordWhateverCliticsAreAttached) {
  auto uris = [&](const std::string& q) {
    auto hits = Search(q);
    EXPECT_TRUE(hits.ok()) << q << ": " << hits.status().message();
    std::set<std::string> out;
    if (hits.ok()) {
      for (const auto& row : hits->rows) out.insert(Text(row[Column(*hits, "uri")]));
    }
    return out;
  };
  // "إدماج" in four texts, "الإدماج" in the national one.
  const std::set<std::string> integration{"https://agency.ma/a", "https://a.ma/1", "https://sidikacem.ma/1",
                                          "https://national.ma/1"};
  EXPECT_EQ(uris("ادماج"), integration);
  EXPECT_EQ(uris("الإدماج"), integration);  // the article typed, or not
  EXPECT_EQ(uris("وإدماج"), std::set<std::string>{});  // a bare و in the query is part of the word
  EXPECT_EQ(uris("تنمية"), std::set<std::string>{"https://a.ma/1"});        // للتنمية
  EXPECT_EQ(uris("مؤسسات"), std::set<std::string>{"https://agency.ma/a"});  // بالمؤسسات
  EXPECT_EQ(uris("بالمؤسسات"), std::set<std::string>{"https://agency.ma/a"});
  EXPECT_EQ(uris("تجارة"), std::set<std::string>{"https://agency.ma/a"});   // والتجارة
  EXPECT_EQ(uris("indh"), std::set<std::string>{"https://sidikacem.ma/2"});  // l'INDH
  EXPECT_EQ(uris("ادماج تنمية"), std::set<std::string>{"https://a.ma/1"});  // every word must occur
  EXPECT_EQ(uris("وزير"), std::set<std::string>{});
}

TEST_F(QueryTest, ShowDocumentByIdUriOrSource) {
  auto by_uri = store_->ShowDocument("https://agency.ma/a");
  ASSERT_TRUE(by_uri.ok()) << by_uri.status().message();
  EXPECT_EQ(by_uri->records.size(), 1u);
  EXPECT_GE(by_uri->figures.size(), 4u);
  int64_t id = Int(by_uri->document[0].second);
  auto by_id = store_->ShowDocument(std::to_string(id));
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(Text(by_id->document[1].second), "https://agency.ma/a");
  EXPECT_FALSE(store_->ShowDocument("no such thing").ok());
  EXPECT_FALSE(store_->ShowEvent(999999).ok());
}

TEST_F(QueryTest, ExportGivesEveryEventWithItsSources) {
  auto all = store_->Export({});
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_EQ(all->size(), 5u);
  for (const auto& e : *all) EXPECT_GE(e.sources.size(), 1u);
}

TEST_F(QueryTest, HostileFilterValuesAreOnlyData) {
  std::string huge(4 << 20, 'A');
  std::string nul("MA-SIK\0' OR 1=1 --", 18);
  std::vector<std::string> hostile = {
      "'", "\"", "'; DROP TABLE events; --", "MA-SIK' OR '1'='1", "%", "_", "*", "\\",
      nul, std::string("\0", 1), huge, "\xE2\x80\xAE" "KIS-AM", "NEAR(a b)", "a OR b", "\xff\xfe",
      "); DELETE FROM documents; SELECT (", "1; ATTACH DATABASE '/tmp/x' AS x"};
  std::string before = Dump(path_);
  for (const auto& v : hostile) {
    for (int field = 0; field < 6; ++field) {
      EventFilter f;
      switch (field) {
        case 0: f.province = v; break;
        case 1: f.region = v; break;
        case 2: f.from = v; break;
        case 3: f.to = v; break;
        case 4: f.sector = v; break;
        case 5: f.scope = v; break;
      }
      auto t = store_->Events(f);
      if (t.ok()) {
        EXPECT_EQ(t->rows.size(), 0u);
      } else {
        EXPECT_LT(t.status().message().size(), 400u) << "the message should not echo a huge value";
      }
      auto c = store_->Conflicts(f);
      EXPECT_TRUE(c.ok() || !c.status().message().empty());
    }
    auto s = Search(v);
    if (s.ok()) {
      EXPECT_LE(s->rows.size(), 5u);
    }
    auto d = store_->ShowDocument(v);
    EXPECT_FALSE(d.ok());
  }
  EXPECT_EQ(Dump(path_), before);
  RawDb db(path_);
  EXPECT_EQ(db("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(db("SELECT count(*) FROM events"), "5");
}

// ---- crashes and concurrent readers ----

// Distinct synthetic articles: each a different province, date and figures,
// with words drawn at random so that none is a near-duplicate of another.
std::vector<DocumentInput> SyntheticDocs(int n, uint32_t seed) {
  static const std::vector<std::string> codes = {"MA-SIK", "MA-GUE", "MA-OUJ", "MA-MAR", "MA-FES", "MA-TAZ",
                                                 "MA-AGD", "MA-TNG", "MA-BEM", "MA-OUA", "MA-SAL", "MA-SKH"};
  static const std::vector<std::string> words = {
      "مشروع", "مستفيد", "إدماج", "سجين", "سابق", "تمويل", "برنامج", "مؤسسة", "عامل", "إقليم", "حفل", "تسليم",
      "معدات", "خياطة", "حلاقة", "نجارة", "فلاحة", "تجارة", "خدمات", "شراكة", "مبادرة", "تنمية", "بشرية",
      "دعم", "مواكبة", "تكوين", "مهني", "ورشة", "جمعية", "لجنة", "ولاية", "جهة", "عمالة", "مدينة", "قرية"};
  std::mt19937 rng(seed);
  std::vector<DocumentInput> docs;
  for (int i = 0; i < n; ++i) {
    std::string text = "خبر رقم " + std::to_string(i) + "\n";
    for (int w = 0; w < 120; ++w) text += words[rng() % words.size()] + (w % 15 == 14 ? ".\n" : " ");
    Record r = EventRecord(codes[i % codes.size()], "20" + std::to_string(10 + i % 15) + "-0" +
                                                        std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10));
    r.beneficiaries = 5 + static_cast<int64_t>(rng() % 60);
    r.budget_mad = 100000.0 + static_cast<double>(rng() % 900000);
    r.evidence["beneficiaries"] = Ev(text, "خبر رقم");
    docs.push_back(Doc("synthetic://" + std::to_string(i), text, {r}));
  }
  return docs;
}

void WriteAll(Store* store, const std::vector<DocumentInput>& docs, size_t batch_size) {
  for (size_t i = 0; i < docs.size(); i += batch_size) {
    std::vector<DocumentInput> part(docs.begin() + i, docs.begin() + std::min(docs.size(), i + batch_size));
    auto batch = Batch(std::move(part));
    auto r = store->Write(&batch);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
}

void ExpectConsistent(const std::string& path, size_t batch_size) {
  RawDb db(path);
  EXPECT_EQ(db("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(db("PRAGMA foreign_key_check"), "");
  int64_t docs = std::stoll(db("SELECT count(*) FROM documents"));
  EXPECT_EQ(docs % static_cast<int64_t>(batch_size), 0) << "a batch was stored in part";
  EXPECT_EQ(db("SELECT COALESCE(SUM(record_count), 0) = (SELECT count(*) FROM records) FROM documents"), "1");
  EXPECT_EQ(db("SELECT count(*) FROM records WHERE id NOT IN (SELECT record_id FROM event_records)"), "0");
  EXPECT_EQ(db("SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_records)"), "0");
  EXPECT_EQ(db("SELECT count(*) FROM documents_fts_docsize"), std::to_string(docs));
  EXPECT_EQ(db("SELECT COALESCE(SUM(source_count), 0) >= (SELECT count(DISTINCT event_id) FROM event_records) "
               "FROM events"),
            "1");
}

// The writer aborts at an exact point (RASD_TEST_CRASH): after batch K is
// written but before its COMMIT, or just after the COMMIT, for batches at
// the start, the middle and the end. Each time the file is consistent, holds
// whole batches only, and a second run completes it to exactly what an
// uninterrupted run stores.
TEST(StoreCrashTest, AbortAroundEachCommitLeavesAConsistentDatabaseThatResumes) {
  ASSERT_FALSE(DataDir().empty());
  const size_t kBatch = 40;
  auto docs = SyntheticDocs(1200, 7);
  const int64_t batches = static_cast<int64_t>((docs.size() + kBatch - 1) / kBatch);
  TempDir dir;
  // What a run that is never interrupted produces.
  std::string clean_path = dir.File("clean.db");
  {
    auto clean = OpenNew(clean_path);
    ASSERT_TRUE(clean);
    WriteAll(clean.get(), docs, kBatch);
  }
  std::string reference = Dump(clean_path);

  for (const char* point : {"before-commit", "after-commit"}) {
    for (int64_t k : {int64_t{1}, int64_t{2}, batches / 2, batches}) {
      std::string at = std::string(point) + ":" + std::to_string(k);
      SCOPED_TRACE(at);
      std::string path = dir.File("crash-" + std::string(point) + "-" + std::to_string(k) + ".db");
      { ASSERT_TRUE(OpenNew(path)); }
      pid_t child = fork();
      ASSERT_GE(child, 0);
      if (child == 0) {
        setenv("RASD_TEST_CRASH", at.c_str(), 1);
        rlimit no_core{0, 0};  // the abort is expected: no core file
        setrlimit(RLIMIT_CORE, &no_core);
        auto s = Store::Open({}, path);
        if (!s.ok()) _exit(3);
        for (size_t i = 0; i < docs.size(); i += kBatch) {
          std::vector<DocumentInput> part(docs.begin() + i, docs.begin() + std::min(docs.size(), i + kBatch));
          auto batch = Batch(std::move(part));
          if (!(*s)->Write(&batch).ok()) _exit(4);
        }
        _exit(0);
      }
      int status = 0;
      waitpid(child, &status, 0);
      ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT) << "the writer did not abort, status " << status;

      ExpectConsistent(path, kBatch);
      {
        RawDb db(path);
        // Exactly the batches committed before the abort are there.
        int64_t committed = std::string(point) == "after-commit" ? k : k - 1;
        EXPECT_EQ(db("SELECT count(*) FROM documents"),
                  std::to_string(std::min<int64_t>(committed * kBatch, docs.size())));
      }
      {
        auto resumed = Store::Open({}, path);
        ASSERT_TRUE(resumed.ok()) << resumed.status().message();
        WriteAll(resumed->get(), docs, kBatch);
      }
      ExpectConsistent(path, kBatch);
      EXPECT_TRUE(Dump(path) == reference) << "the resumed run differs from an uninterrupted one";
    }
  }
}

TEST(StoreConcurrencyTest, ReaderSeesWholeBatchesWhileAnIngestRuns) {
  ASSERT_FALSE(DataDir().empty());
  TempDir dir;
  std::string path = dir.File("busy.db");
  const size_t kBatch = 25;
  auto docs = SyntheticDocs(1500, 11);
  { ASSERT_TRUE(OpenNew(path)); }
  std::atomic<bool> done{false};
  std::thread writer([&] {
    auto s = Store::Open({}, path);
    ASSERT_TRUE(s.ok());
    WriteAll(s->get(), docs, kBatch);
    done = true;
  });
  auto reader = Store::Open({.read_only = true}, path);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  RawDb raw(path);
  int checks = 0;
  std::set<int64_t> seen_sizes;
  while (!done || checks < 3) {
    // One snapshot: every statement between BEGIN and COMMIT sees the same state.
    raw("BEGIN");
    int64_t documents = std::stoll(raw("SELECT count(*) FROM documents"));
    int64_t records = std::stoll(raw("SELECT count(*) FROM records"));
    int64_t linked = std::stoll(raw("SELECT count(*) FROM event_records"));
    int64_t sources = std::stoll(raw("SELECT COALESCE(SUM(source_count), 0) FROM events"));
    int64_t evidence = std::stoll(raw("SELECT count(*) FROM evidence"));
    raw("COMMIT");
    EXPECT_EQ(documents % static_cast<int64_t>(kBatch), 0);
    EXPECT_EQ(records, documents);
    EXPECT_EQ(linked, records);
    EXPECT_EQ(sources, records);
    EXPECT_EQ(evidence, records);
    seen_sizes.insert(documents);
    auto counts = (*reader)->Count();
    ASSERT_TRUE(counts.ok()) << counts.status().message();
    EXPECT_EQ(counts->documents % static_cast<int64_t>(kBatch), 0);
    EXPECT_EQ(counts->records, counts->documents);
    auto events = (*reader)->Events({});
    ASSERT_TRUE(events.ok()) << events.status().message();
    ++checks;
  }
  writer.join();
  EXPECT_GE(seen_sizes.size(), 3u) << "the reader never saw the ingest in progress";
  EXPECT_EQ(raw("SELECT count(*) FROM documents"), "1500");
}

// ---- the gold corpora, stored as records ----

// The annotated articles with their gold records in place of extraction:
// what the store then reports is what the gold files imply.
class GoldStoreTest : public StoreTest {
 protected:
  size_t StoreGold(const std::vector<std::filesystem::path>& texts) {
    std::vector<DocumentInput> docs;
    for (const auto& p : texts) {
      auto gold = ReadJson(std::filesystem::path(p).replace_extension(".gold.json"));
      EXPECT_FALSE(gold.is_discarded()) << p;
      if (gold.is_discarded()) continue;
      std::string published = gold.contains("published") && gold["published"].is_string()
                                  ? gold["published"].get<std::string>() : "";
      docs.push_back(Doc(p.string(), ReadBytes(p.string()), GoldRecords(gold), published));
    }
    size_t n = docs.size();
    auto results = Write(std::move(docs));
    for (const auto& r : results) EXPECT_NE(r.outcome, Outcome::kFailed) << r.error;
    return n;
  }
};

TEST_F(GoldStoreTest, SeedsAndRealArticlesGiveTheEventsTheirGoldImplies) {
  auto seeds = GoldTexts(SharedDir() + "/corpus/seeds");
  auto real = GoldTexts(SharedDir() + "/corpus/real-dev");
  if (seeds.empty() || real.empty()) GTEST_SKIP() << "needs " << SharedDir() << "/corpus (absent)";
  std::vector<std::filesystem::path> all = seeds;
  all.insert(all.end(), real.begin(), real.end());
  StoreGold(all);

  auto cov = store_->Coverage(CoverageBy::kAll);
  ASSERT_TRUE(cov.ok()) << cov.status().message();
  const Table& t = cov->rows;
  std::map<std::string, std::pair<int64_t, int64_t>> got;  // events, beneficiaries
  for (const auto& row : t.rows) {
    got[Text(row[0])] = {Int(row[Column(t, "events")]), Int(row[Column(t, "beneficiaries")])};
  }
  // From the gold files: one event per gold event record, except that the
  // Guelmim ceremony (37 people, November 2025) is told by two articles.
  std::map<std::string, std::pair<int64_t, int64_t>> expected = {
      {"MA-GUE", {1, 37}}, {"MA-SIK", {2, 24}}, {"MA-MAR", {2, 39}}, {"MA-OUJ", {2, 75}},
      {"MA-BEM", {1, 16}}, {"MA-TAZ", {1, 0}},  {"MA-TAF", {1, 0}},  {"MA-MID", {1, 0}},
      {"MA-HAO", {1, 0}},  {"MA-MEK", {1, 18}}, {"MA-OUA", {1, 18}}, {"MA-SAL", {1, 0}},
      {"MA-SKH", {1, 0}},  {"MA-FES", {1, 28}}};
  EXPECT_EQ(got, expected);
  EXPECT_EQ(cov->provinces_without_events.size(), 75u - expected.size());

  RawDb db(path_);
  // The national total of 303 projects, also told twice, is one aggregate.
  EXPECT_EQ(db("SELECT count(*), source_count FROM events WHERE scope = 'aggregate' AND projects = 303"), "1|2");
  EXPECT_EQ(db("SELECT budget_mad, budget_qualifier, independent_sources FROM events WHERE province = 'MA-GUE'"),
            "1300000.0|over|2");
  // Its budget is "about 10,678,000" in one and 10,678,000 in the other: a
  // compatible difference, not a contradiction.
  EXPECT_EQ(db("SELECT e.projects, c.field, c.class FROM event_conflicts c JOIN events e ON e.id = c.event_id"),
            "303|budget_mad|compatible");
  EXPECT_EQ(db("SELECT count(*) FROM events WHERE has_conflict = 1"), "0");
  EXPECT_EQ(db("SELECT count(*) FROM events WHERE scope = 'aggregate'"), "7");
}

TEST_F(GoldStoreTest, ProjectCorpusEventsMatchItsGoldProvinces) {
  auto texts = GoldTexts(SourceDir() + "/corpus");
  if (texts.empty()) GTEST_SKIP() << "no annotated articles in " << SourceDir() << "/corpus";
  StoreGold(texts);
  std::map<std::string, int64_t> gold_events, gold_beneficiaries;
  for (const auto& p : texts) {
    auto gold = ReadJson(std::filesystem::path(p).replace_extension(".gold.json"));
    for (const auto& r : gold["records"]) {
      if (r.value("scope", "") != "event" || !r.contains("province") || !r["province"].is_string()) continue;
      std::string code = r["province"];
      gold_events[code] += 1;
      if (r.contains("beneficiaries") && r["beneficiaries"].is_number()) gold_beneficiaries[code] += r["beneficiaries"].get<int64_t>();
    }
  }
  auto cov = store_->Coverage(CoverageBy::kAll);
  ASSERT_TRUE(cov.ok());
  const Table& t = cov->rows;
  std::set<std::string> provinces;
  for (const auto& row : t.rows) {
    std::string code = Text(row[0]);
    provinces.insert(code);
    int64_t events = Int(row[Column(t, "events")]);
    // Merging only ever joins records: never more events than gold records,
    // and a province's total only shrinks when two articles tell one event.
    EXPECT_GE(events, 1) << code;
    EXPECT_LE(events, gold_events[code]) << code;
    if (events == gold_events[code]) {
      EXPECT_EQ(Int(row[Column(t, "beneficiaries")]), gold_beneficiaries[code]) << code;
    }
  }
  std::set<std::string> gold_provinces;
  for (const auto& [code, n] : gold_events) gold_provinces.insert(code);
  EXPECT_EQ(provinces, gold_provinces);
  RawDb db(path_);
  EXPECT_EQ(db("PRAGMA foreign_key_check"), "");
}

}  // namespace
}  // namespace rasd::store
