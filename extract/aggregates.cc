#include "extract/aggregates.h"

#include <set>
#include <string>

#include "extract/occasions.h"

namespace rasd {
namespace {

using K = Found::Kind;

// A sentence of totals often goes on in the next one; a sentence with its own
// date, or one that switches between envelope and totals, starts another.
std::vector<std::vector<Figure>> GroupAdjacentSentences(const ArticleReading& art, const SortedFigures& figures) {
  std::vector<std::vector<Figure>> groups;
  size_t last_sentence = static_cast<size_t>(-1);
  bool last_envelope = false, last_target = false;
  for (auto& [s, figs] : figures.aggregate) {
    bool env = figures.envelope_sentences.count(s) > 0;
    bool own_date = false;
    for (const Found& d : art.mentions) if (d.kind == K::kDate && d.sentence == s) own_date = true;
    // A programme's targets and what was already done are two totals.
    bool target = Has(art.info[s], "programme_total");
    if (!groups.empty() && s == last_sentence + 1 && env == last_envelope && !own_date && target == last_target) {
      groups.back().insert(groups.back().end(), figs.begin(), figs.end());
    } else {
      groups.push_back(figs);
    }
    last_sentence = s;
    last_envelope = env;
    last_target = target;
  }
  return groups;
}

// The aggregate's place: the one province (or else region) its first sentence
// names; totals over a region are the region's, wherever they were announced.
void PlaceAggregate(const ArticleReading& art, size_t s, bool env, const Record* sole_event, Record& r) {
  const RecordContext& ctx = art.ctx;
  std::set<std::string> provinces, regions;
  const Found* place = nullptr;
  for (const Found& p : art.mentions) {
    if (p.sentence != s || !EligiblePlace(art, p) || p.dateline) continue;
    std::string prov, reg;
    ProvinceOf(art, p, &prov, &reg);
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
  } else if (env && sole_event && sole_event->province) {
    r.province = sole_event->province;
    r.region = sole_event->region;
  } else if (env) {
    // The envelope of the agreement the article tells of: the one province
    // its sentences name, parties included.
    std::set<std::string> parties;
    const Found* party = nullptr;
    for (const Found& c : art.mentions) {
      if (c.kind != K::kCue || c.code != "envelope" || !art.info[c.sentence].active) continue;
      for (const Found& p : art.mentions) {
        if (p.kind != K::kPlace || p.sentence != c.sentence || p.dateline) continue;
        if (ctx.lex->place_values[p.place].kind == "region") continue;
        parties.insert(p.code);
        party = &p;
      }
    }
    if (parties.size() == 1) {
      r.province = *parties.begin();
      r.region = ctx.lex->region_of.count(*r.province) ? ctx.lex->region_of.at(*r.province) : "";
      place = party;
    }
  }
  if (place && (r.province || r.region)) PutEvidence(art, r, "province", *place);
}

// Dates: a period or date in the sentence, else the nearest before. A start
// ("depuis 2017", or the earlier of two dates) opens the period that runs to
// the date.
void DateAggregate(const ArticleReading& art, size_t s, bool env, Record& r) {
  const auto& mentions = art.mentions;
  const Found* date = nullptr;
  const Found* since = nullptr;
  for (const Found& d : mentions) {
    if (d.kind != K::kDate || d.sentence != s || !art.info[s].active) continue;
    (d.noun == "since" ? since : date) = &d;
  }
  if (!date && !env) {
    for (const Found& d : mentions) if (d.kind == K::kDate && d.sentence < s && UsableDate(art, d)) date = &d;
  }
  // Two dates in a sentence of totals bound its period ("since 2019 to the end of February 2024").
  for (const Found& d : mentions) {
    if (!since && d.kind == K::kDate && d.sentence == s && date && d.date.ToString() < date->date.ToString()) since = &d;
  }
  if (since && date && !(since->date.ToString() < date->date.ToString())) since = nullptr;
  if (date && env && !since && date->noun != "period") {
    // An agreement's single date is when its period began, unless it is the signing day.
    if (UsableDate(art, *date)) { r.period_start = date->date.ToString(); PutEvidence(art, r, "period_start", *date); }
  } else if (date) {
    r.date = date->date.ToString();
    PutEvidence(art, r, "date", *date);
    if (date->noun == "period") { r.period_start = date->code; PutEvidence(art, r, "period_start", *date); }
    else if (since) { r.period_start = since->date.ToString(); PutEvidence(art, r, "period_start", *since); }
  } else if (since) {
    // "depuis le 12 mars 2013" with no end: a period still running.
    r.period_start = since->date.ToString();
    PutEvidence(art, r, "period_start", *since);
  }
}

// The province of a figure's own clause ("dont 179 bénéficiaires issus de la
// ville de Fès"): the nearest place after it before a comma.
const Found* PlaceAfter(const ArticleReading& art, const Found& f) {
  const Found* best = nullptr;
  for (const Found& p : art.mentions) {
    if (p.kind != K::kPlace || p.sentence != f.sentence || p.tok_begin < f.tok_end || p.noun == "region") continue;
    if (p.tok_begin - f.tok_end > 10 || CommaBetween(art, f.tok_end, p.tok_begin)) continue;
    if (!best || p.tok_begin < best->tok_begin) best = &p;
  }
  return best;
}

// A group's figures, split where a field is given again: "232 personnes ...
// dont 179 à Fès" (a nested total), "un budget de 1,52 million ... des dépenses
// de 1,46 million" (an envelope and a spending). Each part is an aggregate.
// A repeated field opens a new total only when its clause says so: a count
// after "of which" ("dont", "منهم"), an amount after its own budget noun.
// Otherwise it is some other figure of the same sentence, and the first stays.
bool OpensNestedTotal(const ArticleReading& art, const Figure& fig) {
  const char* role = fig.field == "budget_mad" ? "budget" : "among";
  for (const Found& c : art.mentions) {
    if (c.kind == K::kCue && c.code == role && c.sentence == fig.f->sentence && c.tok_end <= fig.f->tok_begin &&
        fig.f->tok_begin - c.tok_end <= 3) return true;
  }
  return false;
}

std::vector<std::vector<Figure>> SplitRepeatedFields(const ArticleReading& art, const std::vector<Figure>& figs) {
  std::vector<std::vector<Figure>> parts(1);
  std::set<std::string> filled;
  for (const Figure& fig : figs) {
    if (filled.count(fig.field)) {
      if (!OpensNestedTotal(art, fig)) continue;
      parts.emplace_back();
      filled.clear();
    }
    filled.insert(fig.field);
    parts.back().push_back(fig);
  }
  return parts;
}

// The first count of each kind; the largest amount, as parts are smaller.
void FillAggregateFigures(const ArticleReading& art, const std::vector<Figure>& figs, Record& r) {
  for (const Figure& fig : figs) {
    const Found& f = *fig.f;
    if (fig.field == "beneficiaries" && !r.beneficiaries) {
      r.beneficiaries = static_cast<int64_t>(f.value);
      r.beneficiaries_qualifier = QualifierOf(f.qualifier);
      PutEvidence(art, r, "beneficiaries", f);
    } else if (fig.field == "women" && !r.women) {
      r.women = static_cast<int64_t>(f.value);
      PutEvidence(art, r, "women", f);
    } else if (fig.field == "projects" && !r.projects) {
      r.projects = static_cast<int64_t>(f.value);
      PutEvidence(art, r, "projects", f);
    } else if (fig.field == "budget_mad" && (!r.budget_mad || f.value > *r.budget_mad)) {
      r.budget_mad = f.value;
      r.budget_qualifier = QualifierOf(f.qualifier);
      PutEvidence(art, r, "budget_mad", f);
    }
  }
}

// Every figure a gives, b gives the same, and a gives at least one.
bool CoveredBy(const Record& a, const Record& b) {
  bool any = false;
  auto same = [&](const auto& x, const auto& y) {
    if (!x) return true;
    any = true;
    return y && *x == *y;
  };
  return same(a.beneficiaries, b.beneficiaries) && same(a.women, b.women) && same(a.projects, b.projects) &&
         same(a.budget_mad, b.budget_mad) && any;
}

}  // namespace

std::vector<AggregateDraft> AggregateRecords(const ArticleReading& art, const SortedFigures& figures,
                                             const Record* sole_event) {
  std::vector<AggregateDraft> out;
  for (const auto& group : GroupAdjacentSentences(art, figures)) {
    size_t s = group.front().f->sentence;
    bool env = figures.envelope_sentences.count(s) > 0;
    Record whole;
    whole.scope = Scope::kAggregate;
    PlaceAggregate(art, s, env, sole_event, whole);
    DateAggregate(art, s, env, whole);
    bool first = true;
    for (const auto& figs : SplitRepeatedFields(art, group)) {
      Record r = whole;
      if (!first) {
        // A nested total is its own place's when its clause names one.
        if (const Found* p = PlaceAfter(art, *figs.front().f)) {
          std::string prov, reg;
          ProvinceOf(art, *p, &prov, &reg);
          if (!prov.empty()) {
            r.province = prov;
            r.region = reg;
            PutEvidence(art, r, "province", *p);
          }
        }
      }
      first = false;
      FillAggregateFigures(art, figs, r);
      if (r.province && r.evidence.count("province")) r.evidence["region"] = r.evidence["province"];
      AggregateDraft d{std::move(r), env, {}};
      d.combined = figures.combined_sentences.count(s) > 0;
      for (const Figure& f : figs) d.anchors.push_back(f.f->tok_begin);
      out.push_back(std::move(d));
    }
  }
  // A figure given for comparison is the total of another period, undated
  // unless its clause says when: "the year before" the year of the total it
  // is set against.
  const size_t totals = out.size();
  for (const Figure& fig : figures.comparisons) {
    Record r;
    r.scope = Scope::kAggregate;
    FillAggregateFigures(art, {fig}, r);
    bool previous_year = false;
    for (const Found& c : art.mentions) {
      if (c.kind == K::kCue && c.code == "previous_year" && c.sentence == fig.f->sentence && c.tok_begin >= fig.f->tok_end &&
          c.tok_begin - fig.f->tok_end <= 6) previous_year = true;
    }
    for (size_t i = 0; i < totals && previous_year; ++i) {
      const Record& other = out[i].record;
      bool same_sentence = false;
      for (size_t a : out[i].anchors) same_sentence = same_sentence || art.ctx.doc->sentence_of[a] == fig.f->sentence;
      if (!same_sentence || !other.date || other.date->size() < 4) continue;
      r.date = std::to_string(std::atoi(other.date->substr(0, 4).c_str()) - 1);
      if (other.evidence.count("date")) r.evidence["date"] = other.evidence.at("date");
      break;
    }
    AggregateDraft d{std::move(r), false, {fig.f->tok_begin}};
    d.comparison = true;
    out.push_back(std::move(d));
  }
  return out;
}

void DropRepeatedAggregates(std::vector<Record>* records) {
  for (size_t i = 0; i < records->size();) {
    bool dropped = false;
    for (size_t j = 0; j < records->size() && !dropped; ++j) {
      const Record& ri = (*records)[i];
      const Record& rj = (*records)[j];
      if (i == j || ri.scope != Scope::kAggregate || rj.scope != Scope::kAggregate) continue;
      if (CoveredBy(ri, rj) && !(CoveredBy(rj, ri) && j > i)) dropped = true;
    }
    if (dropped) records->erase(records->begin() + static_cast<long>(i));
    else ++i;
  }
}

}  // namespace rasd
