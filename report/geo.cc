#include "report/geo.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace rasd::report {
namespace {

constexpr double kPi = 3.14159265358979323846;
// A point closer than this to the last one kept does not show on the page.
constexpr double kMinStepPx = 0.8;
constexpr double kMarginPx = 8;

struct Point {
  double x, y;
};

Point Mercator(double lon, double lat) {
  double phi = lat * kPi / 180;
  return {lon * kPi / 180, -std::log(std::tan(kPi / 4 + phi / 2))};
}

Result<nlohmann::json> ReadGeoJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot read the map outlines (is rasd's data folder complete?)");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("features") || !j["features"].is_array()) {
    return Status::Corruption(path + ": not a GeoJSON FeatureCollection");
  }
  return j;
}

// Every ring of a feature's Polygon or MultiPolygon geometry, in lon/lat.
std::vector<const nlohmann::json*> Rings(const nlohmann::json& feature) {
  std::vector<const nlohmann::json*> out;
  if (!feature.is_object() || !feature.contains("geometry")) return out;
  const auto& geometry = feature["geometry"];
  if (!geometry.is_object() || !geometry.contains("coordinates")) return out;
  const auto& c = geometry["coordinates"];
  const std::string type = geometry.value("type", "");
  if (type == "Polygon") {
    for (const auto& ring : c) out.push_back(&ring);
  } else if (type == "MultiPolygon") {
    for (const auto& poly : c) {
      for (const auto& ring : poly) out.push_back(&ring);
    }
  }
  return out;
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

struct Projection {
  double min_x = 1e9, max_x = -1e9, min_y = 1e9, max_y = -1e9, scale = 1;
  Point Apply(Point p) const { return {kMarginPx + (p.x - min_x) * scale, kMarginPx + (p.y - min_y) * scale}; }
};

Status ToShapes(const nlohmann::json& j, const Projection& proj, std::vector<Shape>* out) {
  for (const auto& f : j["features"]) {
    Shape s;
    const nlohmann::json props = f.value("properties", nlohmann::json::object());
    s.id = f.contains("id") && f["id"].is_string() ? f["id"].get<std::string>() : props.value("iso", "");
    s.name_fr = props.value("name_fr", "");
    s.name_ar = props.value("name_ar", "");
    s.region = props.value("parent_region_iso", "");
    double lo_x = 1e9, hi_x = -1e9, lo_y = 1e9, hi_y = -1e9;
    std::string d;
    for (const auto* ring : Rings(f)) {
      std::vector<Point> pts;
      for (const auto& c : *ring) {
        if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) continue;
        Point p = proj.Apply(Mercator(c[0].get<double>(), c[1].get<double>()));
        if (!pts.empty() && std::hypot(p.x - pts.back().x, p.y - pts.back().y) < kMinStepPx) continue;
        pts.push_back(p);
      }
      if (pts.size() < 3) continue;  // smaller than a pixel at this scale
      for (size_t i = 0; i < pts.size(); ++i) {
        d += (i == 0 ? "M" : "L") + Fmt(pts[i].x) + " " + Fmt(pts[i].y);
        lo_x = std::min(lo_x, pts[i].x), hi_x = std::max(hi_x, pts[i].x);
        lo_y = std::min(lo_y, pts[i].y), hi_y = std::max(hi_y, pts[i].y);
      }
      d += "Z";
    }
    if (s.id.empty() || d.empty()) continue;
    s.path = std::move(d);
    s.cx = (lo_x + hi_x) / 2, s.cy = (lo_y + hi_y) / 2;
    out->push_back(std::move(s));
  }
  return Status::Ok();
}

}  // namespace

Result<Layers> LoadLayers(const std::string& data_dir, double width) {
  auto provinces = ReadGeoJson(data_dir + "/geo/provinces.geojson");
  if (!provinces.ok()) return provinces.status();
  auto regions = ReadGeoJson(data_dir + "/geo/regions.geojson");
  if (!regions.ok()) return regions.status();
  // The frame: the provinces' extent, whatever the regions layer holds.
  Projection proj;
  for (const auto& f : (*provinces)["features"]) {
    for (const auto* ring : Rings(f)) {
      for (const auto& c : *ring) {
        if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) continue;
        Point p = Mercator(c[0].get<double>(), c[1].get<double>());
        proj.min_x = std::min(proj.min_x, p.x), proj.max_x = std::max(proj.max_x, p.x);
        proj.min_y = std::min(proj.min_y, p.y), proj.max_y = std::max(proj.max_y, p.y);
      }
    }
  }
  if (proj.max_x <= proj.min_x || proj.max_y <= proj.min_y) {
    return Status::Corruption(data_dir + "/geo/provinces.geojson: no coordinates");
  }
  proj.scale = (width - 2 * kMarginPx) / (proj.max_x - proj.min_x);
  Layers layers;
  layers.width = width;
  layers.height = std::ceil((proj.max_y - proj.min_y) * proj.scale + 2 * kMarginPx);
  layers.attribution = provinces->value("attribution", "© OpenStreetMap contributors, ODbL");
  if (auto s = ToShapes(*provinces, proj, &layers.provinces); !s.ok()) return s;
  if (auto s = ToShapes(*regions, proj, &layers.regions); !s.ok()) return s;
  return layers;
}

}  // namespace rasd::report
