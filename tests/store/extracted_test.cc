// The extracted form of a document (`rasd extract --for-ingest` lines): it
// carries everything the store keeps, comes back unchanged, and a line that
// cannot be trusted is refused with its place and reason.
#include "store/extracted.h"

#include <gtest/gtest.h>

#include "extract/record_json.h"
#include "store_test_util.h"

namespace rasd::store {
namespace {

using testing::ReadBytes;
using testing::TempDir;
using testing::WriteBytes;

// A real programme article of the corpus, extracted as the store has it.
struct Extracted {
  DocumentInput input;
  nlohmann::json line;
};

Extracted ExtractArticle(const std::string& name, const std::string& site) {
  static auto extractor = Extractor::Load(testing::DataDir());
  EXPECT_TRUE(extractor.ok()) << extractor.status().message();
  Document doc;
  doc.source = testing::SourceDir() + "/corpus/" + name;
  doc.url = "https://news.example/" + name;
  doc.site = site;
  doc.fetched = "2024-06-02";
  doc.kind = "html";
  doc.text = ReadBytes(doc.source);
  Extraction e = (*extractor)->Extract(doc, ExtractOptionsForStore(true, ""));
  Extracted out;
  out.line = ExtractionToJson(e, true, false);
  out.input = ToDocumentInput(std::move(doc), std::move(e));
  AddStoredForm(out.input, &out.line);
  return out;
}

void ExpectSameEvidence(const std::map<std::string, Evidence>& a, const std::map<std::string, Evidence>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [field, e] : a) {
    ASSERT_TRUE(b.count(field)) << field;
    const Evidence& f = b.at(field);
    EXPECT_EQ(e.span.start, f.span.start) << field;
    EXPECT_EQ(e.span.end, f.span.end) << field;
    EXPECT_EQ(e.text, f.text) << field;
    EXPECT_EQ(e.sentence.start, f.sentence.start) << field;
    EXPECT_EQ(e.sentence.end, f.sentence.end) << field;
    EXPECT_EQ(e.sentence_text, f.sentence_text) << field;
  }
}

TEST(ExtractedForm, ALineBringsBackEverythingTheStoreKeeps) {
  for (const char* name : {"ar/a001.txt", "fr/f001.txt"}) {
    Extracted x = ExtractArticle(name, "news.example");
    ASSERT_FALSE(x.input.records.empty()) << name << " is a programme article";
    ASSERT_FALSE(x.input.mentions.empty()) << name;
    // Through text, as a shard file holds it.
    auto back = DocumentInputFromJson(nlohmann::json::parse(x.line.dump()));
    ASSERT_TRUE(back.ok()) << back.status().message();
    const DocumentInput& a = x.input;
    const DocumentInput& b = *back;
    EXPECT_EQ(a.uri, b.uri);
    EXPECT_EQ(a.uri, "https://news.example/" + std::string(name));
    for (auto m : {&Document::source, &Document::url, &Document::site, &Document::title, &Document::lang,
                   &Document::published, &Document::fetched, &Document::kind, &Document::text}) {
      EXPECT_EQ(a.document.*m, b.document.*m);
    }
    EXPECT_FALSE(b.document.title.empty());
    EXPECT_FALSE(b.document.lang.empty());
    ASSERT_EQ(a.records.size(), b.records.size());
    for (size_t i = 0; i < a.records.size(); ++i) {
      EXPECT_EQ(RecordToJson(a.records[i]).dump(), RecordToJson(b.records[i]).dump());
      EXPECT_EQ(a.records[i].budget_mad, b.records[i].budget_mad);
      ExpectSameEvidence(a.records[i].evidence, b.records[i].evidence);
    }
    ASSERT_EQ(a.mentions.size(), b.mentions.size());
    for (size_t i = 0; i < a.mentions.size(); ++i) {
      const Mention& m = a.mentions[i];
      const Mention& n = b.mentions[i];
      EXPECT_EQ(m.kind, n.kind);
      EXPECT_EQ(m.span.start, n.span.start);
      EXPECT_EQ(m.span.end, n.span.end);
      EXPECT_EQ(m.text, n.text);
      EXPECT_EQ(m.value, n.value);
      EXPECT_EQ(m.number, n.number);
      EXPECT_EQ(m.currency, n.currency);
      EXPECT_EQ(m.qualifier, n.qualifier);
      EXPECT_EQ(m.noun, n.noun);
    }
    // What `rasd extract` always prints is still there, unchanged.
    for (const char* key : {"source", "url", "lang", "title", "published", "records"}) EXPECT_TRUE(x.line.contains(key)) << key;
  }
}

TEST(ExtractedForm, ABudgetInCentimesIsKeptExactly) {
  Extracted x = ExtractArticle("ar/a001.txt", "");
  ASSERT_FALSE(x.input.records.empty());
  // Not a multiple of a centime, and one whose centimes a double cannot hold.
  for (double budget : {1234567.891, 12220.13, 0.1 + 0.2}) {
    x.input.records[0].budget_mad = budget;
    x.input.records[0].budget_qualifier = Qualifier::kExact;
    nlohmann::json line = ExtractionToJson(Extraction{}, true, false);
    line["records"] = nlohmann::json::array();
    for (const Record& r : x.input.records) line["records"].push_back(RecordToJson(r));
    AddStoredForm(x.input, &line);
    auto back = DocumentInputFromJson(nlohmann::json::parse(line.dump()));
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(*back->records[0].budget_mad, budget);
  }
}

TEST(ExtractedForm, PlainExtractOutputIsRefusedWithTheOptionToUse) {
  Extracted x = ExtractArticle("ar/a001.txt", "");
  x.line.erase("document");
  auto back = DocumentInputFromJson(x.line);
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.status().message().find("--for-ingest"), std::string::npos) << back.status().message();
}

TEST(ExtractedForm, EvidenceThatDoesNotQuoteTheTextIsRefused) {
  Extracted x = ExtractArticle("ar/a001.txt", "");
  ASSERT_TRUE(x.line["records"][0]["evidence"].contains("beneficiaries"));
  {
    nlohmann::json line = x.line;
    line["records"][0]["evidence"]["beneficiaries"]["end"] = 1 << 30;
    auto back = DocumentInputFromJson(line);
    ASSERT_FALSE(back.ok());
    EXPECT_NE(back.status().message().find("record 1's evidence for beneficiaries"), std::string::npos)
        << back.status().message();
  }
  {
    // Text edited after extraction: the positions no longer hold the figure.
    nlohmann::json line = x.line;
    std::string text = line["document"]["text"];
    line["document"]["text"] = "..." + text;
    auto back = DocumentInputFromJson(line);
    ASSERT_FALSE(back.ok());
    EXPECT_NE(back.status().message().find("quotes words that are not at its place"), std::string::npos)
        << back.status().message();
  }
  {
    nlohmann::json line = x.line;
    line["mentions"][0]["start"] = -4;
    auto back = DocumentInputFromJson(line);
    ASSERT_FALSE(back.ok());
    EXPECT_NE(back.status().message().find("mention 1"), std::string::npos) << back.status().message();
  }
}

TEST(ExtractedForm, ReadingAShardNamesEachBadLineAndGoesOn) {
  TempDir dir;
  Extracted a = ExtractArticle("ar/a001.txt", "");
  Extracted b = ExtractArticle("fr/f001.txt", "");
  std::string good_a = a.line.dump(), good_b = b.line.dump();
  // A shard whose extraction was stopped in the middle of its third line.
  std::string shard = dir.File("shard-1.jsonl");
  WriteBytes(shard, good_a + "\n\n{\"records\": [}\n" + good_b + "\n" + good_a.substr(0, good_a.size() / 2));
  std::vector<std::string> uris;
  std::vector<std::pair<std::string, std::string>> errors;
  ReadExtracted({dir.File("shard-0.jsonl"), shard},
                [&](DocumentInput&& d) { uris.push_back(d.uri); },
                [&](const std::string& where, const std::string& why) { errors.emplace_back(where, why); });
  EXPECT_EQ(uris, (std::vector<std::string>{a.input.uri, b.input.uri}));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].first, dir.File("shard-0.jsonl"));
  EXPECT_NE(errors[0].second.find("missing"), std::string::npos) << errors[0].second;
  EXPECT_EQ(errors[1].first, shard + ":3");
  EXPECT_EQ(errors[1].second, "not a JSON object");
  EXPECT_EQ(errors[2].first, shard + ":5");
  EXPECT_NE(errors[2].second.find("ends in the middle of a line"), std::string::npos) << errors[2].second;
}

}  // namespace
}  // namespace rasd::store
