#include "store/merge.h"

#include "common/dates.h"

#include <algorithm>
#include <array>
#include <functional>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace rasd::store {
namespace {

std::optional<double> AsDouble(const std::optional<int64_t>& v) {
  return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
}

bool IsDayPrecise(std::string_view date) { return date.size() == 10 && DateRange(date).has_value(); }

struct FigureView {
  const char* name;
  std::optional<double> value;
  std::string_view qualifier;
  FigureKind kind;
};

std::array<FigureView, 4> Figures(const MergeRecord& r) {
  return {FigureView{"beneficiaries", AsDouble(r.beneficiaries), r.beneficiaries_qualifier, FigureKind::kCount},
          FigureView{"women", AsDouble(r.women), "", FigureKind::kCount},
          FigureView{"projects", AsDouble(r.projects), "", FigureKind::kCount},
          FigureView{"budget_mad", r.budget_mad, r.budget_qualifier, FigureKind::kAmount}};
}

// The unit of a round amount's last significant digit (1000 for 10,678,000)
// and how many significant digits it keeps.
void RoundUnit(double v, double* unit, int* digits) {
  double x = std::llround(std::fabs(v));
  *unit = 1;
  while (x >= 10 && std::fmod(x, 10) == 0) {
    x /= 10;
    *unit *= 10;
  }
  *digits = 0;
  for (; x >= 1; x = std::floor(x / 10)) ++*digits;
}

// One exact amount written as a rounding of the other.
bool IsRounding(double round, double exact) {
  double unit;
  int digits;
  RoundUnit(round, &unit, &digits);
  return unit >= 10 && digits >= 2 && std::fabs(round - exact) < unit / 2;
}

int DatePrecisionRank(std::string_view date) {
  if (!DateRange(date)) return 3;
  return date.size() == 10 ? 0 : date.size() == 7 ? 1 : 2;
}

int QualifierRank(std::string_view q) { return q.empty() || q == "exact" ? 0 : 1; }

}  // namespace

std::optional<DayRange> DateRange(std::string_view date) {
  Date d = ParseIsoDate(std::string(date));
  if (!d.valid() || d.year < 1900 || d.year > 2200) return std::nullopt;
  if (d.month == 0) return DayRange{DaysFromCivil(d.year, 1, 1), DaysFromCivil(d.year, 12, 31)};
  if (d.day == 0) return DayRange{DaysFromCivil(d.year, d.month, 1), DaysFromCivil(d.year, d.month, DaysInMonth(d.year, d.month))};
  int64_t day = DaysFromCivil(d.year, d.month, d.day);
  return DayRange{day, day};
}

std::string DayToIso(int64_t z) { return CivilFromDays(static_cast<long>(z)).ToString(); }

std::optional<DayRange> TimeWindow(const MergeRecord& r, const MergeOptions& o) {
  if (auto d = DateRange(r.date)) return d;
  if (auto p = DateRange(r.published)) return DayRange{p->hi - o.undated_window_days, p->hi};
  return std::nullopt;
}

int64_t Gap(const DayRange& a, const DayRange& b) { return std::max(a.lo, b.lo) - std::min(a.hi, b.hi); }

int64_t MonthIndex(int64_t day) {
  std::string iso = DayToIso(day);
  return std::stoll(iso.substr(0, 4)) * 12 + std::stoll(iso.substr(5, 2)) - 1;
}

std::string MergeKey(const MergeRecord& r) {
  std::string key = r.scope;
  key += '|';
  key += r.province;
  key += '|';
  if (r.province.empty()) key += r.region;
  return key;
}

FigureRelation CompareFigure(std::optional<double> a, std::string_view qa, std::optional<double> b,
                             std::string_view qb, FigureKind kind) {
  if (!a || !b) return FigureRelation::kAbsent;
  double x = *a, y = *b;
  // Budgets agree to the half dirham (a centime rounding of the same sum).
  if (std::fabs(x - y) <= (kind == FigureKind::kAmount ? 0.5 : 0)) return FigureRelation::kAgree;
  auto is = [](std::string_view q, const char* name) { return q == name; };
  // A bound agrees with every value on its side of it.
  auto bound_ok = [&](double bound, std::string_view q, double other, std::string_view other_q) {
    if (is(q, "over")) return other > bound || is(other_q, "over");
    if (is(q, "under")) return other < bound || is(other_q, "under");
    return false;
  };
  if (bound_ok(x, qa, y, qb) || bound_ok(y, qb, x, qa)) return FigureRelation::kAgree;
  if (is(qa, "approx") || is(qb, "approx")) {
    if (std::fabs(x - y) <= 0.1 * std::max(std::fabs(x), std::fabs(y))) return FigureRelation::kAgree;
  }
  // A count of people or projects is not rounded in the press the way a sum
  // of money is: 10 and 11 beneficiaries contradict each other.
  if (kind == FigureKind::kAmount && (IsRounding(x, y) || IsRounding(y, x))) return FigureRelation::kAgree;
  return FigureRelation::kDisagree;
}

void AddToSummary(EventSummary* e, const MergeRecord& r, const MergeOptions& options) {
  if (e->documents.empty()) e->key = MergeKey(r);
  e->documents.insert(r.document_id);
  e->clusters.insert(r.cluster_id);
  if (!r.programme.empty()) e->programmes.insert(r.programme);
  if (DateRange(r.date)) e->any_dated = true;
  if (IsDayPrecise(r.date)) e->days.insert(r.date);
  if (auto w = TimeWindow(r, options)) {
    if (!e->has_window) {
      e->hull = *w;
      e->max_lo = w->lo;
      e->min_hi = w->hi;
      e->has_window = true;
    } else {
      e->hull.lo = std::min(e->hull.lo, w->lo);
      e->hull.hi = std::max(e->hull.hi, w->hi);
      e->max_lo = std::max(e->max_lo, w->lo);
      e->min_hi = std::min(e->min_hi, w->hi);
    }
  }
  if (auto p = DateRange(r.period_start)) {
    e->period_max_lo = e->has_period ? std::max(e->period_max_lo, p->lo) : p->lo;
    e->period_min_hi = e->has_period ? std::min(e->period_min_hi, p->hi) : p->hi;
    e->has_period = true;
  }
  auto figures = Figures(r);
  for (size_t f = 0; f < figures.size(); ++f) {
    if (!figures[f].value) continue;
    auto& v = e->values[f];
    std::pair<double, std::string> entry(*figures[f].value, std::string(figures[f].qualifier));
    if (std::find(v.begin(), v.end(), entry) == v.end()) v.push_back(std::move(entry));
  }
}

EventSummary Summarize(const std::vector<MergeRecord>& members, const MergeOptions& options) {
  EventSummary e;
  for (const MergeRecord& m : members) AddToSummary(&e, m, options);
  return e;
}

Fit FitToEvent(const MergeRecord& r, const EventSummary& e, const MergeOptions& options) {
  Fit fit;
  if (e.documents.empty() || e.key != MergeKey(r)) return fit;
  if (e.documents.count(r.document_id)) return fit;  // a document's records are distinct occasions
  const auto window = TimeWindow(r, options);
  // Compatible with every member's window: with the latest start and the
  // earliest end among them.
  if (window && e.has_window &&
      std::max(window->lo, e.max_lo) - std::min(window->hi, e.min_hi) > options.max_gap_days) {
    return fit;
  }
  if (auto p = DateRange(r.period_start); p && e.has_period &&
      std::max(p->lo, e.period_max_lo) - std::min(p->hi, e.period_min_hi) > options.max_gap_days) {
    return fit;
  }
  if (!r.programme.empty() && !e.programmes.empty() && !e.programmes.count(r.programme)) return fit;
  int64_t closest = window && e.has_window ? std::max<int64_t>(0, Gap(*window, e.hull)) : 1000;
  bool near_duplicate = e.clusters.count(r.cluster_id) > 0;
  bool same_day = IsDayPrecise(r.date) && e.days.count(r.date) > 0;
  bool both_dated = DateRange(r.date).has_value() && e.any_dated;
  int agree = 0, disagree = 0;
  bool same_amount = false;  // the same sum of money, to the half dirham, on both sides
  auto mine = Figures(r);
  for (size_t f = 0; f < mine.size(); ++f) {
    bool any_agree = false, any_disagree = false;
    for (const auto& [value, qualifier] : e.values[f]) {
      auto rel = CompareFigure(mine[f].value, mine[f].qualifier, value, qualifier, mine[f].kind);
      any_agree |= rel == FigureRelation::kAgree;
      any_disagree |= rel == FigureRelation::kDisagree;
      same_amount |= mine[f].kind == FigureKind::kAmount && mine[f].value && std::fabs(*mine[f].value - value) <= 0.5 &&
                     mine[f].qualifier != "over" && mine[f].qualifier != "under" && qualifier != "over" &&
                     qualifier != "under";
    }
    if (any_disagree) {
      ++disagree;
    } else if (any_agree) {
      ++agree;
    }
  }
  // With no time at all on one side (no date, no publication date), a
  // single small count or a bound is a coincidence waiting to happen: 28
  // beneficiaries in Fès one year and 28 another. Then the same sum of
  // money, or two figures in agreement, say it is the same.
  if (!(window && e.has_window) && !near_duplicate && !same_amount && (agree < 2 || disagree > 0)) return fit;
  if (r.scope == "aggregate") {
    // Totals without a shared figure are different totals: a programme's
    // envelope and its count of projects for the same year are two.
    fit.joins = near_duplicate || (agree >= 1 && disagree == 0) || (both_dated && agree >= 1 && agree >= disagree);
  } else if (both_dated) {
    // The same province on compatible dates: the same occasion, whatever
    // figures each source gives.
    fit.joins = true;
  } else {
    // Without two stated dates, nothing says it is the same occasion unless
    // a figure does: an undated ceremony in a province is not every
    // ceremony there.
    fit.joins = near_duplicate || (agree >= 1 && agree > disagree);
  }
  fit.score = (near_duplicate ? 1000 : 0) + 100 * (agree - disagree) + (same_day ? 50 : 0) -
              static_cast<int>(std::min<int64_t>(closest, 49));
  return fit;
}

Fit FitToEvent(const MergeRecord& r, const std::vector<MergeRecord>& members, const MergeOptions& options) {
  return FitToEvent(r, Summarize(members, options), options);
}

std::vector<std::vector<size_t>> ClusterRecords(const std::vector<MergeRecord>& records, const MergeOptions& options) {
  std::vector<size_t> order(records.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const MergeRecord& x = records[a];
    const MergeRecord& y = records[b];
    return std::forward_as_tuple(DatePrecisionRank(x.date), x.date, x.uri, x.ordinal, x.record_id) <
           std::forward_as_tuple(DatePrecisionRank(y.date), y.date, y.uri, y.ordinal, y.record_id);
  });
  std::vector<std::vector<size_t>> events;
  std::vector<EventSummary> summaries;
  for (size_t i : order) {
    const MergeRecord& r = records[i];
    const auto window = TimeWindow(r, options);
    size_t best = events.size();
    int best_score = 0;
    for (size_t e = 0; e < events.size(); ++e) {
      const EventSummary& summary = summaries[e];
      // Most events are ruled out by their dates alone.
      if (window && summary.has_window && Gap(*window, summary.hull) > options.max_gap_days) continue;
      Fit fit = FitToEvent(r, summary, options);
      if (fit.joins && (best == events.size() || fit.score > best_score)) {
        best = e;
        best_score = fit.score;
      }
    }
    if (best == events.size()) {
      events.emplace_back();
      summaries.emplace_back();
    }
    events[best].push_back(i);
    AddToSummary(&summaries[best], r, options);
  }
  return events;
}

bool ConsolidatedEvent::has_contradiction() const {
  return std::any_of(differences.begin(), differences.end(),
                     [](const FigureDifference& d) { return d.kind == "contradiction"; });
}

ConsolidatedEvent Consolidate(const std::vector<MergeRecord>& records) {
  ConsolidatedEvent e;
  if (records.empty()) return e;
  // Record order breaks ties; sort references, not copies.
  std::vector<std::reference_wrapper<const MergeRecord>> members(records.begin(), records.end());
  std::sort(members.begin(), members.end(),
            [](const MergeRecord& a, const MergeRecord& b) { return a.record_id < b.record_id; });
  const MergeRecord& first = members.front();
  e.scope = first.scope;
  e.province = first.province;
  std::set<int64_t> docs, clusters;
  std::set<std::string> sectors;
  for (const MergeRecord& m : members) {
    docs.insert(m.document_id);
    clusters.insert(m.cluster_id);
    sectors.insert(m.sectors.begin(), m.sectors.end());
    if (e.region.empty()) e.region = m.region;
    if (e.programme.empty()) e.programme = m.programme;
  }
  e.source_count = static_cast<int64_t>(docs.size());
  e.independent_sources = static_cast<int64_t>(clusters.size());
  for (const auto& s : sectors) {
    if (!e.sectors.empty()) e.sectors += ',';
    e.sectors += s;
  }

  // Dates: the most precise one; among those, the one most sources give.
  auto pick_date = [&](auto get) {
    std::string best;
    std::map<std::string, std::set<int64_t>> support;
    for (const MergeRecord& m : members) {
      const std::string& d = get(m);
      if (DateRange(d)) support[d].insert(m.cluster_id);
    }
    size_t best_support = 0;
    for (const MergeRecord& m : members) {  // record order breaks ties
      const std::string& d = get(m);
      auto it = support.find(d);
      if (it == support.end()) continue;
      if (best.empty() || d.size() > best.size() || (d.size() == best.size() && it->second.size() > best_support)) {
        best = d;
        best_support = it->second.size();
      }
    }
    return best;
  };
  e.date = pick_date([](const MergeRecord& m) -> const std::string& { return m.date; });
  e.period_start = pick_date([](const MergeRecord& m) -> const std::string& { return m.period_start; });
  if (auto range = DateRange(e.date)) {
    e.date_lo = DayToIso(range->lo);
    e.date_hi = DayToIso(range->hi);
  }

  // Figures: the distinct values, each with the independent sources giving
  // it; a conflict when two of them disagree.
  auto consolidate = [&](size_t f, std::optional<double>* value, std::string* qualifier) {
    struct Candidate {
      double value;
      std::string qualifier;
      std::set<int64_t> clusters;
    };
    std::vector<Candidate> candidates;  // in record order
    for (const MergeRecord& m : members) {
      auto fig = Figures(m)[f];
      if (!fig.value) continue;
      auto it = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) {
        return c.value == *fig.value && c.qualifier == fig.qualifier;
      });
      if (it == candidates.end()) {
        candidates.push_back({*fig.value, std::string(fig.qualifier), {m.cluster_id}});
      } else {
        it->clusters.insert(m.cluster_id);
      }
    }
    if (candidates.empty()) return;
    const FigureKind kind = Figures(first)[f].kind;
    bool contradiction = false;
    for (size_t i = 0; i < candidates.size() && !contradiction; ++i) {
      for (size_t j = i + 1; j < candidates.size() && !contradiction; ++j) {
        contradiction = CompareFigure(candidates[i].value, candidates[i].qualifier, candidates[j].value,
                                      candidates[j].qualifier, kind) == FigureRelation::kDisagree;
      }
    }
    const Candidate* best = &candidates.front();
    for (const Candidate& c : candidates) {
      if (contradiction) {
        if (c.clusters.size() > best->clusters.size()) best = &c;
      } else {
        // All agree: an exact value says more than a bound or an estimate.
        int rank = QualifierRank(c.qualifier), best_rank = QualifierRank(best->qualifier);
        if (rank < best_rank || (rank == best_rank && c.clusters.size() > best->clusters.size())) best = &c;
      }
    }
    *value = best->value;
    if (qualifier) *qualifier = best->qualifier;
    if (candidates.size() > 1) {
      e.differences.push_back({Figures(first)[f].name, contradiction ? "contradiction" : "compatible"});
    }
  };
  std::optional<double> v;
  consolidate(0, &v, &e.beneficiaries_qualifier);
  if (v) e.beneficiaries = static_cast<int64_t>(std::llround(*v));
  v.reset();
  consolidate(1, &v, nullptr);
  if (v) e.women = static_cast<int64_t>(std::llround(*v));
  v.reset();
  consolidate(2, &v, nullptr);
  if (v) e.projects = static_cast<int64_t>(std::llround(*v));
  consolidate(3, &e.budget_mad, &e.budget_qualifier);
  return e;
}

}  // namespace rasd::store
