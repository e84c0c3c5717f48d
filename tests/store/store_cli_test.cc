// The store commands end to end, through the rasd binary (RASD_BIN): ingest
// of the project corpus and the shared seeds with the real extractor,
// idempotence, an ingest aborted at each commit point and resumed, readers during an ingest, hostile
// arguments, foreign files, and every command's output formats.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/store/store_test_util.h"

namespace rasd::store {
namespace {

using namespace rasd::store::testing;

struct RunResult {
  int exit_code = -1;  // 128 + signal when killed
  std::string out, err;
};

std::string RasdBin() {
  const char* env = std::getenv("RASD_BIN");
  return env && *env ? env : "";
}

// Runs rasd with `args` (no shell: arguments reach it byte for byte) in `cwd`.
// `crash`, when given, is the RASD_TEST_CRASH fault-injection point.
pid_t Spawn(const std::vector<std::string>& args, const std::string& cwd, const std::string& out_file,
            const std::string& err_file, const std::string& crash = "") {
  pid_t pid = fork();
  if (pid != 0) return pid;
  if (chdir(cwd.c_str()) != 0) _exit(126);
  if (!crash.empty()) {
    setenv("RASD_TEST_CRASH", crash.c_str(), 1);
    rlimit no_core{0, 0};  // the abort is expected: no core file
    setrlimit(RLIMIT_CORE, &no_core);
  }
  int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(out, 1);
  dup2(err, 2);
  std::string bin = RasdBin();
  std::vector<char*> argv = {bin.data()};
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(bin.c_str(), argv.data());
  _exit(127);
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (RasdBin().empty()) GTEST_SKIP() << "RASD_BIN is not set (CTest sets it to the rasd binary)";
    db_ = dir_.File("rasd.db");
  }

  RunResult Run(std::vector<std::string> args) {
    static std::atomic<int> n{0};
    std::string id = std::to_string(n++);
    std::string out = dir_.File("out" + id), err = dir_.File("err" + id);
    RunResult r;
    r.exit_code = Wait(Spawn(args, dir_.path(), out, err));
    r.out = ReadBytes(out);
    r.err = ReadBytes(err);
    return r;
  }

  // The project's annotated articles (corpus/ar, corpus/fr; not the
  // recogniser examples beside them) and the shared seeds.
  std::vector<std::string> Corpora() {
    std::vector<std::string> dirs;
    for (std::string d : {SourceDir() + "/corpus/ar", SourceDir() + "/corpus/fr", SharedDir() + "/corpus/seeds"}) {
      if (!GoldTexts(d).empty()) dirs.push_back(d);
    }
    return dirs;
  }

  std::vector<std::string> Ingest(const std::vector<std::string>& inputs) {
    std::vector<std::string> args = {"ingest", "--db", db_};
    args.insert(args.end(), inputs.begin(), inputs.end());
    return args;
  }

  nlohmann::json Json(const RunResult& r) {
    auto j = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out.substr(0, 500);
    return j;
  }

  TempDir dir_;
  std::string db_;
};

std::string DumpDb(const std::string& path) {
  RawDb db(path);
  std::string out;
  for (const char* sql : {"SELECT id, uri, content_hash, duplicate_of, record_count FROM documents ORDER BY id",
                          "SELECT * FROM records ORDER BY id", "SELECT * FROM evidence ORDER BY record_id, field",
                          "SELECT * FROM events ORDER BY id", "SELECT * FROM event_records ORDER BY record_id",
                          "SELECT count(*) FROM mentions"}) {
    out += db(sql) + "\n--\n";
  }
  return out;
}

TEST_F(StoreCliTest, IngestsTheCorporaOnceAndAgainAsANoOp) {
  auto corpora = Corpora();
  if (corpora.empty()) GTEST_SKIP() << "no annotated corpus found";
  // Every text stored, those not about the programme too.
  std::vector<std::string> args = Ingest(corpora);
  args.push_back("--keep-unrelated");
  RunResult first = Run(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("documents read"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find(" 0 failed"), std::string::npos) << first.err;
  EXPECT_EQ(first.err.find("\r"), std::string::npos) << "a progress line although stderr is not a terminal";
  std::string before = DumpDb(db_);
  RawDb db(db_);
  size_t texts = 0;
  for (const auto& d : corpora) texts += GoldTexts(d).size();
  EXPECT_EQ(db("SELECT count(*) FROM documents"), std::to_string(texts));

  RunResult second = Run(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find(": 0 stored, 0 replaced, " + std::to_string(texts) + " skipped as duplicates"),
            std::string::npos)
      << second.err;
  EXPECT_EQ(DumpDb(db_), before);
  EXPECT_EQ(db("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(db("PRAGMA foreign_key_check"), "");
}

// By default the store keeps what its users query: the articles about the
// programme. The others are counted per input (`rasd inputs`), not stored.
TEST_F(StoreCliTest, KeepsProgrammeArticlesAndCountsTheRestPerInput) {
  auto corpora = Corpora();
  if (corpora.empty()) GTEST_SKIP() << "no annotated corpus found";
  RunResult run = Run(Ingest(corpora));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  RawDb db(db_);
  size_t texts = 0;
  for (const auto& d : corpora) texts += GoldTexts(d).size();
  int64_t stored = std::stoll(db("SELECT count(*) FROM documents"));
  int64_t with_records = std::stoll(db("SELECT count(DISTINCT document_id) FROM records"));
  EXPECT_GE(with_records, 20);
  EXPECT_GE(stored, with_records);
  EXPECT_LT(stored, static_cast<int64_t>(texts)) << "the negatives that never name the programme are not stored";
  // One row per input given, its counts adding up to the texts read.
  EXPECT_EQ(db("SELECT count(*) FROM inputs"), std::to_string(corpora.size()));
  EXPECT_EQ(db("SELECT sum(stored) FROM inputs"), std::to_string(stored));
  int64_t read = std::stoll(db("SELECT sum(read) FROM inputs"));
  int64_t accounted = std::stoll(db("SELECT sum(stored + skipped_by_prefilter + not_kept + failed) FROM inputs"));
  EXPECT_EQ(read, accounted);
  RunResult inputs = Run({"inputs", "--db", db_});
  ASSERT_EQ(inputs.exit_code, 0) << inputs.err;
  for (const auto& c : corpora) {
    std::string name = std::filesystem::absolute(c).lexically_normal().string();
    EXPECT_NE(inputs.out.find(name), std::string::npos) << name << "\n" << inputs.out;
  }
  EXPECT_NE(inputs.out.find("prefilter"), std::string::npos) << inputs.out;
}

// What the gold files say against what rasd stores from the same articles
// with the real extractor: the provinces where events happened, and the
// number of events per province.
TEST_F(StoreCliTest, EventsPerProvinceFollowTheGold) {
  auto corpora = Corpora();
  if (corpora.empty()) GTEST_SKIP() << "no annotated corpus found";
  ASSERT_EQ(Run(Ingest(corpora)).exit_code, 0);
  std::map<std::string, int> gold;
  for (const auto& d : corpora) {
    for (const auto& p : GoldTexts(d)) {
      auto g = ReadJson(std::filesystem::path(p).replace_extension(".gold.json"));
      for (const auto& r : g["records"]) {
        if (r.value("scope", "") == "event" && r.contains("province") && r["province"].is_string()) {
          ++gold[r["province"].get<std::string>()];
        }
      }
    }
  }
  RunResult events = Run({"events", "--db", db_, "--scope", "event", "--format", "json"});
  ASSERT_EQ(events.exit_code, 0) << events.err;
  std::map<std::string, int> got;
  for (const auto& e : Json(events)) {
    if (e["province"].is_string()) ++got[e["province"].get<std::string>()];
  }
  int matched = 0, gold_total = 0, got_total = 0;
  for (const auto& [code, n] : gold) {
    gold_total += n;
    matched += std::min(n, got.count(code) ? got[code] : 0);
  }
  for (const auto& [code, n] : got) got_total += n;
  double recall = gold_total ? static_cast<double>(matched) / gold_total : 1;
  double precision = got_total ? static_cast<double>(matched) / got_total : 1;
  EXPECT_GE(recall, 0.8) << matched << " of " << gold_total << " gold events found per province";
  EXPECT_GE(precision, 0.8) << matched << " of " << got_total << " events stored are in the gold";

  // Coverage agrees with the event list.
  RunResult cov = Run({"coverage", "--db", db_, "--format", "json"});
  ASSERT_EQ(cov.exit_code, 0) << cov.err;
  auto c = Json(cov);
  int covered = 0;
  for (const auto& row : c["coverage"]) {
    std::string code = row["province"];
    EXPECT_EQ(row["events"].get<int>(), got[code]) << code;
    covered += row["events"].get<int>();
  }
  EXPECT_EQ(covered, got_total);
  EXPECT_EQ(c["coverage"].size() + c["provinces_without_events"].size(), 75u);
}

TEST_F(StoreCliTest, EveryCommandAndFormatWorks) {
  auto corpora = Corpora();
  if (corpora.empty()) GTEST_SKIP() << "no annotated corpus found";
  ASSERT_EQ(Run(Ingest(corpora)).exit_code, 0);
  for (const std::string format : {"table", "csv", "json", "jsonl"}) {
    for (std::vector<std::string> cmd : {std::vector<std::string>{"events"}, {"coverage"}, {"coverage", "--by", "year"},
                                         {"coverage", "--by", "month"}, {"conflicts"}, {"search", "إدماج"}}) {
      cmd.insert(cmd.end(), {"--db", db_, "--format", format});
      RunResult r = Run(cmd);
      EXPECT_EQ(r.exit_code, 0) << cmd[0] << " " << format << ": " << r.err;
      if (format == "json") Json(r);
      if (format == "jsonl") {
        std::istringstream lines(r.out);
        std::string line;
        while (std::getline(lines, line)) {
          EXPECT_FALSE(nlohmann::json::parse(line, nullptr, false).is_discarded()) << line;
        }
      }
      if (format == "csv" && cmd[0] != "conflicts") {
        EXPECT_FALSE(r.out.empty()) << cmd[0];
      }
    }
  }
  RunResult events = Run({"events", "--db", db_, "--format", "json"});
  auto list = Json(events);
  ASSERT_FALSE(list.empty());
  std::string id = std::to_string(list[0]["event_id"].get<int64_t>());
  RunResult shown = Run({"show", id, "--db", db_});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("sources:"), std::string::npos);
  RunResult shown_json = Run({"show", "event:" + id, "--db", db_, "--format", "json"});
  EXPECT_EQ(shown_json.exit_code, 0);
  EXPECT_EQ(Json(shown_json)["event_id"].get<int64_t>(), list[0]["event_id"].get<int64_t>());
  RunResult doc = Run({"show", "document:1", "--db", db_, "--format", "json"});
  EXPECT_EQ(doc.exit_code, 0) << doc.err;
  EXPECT_EQ(Json(doc)["document_id"], 1);
  EXPECT_NE(Run({"show", "999999", "--db", db_}).exit_code, 0);

  RunResult jsonl = Run({"export", "--db", db_, "--format", "jsonl"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  size_t exported = 0;
  std::istringstream lines(jsonl.out);
  std::string line;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded());
    EXPECT_GE(j["sources"].size(), 1u);
    ++exported;
  }
  EXPECT_EQ(exported, list.size());
  RunResult csv = Run({"export", "--db", db_, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out.rfind("event_id,", 0), 0u) << csv.out.substr(0, 200);
}

TEST_F(StoreCliTest, HostileArgumentsAreOnlyData) {
  auto corpora = Corpora();
  if (corpora.empty()) GTEST_SKIP() << "no annotated corpus found";
  ASSERT_EQ(Run(Ingest(corpora)).exit_code, 0);
  std::string before = DumpDb(db_);
  std::vector<std::string> hostile = {"'", "\"", "'; DROP TABLE events; --", "MA-SIK' OR '1'='1",
                                      "%", "\\", std::string(100000, 'x'), "\xE2\x80\xAE", "\xff\xfe",
                                      "); DELETE FROM documents; --", "NEAR(a b) OR *"};
  for (const auto& v : hostile) {
    for (const char* option : {"--province", "--region", "--from", "--to", "--sector", "--scope"}) {
      for (const char* cmd : {"events", "conflicts", "export"}) {
        RunResult r = Run({cmd, "--db", db_, option, v});
        EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << cmd << " " << option << " -> " << r.exit_code << " " << r.err.substr(0, 300);
        EXPECT_LT(r.err.size(), 2000u);
      }
    }
    RunResult s = Run({"search", v, "--db", db_});
    EXPECT_TRUE(s.exit_code == 0 || s.exit_code == 2) << s.err.substr(0, 300);
    RunResult show = Run({"show", v, "--db", db_});
    EXPECT_EQ(show.exit_code, 1) << show.err.substr(0, 300);
  }
  EXPECT_EQ(DumpDb(db_), before);
}

TEST_F(StoreCliTest, ForeignFilesAreRefusedAndLeftUntouched) {
  std::string notes = dir_.File("notes.db");
  WriteBytes(notes, "my notes\nnot a database at all\n");
  std::string other = dir_.File("other.sqlite");
  {
    sqlite3* db = nullptr;
    sqlite3_open(other.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  std::string seeds = SharedDir() + "/corpus/seeds";
  for (const auto& path : {notes, other}) {
    std::string bytes = ReadBytes(path);
    for (std::vector<std::string> cmd : {std::vector<std::string>{"ingest", "--db", path, seeds},
                                         {"events", "--db", path}, {"coverage", "--db", path}}) {
      RunResult r = Run(cmd);
      EXPECT_EQ(r.exit_code, 1) << cmd[0] << ": " << r.err;
      EXPECT_NE(r.err.find("not a rasd database"), std::string::npos) << r.err;
      EXPECT_EQ(ReadBytes(path), bytes) << path;
    }
  }
  EXPECT_FALSE(std::filesystem::exists(notes + "-wal"));
  RunResult missing = Run({"events", "--db", dir_.File("absent.db")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("absent.db")));
}

TEST_F(StoreCliTest, UnreadableInputIsReportedAndTheRestIsStored) {
  auto seeds = GoldTexts(SharedDir() + "/corpus/seeds");
  if (seeds.empty()) GTEST_SKIP() << "needs " << SharedDir() << "/corpus/seeds";
  RunResult r = Run(Ingest({dir_.File("no-such-file.txt"), seeds[0].string()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no-such-file.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 failed"), std::string::npos) << r.err;
  RawDb db(db_);
  EXPECT_EQ(db("SELECT count(*) FROM documents"), "1");
}

// A JSON Lines file of `n` distinct synthetic articles about the programme.
std::string WriteArticles(const std::string& path, int n) {
  static const std::vector<std::string> provinces = {"سيدي قاسم", "كلميم", "وجدة", "مراكش", "فاس", "تازة", "أكادير", "طنجة"};
  static const std::vector<std::string> words = {"مشروع", "مستفيد", "تمويل", "برنامج", "مؤسسة", "عامل", "حفل", "تسليم",
                                                 "معدات", "خياطة", "حلاقة", "نجارة", "فلاحة", "تجارة", "شراكة", "مبادرة",
                                                 "تنمية", "دعم", "مواكبة", "تكوين", "ورشة", "جمعية", "لجنة", "ولاية"};
  std::string out;
  uint32_t x = 12345;
  auto next = [&] { x = x * 1103515245u + 12345u; return (x >> 16) & 0x7fff; };
  for (int i = 0; i < n; ++i) {
    std::string text = "سلم عامل إقليم " + provinces[i % provinces.size()] + " يوم " + std::to_string(1 + i % 28) +
                       " ماي 2024 مشاريع مدرة للدخل لفائدة " + std::to_string(5 + i % 40) +
                       " سجينا سابقا في إطار برنامج مؤسسة محمد السادس لإعادة إدماج السجناء.\n";
    for (int w = 0; w < 150; ++w) text += words[next() % words.size()] + " ";
    nlohmann::json j = {{"url", "https://news.example.ma/" + std::to_string(i)},
                        {"title", "خبر " + std::to_string(i)},
                        {"date", "2024-05-30"},
                        {"text", text}};
    out += j.dump() + "\n";
  }
  WriteBytes(path, out);
  return path;
}

// Row ids, which depend on how documents fell into transactions (the
// writer also flushes what is ready every 500 ms), are dropped, and lists
// sorted, so that only what the ids point at is compared.
void DropIds(nlohmann::json* j) {
  if (j->is_object()) {
    for (const char* key : {"id", "event_id", "document_id", "record_id", "duplicate_of"}) j->erase(key);
    for (auto& [k, v] : j->items()) DropIds(&v);
  } else if (j->is_array()) {
    for (auto& v : *j) DropIds(&v);
    std::sort(j->begin(), j->end(), [](const nlohmann::json& a, const nlohmann::json& b) { return a.dump() < b.dump(); });
  }
}

// `rasd export` as sorted lines without row ids: what users get out of the
// store, in an order that does not depend on the order events were written in.
std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    auto j = nlohmann::json::parse(text.substr(pos, nl - pos), nullptr, false);
    DropIds(&j);
    lines.push_back(j.dump());
    pos = nl + 1;
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// rasd ingest aborted at an exact point (RASD_TEST_CRASH) around the commit
// of batch K, for the first, a middle and the last batch: the file passes
// SQLite's integrity check, and a second, uninterrupted run stores what a
// clean run stores, compared through `rasd export`.
//
// A transaction holds up to --batch documents, or what is ready when the
// writer has waited 500 ms (so readers see progress), so K counts
// transactions, and 500 documents make at least ten of them.
TEST_F(StoreCliTest, IngestAbortedAroundACommitLeavesAConsistentDatabaseAndTheNextRunCompletesIt) {
  const int kDocs = 500, kBatch = 50;
  std::string input = WriteArticles(dir_.File("articles.jsonl"), kDocs);
  std::string clean = dir_.File("clean.db");
  RunResult full = Run({"ingest", "--db", clean, "--batch", std::to_string(kBatch), input});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  RunResult clean_export = Run({"export", "--db", clean, "--format", "jsonl"});
  ASSERT_EQ(clean_export.exit_code, 0) << clean_export.err;
  const auto expected = SortedLines(clean_export.out);
  ASSERT_GT(expected.size(), 10u) << "the synthetic articles gave too few events to compare";
  ASSERT_EQ(RawDb(clean)("SELECT count(*) FROM documents"), std::to_string(kDocs));

  for (const char* point : {"before-commit", "after-commit"}) {
    for (int k : {1, 2, 4}) {
      std::string at = std::string(point) + ":" + std::to_string(k);
      SCOPED_TRACE(at);
      std::string db = dir_.File("crash-" + std::string(point) + std::to_string(k) + ".db");
      pid_t pid = Spawn({"ingest", "--db", db, "--batch", std::to_string(kBatch), input}, dir_.path(),
                        dir_.File("k.out"), dir_.File("k.err"), at);
      ASSERT_EQ(Wait(pid), 128 + SIGABRT) << ReadBytes(dir_.File("k.err"));
      {
        RawDb after(db);
        EXPECT_EQ(after("PRAGMA integrity_check"), "ok");
        EXPECT_EQ(after("PRAGMA foreign_key_check"), "");
        // Whole transactions only: none before the first commit, at least
        // one document for each committed one, never all of them.
        int64_t stored = std::stoll(after("SELECT count(*) FROM documents"));
        bool after_commit = std::string(point) == "after-commit";
        if (!after_commit && k == 1) {
          EXPECT_EQ(stored, 0);
        }
        EXPECT_GE(stored, after_commit ? k : k - 1);
        EXPECT_LT(stored, kDocs);
        EXPECT_EQ(after("SELECT COALESCE(SUM(record_count), 0) = (SELECT count(*) FROM records) FROM documents"), "1");
        EXPECT_EQ(after("SELECT (SELECT count(*) FROM documents_fts_docsize) = (SELECT count(*) FROM documents)"), "1");
        EXPECT_EQ(after("SELECT count(*) FROM records WHERE id NOT IN (SELECT record_id FROM event_records)"), "0");
      }
      RunResult resumed = Run({"ingest", "--db", db, "--batch", std::to_string(kBatch), input});
      EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
      EXPECT_EQ(RawDb(db)("PRAGMA integrity_check"), "ok");
      RunResult exported = Run({"export", "--db", db, "--format", "jsonl"});
      ASSERT_EQ(exported.exit_code, 0) << exported.err;
      EXPECT_TRUE(SortedLines(exported.out) == expected) << "the completed store differs from a clean run's";
    }
  }
}

TEST_F(StoreCliTest, QueriesDuringAnIngestSucceed) {
  std::string input = WriteArticles(dir_.File("articles.jsonl"), 4000);
  ASSERT_EQ(Run({"ingest", "--db", db_, "--batch", "50", WriteArticles(dir_.File("first.jsonl"), 10)}).exit_code, 0);
  pid_t pid = Spawn({"ingest", "--db", db_, "--batch", "50", input}, dir_.path(), dir_.File("i.out"), dir_.File("i.err"));
  int queries = 0;
  std::set<size_t> sizes;
  for (;;) {
    int status = 0;
    bool finished = waitpid(pid, &status, WNOHANG) == pid;
    RunResult r = Run({"events", "--db", db_, "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded());
    if (!j.is_discarded()) {
      sizes.insert(j.size());
      size_t sources = 0;
      for (const auto& e : j) sources += e["sources"].get<size_t>();
      EXPECT_GE(sources, j.size());
    }
    ++queries;
    if (finished) {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
      break;
    }
  }
  EXPECT_GE(queries, 2);
}

}  // namespace
}  // namespace rasd::store
