// The province and region outlines, projected for drawing. Internal to report/.
#ifndef RASD_REPORT_GEO_H_
#define RASD_REPORT_GEO_H_

#include <string>
#include <vector>

#include "common/status.h"

namespace rasd::report {

struct Shape {
  std::string id;  // ISO 3166-2:MA code
  std::string name_fr, name_ar;
  std::string region;  // parent region code (provinces)
  std::string path;    // SVG path data in the map's pixels
  double cx = 0, cy = 0;  // centre of the bounding box, pixels
};

struct Layers {
  double width = 0, height = 0;
  std::vector<Shape> provinces;
  std::vector<Shape> regions;
  std::string attribution;
};

// Reads data_dir/geo/{provinces,regions}.geojson, projects them (Mercator)
// to fit `width` pixels, and keeps only the points that show at that scale.
Result<Layers> LoadLayers(const std::string& data_dir, double width);

}  // namespace rasd::report

#endif  // RASD_REPORT_GEO_H_
