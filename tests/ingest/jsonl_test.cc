// JSON Lines as scrapers write them (plain and gzipped), under the field
// names different tools use, with text or with the page's HTML.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ingest/ingest.h"
#include "tests/ingest/page_fixtures.h"

namespace rasd::ingest {
namespace {

using testing::CollectingSink;
using testing::TempDir;

std::string Lines(const std::vector<nlohmann::json>& objects) {
  std::string out;
  for (const auto& o : objects) out += o.dump() + "\n";
  return out;
}

TEST(JsonLines, ScraperOutputPlainAndGzipped) {
  auto corpus = testing::CorpusArticles();
  if (corpus.size() < 3) GTEST_SKIP() << "needs article texts from " << testing::SharedDir() << "/corpus";
  const auto& a = corpus[0];
  const auto& b = corpus[1];
  const auto& c = corpus[2];
  std::string body_a, body_b;
  for (const auto& p : a.paragraphs) body_a += p + "\n\n";
  for (const auto& p : b.paragraphs) body_b += "  " + p + "\r\n";
  std::vector<nlohmann::json> objects = {
      // A news-please style record.
      {{"url", a.url}, {"title", a.headline}, {"date_publish", a.date + " 10:32:00"}, {"maintext", body_a},
       {"language", a.lang}, {"source_domain", "example-news.ma"}},
      // Another tool: link, headline, day-first date, content.
      {{"link", b.url}, {"headline", b.headline}, {"published", b.date.substr(8, 2) + "/" + b.date.substr(5, 2) + "/" + b.date.substr(0, 4)},
       {"content", body_b}},
      // The raw page only.
      {{"url", c.url + "?amp=1"}, {"html", testing::BuildPage(c, 0).html}, {"crawled_at", 1718265600}},
      // Neither text nor HTML.
      {{"url", "https://www.example-news.ma/video/1"}, {"title", "video"}},
  };
  std::string text = Lines(objects) + "{\"url\": \"https://www.example-news.ma/broken\", \"text\": \n";
  TempDir dir;
  testing::WriteFileBytes(dir.File("scrape.jsonl"), text);
  testing::WriteFileBytes(dir.File("scrape.jsonl.gz"), testing::Gzip(text));
  // Content decides, whatever the name.
  testing::WriteFileBytes(dir.File("scrape-output.txt"), text);
  for (const std::string name : {"scrape.jsonl", "scrape.jsonl.gz", "scrape-output.txt"}) {
    std::string path = dir.File(name);
    CollectingSink sink;
    ASSERT_TRUE(ReadPaths({path}, testing::TestOptions(), &sink).ok());
    ASSERT_EQ(sink.docs.size(), 3u) << sink.Describe();
    const Document& da = sink.docs[0];
    EXPECT_EQ(da.source, path + ":1");
    EXPECT_EQ(da.kind, "jsonl");
    EXPECT_EQ(da.url, a.url);
    EXPECT_EQ(da.title, a.headline);
    EXPECT_EQ(da.published, a.date);
    EXPECT_EQ(da.lang, a.lang);
    std::string expected_a = a.headline + "\n\n";
    for (size_t i = 0; i < a.paragraphs.size(); ++i) expected_a += (i ? "\n" : "") + a.paragraphs[i];
    EXPECT_EQ(da.text, expected_a);
    const Document& db = sink.docs[1];
    EXPECT_EQ(db.source, path + ":2");
    EXPECT_EQ(db.url, b.url);
    EXPECT_EQ(db.published, b.date);
    EXPECT_EQ(testing::LeakedCharacters(db, b, nullptr), 0u) << db.text;
    const Document& dc = sink.docs[2];
    EXPECT_EQ(dc.source, path + ":3");
    EXPECT_EQ(dc.url, c.url);  // the page's canonical URL
    EXPECT_EQ(dc.fetched_url, c.url + "?amp=1");
    EXPECT_EQ(dc.title, c.headline);
    EXPECT_EQ(dc.published, c.date);
    EXPECT_EQ(testing::LeakedCharacters(dc, c, nullptr), 0u) << dc.text;
    for (const auto& p : c.paragraphs) EXPECT_NE(dc.text.find(p), std::string::npos);
    ASSERT_EQ(sink.skipped.size(), 1u) << sink.Describe();
    EXPECT_EQ(sink.skipped[0].source, path + ":4");
    ASSERT_EQ(sink.errors.size(), 1u) << sink.Describe();
    EXPECT_EQ(sink.errors[0].source, path + ":5");
    EXPECT_NE(sink.errors[0].reason.find("JSON"), std::string::npos);
  }
}

TEST(JsonLines, FieldNamesAreOptionsAndMayBeNested) {
  TempDir dir;
  std::string line =
      R"({"meta":{"canonical":"https://a.ma/x","when":"2023-03-09T07:00:00Z"},"body":{"plain":"First paragraph of the story.\nSecond paragraph of the story."},"name":"A headline"})";
  testing::WriteFileBytes(dir.File("custom.ndjson"), line + "\n");
  Options options = testing::TestOptions();
  options.jsonl_url_fields = {"meta.canonical"};
  options.jsonl_date_fields = {"meta.when"};
  options.jsonl_text_fields = {"body.plain"};
  options.jsonl_title_fields = {"name"};
  CollectingSink sink;
  ASSERT_TRUE(ReadPaths({dir.File("custom.ndjson")}, options, &sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].url, "https://a.ma/x");
  EXPECT_EQ(sink.docs[0].published, "2023-03-09");
  EXPECT_EQ(sink.docs[0].text, "A headline\n\nFirst paragraph of the story.\nSecond paragraph of the story.");
}

TEST(JsonLines, WholeJsonArrayFile) {
  TempDir dir;
  testing::WriteFileBytes(dir.File("export.json"),
                          "[\n  {\"url\": \"https://a.ma/1\", \"title\": \"One\", \"text\": \"Body one.\"},\n"
                          "  {\"url\": \"https://a.ma/2\", \"title\": \"Two\", \"text\": \"Body two.\"}\n]\n");
  CollectingSink sink;
  ASSERT_TRUE(ReadPaths({dir.File("export.json")}, testing::TestOptions(), &sink).ok());
  ASSERT_EQ(sink.docs.size(), 2u) << sink.Describe();
  EXPECT_EQ(sink.docs[1].source, dir.File("export.json") + ":2");
  EXPECT_EQ(sink.docs[1].text, "Two\n\nBody two.");
}

}  // namespace
}  // namespace rasd::ingest
