// Table-driven tests of the recognisers: each row of
// corpus/examples/<recogniser>_<lang>.tsv is an input with the mention the
// extractor must report for it (value, span in code points of the input, the
// spanned text, and per recogniser the qualifier, currency or noun); each row
// of <recogniser>_<lang>_negative.tsv is an input that must not yield one.
//
// Rows run through the public rasd::Extractor with keep_mentions, so every
// recogniser is tested end to end, normalisation and provenance included.
#ifndef RASD_TESTS_EXTRACT_EXAMPLE_TABLE_H_
#define RASD_TESTS_EXTRACT_EXAMPLE_TABLE_H_

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/data_dir.h"
#include "common/tsv.h"
#include "extract/extract.h"

namespace rasd::testing_examples {

struct Example {
  std::string file;  // e.g. "money_ar.tsv"
  std::string kind;  // the mention kind its recogniser reports: "money"
  std::string lang;  // "ar", "fr"
  int line = 0;
  bool negative = false;
  std::map<std::string, std::string> cols;  // by header name
  std::string load_error;                   // set when the table could not be read

  const std::string& at(const std::string& name) const {
    static const std::string kEmpty;
    auto it = cols.find(name);
    return it == cols.end() ? kEmpty : it->second;
  }
  std::string Where() const { return file + ":" + std::to_string(line); }
};

// gtest shows a failing row by its file and line.
inline void PrintTo(const Example& e, std::ostream* os) { *os << e.Where(); }

inline std::string ExamplesDir() {
  if (const char* src = std::getenv("RASD_SOURCE"); src && *src) return std::string(src) + "/corpus/examples";
  auto data = FindDataDir();
  if (data.ok()) return data.value() + "/../corpus/examples";
  return "corpus/examples";
}

// The mention kind of each recogniser's table.
inline std::string KindOf(const std::string& recogniser) {
  static const std::map<std::string, std::string> kKinds = {
      {"numbers", "number"}, {"money", "money"},   {"dates", "date"},          {"places", "place"},
      {"counts", "count"},   {"sectors", "sector"}, {"programmes", "programme"}};
  auto it = kKinds.find(recogniser);
  return it == kKinds.end() ? recogniser : it->second;
}

inline void ReadTable(const std::string& path, const std::string& kind, const std::string& lang, bool negative,
                      std::vector<Example>* out) {
  const std::string file = std::filesystem::path(path).filename().string();
  if (!std::filesystem::exists(path)) {
    Example e;
    e.file = file;
    e.kind = kind;
    e.lang = lang;
    e.load_error = "example table missing: " + path;
    out->push_back(e);
    return;
  }
  std::vector<std::string> header;
  Status s = ReadTsv(path, false, [&](const TsvRow& row) {
    if (header.empty()) {
      header = row.fields;
      return Status::Ok();
    }
    Example e;
    e.file = file;
    e.kind = kind;
    e.lang = lang;
    e.line = row.line;
    e.negative = negative;
    for (size_t i = 0; i < header.size(); ++i) e.cols[header[i]] = row.at(i);
    out->push_back(std::move(e));
    return Status::Ok();
  });
  if (!s.ok() || header.empty()) {
    Example e;
    e.file = file;
    e.kind = kind;
    e.lang = lang;
    e.load_error = s.ok() ? "example table has no header: " + path : s.message();
    out->push_back(e);
  }
}

// The positive and negative rows of one recogniser in one language.
inline std::vector<Example> LoadExamples(const std::string& recogniser, const std::string& lang) {
  std::vector<Example> out;
  const std::string base = ExamplesDir() + "/" + recogniser + "_" + lang;
  const std::string kind = KindOf(recogniser);
  ReadTable(base + ".tsv", kind, lang, false, &out);
  ReadTable(base + "_negative.tsv", kind, lang, true, &out);
  return out;
}

// gtest parameter names: "money_ar_L12", "money_ar_negative_L3".
inline std::string ExampleName(const ::testing::TestParamInfo<Example>& info) {
  std::string stem = info.param.file.substr(0, info.param.file.find('.'));
  std::string name = stem + "_L" + std::to_string(info.param.line);
  if (!info.param.load_error.empty()) name = stem + "_unreadable";
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// One extractor for the whole test program, from $RASD_DATA (set by CTest) or
// the data folder found the usual way.
inline const Extractor& SharedExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    auto dir = FindDataDir();
    if (!dir.ok()) {
      ADD_FAILURE() << "no data folder: " << dir.status().message();
      return std::unique_ptr<Extractor>();
    }
    auto loaded = Extractor::Load(dir.value());
    if (!loaded.ok()) {
      ADD_FAILURE() << "cannot load the extractor from " << dir.value() << ": " << loaded.status().message();
      return std::unique_ptr<Extractor>();
    }
    return std::move(loaded.value());
  }();
  return *extractor;
}

inline Extraction Run(const Example& ex) {
  Document in;
  in.source = ex.Where();
  in.text = ex.at("input");
  in.published = ex.at("published");
  in.lang = ex.lang;
  ExtractOptions opt;
  opt.keep_mentions = true;
  return SharedExtractor().Extract(in, opt);
}

inline std::string Describe(const Mention& m) {
  std::ostringstream os;
  os.precision(15);
  os << m.kind << " [" << m.span.start << "," << m.span.end << ") \"" << m.text << "\"";
  if (!m.value.empty()) os << " value=" << m.value;
  else os << " value=" << m.number;
  if (!m.qualifier.empty()) os << " qualifier=" << m.qualifier;
  if (!m.currency.empty()) os << " currency=" << m.currency;
  if (!m.noun.empty()) os << " noun=" << m.noun;
  return os.str();
}

inline std::string DescribeAll(const std::vector<Mention>& ms) {
  std::string s;
  for (const Mention& m : ms) s += "\n    " + Describe(m);
  return s.empty() ? "\n    (no mentions)" : s;
}

inline bool NumericKind(const std::string& kind) {
  return kind == "number" || kind == "money" || kind == "count";
}

// Does the mention carry `expected` as its value? Numbers within half a
// centime; everything else as text.
inline bool ValueIs(const Mention& m, const std::string& expected) {
  if (NumericKind(m.kind)) {
    char* end = nullptr;
    double v = std::strtod(expected.c_str(), &end);
    return end && *end == '\0' && std::fabs(m.number - v) <= 0.005;
  }
  return m.value == expected;
}

inline std::string ValueOf(const Mention& m) {
  if (!NumericKind(m.kind)) return m.value;
  std::ostringstream os;
  os.precision(15);
  os << m.number;
  return os.str();
}

// The checks of one row.
inline void CheckExample(const Example& ex) {
  ASSERT_TRUE(ex.load_error.empty()) << ex.load_error;
  const std::string& input = ex.at("input");
  ASSERT_FALSE(input.empty()) << ex.Where() << ": row has no input";
  const std::string& kind = ex.kind;
  Extraction out = Run(ex);
  std::vector<Mention> of_kind;
  for (const Mention& m : out.mentions) {
    if (m.kind == kind) of_kind.push_back(m);
  }
  const std::string& value = ex.at("value");
  if (ex.negative) {
    for (const Mention& m : of_kind) {
      EXPECT_FALSE(value.empty() || ValueIs(m, value))
          << ex.Where() << ": \"" << input << "\" must yield no " << kind
          << (value.empty() ? "" : " of value " + value) << " (" << ex.at("why") << "), got " << Describe(m);
    }
    return;
  }
  const long start = std::stol(ex.at("start")), end = std::stol(ex.at("end"));
  const Mention* found = nullptr;
  for (const Mention& m : of_kind) {
    if (m.span.start == start && m.span.end == end && (!found || ValueIs(m, value))) found = &m;
  }
  ASSERT_TRUE(found != nullptr) << ex.Where() << ": \"" << input << "\": expected a " << kind << " over ["
                                << start << "," << end << ") \"" << ex.at("text") << "\" = " << value
                                << "; the extractor found:" << DescribeAll(out.mentions);
  EXPECT_TRUE(ValueIs(*found, value)) << ex.Where() << ": \"" << input << "\": " << kind << " \"" << found->text
                                      << "\": expected " << value << ", got " << ValueOf(*found);
  EXPECT_EQ(found->text, ex.at("text")) << ex.Where() << ": the span's text in the original";
  for (const char* field : {"qualifier", "currency", "noun"}) {
    const std::string& want = ex.at(field);
    if (want.empty()) continue;
    const std::string& got = std::string(field) == "qualifier" ? found->qualifier
                             : std::string(field) == "currency" ? found->currency
                                                                 : found->noun;
    EXPECT_EQ(got, want) << ex.Where() << ": \"" << input << "\": " << kind << " \"" << found->text << "\" "
                         << field;
  }
}

}  // namespace rasd::testing_examples

#endif  // RASD_TESTS_EXTRACT_EXAMPLE_TABLE_H_
