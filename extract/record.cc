#include "extract/record.h"

namespace rasd {

const char* ScopeName(Scope s) { return s == Scope::kEvent ? "event" : "aggregate"; }

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kApprox: return "approx";
    case Qualifier::kOver: return "over";
    case Qualifier::kUnder: return "under";
  }
  return "exact";
}

std::optional<Scope> ParseScope(const std::string& s) {
  if (s == "event") return Scope::kEvent;
  if (s == "aggregate") return Scope::kAggregate;
  return std::nullopt;
}

std::optional<Qualifier> ParseQualifier(const std::string& s) {
  if (s == "exact") return Qualifier::kExact;
  if (s == "approx") return Qualifier::kApprox;
  if (s == "over") return Qualifier::kOver;
  if (s == "under") return Qualifier::kUnder;
  return std::nullopt;
}

}  // namespace rasd
