// Finding a place of the gazetteer (extract/gazetteer.h) by the name a user
// gives it in a query.
#ifndef RASD_STORE_GAZETTEER_H_
#define RASD_STORE_GAZETTEER_H_

#include <string>
#include <vector>

#include "extract/gazetteer.h"

namespace rasd::store {

// Matches a user's name for a place (code in any case, or an Arabic or French
// name or variant, folded) against `places` of one kind ("region" or not).
// Returns the code, or empty.
std::string MatchPlace(const std::vector<Place>& places, const std::string& name, bool regions);

}  // namespace rasd::store

#endif  // RASD_STORE_GAZETTEER_H_
