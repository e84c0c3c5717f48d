#include "extract/records.h"

#include <algorithm>
#include <cmath>

#include "common/utf8.h"
#include "extract/aggregates.h"
#include "extract/document_structure.h"
#include "extract/figures.h"
#include "extract/occasions.h"

namespace rasd {
namespace {

// "More than 60" beside an exact 28 is no rounding of it: a running total for
// the place, kept apart as an aggregate.
void KeepRunningTotal(const ArticleReading& art, const EventDraft& e, const Record& r, const Found& best,
                      std::vector<Record>* running_totals) {
  for (const Figure& fig : e.figures) {
    if (fig.field != "beneficiaries" || fig.f->qualifier != "over" || best.qualifier != "exact" || fig.f->value <= best.value) continue;
    Record total;
    total.scope = Scope::kAggregate;
    total.province = r.province;
    total.region = r.region;
    if (e.place) PutEvidence(art, total, "province", *e.place);
    total.beneficiaries = static_cast<int64_t>(fig.f->value);
    total.beneficiaries_qualifier = Qualifier::kOver;
    PutEvidence(art, total, "beneficiaries", *fig.f);
    running_totals->push_back(std::move(total));
    break;
  }
}

// Counts: an exact figure wins over a rounded one; the first of each kind.
void FillEventCounts(const ArticleReading& art, const EventDraft& e, Record& r, std::vector<Record>* running_totals) {
  for (const char* field : {"beneficiaries", "women", "projects"}) {
    const Found* best = nullptr;
    for (const Figure& fig : e.figures) {
      if (fig.field != field) continue;
      if (!best || (best->qualifier != "exact" && fig.f->qualifier == "exact")) best = fig.f;
    }
    if (!best) continue;
    int64_t v = static_cast<int64_t>(best->value);
    PutEvidence(art, r, field, *best);
    if (std::string(field) == "beneficiaries") {
      r.beneficiaries = v;
      r.beneficiaries_qualifier = QualifierOf(best->qualifier);
      KeepRunningTotal(art, e, r, *best, running_totals);
    } else if (std::string(field) == "women") {
      r.women = v;
    } else {
      r.projects = v;
    }
  }
}

// Budget: the largest amount (parts and per-person sums are smaller).
void FillEventBudget(const ArticleReading& art, const EventDraft& e, Record& r) {
  const Found* budget = nullptr;
  for (const Figure& fig : e.figures) {
    if (fig.field != "budget_mad") continue;
    // The same sum said twice ("9 ملايين سنتيم، أي حوالي 90 ألف درهم"): keep the one that says how exact it is.
    if (!budget || fig.f->value > budget->value + 0.5 ||
        (std::abs(fig.f->value - budget->value) <= 0.5 && budget->qualifier == "exact" && fig.f->qualifier != "exact")) {
      budget = fig.f;
    }
  }
  if (budget) {
    r.budget_mad = budget->value;
    r.budget_qualifier = QualifierOf(budget->qualifier);
    PutEvidence(art, r, "budget_mad", *budget);
  }
}

// The headline's figure for a field the body leaves empty, unless the body
// gives that value as a total of something else.
void FillFromTitle(const ArticleReading& art, const SortedFigures& figures, Record& r) {
  auto stated_elsewhere = [&](const Figure& t) {
    for (const auto& [s, figs] : figures.aggregate) {
      for (const Figure& f : figs) if (std::abs(f.f->value - t.f->value) < 0.5) return true;
    }
    return false;
  };
  // A headline whose figures disagree with the event's tells of something else
  // (a national total above a local ceremony).
  for (const Figure& t : figures.title) {
    const double v = t.f->value;
    if ((t.field == "beneficiaries" && r.beneficiaries && *r.beneficiaries != static_cast<int64_t>(v)) ||
        (t.field == "projects" && r.projects && *r.projects != static_cast<int64_t>(v)) ||
        (t.field == "budget_mad" && r.budget_mad && std::abs(*r.budget_mad - v) > 0.01 * v)) {
      return;
    }
  }
  for (const Figure& t : figures.title) {
    if (stated_elsewhere(t)) continue;
    const Found& f = *t.f;
    if (t.field == "beneficiaries" && !r.beneficiaries) {
      r.beneficiaries = static_cast<int64_t>(f.value);
      r.beneficiaries_qualifier = QualifierOf(f.qualifier);
    } else if (t.field == "women" && !r.women) {
      r.women = static_cast<int64_t>(f.value);
    } else if (t.field == "projects" && !r.projects) {
      r.projects = static_cast<int64_t>(f.value);
    } else if (t.field == "budget_mad" && !r.budget_mad) {
      r.budget_mad = f.value;
      r.budget_qualifier = QualifierOf(f.qualifier);
    } else {
      continue;
    }
    PutEvidence(art, r, t.field, f);
  }
}

Record EventRecord(const ArticleReading& art, const EventDraft& e, std::vector<Record>* running_totals) {
  Record r;
  r.scope = Scope::kEvent;
  if (!e.province.empty()) { r.province = e.province; }
  if (!e.region.empty()) r.region = e.region;
  if (e.place) {
    PutEvidence(art, r, "province", *e.place);
    if (r.region) r.evidence["region"] = r.evidence["province"];
  }
  if (e.date) {
    // An occasion over a few days is dated by the day it began.
    r.date = e.date->noun == "period" ? e.date->code : e.date->date.ToString();
    PutEvidence(art, r, "date", *e.date);
  }
  FillEventCounts(art, e, r, running_totals);
  FillEventBudget(art, e, r);
  return r;
}

// An agreement's envelope said twice, once beside the event's place, is still
// no event's budget; an event left with no figure told of nothing else.
void DropEnvelopesFromEvents(const std::vector<AggregateDraft>& aggregates, std::vector<EventDraft>* events,
                             std::vector<Record>* records) {
  for (size_t i = 0; i < records->size();) {
    Record& r = (*records)[i];
    bool envelope = false;
    for (const AggregateDraft& a : aggregates) {
      if (a.envelope && r.budget_mad && a.record.budget_mad && std::abs(*r.budget_mad - *a.record.budget_mad) < 0.5) envelope = true;
    }
    if (envelope) {
      r.budget_mad.reset();
      r.budget_qualifier.reset();
      r.evidence.erase("budget_mad");
    }
    const EventDraft& e = (*events)[i];
    bool empty = !r.beneficiaries && !r.women && !r.projects && !r.budget_mad;
    if (envelope && empty && !e.listed && !e.launch) {
      records->erase(records->begin() + static_cast<long>(i));
      events->erase(events->begin() + static_cast<long>(i));
    } else {
      ++i;
    }
  }
}

void AddSector(const ArticleReading& art, const Found& s, Record& r) {
  if (std::find(r.sectors.begin(), r.sectors.end(), s.code) != r.sectors.end()) return;
  r.sectors.push_back(s.code);
  PutEvidence(art, r, "sectors/" + s.code, s);
}

// A sector cue belongs to the record whose account it sits in: the event, or
// the combined total of the ceremonies, whose place or figure was named last
// before it. A programme's total takes them only when no event has figures of
// its own; an agreement's envelope and a comparison never do.
void AttachSectors(const ArticleReading& art, const std::vector<EventDraft>& events,
                   const std::vector<AggregateDraft>& aggregates, std::vector<Record>* records) {
  bool events_with_figures = false;
  for (const EventDraft& e : events) events_with_figures = events_with_figures || !e.figures.empty();
  for (const Found* s : SectorCues(art)) {
    Record* best = nullptr;
    size_t best_at = 0;
    auto consider = [&](size_t anchor, Record* r) {
      if (anchor <= s->tok_begin && (!best || anchor >= best_at)) { best = r; best_at = anchor; }
    };
    for (size_t i = 0; i < events.size(); ++i) {
      if (events[i].place) consider(events[i].place->tok_begin, &(*records)[i]);
      for (const Figure& f : events[i].figures) consider(f.f->tok_begin, &(*records)[i]);
    }
    for (size_t i = 0; i < aggregates.size(); ++i) {
      if (aggregates[i].envelope || aggregates[i].comparison || (events_with_figures && !aggregates[i].combined)) continue;
      for (size_t a : aggregates[i].anchors) consider(a, &(*records)[events.size() + i]);
    }
    if (!best && !events.empty()) best = &(*records)[0];
    if (best) AddSector(art, *s, *best);
  }
}

}  // namespace

std::vector<uint32_t> CodePointOffsets(std::string_view original) {
  std::vector<uint32_t> at;
  at.reserve(original.size() + 1);
  for (size_t i = 0; i < original.size(); ++i) {
    if ((static_cast<unsigned char>(original[i]) & 0xC0) != 0x80) at.push_back(static_cast<uint32_t>(i));
  }
  at.push_back(static_cast<uint32_t>(original.size()));
  return at;
}

Evidence MakeEvidence(const RecordContext& ctx, const Found& f) {
  const auto& toks = *ctx.doc->tokens;
  Evidence e;
  size_t b = toks[f.tok_begin].begin, en = toks[f.tok_end - 1].end;
  e.span = ctx.norm->ToOriginal(b, en);
  const ByteRange& s = (*ctx.sentences)[f.sentence];
  e.sentence = ctx.norm->ToOriginal(s.begin, s.end);
  auto slice = [&](const Span& span) {
    const std::vector<uint32_t>& at = *ctx.original_bytes;
    size_t b = std::min<size_t>(static_cast<size_t>(span.start), at.size() - 1);
    size_t en = std::min<size_t>(static_cast<size_t>(span.end), at.size() - 1);
    return std::string(ctx.original.substr(at[b], at[std::max(b, en)] - at[b]));
  };
  e.text = slice(e.span);
  e.sentence_text = slice(e.sentence);
  return e;
}

// The steps of reading an article: how it is laid out and whether it is about
// the programme; which of its figures tell of events and which of totals;
// where and when each event happened; then the records, events first.
std::vector<Record> BuildRecords(const RecordContext& ctx, const std::vector<Found>& mentions) {
  std::vector<Record> records;
  if (ctx.sentences->empty() || ctx.doc->tokens->empty()) return records;
  const ArticleReading art = ReadArticle(ctx, mentions);
  if (!AboutProgramme(art)) return records;

  SortedFigures figures = SortFigures(art);
  std::vector<EventDraft> events = DraftEvents(art, figures);
  SeparateCombinedTotals(art, &events, &figures);
  DateEvents(art, &events);

  std::vector<Record> running_totals;
  for (const EventDraft& e : events) records.push_back(EventRecord(art, e, &running_totals));
  if (records.size() == 1) FillFromTitle(art, figures, records.front());
  const Record* sole_event = events.size() == 1 ? &records.front() : nullptr;
  std::vector<AggregateDraft> aggregates = AggregateRecords(art, figures, sole_event);
  DropEnvelopesFromEvents(aggregates, &events, &records);
  for (AggregateDraft& a : aggregates) records.push_back(a.record);
  AttachSectors(art, events, aggregates, &records);
  // The programme the article names is that of everything it reports, but for
  // another period's total given for comparison.
  if (const Found* programme = ProgrammeCue(art)) {
    for (size_t i = 0; i < records.size(); ++i) {
      if (i >= events.size() && aggregates[i - events.size()].comparison) continue;
      records[i].programme = programme->code;
      PutEvidence(art, records[i], "programme", *programme);
    }
  }
  for (Record& total : running_totals) records.push_back(std::move(total));
  DropRepeatedAggregates(&records);
  return records;
}

}  // namespace rasd
