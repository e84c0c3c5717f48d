// Bad input: each broken file is reported with its name (and record offset)
// and the reason, and reading goes on with the rest.
#include <gtest/gtest.h>

#include <cstdio>

#include "ingest/ingest.h"
#include "tests/ingest/page_fixtures.h"

namespace rasd::ingest {
namespace {

using testing::CollectingSink;
using testing::Event;
using testing::TempDir;

const char* kGoodPage =
    "<!DOCTYPE html><html lang=\"ar\"><head><meta charset=\"utf-8\"><title>t</title></head><body>"
    "<h1>\xd8\xaa\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb9 \xd9\x85\xd8\xb4\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xb9</h1>"
    "<div><p>The reintegration foundation handed equipment for income-generating projects to former prisoners, "
    "in a ceremony held at the province seat, with the provincial committee.</p>"
    "<p>Each beneficiary received tools, a starting stock and advice, according to the needs stated in the social "
    "survey carried out beforehand.</p></div></body></html>";

std::string WarcRecord(const std::string& type, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: http://x.ma/a\r\nWARC-Date: 2024-06-13T08:00:00Z\r\n"
         "Content-Type: application/http; msgtype=response\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

const Event* FindError(const CollectingSink& sink, const std::string& source) {
  for (const auto& e : sink.errors) {
    if (e.source == source) return &e;
  }
  return nullptr;
}

TEST(BadInput, EachBrokenFileIsReportedAndTheRestIsRead) {
  TempDir dir;
  std::string page = kGoodPage;
  testing::WriteFileBytes(dir.File("a-good.html"), page);
  // Truncated gzip.
  std::string gz = testing::Gzip(page + std::string(4000, ' '));
  testing::WriteFileBytes(dir.File("truncated.html.gz"), gz.substr(0, gz.size() / 2));
  // A WARC whose second record has a malformed header; the third is fine.
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
  std::string first = testing::Gzip(WarcRecord("response", http));
  std::string broken = testing::Gzip("WARC/1.0\r\nthis line is no header\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n");
  std::string third = testing::Gzip(WarcRecord("response", http));
  testing::WriteFileBytes(dir.File("bad-header.warc.gz"), first + broken + third);
  // Binary.
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
  png += std::string(500, '\x7f');
  testing::WriteFileBytes(dir.File("binary.html"), png);
  // Invalid UTF-8 throughout (every fifth byte of Arabic text broken).
  std::string arabic;
  for (int i = 0; i < 200; ++i) arabic += "\xd9\x85\xd8\xb4\xd8\xb1\xd9\x88\xd8\xb9 ";
  for (size_t i = 0; i < arabic.size(); i += 5) arabic[i] = '\xff';
  testing::WriteFileBytes(dir.File("invalid-utf8.txt"), arabic);
  // Empty.
  testing::WriteFileBytes(dir.File("empty.txt"), "");
  // Over the size limit set below.
  testing::WriteFileBytes(dir.File("large.html"), page + std::string(500 << 10, ' ') + "<p>end</p>");
  // Nested ten thousand deep, no article before it.
  std::string deep = "<html><body>";
  for (int i = 0; i < 10000; ++i) deep += "<div>";
  deep += "deep text";
  for (int i = 0; i < 10000; ++i) deep += "</div>";
  deep += "</body></html>";
  testing::WriteFileBytes(dir.File("deep.html"), deep);
  // Decompression bombs: a gzipped page of blanks and a WARC payload of zeros.
  std::string zeros(64u << 20, '\0');
  std::string blanks = "<html><body>" + std::string(64u << 20, ' ');
  testing::WriteFileBytes(dir.File("bomb.html.gz"), testing::Gzip(blanks, 9));
  blanks.clear();
  blanks.shrink_to_fit();
  std::string bomb_http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" +
                          testing::Gzip(zeros, 9);
  testing::WriteFileBytes(dir.File("bomb.warc.gz"), testing::Gzip(WarcRecord("response", bomb_http)) + third);
  zeros.clear();
  zeros.shrink_to_fit();
  // Not there at all.
  std::string missing = dir.File("missing.html");

  Options options = testing::TestOptions();
  options.max_record_bytes = 400 << 10;
  options.max_expanded_bytes = 1 << 20;
  CollectingSink sink;
  ASSERT_TRUE(ReadPaths({dir.path(), missing}, options, &sink).ok());

  // The good page, and the good records after the broken ones.
  ASSERT_EQ(sink.docs.size(), 4u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].source, dir.File("a-good.html"));
  EXPECT_EQ(sink.docs[1].source, dir.File("bad-header.warc.gz") + "#0");
  EXPECT_EQ(sink.docs[2].source, dir.File("bad-header.warc.gz") + "#" + std::to_string(first.size() + broken.size()));
  EXPECT_EQ(sink.docs[3].source.rfind(dir.File("bomb.warc.gz") + "#", 0), 0u) << sink.docs[3].source;

  struct Expected {
    std::string source;
    std::string reason_part;
  };
  const Expected expected[] = {
      {dir.File("truncated.html.gz"), "truncated"},
      {dir.File("bad-header.warc.gz") + "#" + std::to_string(first.size()), "malformed WARC header"},
      {dir.File("binary.html"), "PNG"},
      {dir.File("invalid-utf8.txt"), "invalid UTF-8"},
      {dir.File("empty.txt"), "empty"},
      {dir.File("large.html"), "limit"},
      {dir.File("deep.html"), "nested deeper"},
      {dir.File("bomb.html.gz"), "bomb"},
      {dir.File("bomb.warc.gz") + "#0", "decompression bomb"},
      {missing, "no such file"},
  };
  for (const auto& e : expected) {
    const Event* got = FindError(sink, e.source);
    ASSERT_NE(got, nullptr) << "no error for " << e.source << "\n" << sink.Describe();
    EXPECT_NE(got->reason.find(e.reason_part), std::string::npos) << e.source << ": " << got->reason;
  }
  EXPECT_EQ(sink.errors.size(), std::size(expected)) << sink.Describe();
}

TEST(BadInput, StdinIsReadWhenNamedDash) {
  TempDir dir;
  testing::WriteFileBytes(dir.File("page.html"), kGoodPage);
  ASSERT_NE(std::freopen(dir.File("page.html").c_str(), "rb", stdin), nullptr);
  CollectingSink sink;
  ASSERT_TRUE(ReadPaths({"-"}, testing::TestOptions(), &sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].source, "-");
  EXPECT_EQ(sink.docs[0].kind, "html");
  EXPECT_EQ(sink.docs[0].lang, "ar");
}

TEST(BadInput, NoPathsIsAUsageError) {
  CollectingSink sink;
  EXPECT_FALSE(ReadPaths({}, testing::TestOptions(), &sink).ok());
}

TEST(BadInput, DeepNestingKeepsTheArticleReadBeforeIt) {
  TempDir dir;
  std::string page = kGoodPage;
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "<span>";
  page.insert(page.find("</body>"), deep);
  testing::WriteFileBytes(dir.File("deep-after.html"), page);
  CollectingSink sink;
  ASSERT_TRUE(ReadPaths({dir.File("deep-after.html")}, testing::TestOptions(), &sink).ok());
  ASSERT_EQ(sink.errors.size(), 1u) << sink.Describe();
  EXPECT_NE(sink.errors[0].reason.find("nested deeper"), std::string::npos);
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  EXPECT_NE(sink.docs[0].text.find("starting stock"), std::string::npos);
}

}  // namespace
}  // namespace rasd::ingest

namespace rasd::ingest {
namespace {

// A few stray bytes in UTF-8 text are repaired, reported, and the article is
// still read, so one broken character does not cost a whole document.
TEST(BadInput, StrayInvalidBytesAreReportedAndTheTextStillRead) {
  TempDir dir;
  std::string text = "\xd8\xaa\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb9 \xff\xfe \xd9\x85\xd8\xb4\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xb9\n"
                     "The foundation handed equipment to former prisoners in a ceremony at the province seat.\n";
  testing::WriteFileBytes(dir.File("stray.txt"), text);
  CollectingSink sink;
  ASSERT_TRUE(ReadPaths({dir.File("stray.txt")}, testing::TestOptions(), &sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  ASSERT_EQ(sink.errors.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.errors[0].source, dir.File("stray.txt"));
  EXPECT_NE(sink.errors[0].reason.find("invalid UTF-8: 2 ill-formed"), std::string::npos) << sink.errors[0].reason;
  EXPECT_NE(sink.docs[0].text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(sink.docs[0].text.find("former prisoners"), std::string::npos);
}

}  // namespace
}  // namespace rasd::ingest
