#include "extract/gazetteer.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "common/tsv.h"
#include "normalize/normalize.h"

namespace rasd {
namespace fs = std::filesystem;

std::vector<std::string> Place::Names() const {
  std::vector<std::string> names;
  for (const std::string* n : {&name_ar, &name_fr}) {
    if (!n->empty()) names.push_back(*n);
  }
  for (auto& v : SplitVariants(variants_ar)) names.push_back(std::move(v));
  for (auto& v : SplitVariants(variants_fr)) names.push_back(std::move(v));
  return names;
}

bool Gazetteer::NeedsCue(std::string_view name) const {
  return std::find(ordinary_words.begin(), ordinary_words.end(), NormalizeKey(name)) != ordinary_words.end();
}

Result<Gazetteer> LoadGazetteer(const std::string& data_dir) {
  Gazetteer g;
  const fs::path dir = fs::path(data_dir) / "gazetteer";
  std::error_code ec;
  Status s;
  if (fs::exists(dir / "needs_cue.txt", ec)) {
    s = ReadTsv((dir / "needs_cue.txt").string(), false, [&](const TsvRow& row) {
      g.ordinary_words.push_back(NormalizeKey(row.at(0)));
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  std::set<std::string> provinces;  // the codes a town may belong to
  // provinces.tsv: iso_code type parent_region_iso name_fr name_ar ar_variants fr_variants
  s = ReadTsv((dir / "provinces.tsv").string(), true, [&](const TsvRow& row) {
    Place p;
    p.code = row.at(0);
    p.kind = row.at(1);
    p.region = p.kind == "region" ? p.code : row.at(2);
    p.name_fr = row.at(3);
    p.name_ar = row.at(4);
    p.variants_ar = row.at(5);
    p.variants_fr = row.at(6);
    if (p.code.rfind("MA-", 0) != 0) return Status::InvalidArgument("bad ISO code '" + p.code + "'");
    if (p.kind.empty() || p.name_fr.empty() || p.name_ar.empty()) {
      return Status::InvalidArgument("a place needs a code MA-..., a type and both names");
    }
    if (p.region.empty()) return Status::InvalidArgument("province " + p.code + " has no parent region");
    if (p.kind != "region") provinces.insert(p.code);
    g.places.push_back(std::move(p));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (g.places.empty()) return Status::InvalidArgument((dir / "provinces.tsv").string() + ": no places");
  // cities.tsv: name_ar name_fr province_iso region_iso hcp_code kind population ar_variants fr_variants note
  s = ReadTsv((dir / "cities.tsv").string(), true, [&](const TsvRow& row) {
    Place p;
    p.name_ar = row.at(0);
    p.name_fr = row.at(1);
    p.code = row.at(2);
    p.region = row.at(3);
    p.kind = "town";
    p.variants_ar = row.at(7);
    p.variants_fr = row.at(8);
    if (!provinces.count(p.code)) return Status::InvalidArgument("unknown province '" + p.code + "'");
    g.places.push_back(std::move(p));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (fs::exists(dir / "region_seats.tsv", ec)) {
    s = ReadTsv((dir / "region_seats.tsv").string(), true, [&](const TsvRow& row) {
      g.region_seat[row.at(0)] = row.at(1);
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  return g;
}

}  // namespace rasd
