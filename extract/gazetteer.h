// The gazetteer (data/gazetteer/): Morocco's regions, provinces and
// prefectures with their ISO 3166-2:MA codes, and the towns of each province,
// every one with its Arabic and French names and the variants the press
// writes. Read here only, for the extractor's place names and the store's
// regions and provinces alike.
#ifndef RASD_EXTRACT_GAZETTEER_H_
#define RASD_EXTRACT_GAZETTEER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace rasd {

struct Place {
  std::string code;    // ISO 3166-2:MA: the region, province or prefecture; a town's province
  std::string region;  // the region's code (a region's own)
  std::string kind;    // region, province, prefecture, town
  std::string name_fr, name_ar;
  std::string variants_fr, variants_ar;  // '|'-separated, as the data and the store keep them
  // Set in the extractor's table of names, which holds a place once for the
  // names that are only names and once more for those that are ordinary words
  // too (needs_cue.txt): those count only after an administrative noun.
  bool needs_cue = false;

  // Both names, then every variant.
  std::vector<std::string> Names() const;
};

struct Gazetteer {
  // provinces.tsv in file order (regions, then provinces and prefectures),
  // then the towns of cities.tsv.
  std::vector<Place> places;
  std::map<std::string, std::string> region_seat;  // region -> province of its seat (wilaya)
  std::vector<std::string> ordinary_words;         // needs_cue.txt, in key form

  // Whether `name` is one of the names that are ordinary words too.
  bool NeedsCue(std::string_view name) const;
};

// Reads <data_dir>/gazetteer/: provinces.tsv and cities.tsv (required),
// needs_cue.txt and region_seats.tsv (when present). A bad row is an error
// naming its file and line.
Result<Gazetteer> LoadGazetteer(const std::string& data_dir);

}  // namespace rasd

#endif  // RASD_EXTRACT_GAZETTEER_H_
