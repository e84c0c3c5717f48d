// WARC archives: written here with the records a crawler leaves (requests,
// metadata, chunked and gzip payloads, legacy charsets, a broken header), in
// the three layouts (one gzip member per record, plain, whole-file gzip);
// and the real archives of ../shared/data/warc, broken ones included.
#include <gtest/gtest.h>

#include <random>

#include "ingest/byte_source.h"
#include "ingest/http.h"
#include "ingest/ingest.h"
#include "ingest/warc_reader.h"
#include "tests/ingest/page_fixtures.h"

namespace rasd::ingest {
namespace {

using testing::Article;
using testing::CollectingSink;
using testing::TempDir;

std::string WarcRecordText(const std::string& type, const std::string& uri, const std::string& content_type,
                           const std::string& block) {
  std::string h = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) +
                  "-" + type + ">\r\nWARC-Date: 2024-06-13T08:00:00Z\r\n";
  if (!uri.empty()) h += "WARC-Target-URI: " + uri + "\r\n";
  if (!content_type.empty()) h += "Content-Type: " + content_type + "\r\n";
  h += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return h + block + "\r\n\r\n";
}

std::string Chunked(std::string_view body) {
  std::string out;
  size_t pos = 0, size = 700;
  while (pos < body.size()) {
    size_t n = std::min(size, body.size() - pos);
    char hex[32];
    std::snprintf(hex, sizeof hex, "%zx", n);
    out += std::string(hex) + (pos == 0 ? ";ext=1" : "") + "\r\n";
    out.append(body.substr(pos, n));
    out += "\r\n";
    pos += n;
    size += 333;
  }
  return out + "0\r\n\r\n";
}

std::string HttpResponseText(int status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Not Found") +
         "\r\nServer: nginx\r\nDate: Thu, 13 Jun 2024 08:00:00 GMT\r\n" + headers + "\r\n" + body;
}

struct Archive {
  std::vector<std::string> records;
  std::vector<size_t> article_records;  // indices of records that hold an article
  std::vector<Article> articles;        // in the same order
  size_t broken_record = 0;
};

Archive BuildArchive(const std::vector<Article>& corpus) {
  Archive ar;
  // Four articles, Arabic first, with different layouts and encodings.
  std::vector<Article> picked;
  for (const auto& a : corpus) {
    if (a.paragraphs.size() >= 2) picked.push_back(a);
    if (picked.size() == 4) break;
  }
  ar.records.push_back(WarcRecordText("warcinfo", "", "application/warc-fields", "software: rasd-test\r\nformat: WARC File Format 1.0\r\n"));
  // Windows-1256 (page and header say so), gzip, then chunked.
  {
    Article a = picked[0];
    std::string kept;
    testing::Encode(a.headline, "CP1256", &kept);
    a.headline = kept;
    for (auto& p : a.paragraphs) {
      testing::Encode(p, "CP1256", &kept);
      p = kept;
    }
    std::string page = testing::Encode(testing::BuildPage(a, 0, "windows-1256").html, "CP1256");
    std::string body = Chunked(testing::Gzip(page));
    ar.records.push_back(WarcRecordText("request", a.url, "application/http; msgtype=request",
                                        "GET /a HTTP/1.1\r\nHost: www.example-news.ma\r\nAccept-Encoding: gzip\r\n\r\n"));
    ar.article_records.push_back(ar.records.size());
    ar.articles.push_back(a);
    ar.records.push_back(WarcRecordText(
        "response", a.url, "application/http; msgtype=response",
        HttpResponseText(200, "Content-Type: text/html; charset=windows-1256\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", body)));
    ar.records.push_back(WarcRecordText("metadata", a.url, "application/warc-fields", "fetchTimeMs: 212\r\n"));
  }
  // UTF-8, identity.
  {
    const Article& a = picked[1];
    ar.article_records.push_back(ar.records.size());
    ar.articles.push_back(a);
    ar.records.push_back(WarcRecordText("response", a.url + "?utm_source=feed", "application/http; msgtype=response",
                                        HttpResponseText(200, "Content-Type: text/html; charset=UTF-8\r\n",
                                                         testing::BuildPage(a, 2).html)));
  }
  ar.records.push_back(WarcRecordText("response", "https://www.example-news.ma/logo.png",
                                      "application/http; msgtype=response",
                                      HttpResponseText(200, "Content-Type: image/png\r\n", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16))));
  ar.records.push_back(WarcRecordText("response", "https://www.example-news.ma/missing", "application/http; msgtype=response",
                                      HttpResponseText(404, "Content-Type: text/html\r\n", "<html><body><h1>404</h1></body></html>")));
  ar.records.push_back(WarcRecordText("revisit", picked[1].url, "application/http; msgtype=response",
                                      "HTTP/1.1 304 Not Modified\r\n\r\n"));
  // A capture stored as a resource, no HTTP headers.
  {
    const Article& a = picked[2];
    ar.article_records.push_back(ar.records.size());
    ar.articles.push_back(a);
    ar.records.push_back(WarcRecordText("resource", a.url, "text/html; charset=utf-8", testing::BuildPage(a, 1).html));
  }
  // A header line without a colon.
  ar.broken_record = ar.records.size();
  ar.records.push_back("WARC/1.0\r\nWARC-Type response\r\nContent-Length: 30\r\n\r\n<html><body>lost</body></html>\r\n\r\n");
  // UTF-16 with a byte order mark.
  {
    const Article& a = picked[3];
    std::string page = testing::BuildPage(a, 0, "utf-16").html;
    ar.article_records.push_back(ar.records.size());
    ar.articles.push_back(a);
    ar.records.push_back(WarcRecordText("response", a.url, "application/http; msgtype=response",
                                        HttpResponseText(200, "Content-Type: text/html; charset=UTF-16\r\n",
                                                         "\xFF\xFE" + testing::Encode(page, "UTF-16LE"))));
  }
  return ar;
}

void ExpectArchiveRead(const std::string& path, const Archive& ar, const std::vector<uint64_t>& offsets) {
  CollectingSink sink;
  ASSERT_TRUE(ReadPaths({path}, testing::TestOptions(), &sink).ok());
  ASSERT_EQ(sink.docs.size(), ar.articles.size()) << sink.Describe();
  for (size_t i = 0; i < sink.docs.size(); ++i) {
    const Document& doc = sink.docs[i];
    const Article& a = ar.articles[i];
    EXPECT_EQ(doc.source, path + "#" + std::to_string(offsets[ar.article_records[i]])) << sink.Describe();
    EXPECT_EQ(doc.kind, "warc");
    EXPECT_EQ(doc.fetched, "2024-06-13");
    EXPECT_EQ(doc.title, a.headline);
    EXPECT_EQ(doc.published, a.date) << doc.source;
    EXPECT_EQ(doc.fetched_url.rfind(a.url, 0), 0u) << doc.fetched_url;
    std::vector<std::string> lines = testing::SplitLines(doc.text);
    for (const auto& p : a.paragraphs) {
      EXPECT_NE(std::find(lines.begin(), lines.end(), p), lines.end()) << doc.source << " misses: " << p.substr(0, 80);
    }
    EXPECT_EQ(testing::LeakedCharacters(doc, a, nullptr), 0u) << doc.source << "\n" << doc.text;
  }
  // The canonical URL drops the tracking parameter of the fetched one.
  EXPECT_EQ(sink.docs[1].url, ar.articles[1].url);
  // warcinfo, request, metadata, image, 404, revisit.
  EXPECT_EQ(sink.skipped.size(), 6u) << sink.Describe();
  ASSERT_EQ(sink.errors.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.errors[0].source, path + "#" + std::to_string(offsets[ar.broken_record]));
  EXPECT_NE(sink.errors[0].reason.find("malformed WARC header"), std::string::npos) << sink.errors[0].reason;
}

TEST(WarcReading, WrittenArchiveInEveryLayout) {
  auto corpus = testing::CorpusArticles();
  if (corpus.size() < 4) GTEST_SKIP() << "needs four article texts from " << testing::SharedDir() << "/corpus";
  Archive ar = BuildArchive(corpus);
  TempDir dir;
  std::string per_record, plain;
  std::vector<uint64_t> member_offsets, plain_offsets;
  for (const auto& r : ar.records) {
    member_offsets.push_back(per_record.size());
    plain_offsets.push_back(plain.size());
    per_record += testing::Gzip(r);
    plain += r;
  }
  testing::WriteFileBytes(dir.File("crawl.warc.gz"), per_record);
  testing::WriteFileBytes(dir.File("crawl.warc"), plain);
  testing::WriteFileBytes(dir.File("whole.warc.gz"), testing::Gzip(plain));
  ExpectArchiveRead(dir.File("crawl.warc.gz"), ar, member_offsets);
  ExpectArchiveRead(dir.File("crawl.warc"), ar, plain_offsets);
  // One member for the whole file: records are named by their place in the
  // decompressed stream.
  ExpectArchiveRead(dir.File("whole.warc.gz"), ar, plain_offsets);
}

TEST(WarcReading, ReaderGivesRecordsAndBlocksInOrder) {
  std::string data = WarcRecordText("warcinfo", "", "application/warc-fields", "a: b\r\n") +
                     WarcRecordText("response", "http://x.ma/", "application/http; msgtype=response",
                                    HttpResponseText(200, "Content-Type: text/html\r\n", "<p>x</p>"));
  MemorySource mem(data);
  BufferedReader in(&mem);
  WarcReader reader(&in, WarcOptions());
  WarcRecord rec;
  ASSERT_TRUE(reader.Next(&rec));
  EXPECT_EQ(rec.type, "warcinfo");
  EXPECT_EQ(rec.block, "a: b\r\n");
  ASSERT_TRUE(reader.Next(&rec));
  EXPECT_TRUE(rec.status.ok());
  EXPECT_EQ(rec.type, "response");
  EXPECT_EQ(rec.target_uri, "http://x.ma/");
  EXPECT_EQ(rec.date, "2024-06-13T08:00:00Z");
  EXPECT_EQ(rec.offset, data.find("WARC/1.0", 10));
  HttpResponse http;
  ASSERT_TRUE(ParseHttpResponse(rec.block, &http).ok());
  EXPECT_EQ(http.status, 200);
  EXPECT_EQ(http.content_type, "text/html");
  EXPECT_EQ(rec.block.substr(http.body_offset), "<p>x</p>");
  EXPECT_FALSE(reader.Next(&rec));
}

TEST(HttpBody, ChunkedThenGzipIsUndone) {
  std::string body = "<html><body><p>" + std::string(5000, 'x') + "</p></body></html>";
  HttpResponse http;
  http.transfer_encoding = "chunked";
  http.content_encoding = "gzip";
  std::string out, scratch;
  ASSERT_TRUE(DecodeHttpBody(Chunked(testing::Gzip(body)), http, 1 << 20, &out, &scratch).ok());
  EXPECT_EQ(out, body);
  // Already decoded by the crawler, header left behind.
  ASSERT_TRUE(DecodeHttpBody(body, http, 1 << 20, &out, &scratch).ok());
  EXPECT_EQ(out, body);
  // Beyond the limit: refused.
  EXPECT_FALSE(DecodeHttpBody(Chunked(testing::Gzip(body)), http, 1000, &out, &scratch).ok());
}

// Counts established by reading each file with Python's gzip and zlib
// modules record by record (see the comments): what the reader must find.
struct RealFile {
  const char* name;
  size_t docs, errors, skipped;
};

TEST(WarcReading, RealArchivesOfTheSharedData) {
  std::string dir = testing::SharedDir() + "/data/warc";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "needs " << dir;
  const RealFile kFiles[] = {
      // One Common Crawl response (commoncrawl.org).
      {"jwarc-cc.warc.gz", 1, 0, 0},
      // A single gzip member cut off inside its only response record.
      {"resiliparse-clipped.warc.gz", 0, 1, 0},
      // ClueWeb09 WARC/0.18: warcinfo + 29 EUC-JP responses, LF-only HTTP
      // headers, "Content-Encoding: gzip" on bodies stored decoded.
      {"resiliparse-clueweb-quirk.warc.gz", 29, 0, 1},
      // Common Crawl: warcinfo, 17 requests, 16 responses, 16 metadata.
      {"resiliparse-warcfile.warc.gz", 16, 0, 34},
      // Three ARC headers with lengths "-1", "-1" and "abc"; one text/plain.
      {"warcio/bad.arc", 0, 3, 1},
      {"warcio/example-bad-non-chunked.warc.gz", 1, 0, 5},
      {"warcio/example-bad.warc.gz.bad", 1, 0, 5},
      {"warcio/example-digest.warc", 0, 0, 4},
      {"warcio/example-iana.org-chunked.warc", 1, 0, 2},
      {"warcio/example-resource.warc.gz", 1, 0, 2},
      {"warcio/example-space-in-target-uri.warc.gz", 0, 0, 2},
      // The URL with spaces was lengthened without fixing the record length:
      // the file ends 12 bytes short of it.
      {"warcio/example-space-in-url.arc", 0, 1, 1},
      // The response's gzip body is cut short (its Content-Length is 2 bytes
      // short too, leaving "\0\0" where the next header should be); the file
      // ends after the following request.
      {"warcio/example-trunc.warc", 0, 2, 3},
      {"warcio/example-wget-bad-target-uri.warc.gz", 1, 0, 5},
      // A record split across gzip members.
      {"warcio/example-wrong-chunks.warc.gz", 1, 0, 1},
      {"warcio/example.arc", 1, 0, 1},
      {"warcio/example.arc.gz", 1, 0, 1},
      {"warcio/example.warc", 1, 0, 5},
      {"warcio/example.warc.gz", 1, 0, 5},
      {"warcio/post-test.warc.gz", 0, 0, 6},
  };
  for (const auto& f : kFiles) {
    std::string path = dir + "/" + f.name;
    if (!std::filesystem::exists(path)) {
      ADD_FAILURE() << "missing " << path;
      continue;
    }
    CollectingSink sink;
    ASSERT_TRUE(ReadPaths({path}, testing::TestOptions(), &sink).ok());
    EXPECT_EQ(sink.docs.size(), f.docs) << f.name << "\n" << sink.Describe();
    EXPECT_EQ(sink.errors.size(), f.errors) << f.name << "\n" << sink.Describe();
    EXPECT_EQ(sink.skipped.size(), f.skipped) << f.name << "\n" << sink.Describe();
    for (const auto& e : sink.errors) {
      EXPECT_EQ(e.source.rfind(path + "#", 0), 0u) << e.source;
      EXPECT_FALSE(e.reason.empty());
    }
  }
  // Details worth pinning.
  CollectingSink cc;
  ASSERT_TRUE(ReadPaths({dir + "/jwarc-cc.warc.gz"}, testing::TestOptions(), &cc).ok());
  ASSERT_EQ(cc.docs.size(), 1u);
  EXPECT_EQ(cc.docs[0].fetched_url, "http://commoncrawl.org/");
  EXPECT_EQ(cc.docs[0].url, "https://commoncrawl.org/");
  EXPECT_EQ(cc.docs[0].fetched, "2019-12-10");
  EXPECT_EQ(cc.docs[0].lang, "en");
  CollectingSink trunc;
  ASSERT_TRUE(ReadPaths({dir + "/warcio/example-trunc.warc"}, testing::TestOptions(), &trunc).ok());
  ASSERT_EQ(trunc.errors.size(), 2u);
  EXPECT_EQ(trunc.errors[0].source, dir + "/warcio/example-trunc.warc#1197");
  EXPECT_NE(trunc.errors[0].reason.find("truncated"), std::string::npos);
  EXPECT_EQ(trunc.errors[1].source, dir + "/warcio/example-trunc.warc#2560");
  CollectingSink gz;
  ASSERT_TRUE(ReadPaths({dir + "/warcio/example.warc.gz"}, testing::TestOptions(), &gz).ok());
  ASSERT_EQ(gz.docs.size(), 1u);
  EXPECT_EQ(gz.docs[0].source, dir + "/warcio/example.warc.gz#784");  // the member's offset
  EXPECT_EQ(gz.docs[0].title, "Example Domain");
}


// Every event a reading gives, in the order given.
class LogSink : public Sink {
 public:
  void OnDocument(Document&& doc) override { log += "doc " + doc.source + " " + doc.url + "\n" + doc.text + "\n"; }
  void OnError(const std::string& source, const std::string& reason) override { log += "error " + source + ": " + reason + "\n"; }
  void OnSkipped(const std::string& source, const std::string& reason) override { log += "skipped " + source + ": " + reason + "\n"; }
  void OnPrefiltered(const std::string& source) override { log += "prefiltered " + source + "\n"; }
  std::string log;
};

// Pages read on several threads reach the sink as they do on one: the same
// documents, errors, skips and prefilter counts, in the same order.
TEST(WarcReading, PageThreadsChangeNothingButTheSpeed) {
  TempDir dir;
  std::string warc;
  int n = 0;
  for (const Article& a : testing::CorpusArticles()) {
    std::string html = testing::BuildPage(a, n % 3).html;
    std::string http = HttpResponseText(200, "Content-Type: text/html; charset=utf-8\r\n", html);
    warc += testing::Gzip(WarcRecordText("response", a.url, "application/http; msgtype=response", http));
    if (++n % 5 == 0) warc += testing::Gzip(WarcRecordText("request", a.url, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"));
    if (n % 7 == 0) warc += "damaged member\n";
  }
  testing::WriteFileBytes(dir.File("corpus.warc.gz"), warc);
  std::vector<std::string> paths = {dir.path()};
  std::string shared = testing::SharedDir() + "/data/warc";
  if (std::filesystem::is_directory(shared)) paths.push_back(shared);
  for (bool prefilter : {false, true}) {
    std::string logs[2];
    for (int k = 0; k < 2; ++k) {
      LogSink sink;
      Options o = testing::TestOptions();
      o.prefilter = prefilter;
      o.page_jobs = k == 0 ? 1 : 3;
      ASSERT_TRUE(ReadPaths(paths, o, &sink).ok());
      logs[k] = sink.log;
    }
    EXPECT_GT(logs[0].size(), 10000u);
    EXPECT_NE(logs[0].find("error "), std::string::npos) << "the damaged members are reported";
    EXPECT_EQ(logs[0], logs[1]) << "prefilter " << prefilter;
  }
}

// Members of every size, their boundaries falling anywhere in the reader's
// input buffer, read back in reads of every size: exactly the bytes written.
std::vector<std::string> MemberTexts(size_t count, size_t max_len, uint32_t seed) {
  std::mt19937 rng(seed);
  const std::string letters = "abcdefghij \n\xD8\xA7\xD9\x84";
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) {
    std::string t = "member " + std::to_string(i) + ":";
    size_t len = rng() % max_len;
    for (size_t k = 0; k < len; ++k) t += letters[rng() % letters.size()];
    out.push_back(t);
  }
  return out;
}

std::string ReadAll(GzipSource* gz, std::vector<size_t> read_sizes, size_t* errors) {
  std::string out;
  std::string buf(1 << 16, '\0');
  for (size_t i = 0;; ++i) {
    size_t n = read_sizes[i % read_sizes.size()];
    auto got = gz->Read(buf.data(), n);
    if (!got.ok()) {
      ++*errors;
      if (!gz->SkipToNextMember()) break;
      continue;
    }
    if (*got == 0) break;
    out.append(buf.data(), *got);
  }
  return out;
}

TEST(GzipSource, ManyMembersAcrossBufferRefillsInflateExactly) {
  std::vector<std::string> texts = MemberTexts(3000, 400, 7);
  std::string plain, compressed;
  for (size_t i = 0; i < texts.size(); ++i) {
    plain += texts[i];
    compressed += testing::Gzip(texts[i], i % 2 ? 1 : 9);
  }
  ASSERT_GT(compressed.size(), size_t{4} << 16) << "the members should span several input buffers";
  for (const auto& sizes : std::vector<std::vector<size_t>>{{1, 7, 300}, {4096}, {65536}}) {
    MemorySource memory(compressed);
    GzipSource gz(&memory, 1 << 20);
    size_t errors = 0;
    EXPECT_EQ(ReadAll(&gz, sizes, &errors), plain);
    EXPECT_EQ(errors, 0u);
    EXPECT_EQ(gz.members_started(), texts.size());
  }
}

// A damaged byte anywhere costs at most its own member: the reader skips to
// the next one, and every member after it comes out whole.
TEST(GzipSource, DamageAnywhereCostsOnlyItsMember) {
  std::vector<std::string> texts = MemberTexts(40, 6000, 11);
  std::string compressed;
  std::vector<size_t> starts;
  for (const auto& t : texts) {
    starts.push_back(compressed.size());
    compressed += testing::Gzip(t);
  }
  for (size_t pos = 0; pos < compressed.size(); pos += 211) {
    std::string damaged = compressed;
    damaged[pos] = static_cast<char>(damaged[pos] ^ 0x5A);
    MemorySource memory(damaged);
    GzipSource gz(&memory, 1 << 20);
    size_t errors = 0;
    std::string out = ReadAll(&gz, {4096}, &errors);
    size_t member = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), pos) - starts.begin()) - 1;
    for (size_t k = member + 1; k < texts.size(); ++k) {
      EXPECT_NE(out.find(texts[k]), std::string::npos) << "member " << k << " lost after damage at byte " << pos;
    }
  }
}

}  // namespace
}  // namespace rasd::ingest
