// The records rasd extracts from an article (see the fact model in the
// README): one per programme event or aggregate, every filled field with the
// evidence a person needs to check it.
#ifndef RASD_EXTRACT_RECORD_H_
#define RASD_EXTRACT_RECORD_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/span.h"

namespace rasd {

// Where a figure came from: its span, the sentence around it, and both texts.
struct Evidence {
  Span span;
  Span sentence;
  std::string text;           // the original text of `span`
  std::string sentence_text;  // the original text of `sentence`
  int64_t page = 0;           // the page `span` begins on (1-based) in a paged source (PDF); 0 otherwise
};

enum class Scope { kEvent, kAggregate };
enum class Qualifier { kExact, kApprox, kOver, kUnder };

// The names the fact model uses; inline so that code holding records without
// linking the extractor (the store) names them the same way.
inline const char* ScopeName(Scope s) { return s == Scope::kEvent ? "event" : "aggregate"; }

inline const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kApprox: return "approx";
    case Qualifier::kOver: return "over";
    case Qualifier::kUnder: return "under";
  }
  return "exact";
}

inline std::optional<Scope> ParseScope(const std::string& s) {
  if (s == "event") return Scope::kEvent;
  if (s == "aggregate") return Scope::kAggregate;
  return std::nullopt;
}

inline std::optional<Qualifier> ParseQualifier(const std::string& s) {
  if (s == "exact") return Qualifier::kExact;
  if (s == "approx") return Qualifier::kApprox;
  if (s == "over") return Qualifier::kOver;
  if (s == "under") return Qualifier::kUnder;
  return std::nullopt;
}

struct Record {
  Scope scope = Scope::kEvent;
  std::optional<std::string> province;      // ISO 3166-2:MA, e.g. "MA-SIK"
  std::optional<std::string> region;        // "MA-01" .. "MA-12"
  std::optional<std::string> date;          // YYYY-MM-DD, YYYY-MM or YYYY
  std::optional<std::string> period_start;  // aggregates only
  std::optional<int64_t> beneficiaries;
  std::optional<Qualifier> beneficiaries_qualifier;
  std::optional<int64_t> women;
  std::optional<int64_t> projects;
  std::optional<double> budget_mad;
  std::optional<Qualifier> budget_qualifier;
  std::vector<std::string> sectors;         // sector codes
  std::optional<std::string> programme;
  // Field name ("province", "budget_mad", ...) -> evidence. A sector's key is
  // "sectors/CODE".
  std::map<std::string, Evidence> evidence;
};

// A recognised piece of text, before records are built.
struct Mention {
  std::string kind;   // number, money, date, place, count, sector, ...
  Span span;          // in the original text
  std::string text;   // the original text of the span
  std::string value;  // the normalised value as text (number, ISO code, date, code)
  double number = 0;  // numeric value for number, money and count
  std::string currency;   // money: ISO code
  std::string qualifier;  // money and count: exact, approx, over, under
  std::string noun;       // count: beneficiaries, women, projects; place: province/region/town
};

// What extraction yields for one document.
struct Extraction {
  std::string source;
  std::string url;  // the document's URL when its input names one, else empty
  std::string lang;
  double lang_confidence = 0;
  std::string title;
  std::string published;  // YYYY-MM-DD or empty
  std::vector<Record> records;
  std::vector<Mention> mentions;  // filled when asked for
  size_t invalid_utf8 = 0;        // ill-formed sequences replaced in the input
};

}  // namespace rasd

#endif  // RASD_EXTRACT_RECORD_H_
