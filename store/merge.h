// One event, many sources: the rules that decide whether a record of one
// document describes the same occasion as records of other documents, and
// how an event's figures are consolidated from its sources. Pure functions,
// no database: the writer keeps each event's members and applies them.
#ifndef RASD_STORE_MERGE_H_
#define RASD_STORE_MERGE_H_

#include <cstdint>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::store {

// The days (since 1970-01-01) a date of the fact model allows: one day for
// YYYY-MM-DD, a month for YYYY-MM, a year for YYYY. nullopt when the text is
// not such a date.
struct DayRange {
  int64_t lo = 0;
  int64_t hi = 0;
};
std::optional<DayRange> DateRange(std::string_view date);
std::string DayToIso(int64_t day);

// What merging needs of a record.
struct MergeRecord {
  int64_t record_id = 0;
  int64_t document_id = 0;
  std::string uri;       // the document's identity: with `ordinal`, orders records whatever the ingest order
  int64_t ordinal = 0;   // the record's place among its document's records
  int64_t cluster_id = 0;  // the document's near-duplicate original (its own id when it is one)
  std::string scope;       // event | aggregate
  std::string province;    // empty when unknown
  std::string region;
  std::string date;        // as extracted; empty when unknown
  std::string period_start;
  std::string published;   // the document's publication date, empty when unknown
  std::optional<int64_t> beneficiaries;
  std::string beneficiaries_qualifier;  // exact, approx, over, under; empty means exact
  std::optional<int64_t> women;
  std::optional<int64_t> projects;
  std::optional<double> budget_mad;
  std::string budget_qualifier;
  std::vector<std::string> sectors;
  std::string programme;
};

struct MergeOptions {
  // Two dates are compatible when the days they allow are at most this far
  // apart ("a few days": a ceremony reported the day after, a late dispatch).
  int max_gap_days = 3;
  // A record without a date happened at most this many days before its
  // document was published: this keeps an undated record of a 2014 article
  // from joining a 2024 event. Without a publication date it joins any date.
  int undated_window_days = 45;
};

// The days a record's time allows: its date; without one, the weeks before
// its document's publication; nullopt when nothing is known.
std::optional<DayRange> TimeWindow(const MergeRecord& r, const MergeOptions& options);

// Days between two ranges; zero or negative when they overlap.
int64_t Gap(const DayRange& a, const DayRange& b);

// year * 12 + month - 1 of a day: the writer's index of events by month.
int64_t MonthIndex(int64_t day);

// Records only ever merge within one key: scope and province (or, for records
// without a province, the region; national totals share the empty key).
std::string MergeKey(const MergeRecord& r);

// What the rules need to know of an event, kept as members come and go so
// that fitting a record costs the same whatever the number of sources.
struct EventSummary {
  std::string key;                 // MergeKey of the members
  std::set<int64_t> documents;
  std::set<int64_t> clusters;
  std::set<std::string> programmes;  // named by members
  bool any_dated = false;          // some member states a date
  std::set<std::string> days;      // day-precise dates stated
  // Over members with a time window: the hull, and the latest start and
  // earliest end (a record is compatible with every member iff it is with
  // those two).
  bool has_window = false;
  DayRange hull;
  int64_t max_lo = 0, min_hi = 0;
  bool has_period = false;
  int64_t period_max_lo = 0, period_min_hi = 0;
  // Distinct (value, qualifier) of each figure: beneficiaries, women,
  // projects, budget_mad.
  std::array<std::vector<std::pair<double, std::string>>, 4> values;
};
void AddToSummary(EventSummary* summary, const MergeRecord& r, const MergeOptions& options);
EventSummary Summarize(const std::vector<MergeRecord>& members, const MergeOptions& options);

// Whether `r` may join the event made of `members` (all of r's key, none of
// r's document), and how well it fits; the clustering picks the best fit.
// Events are matched on identity, not on figures: a figure that differs is
// a disagreement between sources, never a reason to keep them apart.
//
// It never joins when its date is incompatible with a member's, or when
// both name a programme and the programmes differ. Then an occasion
// (scope event) joins when
//  - its document is a near-duplicate of a member's (the same dispatch), or
//  - both sides state dates (compatible: the same days within
//    max_gap_days, or a month or year that holds the other's day), or
//  - a date is missing on one side and at least one figure agrees, more
//    than disagree (an undated ceremony in a province is not every ceremony
//    there).
// A total (scope aggregate) joins on a near-duplicate, or on a shared
// figure when none disagrees, or, with dates stated on both sides, when
// agreements are at least as many as disagreements.
struct Fit {
  bool joins = false;
  int score = 0;
};
Fit FitToEvent(const MergeRecord& r, const EventSummary& event, const MergeOptions& options);
Fit FitToEvent(const MergeRecord& r, const std::vector<MergeRecord>& members, const MergeOptions& options);

// How two values of one figure relate. Qualified values (over 40, about
// 690,000) agree with the values they allow; so does a round budget with
// the exact one it rounds (10,678,000 and 10,678,415), when the round one
// keeps two significant digits or more and the difference is under half
// its last unit.
enum class FigureRelation { kAbsent, kAgree, kDisagree };
enum class FigureKind { kCount, kAmount };
FigureRelation CompareFigure(std::optional<double> a, std::string_view qa, std::optional<double> b,
                             std::string_view qb, FigureKind kind);

// Groups records of one merge key into events, each a list of indices into
// `records`. The records are taken in an order of their own (day-precise
// dates first, then months, years, undated; then by date, document uri and
// ordinal), each joining the event it fits best (FitToEvent), so the events
// are the same whatever order the documents were ingested in.
std::vector<std::vector<size_t>> ClusterRecords(const std::vector<MergeRecord>& records, const MergeOptions& options);

// Where an event's sources give different values for a figure: a
// contradiction when two of them disagree (10 and 11 beneficiaries), else
// compatible (a bound, an estimate or a rounding and the value it allows).
struct FigureDifference {
  std::string field;     // beneficiaries, women, projects, budget_mad
  std::string kind;      // contradiction | compatible
};

// An event's values, consolidated from its members. Where all sources agree,
// the exact value wins over qualified ones; where they contradict each
// other, the value the most independent sources give wins (the earliest on a
// tie). Every figure given differently by two sources is in `differences`.
struct ConsolidatedEvent {
  std::string scope, province, region;
  std::string date, date_lo, date_hi, period_start;
  std::optional<int64_t> beneficiaries;
  std::string beneficiaries_qualifier;
  std::optional<int64_t> women;
  std::optional<int64_t> projects;
  std::optional<double> budget_mad;
  std::string budget_qualifier;
  std::string sectors;  // sorted codes, ','-separated
  std::string programme;
  int64_t source_count = 0;
  int64_t independent_sources = 0;
  std::vector<FigureDifference> differences;
  bool has_contradiction() const;
};
ConsolidatedEvent Consolidate(const std::vector<MergeRecord>& members);

}  // namespace rasd::store

#endif  // RASD_STORE_MERGE_H_
