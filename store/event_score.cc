#include "store/event_score.h"

#include <set>

namespace rasd::store {
namespace {

std::string Name(const GoldRecordRef& r) { return r.first + "#" + std::to_string(r.second); }

}  // namespace

Result<EventClusters> ParseEventClusters(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("clusters") || !j["clusters"].is_array()) {
    return Status::InvalidArgument("expected an object with a \"clusters\" array");
  }
  EventClusters out;
  for (const auto& s : j.value("sets", nlohmann::json::array())) {
    if (s.is_string()) out.sets.push_back(s.get<std::string>());
  }
  for (const auto& c : j["clusters"]) {
    GoldCluster cluster;
    cluster.name = c.value("name", "");
    for (const auto& r : c.value("records", nlohmann::json::array())) {
      if (!r.is_array() || r.size() != 2 || !r[0].is_string() || !r[1].is_number_integer()) {
        return Status::InvalidArgument("cluster '" + cluster.name + "': a record is [file, index]");
      }
      cluster.records.emplace_back(r[0].get<std::string>(), r[1].get<int>());
    }
    if (cluster.records.size() < 2) {
      return Status::InvalidArgument("cluster '" + cluster.name + "' has fewer than two records");
    }
    for (const auto& d : c.value("differences", nlohmann::json::array())) {
      GoldDifference diff{d.value("field", ""), d.value("class", "")};
      if (diff.kind != "contradiction" && diff.kind != "compatible") {
        return Status::InvalidArgument("cluster '" + cluster.name + "': class must be contradiction or compatible");
      }
      cluster.differences.push_back(std::move(diff));
    }
    out.clusters.push_back(std::move(cluster));
  }
  return out;
}

EventScore ScoreEvents(const EventClusters& gold, const std::map<GoldRecordRef, int64_t>& event_of,
                       const std::vector<StoredDifference>& stored) {
  EventScore score;
  std::map<GoldRecordRef, size_t> cluster_of;
  for (size_t c = 0; c < gold.clusters.size(); ++c) {
    for (const auto& r : gold.clusters[c].records) cluster_of[r] = c + 1;
  }
  auto event = [&](const GoldRecordRef& r) {
    auto it = event_of.find(r);
    return it == event_of.end() ? int64_t{0} : it->second;
  };
  std::vector<GoldRecordRef> all;
  for (const auto& [r, e] : event_of) all.push_back(r);
  for (const auto& [r, c] : cluster_of) {
    if (!event_of.count(r)) all.push_back(r);  // a clustered record of an article not scored
  }
  for (size_t i = 0; i < all.size(); ++i) {
    for (size_t j = i + 1; j < all.size(); ++j) {
      const auto& a = all[i];
      const auto& b = all[j];
      if (a.first == b.first) continue;  // one article's records are distinct occasions
      auto ca = cluster_of.find(a), cb = cluster_of.find(b);
      bool same = ca != cluster_of.end() && cb != cluster_of.end() && ca->second == cb->second;
      bool merged = event(a) != 0 && event(a) == event(b);
      if (same && merged) {
        ++score.pairs.tp;
      } else if (same) {
        ++score.pairs.fn;
        score.missed_pairs.push_back(Name(a) + " + " + Name(b));
      } else if (merged) {
        ++score.pairs.fp;
        score.wrong_pairs.push_back(Name(a) + " + " + Name(b));
      }
    }
  }
  std::set<std::tuple<int64_t, std::string, std::string>> kept;
  for (const auto& d : stored) kept.insert({d.event_id, d.field, d.kind});
  for (const auto& c : gold.clusters) {
    std::set<int64_t> events;
    for (const auto& r : c.records) events.insert(event(r));
    for (const auto& d : c.differences) {
      ++score.differences;
      int64_t e = *events.begin();
      if (events.size() == 1 && e != 0 && kept.count({e, d.field, d.kind})) {
        ++score.surfaced;
      } else {
        score.missed_differences.push_back(c.name + ": " + d.field + " (" + d.kind + ")" +
                                           (events.size() == 1 && e != 0 ? "" : ": sources not merged"));
      }
    }
  }
  return score;
}

}  // namespace rasd::store
