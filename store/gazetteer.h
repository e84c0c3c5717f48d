// The regions and provinces of data/gazetteer/provinces.tsv, as the store
// keeps them so that SQL joins give readable names.
#ifndef RASD_STORE_GAZETTEER_H_
#define RASD_STORE_GAZETTEER_H_

#include <string>
#include <vector>

#include "common/status.h"

namespace rasd::store {

struct Place {
  std::string code;    // ISO 3166-2:MA
  std::string kind;    // region, province, prefecture
  std::string region;  // parent region code (empty for a region)
  std::string name_fr, name_ar;
  std::string variants_fr, variants_ar;  // '|'-separated
};

// Reads data_dir/gazetteer/provinces.tsv.
Result<std::vector<Place>> LoadPlaces(const std::string& data_dir);

// Matches a user's name for a place (code in any case, or an Arabic or French
// name or variant, folded) against `places` of one kind ("region" or not).
// Returns the code, or empty.
std::string MatchPlace(const std::vector<Place>& places, const std::string& name, bool regions);

}  // namespace rasd::store

#endif  // RASD_STORE_GAZETTEER_H_
