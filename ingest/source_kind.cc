#include "ingest/source_kind.h"

#include <algorithm>
#include <cctype>

#include "common/tsv.h"

namespace rasd::ingest {
namespace {

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  url.remove_prefix(scheme + 3);
  size_t end = url.find_first_of("/?#");
  std::string_view host = url.substr(0, end);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  std::string out(host);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Result<std::unique_ptr<SourceKinds>> SourceKinds::Load(const std::string& data_dir) {
  auto kinds = std::make_unique<SourceKinds>();
  Status s = ReadTsv(data_dir + "/sources/sites.tsv", true, [&](const TsvRow& row) -> Status {
    const std::string& kind = row.at(1);
    if (kind != "official" && kind != "press") return Status::InvalidArgument("kind must be official or press, not '" + kind + "'");
    std::string domain = row.at(0);
    for (char& c : domain) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    kinds->sites_.emplace_back(domain, kind);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  // The most specific domain first: mapexpress.ma before ma.
  std::stable_sort(kinds->sites_.begin(), kinds->sites_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  s = ReadTsv(data_dir + "/sources/communique_cues.tsv", true, [&](const TsvRow& row) -> Status {
    if (!row.at(0).empty()) kinds->cues_.push_back(row.at(0));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return kinds;
}

std::string SourceKinds::KindOfHost(std::string_view host) const {
  for (const auto& [domain, kind] : sites_) {
    if (host == domain || (host.size() > domain.size() && host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
                           host[host.size() - domain.size() - 1] == '.')) {
      return kind;
    }
  }
  return "";
}

std::string SourceKinds::Classify(const Document& doc) const {
  for (const std::string* url : {&doc.url, &doc.fetched_url}) {
    std::string kind = KindOfHost(HostOf(*url));
    if (kind == "official") return kind;
  }
  for (const std::string& cue : cues_) {
    if (doc.text.find(cue) != std::string::npos) return "official";
  }
  return "press";
}

}  // namespace rasd::ingest
