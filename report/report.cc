#include "report/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <tuple>

#include "common/utf8.h"
#include "report/geo.h"
#include "report/html.h"

namespace rasd::report {
namespace {

using store::Fields;
using store::Value;

constexpr double kMapWidth = 640;
constexpr int kClasses = 5;
// Sequential greens, light to dark; class 0 is "reached, figure not stated".
constexpr const char* kPalette[kClasses + 1] = {"#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"};
constexpr const char* kMeasures[] = {"beneficiaries", "events", "budget"};

const char* MeasureName(MapBy by) {
  switch (by) {
    case MapBy::kBeneficiaries: return "beneficiaries";
    case MapBy::kEvents: return "events";
    case MapBy::kBudget: return "budget";
  }
  return "beneficiaries";
}

// ---- words ----

class Labels {
 public:
  std::string operator()(const std::string& key) const {
    auto it = words_.find(key);
    return it == words_.end() ? key : it->second;
  }
  std::map<std::string, std::string> words_;
  std::string lang;
  char32_t thousands = ',';
};

Result<Labels> LoadLabels(const std::string& data_dir, const std::string& lang) {
  const std::string path = data_dir + "/report/labels.tsv";
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot read the report's words (is rasd's data folder complete?)");
  int column = lang == "en" ? 1 : lang == "fr" ? 2 : lang == "ar" ? 3 : 0;
  if (column == 0) return Status::InvalidArgument("--lang " + lang + ": the report speaks ar, fr or en");
  Labels labels;
  labels.lang = lang;
  labels.thousands = lang == "fr" ? U'\u202F' : ',';
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    if (cols.size() < 2) continue;
    const std::string& word = static_cast<int>(cols.size()) > column && !cols[column].empty() ? cols[column] : cols[1];
    labels.words_[cols[0]] = word;
  }
  return labels;
}

// ---- values ----

const Value* Find(const Fields& f, std::string_view name) {
  for (const auto& [k, v] : f) {
    if (k == name) return &v;
  }
  return nullptr;
}

std::string Str(const Value* v) {
  if (!v) return "";
  if (auto* s = std::get_if<std::string>(v)) return *s;
  if (auto* i = std::get_if<int64_t>(v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, std::fabs(*d - std::round(*d)) < 1e-9 ? "%.0f" : "%.2f", *d);
    return buf;
  }
  return "";
}
std::string Str(const Fields& f, std::string_view name) { return Str(Find(f, name)); }

double Num(const Value* v) {
  if (!v) return 0;
  if (auto* i = std::get_if<int64_t>(v)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(v)) return *d;
  return 0;
}
double Num(const Fields& f, std::string_view name) { return Num(Find(f, name)); }
bool Has(const Fields& f, std::string_view name) {
  const Value* v = Find(f, name);
  return v && !std::holds_alternative<std::monostate>(*v);
}

// 1300000 -> "1,300,000" (a narrow space in French).
std::string Group(double d, const Labels& l) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", std::round(d));
  std::string digits = buf, out;
  std::string sep;
  utf8::Append(l.thousands, &sep);
  size_t start = digits[0] == '-' ? 1 : 0;
  out = digits.substr(0, start);
  for (size_t i = start; i < digits.size(); ++i) {
    if (i > start && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

std::string QualifiedNumber(double d, const std::string& qualifier, const Labels& l) {
  std::string n = Group(d, l);
  if (qualifier == "approx" || qualifier == "over" || qualifier == "under") return l(qualifier) + " " + n;
  return n;
}

std::string FieldLabel(const std::string& field, const Labels& l) {
  if (field.rfind("sectors/", 0) == 0) return l("sectors");
  return l(field);
}

std::string FigureValue(const store::FigureEvidence& f, const Labels& l) {
  if (f.field == "beneficiaries" || f.field == "women" || f.field == "projects" || f.field == "budget_mad") {
    return QualifiedNumber(Num(&f.value), f.qualifier, l);
  }
  return Str(&f.value);
}

// ---- what the page shows ----

struct ProvinceStats {
  int64_t events = 0;
  double beneficiaries = 0, women = 0, projects = 0, budget = 0;
  std::string first, last;
};

struct RegionStats {
  int64_t events = 0, aggregates = 0;
  double beneficiaries = 0, budget = 0;
  std::set<std::string> provinces;
};

struct Model {
  store::Counts counts;
  std::map<std::string, ProvinceStats> provinces;  // reached, by code
  std::vector<store::EventDetail> events;          // scope event, date order
  std::vector<store::EventDetail> aggregates;
  store::Table conflicts;
};

Result<Model> Collect(store::Store* s) {
  Model m;
  auto counts = s->Count();
  if (!counts.ok()) return counts.status();
  m.counts = *counts;
  auto coverage = s->Coverage(store::CoverageBy::kAll);
  if (!coverage.ok()) return coverage.status();
  const auto& cols = coverage->rows.columns;
  for (const auto& row : coverage->rows.rows) {
    Fields f;
    for (size_t c = 0; c < row.size(); ++c) f.emplace_back(cols[c], row[c]);
    ProvinceStats p;
    p.events = static_cast<int64_t>(Num(f, "events"));
    p.beneficiaries = Num(f, "beneficiaries");
    p.women = Num(f, "women");
    p.projects = Num(f, "projects");
    p.budget = Num(f, "budget_mad");
    p.first = Str(f, "first_event");
    p.last = Str(f, "last_event");
    m.provinces[Str(f, "province")] = p;
  }
  auto all = s->Export({});
  if (!all.ok()) return all.status();
  for (auto& e : *all) (Str(e.event, "scope") == "aggregate" ? m.aggregates : m.events).push_back(std::move(e));
  auto conflicts = s->Conflicts({});
  if (!conflicts.ok()) return conflicts.status();
  m.conflicts = std::move(*conflicts);
  return m;
}

double Measure(const ProvinceStats& p, MapBy by) {
  switch (by) {
    case MapBy::kBeneficiaries: return p.beneficiaries;
    case MapBy::kEvents: return static_cast<double>(p.events);
    case MapBy::kBudget: return p.budget;
  }
  return 0;
}

// Class breaks: quantiles of the reached provinces' non-zero values, so the
// colours spread however skewed the figures are.
std::vector<double> Breaks(const Model& m, MapBy by) {
  std::vector<double> v;
  for (const auto& [code, p] : m.provinces) {
    if (Measure(p, by) > 0) v.push_back(Measure(p, by));
  }
  std::sort(v.begin(), v.end());
  std::vector<double> breaks;  // upper bound of classes 1..kClasses-1
  if (v.empty()) return breaks;
  for (int k = 1; k < kClasses; ++k) {
    double b = v[std::min(v.size() - 1, v.size() * k / kClasses)];
    if (breaks.empty() || b > breaks.back()) breaks.push_back(b);
  }
  if (!breaks.empty() && breaks.back() >= v.back()) breaks.pop_back();
  return breaks;
}

// -1: not reached; 0: reached, figure not stated; 1..: by value.
int ClassOf(const Model& m, const std::string& code, MapBy by, const std::vector<double>& breaks) {
  auto it = m.provinces.find(code);
  if (it == m.provinces.end() || it->second.events == 0) return -1;
  double v = Measure(it->second, by);
  if (v <= 0) return 0;
  int c = 1;
  for (double b : breaks) {
    if (v > b) ++c;
  }
  return c;
}

// ---- the map ----

std::string Legend(const Model& m, MapBy by, const std::vector<double>& breaks, const Labels& l, double x, double y,
                   bool on) {
  std::ostringstream o;
  o << "<g class=\"legend" << (on ? " on" : "") << "\" data-by=\"" << MeasureName(by) << "\" transform=\"translate("
    << x << ' ' << y << ")\" font-size=\"11\">";
  o << "<text x=\"0\" y=\"-6\" font-weight=\"bold\">" << Escape(l(MeasureName(by))) << "</text>";
  double lo = 0, top = 0;
  for (const auto& [code, p] : m.provinces) top = std::max(top, Measure(p, by));
  int row = 0;
  auto swatch = [&](const std::string& fill, const std::string& text) {
    o << "<rect x=\"0\" y=\"" << row * 16 << "\" width=\"14\" height=\"12\" fill=\"" << fill
      << "\" stroke=\"#777\" stroke-width=\"0.5\"/><text x=\"20\" y=\"" << row * 16 + 10 << "\">" << Escape(text)
      << "</text>";
    ++row;
  };
  for (size_t c = 0; c <= breaks.size() && top > 0; ++c) {
    double hi = c < breaks.size() ? breaks[c] : top;
    // Counts are whole: the class above 14 starts at 15.
    const double from = c == 0 ? 1 : by == MapBy::kBudget ? lo : lo + 1;
    swatch(kPalette[c + 1], from >= hi ? Group(hi, l) : Group(from, l) + " – " + Group(hi, l));
    lo = hi;
  }
  if (by != MapBy::kEvents) swatch(kPalette[0], l(MeasureName(by)) + ": ?");
  swatch("url(#unreached)", l("not_reached"));
  o << "</g>";
  return o.str();
}

std::string MapSvg(const Layers& layers, const Model& m, const Labels& l, MapBy by, bool standalone) {
  std::map<MapBy, std::vector<double>> breaks;
  for (MapBy b : {MapBy::kBeneficiaries, MapBy::kEvents, MapBy::kBudget}) breaks[b] = Breaks(m, b);
  const double legend_w = 190;
  const double w = layers.width + legend_w, h = std::max(layers.height, 260.0) + 18;
  std::ostringstream o;
  if (standalone) o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"map\" viewBox=\"0 0 " << w << ' ' << h << "\" width=\"" << w
    << "\" height=\"" << h << "\" font-family=\"DejaVu Sans, sans-serif\" direction=\"ltr\" role=\"img\">";
  o << "<title>" << Escape(l("map")) << "</title>";
  o << "<defs><pattern id=\"unreached\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
       "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e6e6e6\"/>"
       "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b0b0b0\" stroke-width=\"2\"/></pattern></defs>";
  o << "<rect width=\"" << w << "\" height=\"" << h << "\" fill=\"#f4f8fb\"/>";
  o << "<g id=\"provinces\" stroke=\"#ffffff\" stroke-width=\"0.6\">";
  for (const auto& s : layers.provinces) {
    auto it = m.provinces.find(s.id);
    const bool reached = it != m.provinces.end() && it->second.events > 0;
    ProvinceStats p = reached ? it->second : ProvinceStats{};
    int cls = ClassOf(m, s.id, by, breaks[by]);
    std::string fill = cls < 0 ? "url(#unreached)" : kPalette[cls];
    std::string tip = s.name_fr + " — " + s.name_ar + "\n" + l("events") + ": " + Group(p.events, l);
    if (reached) {
      tip += "\n" + l("beneficiaries") + ": " + Group(p.beneficiaries, l) + "\n" + l("budget") + ": " +
             Group(p.budget, l) + "\n" + l("first") + ": " + p.first + "\n" + l("last") + ": " + p.last;
    } else {
      tip += "\n" + l("not_reached");
    }
    if (reached && !standalone) o << "<a href=\"#prov-" << Escape(s.id) << "\">";
    o << "<path id=\"map-" << Escape(s.id) << "\" class=\"prov" << (reached ? " reached" : " unreached")
      << "\" fill=\"" << fill << "\" data-name-fr=\"" << Escape(s.name_fr) << "\" data-name-ar=\""
      << Escape(s.name_ar) << "\" data-events=\"" << p.events << "\" data-beneficiaries=\""
      << Escape(Group(p.beneficiaries, l)) << "\" data-budget=\"" << Escape(Group(p.budget, l)) << "\" data-first=\""
      << Escape(p.first) << "\" data-last=\"" << Escape(p.last) << "\"";
    for (MapBy b : {MapBy::kBeneficiaries, MapBy::kEvents, MapBy::kBudget}) {
      o << " data-c-" << MeasureName(b) << "=\"" << ClassOf(m, s.id, b, breaks[b]) << "\"";
    }
    o << " d=\"" << s.path << "\"><title>" << Escape(tip) << "</title></path>";
    if (reached && !standalone) o << "</a>";
  }
  o << "</g><g id=\"regions\" fill=\"none\" stroke=\"#5a6b7a\" stroke-width=\"1\" pointer-events=\"none\">";
  for (const auto& s : layers.regions) o << "<path d=\"" << s.path << "\"/>";
  o << "</g>";
  for (MapBy b : {MapBy::kBeneficiaries, MapBy::kEvents, MapBy::kBudget}) {
    if (standalone && b != by) continue;
    o << Legend(m, b, breaks[b], l, layers.width + 14, 40, b == by);
  }
  o << "<text x=\"" << w - 6 << "\" y=\"" << h - 6 << "\" text-anchor=\"end\" font-size=\"10\" fill=\"#555\">"
    << Escape(layers.attribution) << "</text>";
  o << "</svg>";
  return o.str();
}

// ---- the page ----

constexpr const char* kStyle = R"css(
:root{--ink:#1d2a36;--muted:#5c6b78;--line:#d5dde4;--mark:#ffe066;--bad:#c0392b;--ok:#2e7d32}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 "DejaVu Sans",system-ui,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{padding-top:18px;border-bottom:3px solid #006d2c}
h1{margin:0 0 4px;font-size:26px}
h2{margin:28px 0 10px;font-size:20px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{margin:18px 0 6px;font-size:17px}
.sub{color:var(--muted);margin:0 0 10px}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0 14px;padding:0;list-style:none}
.stats li{background:#f1f6f3;border:1px solid var(--line);border-radius:6px;padding:6px 12px}
.stats b{display:block;font-size:20px}
.notice{background:#fff6d6;border:1px solid #e8cf72;padding:10px 14px;border-radius:6px}
.mapbox{position:relative}
#map{max-width:100%;height:auto;direction:ltr}
#map .prov:hover{stroke:#1d2a36;stroke-width:1.5}
.legend{display:none}.legend.on{display:inline}
#tip{position:absolute;pointer-events:none;background:#1d2a36;color:#fff;padding:6px 9px;border-radius:5px;
 font-size:13px;white-space:pre-line;display:none;max-width:280px;z-index:2}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:start;vertical-align:top}
th{background:#f4f7f9}
td.n,th.n{text-align:end;font-variant-numeric:tabular-nums}
.agg{color:var(--muted)}
.event{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:8px 0}
.event h4{margin:0 0 4px;font-size:15px}
.event[data-conflict="1"]{border-color:var(--bad)}
.chips{list-style:none;margin:4px 0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.chips li{background:#eef3f7;border-radius:4px;padding:1px 7px;font-size:13px}
.chips li.conflict{background:#fbe3e0;color:var(--bad)}
.fig{margin:6px 0 8px;padding-inline-start:10px;border-inline-start:3px solid #a1d99b}
blockquote{margin:2px 0;font-size:15px}
[lang=ar]{font-size:1.05em}
mark{background:var(--mark);padding:0 2px;border-radius:2px}\nmark.x{background:#f8c4bd}
cite{display:block;font-size:12px;color:var(--muted);font-style:normal;overflow-wrap:anywhere}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0;position:sticky;top:0;
 background:#fff;padding:6px 0;border-bottom:1px solid var(--line);z-index:1}
.filters input[type=search]{min-width:280px;padding:4px 8px}
.hidden{display:none}
/* Off-screen events are laid out only when scrolled to: a page of thousands opens at once. */
section.prov,#aggregate-list,.cv{content-visibility:auto;contain-intrinsic-size:auto 600px}
.bad{color:var(--bad)}.okc{color:var(--ok)}
footer{color:var(--muted);font-size:12px;margin-top:30px;padding-bottom:30px}
)css";

// Tooltips, the measure switch and the filter. Everything from the data goes
// through textContent, never innerHTML. The page marks itself when the
// script ran to its end (data-ready), which the browser test checks.
constexpr const char* kScript = R"js(
(function(){
try{
var PALETTE=%PALETTE%;
var tip=document.getElementById('tip');
var box=document.querySelector('.mapbox');
var paths=document.querySelectorAll('#map path.prov');
paths.forEach(function(p){
  var t=p.querySelector('title'); var text=t?t.textContent:'';
  if(t){p.setAttribute('data-tip',text);t.remove();}
  p.addEventListener('mousemove',function(ev){
    var r=box.getBoundingClientRect();
    tip.textContent=p.getAttribute('data-tip');
    tip.style.display='block';
    tip.style.left=(ev.clientX-r.left+14)+'px';
    tip.style.top=(ev.clientY-r.top+14)+'px';
  });
  p.addEventListener('mouseleave',function(){tip.style.display='none';});
});
var by=document.getElementById('by');
function recolour(){
  var m=by.value;
  paths.forEach(function(p){
    var c=parseInt(p.getAttribute('data-c-'+m),10);
    p.setAttribute('fill',c<0?'url(#unreached)':PALETTE[c]);
  });
  document.querySelectorAll('#map .legend').forEach(function(g){
    g.classList.toggle('on',g.getAttribute('data-by')===m);
  });
}
if(by){by.addEventListener('change',recolour);}
var q=document.getElementById('q'), only=document.getElementById('only'), shown=document.getElementById('shown');
var events=document.querySelectorAll('article.event');
function filter(){
  var words=(q.value||'').toLowerCase().split(/\s+/).filter(Boolean), n=0;
  events.forEach(function(e){
    var text=e.textContent.toLowerCase();
    var ok=words.every(function(w){return text.indexOf(w)>=0;}) &&
           (!only.checked||e.getAttribute('data-conflict')==='1');
    e.classList.toggle('hidden',!ok); if(ok)n++;
  });
  document.querySelectorAll('section.prov').forEach(function(s){
    s.classList.toggle('hidden',!s.querySelector('article.event:not(.hidden)'));
  });
  shown.textContent=n;
}
if(q){q.addEventListener('input',filter);only.addEventListener('change',filter);}
void document.body.offsetHeight;
document.body.setAttribute('data-render-ms',Math.round(performance.now()));
document.body.setAttribute('data-ready','1');
}catch(e){document.body.setAttribute('data-error',String(e&&e.message||e));throw e;}
})();
)js";

std::string Palette() {
  std::string s = "[";
  for (int c = 0; c <= kClasses; ++c) s += std::string(c ? "," : "") + "'" + kPalette[c] + "'";
  return s + "]";
}

std::string ArabicName(const std::string& name) {
  return name.empty() ? "" : "<span lang=\"ar\" dir=\"rtl\">" + Escape(name) + "</span>";
}

std::string SourceCite(const std::string& source) {
  std::string href = SafeHref(source);
  if (href.empty()) return "<cite>" + Escape(source) + "</cite>";
  return "<cite><a href=\"" + href + "\">" + Escape(source) + "</a></cite>";
}

// An event: its figures, then each sentence of each source with the figures
// it gave marked.
void RenderEvent(const store::EventDetail& e, const Labels& l, std::ostringstream& o) {
  const auto& f = e.event;
  const std::string id = Str(f, "event_id");
  const bool conflict = Num(f, "has_conflict") > 0;
  o << "<article class=\"event\" id=\"event-" << Escape(id) << "\" data-conflict=\"" << (conflict ? 1 : 0)
    << "\"><h4>" << Escape(l("event")) << " " << Escape(id) << " · " << Escape(Has(f, "date") ? Str(f, "date") : l("undated"));
  if (Has(f, "province_fr")) o << " · " << Escape(Str(f, "province_fr")) << " " << ArabicName(Str(f, "province_ar"));
  else if (Has(f, "region_fr")) o << " · " << Escape(Str(f, "region_fr")) << " " << ArabicName(Str(f, "region_ar"));
  o << "</h4><ul class=\"chips\">";
  auto chip = [&](const std::string& field, const std::string& text) {
    bool bad = std::find(e.conflicts.begin(), e.conflicts.end(), field) != e.conflicts.end();
    o << "<li" << (bad ? " class=\"conflict\"" : "") << ">" << Escape(l(field)) << ": " << Escape(text)
      << (bad ? " ⚠" : "") << "</li>";
  };
  if (Has(f, "period_start")) chip("period_start", Str(f, "period_start"));
  if (Has(f, "beneficiaries")) chip("beneficiaries", QualifiedNumber(Num(f, "beneficiaries"), Str(f, "beneficiaries_qualifier"), l));
  if (Has(f, "women")) chip("women", Group(Num(f, "women"), l));
  if (Has(f, "projects")) chip("projects", Group(Num(f, "projects"), l));
  if (Has(f, "budget_mad")) chip("budget_mad", QualifiedNumber(Num(f, "budget_mad"), Str(f, "budget_qualifier"), l));
  if (Has(f, "sectors")) chip("sectors", Str(f, "sectors"));
  if (Has(f, "programme")) chip("programme", Str(f, "programme"));
  o << "<li>" << Escape(l("sources")) << ": " << Escape(Str(f, "sources")) << "</li></ul>";
  // Each source once, with the sentences its figures came from, every
  // figure marked where it stands.
  struct Sentence {
    std::string text;
    std::vector<Mark> marks;
  };
  std::vector<std::pair<std::string, std::vector<Sentence>>> sources;
  std::vector<int64_t> source_ids;
  for (const auto& fig : e.figures) {
    if (fig.sentence.empty()) continue;
    auto at = std::find(source_ids.begin(), source_ids.end(), fig.document_id) - source_ids.begin();
    if (at == static_cast<long>(source_ids.size())) {
      source_ids.push_back(fig.document_id);
      sources.push_back({fig.source, {}});
    }
    auto& sentences = sources[at].second;
    auto it = std::find_if(sentences.begin(), sentences.end(), [&](const Sentence& s) { return s.text == fig.sentence; });
    if (it == sentences.end()) {
      sentences.push_back({fig.sentence, {}});
      it = sentences.end() - 1;
    }
    it->marks.push_back({fig.mark_begin, fig.mark_end, FieldLabel(fig.field, l) + ": " + FigureValue(fig, l),
                         fig.in_conflict});
  }
  for (auto& [source, sentences] : sources) {
    o << "<div class=\"fig\">";
    for (auto& s : sentences) o << "<blockquote dir=\"auto\">" << MarkedSentence(s.text, std::move(s.marks)) << "</blockquote>";
    o << SourceCite(source) << "</div>";
  }
  o << "</article>";
}

std::string MonthOf(const std::string& date) { return date.size() >= 7 ? date.substr(0, 7) : ""; }

int MonthIndex(const std::string& ym) { return std::stoi(ym.substr(0, 4)) * 12 + std::stoi(ym.substr(5, 2)) - 1; }

std::string Timeline(const Model& m, const Labels& l) {
  std::map<int, int> per_month;
  int undated = 0;
  for (const auto& e : m.events) {
    std::string ym = MonthOf(Str(e.event, "date"));
    if (ym.empty() || ym[4] != '-') {
      ++undated;
      continue;
    }
    ++per_month[MonthIndex(ym)];
  }
  std::ostringstream o;
  if (per_month.empty()) {
    o << "<p class=\"sub\">" << Escape(l("undated")) << ": " << undated << "</p>";
    return o.str();
  }
  const int first = per_month.begin()->first, last = per_month.rbegin()->first;
  const int n = last - first + 1;
  int top = 0;
  for (const auto& [k, v] : per_month) top = std::max(top, v);
  const double w = 1000, h = 170, left = 30, bottom = 24, bw = (w - left - 6) / n;
  o << "<svg id=\"timeline\" viewBox=\"0 0 " << w << ' ' << h << "\" width=\"100%\" role=\"img\" "
    << "font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\" direction=\"ltr\">";
  o << "<line x1=\"" << left << "\" y1=\"" << h - bottom << "\" x2=\"" << w << "\" y2=\"" << h - bottom
    << "\" stroke=\"#999\"/>";
  o << "<text x=\"" << left - 4 << "\" y=\"14\" text-anchor=\"end\">" << top << "</text>";
  for (int i = 0; i < n; ++i) {
    int month = first + i;
    auto it = per_month.find(month);
    int v = it == per_month.end() ? 0 : it->second;
    char ym[16];
    std::snprintf(ym, sizeof ym, "%04d-%02d", month / 12, month % 12 + 1);
    if (v > 0) {
      double bh = (h - bottom - 10) * v / top;
      o << "<rect class=\"bar\" x=\"" << left + i * bw + bw * 0.1 << "\" y=\"" << h - bottom - bh << "\" width=\""
        << std::max(1.0, bw * 0.8) << "\" height=\"" << bh << "\" fill=\"#31a354\"><title>" << ym << ": " << v << " "
        << Escape(l("events")) << "</title></rect>";
    }
    if (month % 12 == 0 || i == 0) {
      o << "<text x=\"" << left + i * bw << "\" y=\"" << h - 8 << "\">" << ym << "</text>";
    }
  }
  o << "</svg>";
  if (undated) o << "<p class=\"sub\">" << Escape(l("undated")) << ": " << undated << "</p>";
  return o.str();
}

std::string RegionTable(const Model& m, const Layers& layers, const Labels& l) {
  std::map<std::string, std::string> region_of;
  for (const auto& s : layers.provinces) region_of[s.id] = s.region;
  std::map<std::string, RegionStats> regions;
  for (const auto& s : layers.regions) regions[s.id];
  auto region = [&](const Fields& f) {
    std::string r = Str(f, "region");
    if (r.empty()) r = region_of[Str(f, "province")];
    return r;
  };
  for (const auto& e : m.events) {
    auto& r = regions[region(e.event)];
    ++r.events;
    r.beneficiaries += Num(e.event, "beneficiaries");
    r.budget += Num(e.event, "budget_mad");
    if (Has(e.event, "province")) r.provinces.insert(Str(e.event, "province"));
  }
  for (const auto& e : m.aggregates) ++regions[region(e.event)].aggregates;
  std::map<std::string, int> province_count;
  for (const auto& s : layers.provinces) ++province_count[s.region];
  std::ostringstream o;
  o << "<table id=\"regions-table\"><thead><tr><th>" << Escape(l("region")) << "</th><th class=\"n\">"
    << Escape(l("provinces_reached")) << "</th><th class=\"n\">" << Escape(l("events")) << "</th><th class=\"n\">"
    << Escape(l("beneficiaries")) << "</th><th class=\"n\">" << Escape(l("budget")) << "</th><th class=\"n agg\">"
    << Escape(l("aggregates")) << "</th></tr></thead><tbody>";
  RegionStats total;
  // The events no region was found for come last.
  std::vector<std::pair<std::string, RegionStats>> rows(regions.begin(), regions.end());
  std::stable_partition(rows.begin(), rows.end(), [](const auto& r) { return !r.first.empty(); });
  for (const auto& [code, r] : rows) {
    std::string fr = code, ar;
    for (const auto& s : layers.regions) {
      if (s.id == code) fr = s.name_fr, ar = s.name_ar;
    }
    if (code.empty()) fr = l("no_region");
    o << "<tr><td>" << Escape(fr) << " " << ArabicName(ar) << "</td><td class=\"n\">" << r.provinces.size() << " / "
      << province_count[code] << "</td><td class=\"n\">" << r.events << "</td><td class=\"n\">"
      << Group(r.beneficiaries, l) << "</td><td class=\"n\">" << Group(r.budget, l) << "</td><td class=\"n agg\">"
      << r.aggregates << "</td></tr>";
    total.events += r.events, total.beneficiaries += r.beneficiaries, total.budget += r.budget;
    total.aggregates += r.aggregates;
  }
  o << "</tbody><tfoot><tr><th>" << Escape(l("total")) << "</th><th class=\"n\">" << m.provinces.size() << " / "
    << layers.provinces.size() << "</th><th class=\"n\">" << total.events << "</th><th class=\"n\">"
    << Group(total.beneficiaries, l) << "</th><th class=\"n\">" << Group(total.budget, l)
    << "</th><th class=\"n agg\">" << total.aggregates << "</th></tr></tfoot></table>";
  o << "<p class=\"sub\">" << Escape(l("aggregates")) << ": " << Escape(l("aggregates_note")) << "</p>";
  return o.str();
}

std::string ConflictTable(const Model& m, const Labels& l) {
  std::ostringstream o;
  if (m.conflicts.rows.empty()) return "<p class=\"okc\">" + Escape(l("conflicts_none")) + "</p>";
  o << "<table id=\"conflicts-table\"><thead><tr><th>" << Escape(l("event")) << "</th><th>" << Escape(l("province"))
    << "</th><th>" << Escape(l("field")) << "</th><th>" << Escape(l("class")) << "</th><th class=\"n\">"
    << Escape(l("value")) << "</th><th>" << Escape(l("source")) << "</th></tr></thead><tbody>";
  for (const auto& row : m.conflicts.rows) {
    Fields f;
    for (size_t c = 0; c < row.size(); ++c) f.emplace_back(m.conflicts.columns[c], row[c]);
    const std::string cls = Str(f, "class"), field = Str(f, "field");
    std::string value = Str(f, "value");
    if (field == "beneficiaries" || field == "women" || field == "projects" || field == "budget_mad") {
      value = QualifiedNumber(Num(f, "value"), Str(f, "qualifier"), l);
    }
    o << "<tr class=\"" << (cls == "contradiction" ? "bad" : "") << "\"><td><a href=\"#event-"
      << Escape(Str(f, "event_id")) << "\">" << Escape(Str(f, "event_id")) << "</a> " << Escape(Str(f, "date"))
      << "</td><td>" << Escape(Str(f, "province_fr")) << " " << ArabicName(Str(f, "province_ar")) << "</td><td>"
      << Escape(FieldLabel(field, l)) << "</td><td>" << Escape(l(cls)) << "</td><td class=\"n\">" << Escape(value)
      << "</td><td><mark dir=\"auto\">" << Escape(Str(f, "evidence")) << "</mark> "
      << SourceCite(Str(f, "source")) << "</td></tr>";
  }
  o << "</tbody></table>";
  return o.str();
}

std::string EventSections(const Model& m, const Layers& layers, const Labels& l) {
  std::ostringstream o;
  // Provinces in map order grouped by region, then events without a province.
  std::map<std::string, std::vector<const store::EventDetail*>> by_province;
  for (const auto& e : m.events) by_province[Str(e.event, "province")].push_back(&e);
  std::vector<const Shape*> order;
  for (const auto& s : layers.provinces) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const Shape* a, const Shape* b) {
    return std::tie(a->region, a->name_fr) < std::tie(b->region, b->name_fr);
  });
  std::set<std::string> drawn;
  auto section = [&](const std::string& code, const std::string& fr, const std::string& ar) {
    auto it = by_province.find(code);
    if (it == by_province.end()) return;
    drawn.insert(code);
    o << "<section class=\"prov\" id=\"prov-" << Escape(code.empty() ? "none" : code) << "\"><h3>" << Escape(fr)
      << " " << ArabicName(ar) << " <small class=\"sub\">" << Escape(code) << " · " << it->second.size() << " "
      << Escape(l("events")) << "</small></h3>";
    for (const auto* e : it->second) RenderEvent(*e, l, o);
    o << "</section>";
  };
  for (const auto* s : order) section(s->id, s->name_fr, s->name_ar);
  for (const auto& [code, events] : by_province) {
    if (drawn.count(code)) continue;
    section(code, code.empty() ? l("no_province") : Str(events.front()->event, "province_fr"),
            code.empty() ? "" : Str(events.front()->event, "province_ar"));
  }
  return o.str();
}

std::string Page(const Model& m, const Layers& layers, const Labels& l, const ReportOptions& opt) {
  const bool rtl = l.lang == "ar";
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"" << l.lang << "\" dir=\"" << (rtl ? "rtl" : "ltr") << "\"><head>"
    << "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    << "<meta name=\"generator\" content=\"rasd report\"><title>rasd — " << Escape(l("title")) << "</title><style>"
    << kStyle << "</style></head><body>";
  o << "<header><h1>" << Escape(l("title")) << "</h1><p class=\"sub\">" << Escape(l("subtitle"));
  if (!opt.title_suffix.empty()) o << " · " << Escape(l("store")) << ": <code>" << Escape(opt.title_suffix) << "</code>";
  o << "</p><ul class=\"stats\"><li><b id=\"reached-count\">" << m.provinces.size() << "</b>" << Escape(l("reached"))
    << " (" << Escape(l("of")) << " " << layers.provinces.size() << ")</li><li><b id=\"event-count\">"
    << m.events.size() << "</b>" << Escape(l("events")) << "</li><li><b>" << m.aggregates.size() << "</b>"
    << Escape(l("aggregates")) << "</li><li><b>" << m.counts.documents << "</b>" << Escape(l("documents"))
    << "</li></ul></header><main>";
  if (m.events.empty() && m.aggregates.empty()) {
    o << "<p class=\"notice\" id=\"empty\">" << Escape(l("empty")) << "</p>";
  }
  o << "<h2 id=\"map-title\">" << Escape(l("map")) << "</h2><p><label>" << Escape(l("colour_by"))
    << " <select id=\"by\">";
  for (const char* name : kMeasures) {
    o << "<option value=\"" << name << "\"" << (name == std::string(MeasureName(opt.by)) ? " selected" : "") << ">"
      << Escape(l(name)) << "</option>";
  }
  o << "</select></label></p><div class=\"mapbox\">" << MapSvg(layers, m, l, opt.by, false)
    << "<div id=\"tip\" role=\"tooltip\"></div></div>";
  o << "<h2>" << Escape(l("timeline")) << "</h2>" << Timeline(m, l);
  o << "<h2>" << Escape(l("regions")) << "</h2>" << RegionTable(m, layers, l);
  o << "<h2 id=\"events\">" << Escape(l("events_by_province")) << "</h2>";
  o << "<div class=\"filters\"><input type=\"search\" id=\"q\" placeholder=\"" << Escape(l("filter")) << "\" aria-label=\""
    << Escape(l("filter")) << "\"><label><input type=\"checkbox\" id=\"only\"> " << Escape(l("only_conflicts"))
    << "</label><span><span id=\"shown\">" << m.events.size() << "</span> " << Escape(l("shown")) << "</span></div>";
  o << EventSections(m, layers, l);
  o << "<h2 id=\"aggregates\">" << Escape(l("aggregates")) << "</h2><p class=\"sub\">" << Escape(l("aggregates_note"))
    << "</p><div id=\"aggregate-list\">";
  for (const auto& e : m.aggregates) RenderEvent(e, l, o);
  o << "</div><h2 id=\"conflicts\">" << Escape(l("conflicts")) << "</h2><div class=\"cv\">" << ConflictTable(m, l) << "</div>";
  o << "</main><footer><p>" << Escape(layers.attribution) << " · " << Escape(l("generated"))
    << " rasd report</p></footer><script>";
  std::string script = kScript;
  script.replace(script.find("%PALETTE%"), 9, Palette());
  o << script << "</script></body></html>\n";
  return o.str();
}

}  // namespace

Result<MapBy> ParseMapBy(const std::string& name) {
  if (name == "beneficiaries") return MapBy::kBeneficiaries;
  if (name == "events") return MapBy::kEvents;
  if (name == "budget" || name == "budget_mad") return MapBy::kBudget;
  return Status::InvalidArgument("--by " + name + ": colour by beneficiaries, events or budget");
}

namespace {

// What a page or a map is drawn from: the labels, the map layers, the store's
// figures.
struct Inputs {
  Labels labels;
  Layers layers;
  Model model;
};

Result<Inputs> Gather(store::Store* store, const ReportOptions& options) {
  auto labels = LoadLabels(options.data_dir, options.lang);
  if (!labels.ok()) return labels.status();
  auto layers = LoadLayers(options.data_dir, kMapWidth);
  if (!layers.ok()) return layers.status();
  auto model = Collect(store);
  if (!model.ok()) return model.status();
  return Inputs{std::move(*labels), std::move(*layers), std::move(*model)};
}

}  // namespace

Result<std::string> RenderReport(store::Store* store, const ReportOptions& options) {
  auto in = Gather(store, options);
  if (!in.ok()) return in.status();
  return Page(in->model, in->layers, in->labels, options);
}

Result<std::string> RenderMap(store::Store* store, const ReportOptions& options) {
  auto in = Gather(store, options);
  if (!in.ok()) return in.status();
  return MapSvg(in->layers, in->model, in->labels, options.by, true) + "\n";
}

}  // namespace rasd::report
