#include "extract/record_json.h"

#include <cmath>

namespace rasd {
namespace {

nlohmann::json EvidenceToJson(const Evidence& e) {
  nlohmann::json j = {{"start", e.span.start}, {"end", e.span.end}, {"text", e.text},
          {"sentence", {{"start", e.sentence.start}, {"end", e.sentence.end}, {"text", e.sentence_text}}}};
  if (e.page > 0) j["page"] = e.page;
  return j;
}

nlohmann::json Number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<int64_t>(v);
  return std::round(v * 100) / 100;
}

}  // namespace

nlohmann::json RecordToJson(const Record& r, bool with_evidence) {
  nlohmann::json j;
  j["scope"] = ScopeName(r.scope);
  j["province"] = r.province ? nlohmann::json(*r.province) : nlohmann::json(nullptr);
  j["region"] = r.region ? nlohmann::json(*r.region) : nlohmann::json(nullptr);
  j["date"] = r.date ? nlohmann::json(*r.date) : nlohmann::json(nullptr);
  if (r.period_start) j["period_start"] = *r.period_start;
  if (r.beneficiaries) {
    j["beneficiaries"] = *r.beneficiaries;
    j["beneficiaries_qualifier"] = QualifierName(r.beneficiaries_qualifier.value_or(Qualifier::kExact));
  }
  if (r.women) j["women"] = *r.women;
  if (r.projects) j["projects"] = *r.projects;
  if (r.budget_mad) {
    j["budget_mad"] = Number(*r.budget_mad);
    j["budget_qualifier"] = QualifierName(r.budget_qualifier.value_or(Qualifier::kExact));
  }
  j["sectors"] = r.sectors;
  j["programme"] = r.programme ? nlohmann::json(*r.programme) : nlohmann::json(nullptr);
  if (with_evidence) {
    nlohmann::json ev = nlohmann::json::object();
    for (const auto& [field, e] : r.evidence) ev[field] = EvidenceToJson(e);
    j["evidence"] = ev;
  }
  return j;
}

nlohmann::json MentionToJson(const Mention& m) {
  nlohmann::json j = {{"kind", m.kind}, {"start", m.span.start}, {"end", m.span.end}, {"text", m.text}};
  if (m.kind == "number" || m.kind == "money" || m.kind == "count") j["value"] = Number(m.number);
  else j["value"] = m.value;
  if (!m.currency.empty()) j["currency"] = m.currency;
  if (!m.qualifier.empty()) j["qualifier"] = m.qualifier;
  if (!m.noun.empty()) j["noun"] = m.noun;
  return j;
}

nlohmann::json ExtractionToJson(const Extraction& e, bool with_records, bool with_mentions) {
  nlohmann::json j;
  j["source"] = e.source;
  j["url"] = e.url.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.url);
  j["lang"] = e.lang;
  j["title"] = e.title;
  j["published"] = e.published.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.published);
  if (with_records) {
    j["records"] = nlohmann::json::array();
    for (const Record& r : e.records) j["records"].push_back(RecordToJson(r));
  }
  if (with_mentions) {
    j["mentions"] = nlohmann::json::array();
    for (const Mention& m : e.mentions) j["mentions"].push_back(MentionToJson(m));
  }
  return j;
}

Result<Record> RecordFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("a record must be a JSON object");
  Record r;
  auto scope = ParseScope(j.value("scope", "event"));
  if (!scope) return Status::InvalidArgument("unknown scope");
  r.scope = *scope;
  auto str = [&](const char* k) -> std::optional<std::string> {
    if (j.contains(k) && j[k].is_string()) return j[k].get<std::string>();
    return std::nullopt;
  };
  auto num = [&](const char* k) -> std::optional<double> {
    if (j.contains(k) && j[k].is_number()) return j[k].get<double>();
    return std::nullopt;
  };
  r.province = str("province");
  r.region = str("region");
  r.date = str("date");
  r.period_start = str("period_start");
  r.programme = str("programme");
  if (auto v = num("beneficiaries")) r.beneficiaries = static_cast<int64_t>(*v);
  if (auto v = num("women")) r.women = static_cast<int64_t>(*v);
  if (auto v = num("projects")) r.projects = static_cast<int64_t>(*v);
  r.budget_mad = num("budget_mad");
  if (auto q = str("beneficiaries_qualifier")) r.beneficiaries_qualifier = ParseQualifier(*q);
  if (auto q = str("budget_qualifier")) r.budget_qualifier = ParseQualifier(*q);
  if (j.contains("sectors") && j["sectors"].is_array()) {
    for (const auto& s : j["sectors"]) if (s.is_string()) r.sectors.push_back(s.get<std::string>());
  }
  if (j.contains("evidence") && j["evidence"].is_object()) {
    for (auto it = j["evidence"].begin(); it != j["evidence"].end(); ++it) {
      const auto& e = it.value();
      Evidence ev;
      ev.span = {e.value("start", int64_t{0}), e.value("end", int64_t{0})};
      ev.text = e.value("text", "");
      ev.page = e.value("page", int64_t{0});
      if (e.contains("sentence") && e["sentence"].is_object()) {
        ev.sentence = {e["sentence"].value("start", int64_t{0}), e["sentence"].value("end", int64_t{0})};
        ev.sentence_text = e["sentence"].value("text", "");
      }
      r.evidence[it.key()] = ev;
    }
  }
  return r;
}

}  // namespace rasd
