#include "store/gazetteer.h"

#include <algorithm>

#include "common/tsv.h"
#include "store/fingerprint.h"

namespace rasd::store {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return s;
}

// Folded and with separators made spaces, so "Beni-Mellal" finds "Béni Mellal".
std::string NameKey(const std::string& s) {
  std::string out;
  std::string folded = FoldForSearch(s);
  for (auto w : SearchWords(folded)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

Result<std::vector<Place>> LoadPlaces(const std::string& data_dir) {
  std::vector<Place> places;
  std::string path = data_dir + "/gazetteer/provinces.tsv";
  Status s = ReadTsv(path, /*has_header=*/true, [&](const TsvRow& row) -> Status {
    Place p;
    p.code = row.at(0);
    p.kind = row.at(1);
    p.region = row.at(2);
    p.name_fr = row.at(3);
    p.name_ar = row.at(4);
    p.variants_ar = row.at(5);
    p.variants_fr = row.at(6);
    if (p.code.rfind("MA-", 0) != 0 || p.kind.empty() || p.name_fr.empty() || p.name_ar.empty()) {
      return Status::InvalidArgument("a place needs a code MA-..., a type and both names");
    }
    if (p.kind != "region" && p.region.empty()) {
      return Status::InvalidArgument("province " + p.code + " has no parent region");
    }
    places.push_back(std::move(p));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (places.empty()) return Status::InvalidArgument(path + ": no places");
  return places;
}

std::string MatchPlace(const std::vector<Place>& places, const std::string& name, bool regions) {
  if (name.empty() || name.size() > 1000) return "";
  std::string code = Upper(name);
  if (code.rfind("MA-", 0) != 0) code = "MA-" + code;
  for (const Place& p : places) {
    if ((p.kind == "region") == regions && p.code == code) return p.code;
  }
  std::string key = NameKey(name);
  if (key.empty()) return "";
  for (const Place& p : places) {
    if ((p.kind == "region") != regions) continue;
    std::vector<std::string> names = {p.name_fr, p.name_ar};
    for (auto& v : SplitVariants(p.variants_fr)) names.push_back(v);
    for (auto& v : SplitVariants(p.variants_ar)) names.push_back(v);
    for (const auto& n : names) {
      if (NameKey(n) == key) return p.code;
    }
  }
  return "";
}

}  // namespace rasd::store
