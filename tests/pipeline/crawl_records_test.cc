// What users get from a crawl must not depend on how the article reached
// them: the records extracted from a news page (any layout, any encoding), a
// WARC record or a JSON Lines line equal those extracted from the bare article
// text.
#include <gtest/gtest.h>

#include "common/data_dir.h"
#include "extract/extract.h"
#include "extract/record_json.h"
#include "tests/ingest/page_fixtures.h"
#include "tests/pipeline/extractor_fixture.h"

namespace rasd {
namespace {

using ingest::testing::Article;
using ingest::testing::BuildPage;
using ingest::testing::CollectingSink;
using ingest::testing::TempDir;

// The article as ingest hands it on: headline, blank line, paragraphs.
std::string BareText(const Article& a) {
  std::string text = a.headline + "\n\n";
  for (size_t i = 0; i < a.paragraphs.size(); ++i) text += (i ? "\n" : "") + a.paragraphs[i];
  return text;
}

// Records without evidence: the spans differ when the page's text does.
std::string Facts(const Extraction& e) {
  nlohmann::json out = nlohmann::json::array();
  for (const Record& r : e.records) out.push_back(RecordToJson(r, false));
  return out.dump();
}

class CrawlRecords : public testing::WithExtractor {
 protected:
  void SetUp() override {
    WithExtractor::SetUp();
    if (HasFatalFailure()) return;
    articles_ = ingest::testing::CorpusArticles();
    if (articles_.empty()) GTEST_SKIP() << "no corpus articles found (corpus/ or ../shared/corpus)";
  }

  // An article's text as the extractor reads it with no page around it.
  static Document ArticleDocument(const Article& a, std::string text) {
    Document d;
    d.source = a.name;
    d.text = std::move(text);
    d.published = a.date;
    return d;
  }

  std::vector<Document> Read(const std::string& path) {
    CollectingSink sink;
    ingest::Options options = ingest::testing::TestOptions();
    EXPECT_TRUE(ingest::ReadPaths({path}, options, &sink).ok());
    EXPECT_TRUE(sink.errors.empty()) << sink.Describe();
    return std::move(sink.docs);
  }

  std::vector<Article> articles_;
};

TEST_F(CrawlRecords, HtmlPagesInEveryLayoutAndEncodingGiveTheRecordsOfTheBareText) {
  TempDir dir;
  size_t with_records = 0, pages = 0;
  for (const Article& a : articles_) {
    Extraction bare = extractor_->Extract(ArticleDocument(a, BareText(a)));
    with_records += !bare.records.empty();
    // A legacy charset loses what it cannot write (ڭ, Arabic-Indic digits in
    // windows-1256): the page is compared with the text that survives.
    const char* legacy = a.lang == "ar" ? "CP1256" : "CP1252";
    std::string kept;
    ingest::testing::Encode(BareText(a), legacy, &kept);
    Extraction bare_legacy = extractor_->Extract(ArticleDocument(a, kept));
    std::vector<std::pair<int, std::string>> variants = {{0, "utf-8"}, {1, "utf-8"}, {2, "utf-8"}};
    variants.emplace_back(0, a.lang == "ar" ? "windows-1256" : "windows-1252");
    for (const auto& [layout, charset] : variants) {
      ingest::testing::BuiltPage page = BuildPage(a, layout, charset);
      std::string path = dir.File(a.name + "." + std::to_string(layout) + "." + charset + ".html");
      bool utf8 = charset == "utf-8";
      std::string bytes = utf8 ? page.html : ingest::testing::Encode(page.html, legacy);
      ingest::testing::WriteFileBytes(path, bytes);
      std::vector<Document> docs = Read(path);
      ASSERT_EQ(docs.size(), 1u) << path;
      const Document& d = docs[0];
      Extraction got = extractor_->Extract(d);
      EXPECT_EQ(Facts(got), Facts(utf8 ? bare : bare_legacy)) << a.name << " layout " << layout << " " << charset;
      ++pages;
    }
  }
  EXPECT_GE(with_records, 10u) << "the corpus should hold programme articles";
  EXPECT_GE(pages, 4 * articles_.size());
}

TEST_F(CrawlRecords, JsonLinesAndWarcGiveTheRecordsOfTheBareText) {
  TempDir dir;
  std::string jsonl, warc;
  std::vector<std::string> expected;
  for (const Article& a : articles_) {
    std::string text = BareText(a);
    expected.push_back(Facts(extractor_->Extract(ArticleDocument(a, text))));
    nlohmann::json line = {{"url", a.url}, {"title", a.headline}, {"date", a.date},
                           {"text", text.substr(a.headline.size() + 2)}};
    jsonl += line.dump() + "\n";
    std::string html = BuildPage(a, 0).html;
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                       std::to_string(html.size()) + "\r\n\r\n" + html;
    std::string record = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + a.url +
                         "\r\nWARC-Date: 2024-12-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(expected.size()) +
                         ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    warc += ingest::testing::Gzip(record);
  }
  ingest::testing::WriteFileBytes(dir.File("scrape.jsonl"), jsonl);
  ingest::testing::WriteFileBytes(dir.File("crawl.warc.gz"), warc);
  for (const char* name : {"scrape.jsonl", "crawl.warc.gz"}) {
    std::vector<Document> docs = Read(dir.File(name));
    ASSERT_EQ(docs.size(), expected.size()) << name;
    for (size_t i = 0; i < docs.size(); ++i) {
      const Document& d = docs[i];
      Extraction got = extractor_->Extract(d);
      EXPECT_EQ(Facts(got), expected[i]) << name << " " << articles_[i].name;
    }
  }
}

}  // namespace
}  // namespace rasd
