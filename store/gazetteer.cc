#include "store/gazetteer.h"

#include <algorithm>

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
    for (const auto& n : p.Names()) {
      if (NameKey(n) == key) return p.code;
    }
  }
  return "";
}

}  // namespace rasd::store
