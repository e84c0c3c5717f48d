// report: what the store knows, drawn for people: one self-contained HTML
// page (a map of the provinces, a timeline, totals per region, every event
// with each figure inside its sentence, the differences between sources) and
// the map alone as SVG.
//
//   auto store = store::Store::Open({.read_only = true}, "rasd.db");
//   auto html = report::RenderReport(store->get(), {.lang = "fr", .data_dir = dir});  // or set the fields
//
// The page needs no network: styles, the map and a little script are inline.
// Geometry comes from data_dir/geo/provinces.geojson (OpenStreetMap, ODbL;
// the page says so), words from data_dir/report/labels.tsv.
#ifndef RASD_REPORT_REPORT_H_
#define RASD_REPORT_REPORT_H_

#include <string>

#include "common/status.h"
#include "store/store.h"

namespace rasd::report {

enum class MapBy { kBeneficiaries, kEvents, kBudget };

// "beneficiaries", "events", "budget"; an unknown name is kInvalidArgument.
Result<MapBy> ParseMapBy(const std::string& name);

struct ReportOptions {
  std::string lang = "fr";  // ar | fr | en: the page's words
  std::string data_dir;     // rasd's data folder (FindDataDir)
  MapBy by = MapBy::kBeneficiaries;  // the map's colours (the page can switch)
  std::string title_suffix;  // shown after the title, e.g. the store's file name
};

// The whole page. A store without events gives a page that says so.
Result<std::string> RenderReport(store::Store* store, const ReportOptions& options);

// The map alone, a standalone SVG document, coloured by options.by.
Result<std::string> RenderMap(store::Store* store, const ReportOptions& options);

}  // namespace rasd::report

#endif  // RASD_REPORT_REPORT_H_
