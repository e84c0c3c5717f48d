#include "extract/records.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "common/utf8.h"

namespace rasd {
namespace {

using K = Found::Kind;

struct SentenceInfo {
  std::set<std::string> cues;  // roles present
  bool active = true;          // before any teaser block
  bool title = false;
  bool byline = false;         // a short line with no figures: bylines, site names
};

bool Has(const SentenceInfo& s, const char* role) { return s.cues.count(role) > 0; }

struct Figure {
  const Found* f;
  std::string field;  // beneficiaries, women, projects, budget_mad
};

struct EventDraft {
  std::string province;
  std::string region;
  const Found* place = nullptr;
  std::vector<Figure> figures;
  const Found* date = nullptr;
  std::vector<size_t> sentences;
};

}  // namespace

Evidence MakeEvidence(const RecordContext& ctx, const Found& f) {
  const auto& toks = *ctx.doc->tokens;
  Evidence e;
  size_t b = toks[f.tok_begin].begin, en = toks[f.tok_end - 1].end;
  e.span = ctx.norm->ToOriginal(b, en);
  const ByteRange& s = (*ctx.sentences)[f.sentence];
  e.sentence = ctx.norm->ToOriginal(s.begin, s.end);
  e.text = std::string(utf8::SliceCodePoints(ctx.original, e.span.start, e.span.end));
  e.sentence_text = std::string(utf8::SliceCodePoints(ctx.original, e.sentence.start, e.sentence.end));
  return e;
}

std::vector<Record> BuildRecords(const RecordContext& ctx, const std::vector<Found>& mentions) {
  std::vector<Record> records;
  const auto& toks = *ctx.doc->tokens;
  const size_t nsent = ctx.sentences->size();
  if (nsent == 0 || toks.empty()) return records;
  std::vector<SentenceInfo> info(nsent);
  // Title: the sentences of the first line.
  {
    size_t first_line_end = ctx.doc->text.find('\n');
    // A crawled text may start with its lead: a long first line ending with a full stop.
    std::string_view first_line = ctx.doc->text.substr(0, first_line_end);
    while (!first_line.empty() && first_line.back() == ' ') first_line.remove_suffix(1);
    bool lead = utf8::CountCodePoints(first_line) > 150 && !first_line.empty() && first_line.back() == '.';
    for (size_t sn = 0; sn < nsent && !lead; ++sn) {
      if (sn == 0 || (*ctx.sentences)[sn].begin < first_line_end) info[sn].title = true;
    }
  }
  std::vector<size_t> sentence_tokens(nsent, 0);
  for (size_t t = 0; t < toks.size(); ++t) sentence_tokens[ctx.doc->sentence_of[t]]++;
  for (const Found& m : mentions) {
    if (m.kind == K::kCue) info[m.sentence].cues.insert(m.code);
  }
  // Everything after a "read also" or comments heading is not the article.
  for (const Found& m : mentions) {
    if (m.kind == K::kCue && m.code == "teaser" && m.sentence > 0 && sentence_tokens[m.sentence] <= 6) {
      for (size_t s = m.sentence; s < nsent; ++s) info[s].active = false;
      break;
    }
  }
  std::vector<bool> has_figure(nsent, false);
  for (const Found& m : mentions) {
    if (m.kind == K::kCount || m.kind == K::kMoney) has_figure[m.sentence] = true;
  }
  for (size_t s = 1; s < nsent; ++s) {
    info[s].byline = sentence_tokens[s] <= 8 && !has_figure[s];
  }
  auto comma_between = [&](size_t a, size_t b) {
    for (size_t t = a; t < b && t < toks.size(); ++t) {
      if (toks[t].kind == Token::Kind::kPunct && ctx.doc->text.substr(toks[t].begin, toks[t].end - toks[t].begin) == ",") return true;
    }
    return false;
  };
  // Is the document about the programme at all?
  int subject = 0, action = 0, foundation = 0;
  bool foreign_money = false, local_money = false, any_place = false;
  for (const Found& m : mentions) {
    if (!info[m.sentence].active) continue;
    if (m.kind == K::kCue) {
      subject += m.code == "subject";
      action += m.code == "action";
      foundation += m.code == "foundation";
    }
    if (m.kind == K::kMoney) (m.code == "MAD" ? local_money : foreign_money) = true;
    if (m.kind == K::kPlace) any_place = true;
  }
  // National totals name no place.
  bool national_total = false;
  for (const Found& m : mentions) {
    if ((m.kind == K::kCount || m.kind == K::kMoney) && info[m.sentence].active && !info[m.sentence].title &&
        Has(info[m.sentence], "aggregate")) national_total = true;
  }
  if (subject == 0 || (action == 0 && foundation == 0) || (!any_place && !national_total)) return records;
  // A headline about a pardon, a trial, a budget bill or inmates' training is
  // about something else, whatever programme words its body repeats.
  for (size_t sn = 0; sn < nsent && info[sn].title; ++sn) {
    if (Has(info[sn], "off_topic")) return records;
  }
  if (foreign_money && !local_money) return records;

  // Places that can be where an event happened.
  auto eligible = [&](const Found& p) {
    if (p.kind != K::kPlace || !info[p.sentence].active) return false;
    if (info[p.sentence].byline && !p.admin_cue) return false;
    // The parties of an agreement ("with the committees of X and Y") are not venues.
    for (const Found& c : mentions) {
      if (c.kind != K::kCue || c.code != "envelope" || c.sentence != p.sentence || c.tok_end > p.tok_begin) continue;
      std::set<std::string> listed;
      for (const Found& q : mentions) {
        if (q.kind == K::kPlace && q.sentence == p.sentence && q.tok_begin >= c.tok_end && q.noun != "region") listed.insert(q.code);
      }
      if (listed.size() >= 2) return false;
    }
    // A centre, prison or office "in X", or people "from X", does not place the event.
    for (const Found& c : mentions) {
      if (c.kind != K::kCue || c.sentence != p.sentence || c.tok_end > p.tok_begin) continue;
      if ((c.code == "centre" && p.tok_begin - c.tok_end <= 5) || c.code == "origin") {
        return false;
      }
    }
    return true;
  };
  auto province_of = [&](const Found& p, std::string* province, std::string* region) {
    const Place& pl = ctx.lex->place_values[p.place];
    if (pl.kind == "region") {
      *region = pl.code;
      province->clear();
      // "the seat of the wilaya of the region": the event is at the seat.
      for (const Found& c : mentions) {
        if (c.kind == K::kCue && c.code == "wilaya" && c.sentence == p.sentence && c.tok_end <= p.tok_begin &&
            p.tok_begin - c.tok_end <= 2) {
          auto it = ctx.lex->region_seat.find(pl.code);
          if (it != ctx.lex->region_seat.end()) *province = it->second;
        }
      }
    } else {
      *province = pl.code;
      *region = pl.region;
    }
  };

  // A sentence of national totals often runs on into the next one
  // ("... across the kingdom's regions. The projects numbered 303 ...").
  auto names_place = [&](size_t sentence) {
    for (const Found& p : mentions) if (p.kind == K::kPlace && p.sentence == sentence) return true;
    return false;
  };
  auto has_figure_before = [&](size_t sentence) { return has_figure[sentence]; };
  // Figures: counts and amounts in dirhams of the article's body.
  std::vector<Figure> event_figures;
  std::map<size_t, std::vector<Figure>> aggregate_figures;  // by sentence
  std::set<size_t> envelope_sentences;
  for (const Found& m : mentions) {
    if (!info[m.sentence].active || info[m.sentence].title) continue;
    Figure fig{&m, ""};
    if (m.kind == K::kCount) fig.field = m.noun;
    else if (m.kind == K::kMoney && m.code == "MAD" && m.value >= 1000) fig.field = "budget_mad";
    else continue;
    const SentenceInfo& si = info[m.sentence];
    bool envelope = false;
    if (fig.field == "budget_mad" && Has(si, "envelope")) {
      // The agreement's own envelope follows its mention with no figure of
      // the event (a count of projects, people) in between.
      for (const Found& c : mentions) {
        if (c.kind != K::kCue || c.code != "envelope" || c.sentence != m.sentence || c.tok_end > m.tok_begin) continue;
        bool count_between = false, budget_noun = false;
        for (const Found& x : mentions) {
          if (x.sentence != m.sentence || x.tok_begin < c.tok_end || x.tok_end > m.tok_begin) continue;
          if (x.kind == K::kCount) count_between = true;
          if (x.kind == K::kCue && x.code == "budget") budget_noun = true;
        }
        if (!count_between && budget_noun) envelope = true;
      }
    }
    bool aggregate = Has(si, "aggregate") || (m.sentence > 0 && Has(info[m.sentence - 1], "aggregate") && !names_place(m.sentence) &&
                                              !has_figure_before(m.sentence - 1));
    for (const Found& d : mentions) {
      if (d.kind == K::kDate && d.sentence == m.sentence && d.noun == "period") aggregate = true;
    }
    if (envelope) envelope_sentences.insert(m.sentence);
    if (envelope || aggregate) aggregate_figures[m.sentence].push_back(fig);
    else event_figures.push_back(fig);
  }

  // A figure that is the sum of the article's other figures of its kind is
  // their combined total: an aggregate, not one more event.
  for (const char* field : {"beneficiaries", "projects", "budget_mad"}) {
    for (size_t i = 0; i < event_figures.size(); ++i) {
      const Figure& cand = event_figures[i];
      if (cand.field != field) continue;
      double sum = 0;
      int parts = 0;
      std::set<double> seen;
      for (const Figure& o : event_figures) {
        if (o.field != field || o.f->sentence == cand.f->sentence || o.f->value == cand.f->value || seen.count(o.f->value)) continue;
        seen.insert(o.f->value);
        sum += o.f->value;
        ++parts;
      }
      double tolerance = std::string(field) == "budget_mad" ? 0.01 * cand.f->value : 0.5;
      if (parts >= 2 && std::abs(sum - cand.f->value) <= tolerance) {
        // Move every figure of the total's sentence with it.
        size_t s = cand.f->sentence;
        for (size_t j = 0; j < event_figures.size();) {
          if (event_figures[j].f->sentence == s) {
            aggregate_figures[s].push_back(event_figures[j]);
            event_figures.erase(event_figures.begin() + static_cast<long>(j));
          } else {
            ++j;
          }
        }
        i = static_cast<size_t>(-1);
      }
    }
  }

  // The event's place: in the figure's sentence, else the last place named
  // before it in the article, else the title's.
  const Found* title_place = nullptr;
  for (const Found& p : mentions) {
    if (p.kind == K::kPlace && info[p.sentence].title && p.noun != "region") { title_place = &p; break; }
  }
  auto place_for = [&](size_t sentence, size_t tok) -> const Found* {
    const Found* best = nullptr;
    const Found* dateline = nullptr;
    for (const Found& p : mentions) {
      if (!eligible(p)) continue;
      // The seat of a wilaya named in the figure's sentence is the venue.
      if (p.sentence == sentence && ctx.lex->place_values[p.place].kind == "region") {
        std::string prov, reg;
        province_of(p, &prov, &reg);
        if (!prov.empty()) return &p;
      }
      // The reporter's city places the event only when its sentence names no other place.
      if (p.dateline) {
        if (p.sentence <= sentence && (!dateline || dateline->sentence != sentence)) dateline = &p;
        continue;
      }
      if (p.sentence == sentence) {
        // The nearest place in the same clause; a comma between weighs as distance.
        auto cost = [&](const Found& q) {
          size_t a = std::min(q.tok_begin, tok), b = std::max(q.tok_end, tok);
          bool agreement_between = false;
          for (const Found& c : mentions) {
            if (c.kind == K::kCue && c.code == "envelope" && c.tok_begin >= a && c.tok_end <= b) agreement_between = true;
          }
          return (b - a) + (comma_between(a, b) ? 50 : 0) + (agreement_between ? 100 : 0) + (q.tok_begin > tok ? 1 : 0);
        };
        if (!best || best->sentence != sentence || cost(p) < cost(*best)) best = &p;
      } else if (p.sentence < sentence && !info[p.sentence].title && (!best || (best->sentence != sentence && p.tok_begin > best->tok_begin))) {
        best = &p;
      }
    }
    if (dateline && dateline->sentence == sentence && (!best || best->sentence != sentence)) best = dateline;
    if (!best && dateline) best = dateline;
    if (best && ctx.lex->place_values[best->place].kind == "region") {
      std::string prov, reg;
      province_of(*best, &prov, &reg);
      if (prov.empty() && title_place) return title_place;
    }
    return best ? best : title_place;
  };

  std::vector<EventDraft> events;
  auto draft_for = [&](const Found* p) -> EventDraft& {
    std::string prov, reg;
    if (p) province_of(*p, &prov, &reg);
    for (auto& e : events) {
      if (e.province == prov && (!prov.empty() || e.region == reg)) return e;
    }
    events.push_back({prov, reg, p, {}, nullptr, {}});
    return events.back();
  };
  auto has_origin = [&](size_t sentence) {
    for (const Found& c : mentions) if (c.kind == K::kCue && c.code == "origin" && c.sentence == sentence) return true;
    return false;
  };
  for (const Figure& fig : event_figures) {
    // A breakdown by where people come from belongs to the event just described.
    if (!events.empty() && has_origin(fig.f->sentence) && !events.back().figures.empty() &&
        events.back().figures.back().f->sentence != fig.f->sentence) {
      events.back().figures.push_back(fig);
      continue;
    }
    EventDraft& e = draft_for(place_for(fig.f->sentence, fig.f->tok_begin));
    e.figures.push_back(fig);
    e.sentences.push_back(fig.f->sentence);
  }
  // Places listed each with its own date ("Taza (18 juillet), Tarfaya (25 juillet)").
  {
    std::vector<std::pair<const Found*, const Found*>> pairs;
    for (const Found& p : mentions) {
      if (!eligible(p) || p.noun == "region") continue;
      for (const Found& d : mentions) {
        if (d.kind != K::kDate || d.sentence != p.sentence || d.tok_begin < p.tok_end || d.tok_begin - p.tok_end > 2 ||
            d.date.month == 0) continue;
        pairs.emplace_back(&p, &d);
        break;
      }
    }
    for (const auto& [p, d] : pairs) {
      int same_sentence = 0;
      for (const auto& q : pairs) same_sentence += q.first->sentence == p->sentence;
      if (same_sentence < 2) continue;
      EventDraft& e = draft_for(p);
      if (!e.date) e.date = d;
      e.sentences.push_back(p->sentence);
    }
  }
  if (events.empty()) {
    // A programme article with no figure: one event where it happened.
    const Found* p = title_place;
    if (!p) {
      std::map<std::string, int> votes;
      for (const Found& q : mentions) if (eligible(q) && q.noun != "region") votes[q.code]++;
      int best = 0;
      for (const Found& q : mentions) {
        if (eligible(q) && q.noun != "region" && votes[q.code] > best) { best = votes[q.code]; p = &q; }
      }
    }
    if (p && aggregate_figures.empty()) {
      EventDraft& e = draft_for(p);
      e.sentences.push_back(p->sentence);
    }
  }

  // Dates: the first event-like date in the event's sentences, else the
  // nearest before them, else the article's first.
  auto usable_date = [&](const Found& d) {
    if (d.kind != K::kDate || !info[d.sentence].active || d.noun == "period" || d.noun == "since") return false;
    for (const Found& c : mentions) {
      if (c.kind == K::kCue && c.code == "not_event_date" && c.sentence == d.sentence && c.tok_end <= d.tok_begin &&
          d.tok_begin - c.tok_end <= 12 && !comma_between(c.tok_end, d.tok_begin)) {
        return false;
      }
    }
    return true;
  };
  const Found* doc_date = nullptr;
  for (const Found& d : mentions) {
    if (usable_date(d) && !Has(info[d.sentence], "aggregate")) { doc_date = &d; break; }
  }
  for (EventDraft& e : events) {
    if (e.date) continue;
    size_t first = e.sentences.empty() ? 0 : *std::min_element(e.sentences.begin(), e.sentences.end());
    for (size_t s : e.sentences) {
      for (const Found& d : mentions) if (!e.date && d.sentence == s && usable_date(d)) e.date = &d;
    }
    if (!e.date && events.size() == 1) e.date = doc_date;
    if (!e.date && events.size() == 1) {
      for (const Found& d : mentions) if (!e.date && usable_date(d)) e.date = &d;
    }
    if (!e.date) {
      for (const Found& d : mentions) {
        if (usable_date(d) && d.sentence <= first && !Has(info[d.sentence], "aggregate")) e.date = &d;
      }
    }
  }

  // Sectors and programme: cues in sentences about the funded activities.
  std::vector<const Found*> sectors;
  const Found* programme = nullptr;
  for (const Found& m : mentions) {
    if (!info[m.sentence].active) continue;
    if (m.kind == K::kSector && Has(info[m.sentence], "sector_context") && !info[m.sentence].title) {
      sectors.push_back(&m);
    }
    if (m.kind == K::kProgramme && !programme) programme = &m;
  }

  // A sector cue belongs to the event whose account it sits in: the event
  // named last at or before its sentence.
  auto sector_event = [&](const Found& m) -> const EventDraft* {
    if (events.empty()) return nullptr;
    if (events.size() == 1) return &events[0];
    // The event whose place or figure was named last before the cue.
    const EventDraft* best = nullptr;
    size_t best_at = 0;
    for (const EventDraft& e : events) {
      std::vector<size_t> anchors;
      if (e.place) anchors.push_back(e.place->tok_begin);
      for (const Figure& f : e.figures) anchors.push_back(f.f->tok_begin);
      for (size_t a : anchors) {
        if (a <= m.tok_begin && (!best || a >= best_at)) { best = &e; best_at = a; }
      }
    }
    return best ? best : &events[0];
  };
  auto put = [&](Record& r, const std::string& field, const Found& f) { r.evidence[field] = MakeEvidence(ctx, f); };
  auto qualifier = [](const std::string& q) { return ParseQualifier(q).value_or(Qualifier::kExact); };

  std::vector<Record> running_totals;
  for (const EventDraft& e : events) {
    Record r;
    r.scope = Scope::kEvent;
    if (!e.province.empty()) { r.province = e.province; }
    if (!e.region.empty()) r.region = e.region;
    if (e.place) {
      put(r, "province", *e.place);
      if (r.region) r.evidence["region"] = r.evidence["province"];
    }
    if (e.date) { r.date = e.date->date.ToString(); put(r, "date", *e.date); }
    // Counts: an exact figure wins over a rounded one; the first of each kind.
    for (const char* field : {"beneficiaries", "women", "projects"}) {
      const Found* best = nullptr;
      for (const Figure& fig : e.figures) {
        if (fig.field != field) continue;
        if (!best || (best->qualifier != "exact" && fig.f->qualifier == "exact")) best = fig.f;
      }
      if (!best) continue;
      int64_t v = static_cast<int64_t>(best->value);
      put(r, field, *best);
      if (std::string(field) == "beneficiaries") {
        r.beneficiaries = v;
        r.beneficiaries_qualifier = qualifier(best->qualifier);
        // "More than 60" beside an exact 28 is no rounding of it: a running
        // total for the place, kept apart as an aggregate.
        for (const Figure& fig : e.figures) {
          if (fig.field != field || fig.f->qualifier != "over" || best->qualifier != "exact" || fig.f->value <= best->value) continue;
          Record total;
          total.scope = Scope::kAggregate;
          total.province = r.province;
          total.region = r.region;
          if (e.place) put(total, "province", *e.place);
          total.beneficiaries = static_cast<int64_t>(fig.f->value);
          total.beneficiaries_qualifier = Qualifier::kOver;
          put(total, "beneficiaries", *fig.f);
          running_totals.push_back(std::move(total));
          break;
        }
      } else if (std::string(field) == "women") {
        r.women = v;
      } else {
        r.projects = v;
      }
    }
    // Budget: the largest amount (parts and per-person sums are smaller).
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
      r.budget_qualifier = qualifier(budget->qualifier);
      put(r, "budget_mad", *budget);
    }
    for (const Found* s : sectors) {
      if (sector_event(*s) != &e) continue;
      if (std::find(r.sectors.begin(), r.sectors.end(), s->code) == r.sectors.end()) {
        r.sectors.push_back(s->code);
        put(r, "sectors/" + s->code, *s);
      }
    }
    if (programme) { r.programme = programme->code; put(r, "programme", *programme); }
    records.push_back(std::move(r));
  }
  for (Record& total : running_totals) records.push_back(std::move(total));

  // Aggregates: one per sentence of totals (adjacent sentences merged).
  std::vector<std::vector<Figure>> groups;
  size_t last_sentence = static_cast<size_t>(-1);
  bool last_envelope = false;
  for (auto& [s, figs] : aggregate_figures) {
    bool env = envelope_sentences.count(s) > 0;
    bool own_date = false;
    for (const Found& d : mentions) if (d.kind == K::kDate && d.sentence == s) own_date = true;
    if (!groups.empty() && s == last_sentence + 1 && env == last_envelope && !own_date) {
      groups.back().insert(groups.back().end(), figs.begin(), figs.end());
    } else {
      groups.push_back(figs);
    }
    last_sentence = s;
    last_envelope = env;
  }
  for (const auto& figs : groups) {
    Record r;
    r.scope = Scope::kAggregate;
    size_t s = figs.front().f->sentence;
    bool env = envelope_sentences.count(s) > 0;
    std::set<std::string> provinces, regions;
    const Found* place = nullptr;
    for (const Found& p : mentions) {
      if (p.sentence != s || !eligible(p) || p.dateline) continue;
      std::string prov, reg;
      province_of(p, &prov, &reg);
      // Totals over a region are the region's, wherever they were announced.
      if (ctx.lex->place_values[p.place].kind == "region") prov.clear();
      if (!prov.empty()) provinces.insert(prov);
      if (!reg.empty()) regions.insert(reg);
      place = &p;
    }
    if (provinces.size() == 1) {
      r.province = *provinces.begin();
      r.region = ctx.lex->region_of.count(*r.province) ? ctx.lex->region_of.at(*r.province) : "";
    } else if (regions.size() == 1) {
      r.region = *regions.begin();
    } else if (env && events.size() == 1 && records.size() >= 1 && records.front().province) {
      r.province = records.front().province;
      r.region = records.front().region;
    }
    if (place && (r.province || r.region)) put(r, "province", *place);
    // Dates: a period or date in the sentence, else the nearest before.
    const Found* date = nullptr;
    const Found* since = nullptr;  // "depuis 2017": the period's start, running to a later date
    for (const Found& d : mentions) {
      if (d.kind != K::kDate || d.sentence != s || !info[s].active) continue;
      (d.noun == "since" ? since : date) = &d;
    }
    if (!date && !env) {
      for (const Found& d : mentions) if (d.kind == K::kDate && d.sentence < s && usable_date(d)) date = &d;
    }
    // Two dates in a sentence of totals bound its period ("since 2019 to the end of February 2024").
    for (const Found& d : mentions) {
      if (!since && d.kind == K::kDate && d.sentence == s && date && d.date.ToString() < date->date.ToString()) since = &d;
    }
    if (since && date && !(since->date.ToString() < date->date.ToString())) since = nullptr;
    if (date && env && !since && date->noun != "period") {
      // An agreement's single date is when its period began, unless it is the signing day.
      if (usable_date(*date)) { r.period_start = date->date.ToString(); put(r, "period_start", *date); }
    } else if (date) {
      r.date = date->date.ToString();
      put(r, "date", *date);
      if (date->noun == "period") { r.period_start = date->code; put(r, "period_start", *date); }
      else if (since) { r.period_start = since->date.ToString(); put(r, "period_start", *since); }
    }
    for (const Figure& fig : figs) {
      const Found& f = *fig.f;
      if (fig.field == "beneficiaries" && !r.beneficiaries) {
        r.beneficiaries = static_cast<int64_t>(f.value);
        r.beneficiaries_qualifier = qualifier(f.qualifier);
        put(r, "beneficiaries", f);
      } else if (fig.field == "women" && !r.women) {
        r.women = static_cast<int64_t>(f.value);
        put(r, "women", f);
      } else if (fig.field == "projects" && !r.projects) {
        r.projects = static_cast<int64_t>(f.value);
        put(r, "projects", f);
      } else if (fig.field == "budget_mad" && (!r.budget_mad || f.value > *r.budget_mad)) {
        r.budget_mad = f.value;
        r.budget_qualifier = qualifier(f.qualifier);
        put(r, "budget_mad", f);
      }
    }
    if (r.province && r.evidence.count("province")) r.evidence["region"] = r.evidence["province"];
    records.push_back(std::move(r));
  }
  // The same total said twice (a headline, then the body) is one record: drop
  // an aggregate whose every figure another aggregate already gives.
  auto covered_by = [](const Record& a, const Record& b) {
    bool any = false;
    auto same = [&](const auto& x, const auto& y) {
      if (!x) return true;
      any = true;
      return y && *x == *y;
    };
    return same(a.beneficiaries, b.beneficiaries) && same(a.women, b.women) && same(a.projects, b.projects) &&
           same(a.budget_mad, b.budget_mad) && any;
  };
  for (size_t i = 0; i < records.size();) {
    bool dropped = false;
    for (size_t j = 0; j < records.size() && !dropped; ++j) {
      if (i == j || records[i].scope != Scope::kAggregate || records[j].scope != Scope::kAggregate) continue;
      if (covered_by(records[i], records[j]) && !(covered_by(records[j], records[i]) && j > i)) dropped = true;
    }
    if (dropped) records.erase(records.begin() + static_cast<long>(i));
    else ++i;
  }
  return records;
}

}  // namespace rasd
