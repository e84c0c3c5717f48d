// The prefilter never drops a page full extraction would give a record for:
// every corpus article (the project's corpus/, ../shared/corpus seeds,
// real-dev and real-more) wrapped as a news page in UTF-8, in its legacy
// charset, with every non-ASCII character as an HTML reference, and with
// tatweel and diacritics inside its words, and as JSON Lines (UTF-8 and
// escaped), and a sample of the real news of
// ../shared/data, give the same records with and without it.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>

#include "common/data_dir.h"
#include "extract/extract.h"
#include "extract/record_json.h"
#include "tests/ingest/page_fixtures.h"
#include "tests/pipeline/extractor_fixture.h"

namespace rasd {
namespace {

using ingest::testing::Article;
using ingest::testing::BuildPage;
using ingest::testing::TempDir;
namespace fs = std::filesystem;

class CountingSink : public ingest::Sink {
 public:
  void OnDocument(Document&& doc) override { docs.push_back(std::move(doc)); }
  void OnError(const std::string& source, const std::string& reason) override { ++errors; }
  void OnPrefiltered(const std::string& source) override { ++prefiltered; }
  std::vector<Document> docs;
  size_t errors = 0, prefiltered = 0;
};

// Every non-ASCII character as a numeric reference, decimal and hex in turn.
std::string AsReferences(std::string_view html) {
  std::string out;
  size_t i = 0;
  int n = 0;
  while (i < html.size()) {
    unsigned char c = static_cast<unsigned char>(html[i]);
    if (c < 0x80) {
      out += html[i++];
      continue;
    }
    size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len && i + k < html.size(); ++k) cp = (cp << 6) | (html[i + k] & 0x3F);
    char buf[16];
    std::snprintf(buf, sizeof buf, ++n % 2 ? "&#%u;" : "&#x%X;", cp);
    out += buf;
    i += len;
  }
  return out;
}

// Tatweel after the second letter of every Arabic word, a fatha after the
// third: spellings the normalisation removes.
std::string Decorated(std::string_view text) {
  std::string out;
  int in_word = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    bool arabic_letter = len == 2 && (c == 0xD8 || c == 0xD9) &&
                         !(c == 0xD8 && static_cast<unsigned char>(text[i + 1]) < 0xA1);
    out.append(text.substr(i, len));
    in_word = arabic_letter ? in_word + 1 : 0;
    if (in_word == 2) out += "\u0640";
    if (in_word == 3) out += "\u064E";
    i += len;
  }
  return out;
}

std::vector<Article> AllCorpusArticles() {
  std::vector<Article> out = ingest::testing::CorpusArticles();
  std::string dir = ingest::testing::SharedDir() + "/corpus/real-more";
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  int index = static_cast<int>(out.size());
  for (const auto& f : files) {
    Article a = ingest::testing::ArticleFromText(fs::path(f).filename().string(),
                                                 ingest::testing::ReadFileBytes(f), index++);
    if (!a.paragraphs.empty()) out.push_back(std::move(a));
  }
  return out;
}

class PrefilterKeepsEveryRecord : public testing::WithExtractor {
 protected:
  // Source -> records (without evidence) of every document with records.
  std::map<std::string, std::string> Records(const std::string& path, bool prefilter, CountingSink* sink) {
    ingest::Options options = ingest::testing::TestOptions();
    options.prefilter = prefilter;
    EXPECT_TRUE(ingest::ReadPaths({path}, options, sink).ok());
    std::map<std::string, std::string> out;
    for (const Document& d : sink->docs) {
      Extraction e = extractor_->Extract(d);
      if (e.records.empty()) continue;
      nlohmann::json j = nlohmann::json::array();
      for (const Record& r : e.records) j.push_back(RecordToJson(r, true));
      out[d.source] = j.dump();
    }
    return out;
  }
};

TEST_F(PrefilterKeepsEveryRecord, CorpusArticlesAsPagesInEveryEncoding) {
  std::vector<Article> articles = AllCorpusArticles();
  if (articles.empty()) GTEST_SKIP() << "no corpus articles (corpus/ or " << ingest::testing::SharedDir() << "/corpus)";
  TempDir dir;
  std::string jsonl, ascii_jsonl;
  for (const Article& a : articles) {
    std::string text = a.headline + "\n\n";
    for (const auto& p : a.paragraphs) text += p + "\n";
    // As scrapers write them: UTF-8, and every non-ASCII character escaped
    // (Python's json.dumps default), read by the prefilter before parsing.
    nlohmann::json j = {{"title", a.headline}, {"url", a.url}, {"text", text}};
    jsonl += j.dump() + "\n";
    ascii_jsonl += j.dump(-1, ' ', /*ensure_ascii=*/true) + "\n";
    ingest::testing::WriteFileBytes(dir.File("txt/" + a.name), text);
    ingest::testing::WriteFileBytes(dir.File("decorated/" + a.name), Decorated(text));
    ingest::testing::WriteFileBytes(dir.File("utf8/" + a.name + ".html"), BuildPage(a, 0).html);
    ingest::testing::WriteFileBytes(dir.File("refs/" + a.name + ".html"), AsReferences(BuildPage(a, 2).html));
    const char* legacy = a.lang == "ar" ? "CP1256" : "CP1252";
    std::string charset = a.lang == "ar" ? "windows-1256" : "windows-1252";
    ingest::testing::WriteFileBytes(dir.File("legacy/" + a.name + ".html"),
                                    ingest::testing::Encode(BuildPage(a, 1, charset).html, legacy));
    if (a.lang == "ar") {
      // No declared charset: the reader's detector decides.
      ingest::testing::WriteFileBytes(dir.File("iso/" + a.name + ".txt"), ingest::testing::Encode(text, "ISO-8859-6"));
    }
  }
  ingest::testing::WriteFileBytes(dir.File("jsonl/corpus.jsonl"), jsonl);
  ingest::testing::WriteFileBytes(dir.File("jsonl/escaped.jsonl"), ascii_jsonl);
  CountingSink all, filtered;
  auto expected = Records(dir.path(), false, &all);
  auto got = Records(dir.path(), true, &filtered);
  EXPECT_GE(expected.size(), 5 * 20u) << "the corpora should hold programme articles in every form";
  EXPECT_EQ(got, expected);
  std::printf("corpus pages: %zu documents, %zu with records, %zu skipped by the prefilter\n", all.docs.size(),
              expected.size(), filtered.prefiltered);
  EXPECT_EQ(all.prefiltered, 0u);
  EXPECT_EQ(filtered.docs.size() + filtered.prefiltered, all.docs.size());
  EXPECT_EQ(filtered.errors, all.errors);
}

TEST_F(PrefilterKeepsEveryRecord, RealNewsSkippedWithoutLosingARecord) {
  std::string zst = ingest::testing::SharedDir() + "/data/news-ar/articles.jsonl.zst";
  if (!fs::exists(zst)) GTEST_SKIP() << zst << " is absent";
  // A spread sample: every 12th of the first 36,000 articles.
  std::string cmd = "zstd -dc '" + zst + "' 2>/dev/null | head -n 36000";
  FILE* in = popen(cmd.c_str(), "r");
  ASSERT_NE(in, nullptr);
  std::string jsonl, warc, line;
  char buf[1 << 16];
  size_t n = 0;
  while (fgets(buf, sizeof buf, in)) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    if (n++ % 12 == 0) {
      jsonl += line;
      // Every other one also as a page in a WARC record.
      if (n % 24 == 1) {
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        Article a;
        a.name = "news" + std::to_string(n);
        a.lang = "ar";
        a.headline = j.value("title", "");
        for (const auto& p : ingest::testing::SplitLines(j.value("text", ""))) {
          if (!p.empty()) a.paragraphs.push_back(p);
        }
        a.date = "2024-05-01";
        a.url = "https://news.example/" + std::to_string(n);
        std::string html = BuildPage(a, 0).html;
        std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                           std::to_string(html.size()) + "\r\n\r\n" + html;
        std::string record = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + a.url +
                             "\r\nWARC-Date: 2024-12-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(n) +
                             ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                             std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
        warc += ingest::testing::Gzip(record, 1);
      }
    }
    line.clear();
  }
  pclose(in);
  ASSERT_GT(n, 1000u) << "cannot read " << zst << " (is zstd installed?)";
  TempDir dir;
  ingest::testing::WriteFileBytes(dir.File("news.jsonl"), jsonl);
  ingest::testing::WriteFileBytes(dir.File("news.warc.gz"), warc);
  CountingSink all, filtered;
  auto expected = Records(dir.path(), false, &all);
  auto got = Records(dir.path(), true, &filtered);
  EXPECT_EQ(got, expected);
  std::printf("real news: %zu documents, %zu with records, %zu skipped by the prefilter\n", all.docs.size(),
              expected.size(), filtered.prefiltered);
  EXPECT_GE(all.docs.size(), 4000u);
  EXPECT_EQ(filtered.docs.size() + filtered.prefiltered, all.docs.size());
  // Ordinary news: most pages never name the programme's beneficiaries.
  EXPECT_GT(filtered.prefiltered * 2, all.docs.size()) << filtered.prefiltered << " of " << all.docs.size();
}

}  // namespace
}  // namespace rasd
