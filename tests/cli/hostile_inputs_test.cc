// A new user's folder of hostile inputs beside good articles, through the
// real rasd binary (RASD_BIN): a truncated .warc.gz, broken WARC headers, a
// gzip bomb, binary junk, a cp1256 file, invalid UTF-8, a symlink loop, a
// FIFO nobody writes to, a 50 MB JSON line before a good one, and articles
// of the project's corpus. `rasd extract` and `rasd ingest` must finish,
// name every bad input with its reason, exit 1, and give the good articles
// the records they give alone.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "tests/ingest/page_fixtures.h"

namespace rasd {
namespace {

namespace fs = std::filesystem;
using ingest::testing::Encode;
using ingest::testing::Gzip;
using ingest::testing::ReadFileBytes;
using ingest::testing::TempDir;
using ingest::testing::WriteFileBytes;

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs rasd; a run still going after `guard` is killed and reported (the
// bound only stops a hang from stalling the suite: the run takes seconds).
RunResult RunRasd(const std::vector<std::string>& args, const TempDir& dir,
                  std::chrono::seconds guard = std::chrono::seconds(120)) {
  static int n = 0;
  std::string out_file = dir.File("run" + std::to_string(n) + ".out");
  std::string err_file = dir.File("run" + std::to_string(n++) + ".err");
  pid_t pid = fork();
  if (pid == 0) {
    int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(out, 1);
    dup2(err, 2);
    std::string bin = std::getenv("RASD_BIN");
    std::vector<std::string> copy = args;
    std::vector<char*> argv = {bin.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  RunResult r;
  auto deadline = std::chrono::steady_clock::now() + guard;
  int status = 0;
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ADD_FAILURE() << "rasd " << args[0] << " still running after " << guard.count() << " s: killed";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFileBytes(out_file);
  r.err = ReadFileBytes(err_file);
  return r;
}

const char* kPage =
    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Projets</title></head><body>"
    "<h1>Remise d'equipements</h1><div>"
    "<p>La Fondation Mohammed VI pour la réinsertion des détenus a remis des équipements à 25 anciens détenus "
    "porteurs de projets générateurs de revenus, lors d'une cérémonie tenue au siège de la province de Tiznit.</p>"
    "<p>Chaque beneficiaire a recu des outils et un stock de depart, selon les besoins releves lors de l'enquete "
    "sociale menee au prealable par la commission provinciale.</p></div></body></html>";

std::string WarcResponse(const std::string& uri, const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-06-13T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
         "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

// A gzip member of a page head and `n` blanks, deflated in pieces (never
// held whole): it passes every sniff and only its size gives it away.
std::string BlankBomb(size_t n) {
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
  std::string zeros(1 << 20, ' ');
  std::memcpy(zeros.data(), "<html><body>", 12);
  std::string out;
  char buf[1 << 16];
  for (size_t done = 0; done < n;) {
    size_t k = std::min(zeros.size(), n - done);
    done += k;
    zs.next_in = reinterpret_cast<Bytef*>(zeros.data());
    zs.avail_in = static_cast<uInt>(k);
    int flush = done == n ? Z_FINISH : Z_NO_FLUSH;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      deflate(&zs, flush);
      out.append(buf, sizeof buf - zs.avail_out);
    } while (zs.avail_out == 0);
  }
  deflateEnd(&zs);
  return out;
}

class HostileInputs : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin = std::getenv("RASD_BIN");
    if (!bin || !*bin) GTEST_SKIP() << "RASD_BIN is not set (CTest sets it to the rasd binary)";
    const char* source = std::getenv("RASD_SOURCE");
    ASSERT_TRUE(source && *source) << "RASD_SOURCE is not set";
    root_ = dir_.File("inputs");
    good_ = root_ + "/good";
    fs::create_directories(good_);
    // Articles of the project's corpus, read from the source tree.
    for (const char* lang : {"ar", "fr"}) {
      std::vector<fs::path> texts;
      for (const auto& e : fs::directory_iterator(std::string(source) + "/corpus/" + lang)) {
        if (e.path().extension() == ".txt") texts.push_back(e.path());
      }
      std::sort(texts.begin(), texts.end());
      ASSERT_GE(texts.size(), 4u) << "corpus/" << lang << " holds too few articles";
      for (size_t i = 0; i < 4; ++i) fs::copy_file(texts[i], good_ + "/" + lang + "-" + texts[i].filename().string());
    }
    BuildHostileFiles();
  }

  void BuildHostileFiles() {
    const std::string d = root_ + "/";
    std::string first = Gzip(WarcResponse("http://news.example.ma/1", kPage));
    std::string second = Gzip(WarcResponse("http://news.example.ma/2", kPage));
    std::string whole = first + second;
    WriteFileBytes(d + "truncated.warc.gz", whole.substr(0, first.size() + second.size() / 2));
    WriteFileBytes(d + "broken-headers.warc",
                   "WARC/1.0\r\nthis is no header line\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"
                   "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n");
    WriteFileBytes(d + "bomb.txt.gz", BlankBomb(200u << 20));
    std::string junk;
    uint32_t x = 7;
    for (int i = 0; i < (256 << 10); ++i) {
      x = x * 1664525u + 1013904223u;
      junk.push_back(static_cast<char>(x >> 24));
    }
    WriteFileBytes(d + "junk.html", junk);
    // Arabic in Windows-1256, as older Moroccan sites served it: read, not refused.
    std::string arabic = ReadFileBytes(good_ + "/ar-" + FirstName("ar"));
    WriteFileBytes(d + "cp1256.txt", Encode(arabic, "CP1256"));
    std::string broken = arabic;
    for (size_t i = 100; i < broken.size(); i += 500) broken[i] = '\xff';  // a few bytes, repaired
    WriteFileBytes(d + "invalid-utf8.txt", broken);
    ASSERT_EQ(symlink(".", (d + "loop").c_str()), 0);
    ASSERT_EQ(mkfifo((d + "fifo").c_str(), 0600), 0);
    std::string line = "{\"url\":\"http://news.example.ma/huge\",\"text\":\"" + std::string(50u << 20, 'a') + "\"}\n";
    nlohmann::json good = {{"url", "http://news.example.ma/after"}, {"title", "Projets"},
                           {"text", ReadFileBytes(good_ + "/fr-" + FirstName("fr"))}};
    WriteFileBytes(d + "huge-line.jsonl", line + good.dump() + "\n");
  }

  std::string FirstName(const std::string& lang) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(good_)) {
      std::string n = e.path().filename().string();
      if (n.rfind(lang + "-", 0) == 0) names.push_back(n.substr(lang.size() + 1));
    }
    std::sort(names.begin(), names.end());
    return names.at(0);
  }

  // Every bad input, and a word its reason must hold.
  std::map<std::string, std::string> Expected() const {
    const std::string d = root_ + "/";
    return {{d + "truncated.warc.gz", "truncated"},
            {d + "broken-headers.warc#0", "malformed WARC header"},
            {d + "bomb.txt.gz", "bomb"},
            {d + "junk.html", "not readable"},
            {d + "invalid-utf8.txt", "invalid UTF-8"},
            {d + "loop", "symlink loop"},
            {d + "fifo", "FIFO"},
            {d + "huge-line.jsonl:1", "--max-record-size"}};
  }

  // stderr names each bad input with its reason.
  void ExpectNamed(const std::string& err) {
    for (const auto& [source, word] : Expected()) {
      bool found = false;
      size_t pos = 0;
      while ((pos = err.find(source, pos)) != std::string::npos) {
        size_t eol = err.find('\n', pos);
        if (err.substr(pos, eol - pos).find(word) != std::string::npos) found = true;
        pos += source.size();
      }
      EXPECT_TRUE(found) << source << " is not named with '" << word << "' in:\n" << err.substr(0, 6000);
    }
  }

  TempDir dir_;
  std::string root_, good_;
};

std::map<std::string, std::string> BySource(const std::string& jsonl) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos < jsonl.size()) {
    size_t nl = jsonl.find('\n', pos);
    EXPECT_NE(nl, std::string::npos) << "output ends mid-line";
    if (nl == std::string::npos) break;
    auto j = nlohmann::json::parse(jsonl.substr(pos, nl - pos), nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << jsonl.substr(pos, 300);
    if (!j.is_discarded()) out[j.value("source", "")] = j.dump();
    pos = nl + 1;
  }
  return out;
}

TEST_F(HostileInputs, ExtractFinishesNamesEveryBadInputAndGivesTheGoodRecords) {
  RunResult alone = RunRasd({"extract", good_}, dir_);
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  auto expected = BySource(alone.out);
  // The corpus's negative articles among the eight are skipped by the
  // prefilter and print nothing.
  ASSERT_GE(expected.size(), 6u);

  auto start = std::chrono::steady_clock::now();
  RunResult r = RunRasd({"extract", root_}, dir_);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ExpectNamed(r.err);
  auto got = BySource(r.out);
  for (const auto& [source, line] : expected) {
    ASSERT_TRUE(got.count(source)) << source << " gave nothing among the hostile inputs";
    EXPECT_EQ(got[source], line) << source;
  }
  // The good record after the 50 MB line, the file in Windows-1256 and the
  // one repaired from invalid UTF-8 are read too.
  EXPECT_TRUE(got.count(root_ + "/huge-line.jsonl:2")) << r.err;
  EXPECT_TRUE(got.count(root_ + "/cp1256.txt")) << r.err;
  EXPECT_TRUE(got.count(root_ + "/invalid-utf8.txt")) << r.err;
  EXPECT_TRUE(got.count(root_ + "/truncated.warc.gz#0")) << r.err;
  EXPECT_EQ(r.err.find("huge-line.jsonl:2"), std::string::npos) << r.err;
  std::printf("rasd extract over the hostile folder: %.1f s\n", seconds);
}

// One row a line, columns tab-separated.
std::string Query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* v = sqlite3_column_text(stmt, i);
        out += (i ? "\t" : "") + std::string(v ? reinterpret_cast<const char*>(v) : "NULL");
      }
      out += "\n";
    }
  } else {
    out = std::string("error: ") + sqlite3_errmsg(db);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

TEST_F(HostileInputs, IngestFinishesNamesEveryBadInputAndStoresTheGoodArticles) {
  std::string alone_db = dir_.File("alone.db"), db = dir_.File("hostile.db");
  RunResult alone = RunRasd({"ingest", good_, "--db", alone_db}, dir_);
  ASSERT_EQ(alone.exit_code, 0) << alone.err;

  RunResult r = RunRasd({"ingest", root_, "--db", db}, dir_);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ExpectNamed(r.err);
  // The good articles and their records, as they are stored alone.
  const std::string good_records =
      "SELECT d.uri, r.scope, r.province, r.date, r.beneficiaries, r.budget_mad FROM documents d "
      "JOIN records r ON r.document_id = d.id WHERE d.uri LIKE '" + good_ + "/%' ORDER BY d.uri, r.id";
  std::string want = Query(alone_db, good_records);
  EXPECT_NE(want.find('\t'), std::string::npos) << "the good articles gave no record alone: " << want;
  EXPECT_EQ(Query(db, good_records), want);
  const std::string good_documents = "SELECT count(*) FROM documents WHERE uri LIKE '" + good_ + "/%'";
  EXPECT_EQ(Query(db, good_documents), Query(alone_db, good_documents));
  // The good line after the 50 MB one is stored; the 50 MB one is not.
  EXPECT_EQ(Query(db, "SELECT count(*) FROM documents WHERE source LIKE '%huge-line.jsonl:%'"), "1\n");
  EXPECT_EQ(Query(db, "PRAGMA integrity_check"), "ok\n");
}

}  // namespace
}  // namespace rasd
