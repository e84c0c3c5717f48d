#include "extract/occasions.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "common/utf8.h"

namespace rasd {
namespace {

using K = Found::Kind;

// The title's place: the fallback venue of an article's events.
const Found* TitlePlace(const ArticleReading& art) {
  for (const Found& p : art.mentions) {
    if (p.kind == K::kPlace && art.info[p.sentence].title && p.noun != "region") return &p;
  }
  return nullptr;
}

// How far place q lies from the figure at token tok: the nearest place in the
// same clause wins, so a comma or an agreement between weighs as distance.
size_t PlaceCost(const ArticleReading& art, const Found& q, size_t tok) {
  size_t a = std::min(q.tok_begin, tok), b = std::max(q.tok_end, tok);
  bool agreement_between = false;
  for (const Found& c : art.mentions) {
    if (c.kind == K::kCue && c.code == "envelope" && c.tok_begin >= a && c.tok_end <= b) agreement_between = true;
  }
  return (b - a) + (CommaBetween(art, a, b) ? 50 : 0) + (agreement_between ? 100 : 0) + (q.tok_begin > tok ? 1 : 0);
}

// Is place p one of the list of places that follows cue c: "ينحدرون من أقاليم
// الرحامنة واليوسفية"? Between two items stand only punctuation, short
// linking words, administrative nouns, and figures in parentheses.
bool InListAfter(const ArticleReading& art, const Found& c, const Found& p) {
  const auto& toks = *art.ctx.doc->tokens;
  std::string_view text = art.ctx.doc->text;
  std::vector<const Found*> places;
  for (const Found& q : art.mentions) {
    if (q.kind == K::kPlace && q.sentence == c.sentence && q.tok_begin >= c.tok_end && q.tok_begin <= p.tok_begin) places.push_back(&q);
  }
  std::sort(places.begin(), places.end(), [](const Found* a, const Found* b) { return a->tok_begin < b->tok_begin; });
  auto is_admin = [&](size_t t) {
    for (const Found& a : art.mentions) {
      if (a.kind == K::kCue && (a.code == "admin" || a.code == "link") && t >= a.tok_begin && t < a.tok_end) return true;
    }
    return false;
  };
  size_t at = c.tok_end;
  for (const Found* q : places) {
    if (q->tok_begin < at) continue;
    if (q->tok_begin - at > 8) return false;
    int depth = 0;
    for (size_t t = at; t < q->tok_begin; ++t) {
      std::string_view w = TokenText(text, toks[t]);
      if (toks[t].kind == Token::Kind::kPunct) {
        depth += w == "(" ? 1 : (w == ")" ? -1 : 0);
        continue;
      }
      // Short linking words, and an item the gazetteer does not know in a list
      // joined by "و" ("، وأغادير، ").
      bool joined_item = w.compare(0, 2, "\xD9\x88") == 0 && t > at && TokenText(text, toks[t - 1]) == ",";
      if (depth > 0 || toks[t].kind == Token::Kind::kDigits || utf8::CountCodePoints(w) <= 3 || is_admin(t) || joined_item) continue;
      return false;
    }
    if (q == &p) return true;
    at = q->tok_end;
  }
  return false;
}

// "لكل من عمالة X وعمالة Y": "each of", a list, not people "from" X.
bool AfterEachOf(const ArticleReading& art, const Found& c) {
  for (const Found& e : art.mentions) {
    if (e.kind == K::kCue && e.code == "each_of" && e.sentence == c.sentence && e.tok_begin <= c.tok_begin &&
        e.tok_end > c.tok_begin) return true;
  }
  return false;
}

bool AfterAgreement(const ArticleReading& art, const Found& p) {
  for (const Found& c : art.mentions) {
    if (c.kind == K::kCue && c.code == "envelope" && c.sentence == p.sentence && c.tok_end <= p.tok_begin) return true;
  }
  return false;
}

// The event's place: in the figure's sentence, else the last place named
// before it in the article, else the title's.
const Found* PlaceFor(const ArticleReading& art, const Found* title_place, size_t sentence, size_t tok,
                      bool allow_centre = false) {
  const auto& mentions = art.mentions;
  const auto& info = art.info;
  const RecordContext& ctx = art.ctx;
  const Found* best = nullptr;
  const Found* dateline = nullptr;
  for (const Found& p : mentions) {
    if (!EligiblePlace(art, p, allow_centre)) continue;
    // A wilaya that signed the agreement is a party, not a venue.
    if (ctx.lex->place_values[p.place].kind == "region" && AfterAgreement(art, p)) continue;
    // The seat of a wilaya named in the figure's sentence is the venue, unless
    // the wilaya is a party to an agreement named before it.
    if (p.sentence == sentence && ctx.lex->place_values[p.place].kind == "region" && !AfterAgreement(art, p)) {
      std::string prov, reg;
      ProvinceOf(art, p, &prov, &reg);
      if (!prov.empty()) return &p;
    }
    // The reporter's city places the event only when its sentence names no other place.
    if (p.dateline) {
      if (p.sentence <= sentence && (!dateline || dateline->sentence != sentence)) dateline = &p;
      continue;
    }
    if (p.sentence == sentence) {
      // A party to the agreement that funded the figure is no venue.
      if (p.tok_begin > tok && AfterAgreement(art, p)) continue;
      if (!best || best->sentence != sentence || PlaceCost(art, p, tok) < PlaceCost(art, *best, tok)) best = &p;
    } else if (p.sentence < sentence && !info[p.sentence].title && (!best || (best->sentence != sentence && p.tok_begin > best->tok_begin))) {
      best = &p;
    }
  }
  if (dateline && dateline->sentence == sentence && (!best || best->sentence != sentence)) best = dateline;
  if (!best && dateline) best = dateline;
  if (best && ctx.lex->place_values[best->place].kind == "region") {
    std::string prov, reg;
    ProvinceOf(art, *best, &prov, &reg);
    if (prov.empty()) {
      // "... جهة سوس ماسة": the region of a province already named, which
      // stays the venue.
      const Found* inside = nullptr;
      for (const Found& p : mentions) {
        if (p.tok_begin >= best->tok_begin || !EligiblePlace(art, p, allow_centre) || p.dateline) continue;
        if (ctx.lex->place_values[p.place].kind == "region" || ctx.lex->place_values[p.place].region != reg) continue;
        inside = &p;
      }
      if (inside) return inside;
      if (title_place) return title_place;
    }
  }
  if (!best && !title_place && !allow_centre) {
    // With no other place, the prison or centre where it happened is the venue.
    return PlaceFor(art, title_place, sentence, tok, true);
  }
  return best ? best : title_place;
}

// Events are told apart by where they happened: the draft of p's province
// (or of its region when it names none), made when first needed.
EventDraft& DraftAt(const ArticleReading& art, std::vector<EventDraft>* events, const Found* p) {
  std::string prov, reg;
  if (p) ProvinceOf(art, *p, &prov, &reg);
  for (auto& e : *events) {
    if (e.province == prov && (!prov.empty() || e.region == reg)) return e;
  }
  events->push_back({prov, reg, p, {}, nullptr, {}});
  return events->back();
}

bool NamesOrigin(const ArticleReading& art, size_t sentence) {
  for (const Found& c : art.mentions) if (c.kind == K::kCue && c.code == "origin" && c.sentence == sentence) return true;
  return false;
}

void DraftFigureEvents(const ArticleReading& art, const std::vector<Figure>& event_figures, const Found* title_place,
                       std::vector<EventDraft>* events) {
  for (const Figure& fig : event_figures) {
    // A breakdown by where people come from belongs to the event just described.
    if (!events->empty() && NamesOrigin(art, fig.f->sentence) && !events->back().figures.empty() &&
        events->back().figures.back().f->sentence != fig.f->sentence) {
      events->back().figures.push_back(fig);
      continue;
    }
    EventDraft& e = DraftAt(art, events, PlaceFor(art, title_place, fig.f->sentence, fig.f->tok_begin));
    e.figures.push_back(fig);
    e.sentences.push_back(fig.f->sentence);
  }
}

// Places each told with its own date are as many occasions: "Taza (18 juillet),
// Tarfaya (25 juillet)", "le 18 mai dans la ville de Laâyoune ... à Es-Semara
// ... le 21 mai". A place takes the date that follows it with no other place
// between; a date left over takes the place that follows it. A tour needs two
// places of different provinces, each with its own date.
std::vector<std::pair<const Found*, const Found*>> PlacesWithOwnDates(const ArticleReading& art) {
  const auto& mentions = art.mentions;
  std::vector<const Found*> places, dates;
  for (const Found& m : mentions) {
    if (m.kind == K::kPlace && EligiblePlace(art, m) && m.noun != "region" && !m.dateline) places.push_back(&m);
    if (m.kind == K::kDate && m.date.month != 0 && UsableDate(art, m)) dates.push_back(&m);
  }
  auto by_position = [](const Found* a, const Found* b) { return a->tok_begin < b->tok_begin; };
  std::sort(places.begin(), places.end(), by_position);
  std::sort(dates.begin(), dates.end(), by_position);
  constexpr size_t kReach = 12;  // tokens between a place and its date
  auto anything_between = [&](size_t a, size_t b, const Found* except) {
    for (const Found* p : places) if (p != except && p->tok_begin >= a && p->tok_end <= b) return true;
    for (const Found* d : dates) if (d != except && d->tok_begin >= a && d->tok_end <= b) return true;
    return false;
  };
  std::vector<std::pair<const Found*, const Found*>> pairs;
  std::set<const Found*> dated_places, used_dates;
  for (const Found* p : places) {
    for (const Found* d : dates) {
      if (d->sentence != p->sentence || d->tok_begin < p->tok_end || d->tok_begin - p->tok_end > kReach) continue;
      if (used_dates.count(d) || anything_between(p->tok_end, d->tok_begin, nullptr)) break;
      pairs.emplace_back(p, d);
      dated_places.insert(p);
      used_dates.insert(d);
      break;
    }
  }
  for (const Found* d : dates) {
    if (used_dates.count(d)) continue;
    for (const Found* p : places) {
      if (p->sentence != d->sentence || p->tok_begin < d->tok_end || p->tok_begin - d->tok_end > kReach) continue;
      if (!dated_places.count(p) && !anything_between(d->tok_end, p->tok_begin, nullptr)) {
        pairs.emplace_back(p, d);
        dated_places.insert(p);
      }
      break;
    }
  }
  std::set<std::string> provinces, days;
  for (const auto& [p, d] : pairs) {
    provinces.insert(p->code);
    days.insert(d->date.ToString());
  }
  if (provinces.size() < 2 || days.size() < 2) pairs.clear();
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first->tok_begin < b.first->tok_begin; });
  return pairs;
}

// "نظمت المؤسسة حفلي توزيع ... لكل من عمالة مولاي يعقوب وعمالة مكناس", "des
// cérémonies à Laâyoune, Es-Semara et Sidi Ifni": ceremonies in the plural
// over a list of places are one event in each.
void DraftListedCeremonies(const ArticleReading& art, std::vector<EventDraft>* events) {
  for (const Found& c : art.mentions) {
    if (c.kind != K::kCue || c.code != "ceremonies" || !art.info[c.sentence].active || art.info[c.sentence].title) continue;
    std::vector<const Found*> places;
    std::set<std::string> provinces;
    for (const Found& p : art.mentions) {
      if (p.kind != K::kPlace || p.sentence != c.sentence || p.tok_begin < c.tok_end || p.dateline) continue;
      if (p.noun == "region" || !EligiblePlace(art, p)) continue;
      if (provinces.insert(p.code).second) places.push_back(&p);
    }
    if (places.size() < 2) continue;
    for (const Found* p : places) {
      EventDraft& e = DraftAt(art, events, p);
      e.sentences.push_back(p->sentence);
      e.listed = true;
    }
  }
}

void DraftPlacesWithOwnDates(const ArticleReading& art, std::vector<EventDraft>* events) {
  for (const auto& [p, d] : PlacesWithOwnDates(art)) {
    EventDraft& e = DraftAt(art, events, p);
    if (!e.date) e.date = d;
    e.sentences.push_back(p->sentence);
    e.listed = true;
  }
}

// A launch of the programme at a place is an event of that place, even one
// told in passing ("lancé début juillet à Salé"); the reporter's byline is
// no such place.
void DraftLaunches(const ArticleReading& art, std::vector<EventDraft>* events) {
  constexpr size_t kReach = 12;
  for (const Found& c : art.mentions) {
    if (c.kind != K::kCue || c.code != "launch" || !art.info[c.sentence].active || art.info[c.sentence].title) continue;
    const Found* best = nullptr;
    size_t best_distance = kReach + 1;
    for (const Found& p : art.mentions) {
      if (p.kind != K::kPlace || p.sentence != c.sentence || p.dateline || !EligiblePlace(art, p)) continue;
      std::string prov, reg;
      ProvinceOf(art, p, &prov, &reg);
      if (prov.empty()) continue;
      size_t distance = p.tok_begin >= c.tok_end ? p.tok_begin - c.tok_end : c.tok_begin - std::min(c.tok_begin, p.tok_end);
      if (distance < best_distance) { best = &p; best_distance = distance; }
    }
    if (!best) continue;
    size_t before = events->size();
    EventDraft& e = DraftAt(art, events, best);
    if (events->size() > before) e.launch = true;
    e.sentences.push_back(c.sentence);
  }
}

// The headline (or, with none, the lead's first sentence) tells of an
// agreement signed and of nothing handed over.
bool HeadlineTellsOfSigning(const ArticleReading& art) {
  bool signing = false, handover = false, any_title = false;
  for (const SentenceInfo& s : art.info) {
    if (!s.title) continue;
    any_title = true;
    signing = signing || Has(s, "signing");
    handover = handover || Has(s, "handover");
  }
  if (!any_title) {
    for (const SentenceInfo& s : art.info) {
      if (s.chrome) continue;
      signing = Has(s, "signing");
      handover = Has(s, "handover");
      break;
    }
  }
  return signing && !handover;
}

// A programme article with no figure: one event where it happened, the
// title's place or else the place named most often.
void DraftEventWithoutFigures(const ArticleReading& art, const Found* title_place, bool any_aggregate,
                              std::vector<EventDraft>* events) {
  const auto& mentions = art.mentions;
  // An agreement signed, and nothing handed over: no event.
  if (HeadlineTellsOfSigning(art)) return;
  const Found* p = title_place;
  if (!p) {
    std::map<std::string, int> votes;
    for (const Found& q : mentions) if (EligiblePlace(art, q) && q.noun != "region") votes[q.code]++;
    int best = 0;
    for (const Found& q : mentions) {
      if (EligiblePlace(art, q) && q.noun != "region" && votes[q.code] > best) { best = votes[q.code]; p = &q; }
    }
  }
  if (p && !any_aggregate) {
    EventDraft& e = DraftAt(art, events, p);
    e.sentences.push_back(p->sentence);
  }
}

}  // namespace

bool EligiblePlace(const ArticleReading& art, const Found& p, bool allow_centre) {
  const auto& mentions = art.mentions;
  const auto& info = art.info;
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
  // A centre, prison or office "in X" does not place the event, nor do people
  // "from X, Y and Z".
  for (const Found& c : mentions) {
    if (c.kind != K::kCue || c.sentence != p.sentence || c.tok_end > p.tok_begin) continue;
    if (c.code == "centre" && p.tok_begin - c.tok_end <= 5 && !allow_centre && !CommaBetween(art, c.tok_end, p.tok_begin)) {
      return false;
    }
    if (c.code == "origin" && !AfterEachOf(art, c) && InListAfter(art, c, p)) return false;
  }
  return true;
}

void ProvinceOf(const ArticleReading& art, const Found& p, std::string* province, std::string* region) {
  const RecordContext& ctx = art.ctx;
  const Place& pl = ctx.lex->place_values[p.place];
  if (pl.kind == "region") {
    *region = pl.code;
    province->clear();
    // "the seat of the wilaya of the region": the event is at the seat.
    for (const Found& c : art.mentions) {
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
}

std::vector<EventDraft> DraftEvents(const ArticleReading& art, const SortedFigures& figures) {
  std::vector<EventDraft> events;
  const Found* title_place = TitlePlace(art);
  DraftFigureEvents(art, figures.event, title_place, &events);
  DraftPlacesWithOwnDates(art, &events);
  DraftListedCeremonies(art, &events);
  DraftLaunches(art, &events);
  if (events.empty()) DraftEventWithoutFigures(art, title_place, !figures.aggregate.empty(), &events);
  return events;
}

void SeparateCombinedTotals(const ArticleReading& art, std::vector<EventDraft>* events, SortedFigures* figures) {
  int listed = 0;
  for (const EventDraft& e : *events) listed += e.listed;
  if (listed < 2) return;
  auto combined = [&](const Found& f) {
    for (const Found& c : art.mentions) {
      if (c.kind == K::kCue && c.code == "combined" && c.sentence == f.sentence && c.tok_end <= f.tok_begin &&
          f.tok_begin - c.tok_end <= 6) return true;
    }
    return false;
  };
  // A total's sentence is all totals ("بلغ الغلاف الإجمالي ... وشملت 12 مستفيدا").
  std::set<size_t> total_sentences;
  for (const EventDraft& e : *events) {
    for (const Figure& f : e.figures) if (combined(*f.f)) total_sentences.insert(f.f->sentence);
  }
  for (EventDraft& e : *events) {
    for (size_t i = 0; i < e.figures.size();) {
      if (total_sentences.count(e.figures[i].f->sentence)) {
        figures->aggregate[e.figures[i].f->sentence].push_back(e.figures[i]);
        figures->combined_sentences.insert(e.figures[i].f->sentence);
        e.figures.erase(e.figures.begin() + static_cast<long>(i));
      } else {
        ++i;
      }
    }
  }
  // A draft left with neither figures nor a date of its own told of nothing.
  events->erase(std::remove_if(events->begin(), events->end(),
                               [](const EventDraft& e) { return e.figures.empty() && !e.listed; }),
                events->end());
}

bool UsableDate(const ArticleReading& art, const Found& d) {
  // An occasion over a few days ("du 3 au 5 mai") is dated; a period of
  // months or years is not one occasion.
  bool period_of_days = d.noun == "period" && d.date.day != 0;
  if (d.kind != K::kDate || !art.info[d.sentence].active || (d.noun == "period" && !period_of_days) || d.noun == "since" ||
      d.noun == "during") {
    return false;
  }
  for (const Found& c : art.mentions) {
    if (c.kind == K::kCue && c.code == "not_event_date" && c.sentence == d.sentence && c.tok_end <= d.tok_begin &&
        d.tok_begin - c.tok_end <= 12 && !CommaBetween(art, c.tok_end, d.tok_begin)) {
      return false;
    }
  }
  return true;
}

void DateEvents(const ArticleReading& art, std::vector<EventDraft>* events) {
  const auto& mentions = art.mentions;
  const auto& info = art.info;
  const Found* doc_date = nullptr;
  for (const Found& d : mentions) {
    if (UsableDate(art, d) && !Has(info[d.sentence], "aggregate")) { doc_date = &d; break; }
  }
  for (EventDraft& e : *events) {
    if (e.date) continue;
    if (e.launch && e.place) {
      // A launch told in passing: the date nearest its place.
      size_t best = 0;
      for (const Found& d : mentions) {
        if (d.sentence != e.place->sentence || !UsableDate(art, d)) continue;
        size_t distance = d.tok_begin > e.place->tok_begin ? d.tok_begin - e.place->tok_begin : e.place->tok_begin - d.tok_begin;
        if (!e.date || distance < best) { e.date = &d; best = distance; }
      }
      continue;
    }
    size_t first = e.sentences.empty() ? 0 : *std::min_element(e.sentences.begin(), e.sentences.end());
    for (size_t s : e.sentences) {
      for (const Found& d : mentions) if (!e.date && d.sentence == s && UsableDate(art, d)) e.date = &d;
    }
    if (e.launch) continue;
    if (!e.date && events->size() == 1) e.date = doc_date;
    if (!e.date && events->size() == 1) {
      for (const Found& d : mentions) if (!e.date && UsableDate(art, d)) e.date = &d;
    }
    if (!e.date) {
      for (const Found& d : mentions) {
        if (UsableDate(art, d) && d.sentence <= first && !Has(info[d.sentence], "aggregate")) e.date = &d;
      }
    }
  }
  // The year of the programme or season the article names dates every event
  // of it that has no date of its own.
  const Found* season = nullptr;
  for (const Found& d : mentions) {
    if (d.season && UsableDate(art, d)) { season = &d; break; }
  }
  for (EventDraft& e : *events) {
    if (!e.date && season) e.date = season;
  }
}

// "formations dans de nombreux métiers", "التكوين في مهن ...": trades learnt in
// prison, not the funded activities.
bool AfterTraining(const ArticleReading& art, const Found& m) {
  for (const Found& c : art.mentions) {
    if (c.kind == K::kCue && c.code == "training" && c.sentence == m.sentence && c.tok_end <= m.tok_begin &&
        m.tok_begin - c.tok_end <= 6 && !CommaBetween(art, c.tok_end, m.tok_begin)) return true;
  }
  return false;
}

std::vector<const Found*> SectorCues(const ArticleReading& art) {
  std::vector<const Found*> sectors;
  for (const Found& m : art.mentions) {
    if (!art.info[m.sentence].active) continue;
    if (m.kind == K::kSector && Has(art.info[m.sentence], "sector_context") && !art.info[m.sentence].title &&
        !AfterTraining(art, m)) {
      sectors.push_back(&m);
    }
  }
  return sectors;
}

const Found* ProgrammeCue(const ArticleReading& art) {
  for (const Found& m : art.mentions) {
    if (!art.info[m.sentence].active) continue;
    if (m.kind == K::kProgramme) return &m;
  }
  return nullptr;
}

}  // namespace rasd
