#include "store/compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "store/merge.h"

namespace rasd::store {
namespace {

std::string Year(const std::string& date) { return date.size() >= 4 ? date.substr(0, 4) : ""; }

// The occasion two figures must share to be compared.
std::string OccasionKey(const SourceFigure& f) {
  if (f.scope == "event" && f.event_id > 0) return "event:" + std::to_string(f.event_id);
  return f.scope + ":" + f.province + ":" + f.region + ":" + f.date;
}

std::string GroupOf(const SourceFigure& f, CompareBy by) {
  switch (by) {
    case CompareBy::kProvince: return f.province.empty() ? (f.region.empty() ? "national" : f.region) : f.province;
    case CompareBy::kRegion: return f.region.empty() ? "national" : f.region;
    case CompareBy::kYear: return Year(f.date);
    case CompareBy::kEvent: return f.event_id > 0 ? "event " + std::to_string(f.event_id) : "record " + std::to_string(f.record_id);
  }
  return "";
}

std::string Text(const Value& v) {
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (auto i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto d = std::get_if<double>(&v)) return std::to_string(*d);
  return "";
}

double Number(const Value& v) {
  if (auto i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  if (auto d = std::get_if<double>(&v)) return *d;
  return 0;
}

Value FigureValue(const SourceFigure& f) {
  if (f.field != "budget_mad" || f.value == std::floor(f.value)) return static_cast<int64_t>(f.value);
  return f.value;
}

}  // namespace

std::vector<ComparedFigure> CompareSources(const std::vector<SourceFigure>& figures, CompareBy by) {
  // Official and press figures of each occasion and field.
  std::map<std::pair<std::string, std::string>, std::pair<std::vector<const SourceFigure*>, std::vector<const SourceFigure*>>> by_occasion;
  for (const SourceFigure& f : figures) {
    auto& sides = by_occasion[{OccasionKey(f), f.field}];
    (f.kind == "official" ? sides.first : sides.second).push_back(&f);
  }
  std::vector<ComparedFigure> out;
  for (const auto& [key, sides] : by_occasion) {
    for (const SourceFigure* o : sides.first) {
      for (const SourceFigure* p : sides.second) {
        ComparedFigure c;
        c.group = GroupOf(*o, by);
        c.period = by == CompareBy::kEvent ? o->date : Year(o->date);
        c.scope = o->scope;
        c.event_id = o->event_id;
        c.field = o->field;
        c.official = *o;
        c.press = *p;
        FigureKind kind = o->field == "budget_mad" ? FigureKind::kAmount : FigureKind::kCount;
        FigureRelation rel = CompareFigure(o->value, o->qualifier == "exact" ? "" : o->qualifier, p->value,
                                           p->qualifier == "exact" ? "" : p->qualifier, kind);
        if (rel == FigureRelation::kDisagree) c.relation = "contradiction";
        else if (o->value == p->value && o->qualifier == p->qualifier) c.relation = "agree";
        else c.relation = "compatible";
        out.push_back(std::move(c));
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const ComparedFigure& a, const ComparedFigure& b) {
    return std::tie(a.group, a.period, a.event_id, a.field, a.official.record_id, a.press.record_id) <
           std::tie(b.group, b.period, b.event_id, b.field, b.official.record_id, b.press.record_id);
  });
  return out;
}

Result<Table> Compare(Store* store, CompareBy by) {
  auto raw = store->SourceFigures();
  if (!raw.ok()) return raw.status();
  auto col = [&](const char* name) {
    return static_cast<size_t>(std::find(raw->columns.begin(), raw->columns.end(), name) - raw->columns.begin());
  };
  const size_t field = col("field"), value = col("value"), qualifier = col("qualifier"), record = col("record_id"),
               scope = col("scope"), province = col("province"), region = col("region"), date = col("date"),
               event = col("event_id"), kind = col("source_kind"), source = col("source"), sentence = col("sentence"),
               page = col("page");
  std::vector<SourceFigure> figures;
  figures.reserve(raw->rows.size());
  for (const auto& row : raw->rows) {
    SourceFigure f;
    f.field = Text(row[field]);
    f.value = Number(row[value]);
    f.qualifier = Text(row[qualifier]);
    f.record_id = static_cast<int64_t>(Number(row[record]));
    f.scope = Text(row[scope]);
    f.province = Text(row[province]);
    f.region = Text(row[region]);
    f.date = Text(row[date]);
    f.event_id = static_cast<int64_t>(Number(row[event]));
    f.kind = Text(row[kind]);
    f.source = Text(row[source]);
    f.sentence = Text(row[sentence]);
    if (auto p = std::get_if<int64_t>(&row[page])) f.page = *p;
    figures.push_back(std::move(f));
  }
  Table t;
  t.columns = {"group", "period", "scope", "event_id", "field", "relation", "official", "official_qualifier",
               "official_source", "official_page", "official_sentence", "press", "press_qualifier", "press_source",
               "press_page", "press_sentence"};
  auto page_value = [](const std::optional<int64_t>& p) { return p ? Value(*p) : Value(); };
  for (const ComparedFigure& c : CompareSources(figures, by)) {
    t.rows.push_back({c.group, c.period, c.scope, c.event_id > 0 ? Value(c.event_id) : Value(), c.field, c.relation,
                      FigureValue(c.official), c.official.qualifier, c.official.source, page_value(c.official.page),
                      c.official.sentence, FigureValue(c.press), c.press.qualifier, c.press.source,
                      page_value(c.press.page), c.press.sentence});
  }
  return t;
}

}  // namespace rasd::store
