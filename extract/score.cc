#include "extract/score.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace rasd {
namespace {

const char* kFields[] = {"province", "region", "date", "period_start", "beneficiaries",
                         "beneficiaries_qualifier", "women", "projects", "budget_mad", "budget_qualifier"};

bool Present(const nlohmann::json& r, const char* f) {
  if (!r.contains(f)) return false;
  const auto& v = r[f];
  return !v.is_null() && !(v.is_string() && v.get<std::string>().empty());
}

bool Same(const std::string& field, const nlohmann::json& g, const nlohmann::json& p) {
  if (p.is_null()) return false;
  if (field == "budget_mad" || field == "beneficiaries" || field == "women" || field == "projects") {
    if (!g.is_number() || !p.is_number()) return false;
    double a = g.get<double>(), b = p.get<double>();
    return field == "budget_mad" ? std::fabs(a - b) <= 0.5 : a == b;
  }
  auto str = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
  if (field == "date" || field == "period_start") {
    std::string gs = str(g), ps = str(p);
    return ps.size() >= gs.size() && ps.compare(0, gs.size(), gs) == 0;
  }
  return str(g) == str(p);
}

std::map<std::string, nlohmann::json> Facts(const nlohmann::json& r, const std::set<std::string>& ignore) {
  std::map<std::string, nlohmann::json> out;
  for (const char* f : kFields) {
    if (ignore.count(f) || !Present(r, f)) continue;
    out[f] = r[f];
  }
  for (auto [figure, qual] : {std::pair{"beneficiaries", "beneficiaries_qualifier"}, std::pair{"budget_mad", "budget_qualifier"}}) {
    if (out.count(figure) && !out.count(qual) && !ignore.count(qual)) out[qual] = "exact";
  }
  return out;
}

long DateKey(const nlohmann::json& d, bool* ok) {
  *ok = false;
  if (!d.is_string()) return 0;
  std::string s = d.get<std::string>() + "-01-01";
  int y = 0, m = 1, dd = 1;
  if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &dd) < 1) return 0;
  *ok = true;
  return y * 372L + m * 31L + dd;
}

std::set<std::string> IgnoreSet(const nlohmann::json& g) {
  std::set<std::string> s;
  if (g.contains("ignore") && g["ignore"].is_array()) for (const auto& x : g["ignore"]) if (x.is_string()) s.insert(x.get<std::string>());
  return s;
}

std::set<std::string> Strings(const nlohmann::json& r, const char* key) {
  std::set<std::string> s;
  if (r.contains(key) && r[key].is_array()) for (const auto& x : r[key]) if (x.is_string()) s.insert(x.get<std::string>());
  return s;
}

}  // namespace

void ScoreReport::Add(const ScoreReport& o) {
  records.tp += o.records.tp; records.fp += o.records.fp; records.fn += o.records.fn;
  facts.tp += o.facts.tp; facts.fp += o.facts.fp; facts.fn += o.facts.fn;
  for (const auto& [f, c] : o.by_field) {
    by_field[f].tp += c.tp; by_field[f].fp += c.fp; by_field[f].fn += c.fn;
  }
  docs.insert(docs.end(), o.docs.begin(), o.docs.end());
}

std::vector<std::pair<size_t, size_t>> PairRecords(const nlohmann::json& golds, const nlohmann::json& preds) {
  const size_t ng = golds.is_array() ? golds.size() : 0, np = preds.is_array() ? preds.size() : 0;
  std::vector<std::tuple<int, long, int, size_t, size_t>> cands;
  for (size_t gi = 0; gi < ng; ++gi) {
    for (size_t pi = 0; pi < np; ++pi) {
      const auto& g = golds[gi];
      const auto& p = preds[pi];
      if (g.value("scope", "event") != p.value("scope", "event")) continue;
      auto prov = [](const nlohmann::json& r) { return r.contains("province") && r["province"].is_string() ? r["province"].get<std::string>() : std::string(); };
      bool prov_eq = prov(g) == prov(p);
      bool gk_ok, pk_ok;
      long gk = DateKey(g.contains("date") ? g["date"] : nlohmann::json(), &gk_ok);
      long pk = DateKey(p.contains("date") ? p["date"] : nlohmann::json(), &pk_ok);
      long dd = gk_ok && pk_ok ? std::labs(gk - pk) : 1000000;
      int agree = 0;
      for (const char* f : kFields) if (Present(g, f) && Same(f, g[f], p.contains(f) ? p[f] : nlohmann::json())) ++agree;
      cands.emplace_back(prov_eq ? 0 : 1, dd, -agree, gi, pi);
    }
  }
  std::sort(cands.begin(), cands.end());
  std::vector<bool> used_g(ng), used_p(np);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (const auto& [rank, dd, agree, gi, pi] : cands) {
    if (used_g[gi] || used_p[pi]) continue;
    if (rank == 1 && Present(golds[gi], "province") && Present(preds[pi], "province")) continue;
    used_g[gi] = used_p[pi] = true;
    pairs.emplace_back(gi, pi);
  }
  return pairs;
}

ScoreReport ScoreDocument(const std::string& source, const nlohmann::json& golds, const nlohmann::json& preds) {
  ScoreReport rep;
  const size_t ng = golds.is_array() ? golds.size() : 0, np = preds.is_array() ? preds.size() : 0;
  const std::vector<std::pair<size_t, size_t>> pairs = PairRecords(golds, preds);
  std::vector<bool> used_g(ng), used_p(np);
  for (const auto& [gi, pi] : pairs) used_g[gi] = used_p[pi] = true;
  ScoreReport::Doc doc{source, ng, np, {}, {}};
  auto add = [&](const std::string& field, int k) {
    Counts& c = rep.by_field[field];
    Counts* cs[] = {&c, &rep.facts, &doc.facts};
    for (Counts* x : cs) (k == 0 ? x->tp : k == 1 ? x->fp : x->fn)++;
  };
  for (const auto& [gi, pi] : pairs) {
    const auto& g = golds[gi];
    const auto& p = preds[pi];
    std::set<std::string> ign = IgnoreSet(g);
    auto gf = Facts(g, ign), pf = Facts(p, ign);
    for (const auto& [f, gv] : gf) {
      auto it = pf.find(f);
      if (it != pf.end() && Same(f, gv, it->second)) add(f, 0);
      else { add(f, 2); if (it != pf.end()) add(f, 1); }
    }
    for (const auto& [f, pv] : pf) if (!gf.count(f)) add(f, 1);
    if (!ign.count("sectors")) {
      auto gs = Strings(g, "sectors"), opt = Strings(g, "optional_sectors"), ps = Strings(p, "sectors");
      for (const auto& s : gs) add("sectors", ps.count(s) ? 0 : 2);
      for (const auto& s : ps) if (!gs.count(s) && !opt.count(s)) add("sectors", 1);
    }
  }
  for (size_t gi = 0; gi < ng; ++gi) {
    if (used_g[gi]) continue;
    for (const auto& [f, v] : Facts(golds[gi], IgnoreSet(golds[gi]))) add(f, 2);
    for (size_t k = 0; k < Strings(golds[gi], "sectors").size(); ++k) add("sectors", 2);
  }
  for (size_t pi = 0; pi < np; ++pi) {
    if (used_p[pi]) continue;
    for (const auto& [f, v] : Facts(preds[pi], {})) add(f, 1);
    for (size_t k = 0; k < Strings(preds[pi], "sectors").size(); ++k) add("sectors", 1);
  }
  rep.records.tp = static_cast<long>(pairs.size());
  rep.records.fp = static_cast<long>(np - pairs.size());
  rep.records.fn = static_cast<long>(ng - pairs.size());
  doc.records = rep.records;
  rep.docs.push_back(doc);
  return rep;
}

}  // namespace rasd
