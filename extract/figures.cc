#include "extract/figures.h"

#include <cmath>

namespace rasd {
namespace {

using K = Found::Kind;

// Small sums are prices or per-person amounts, and foreign money is not the
// programme's: only counts and sums in dirhams from a thousand up are figures.
bool IsFigure(const Found& m, std::string* field) {
  if (m.kind == K::kCount && !m.part && !m.other_scheme) *field = m.noun;
  else if (m.kind == K::kMoney && m.code == "MAD" && m.value >= 1000 && !m.per_person) *field = "budget_mad";
  else return false;
  return true;
}

// The agreement's own envelope follows its mention with no figure of the
// event (a count of projects, people) in between.
bool IsEnvelope(const ArticleReading& art, const Figure& fig) {
  const auto& mentions = art.mentions;
  const Found& m = *fig.f;
  bool envelope = false;
  if (fig.field == "budget_mad" && Has(art.info[m.sentence], "envelope")) {
    for (const Found& c : mentions) {
      if (c.kind != K::kCue || c.code != "envelope" || c.sentence != m.sentence || c.tok_end > m.tok_begin) continue;
      bool count_between = false, budget_noun = false;
      for (const Found& x : mentions) {
        if (x.sentence != m.sentence || x.tok_end > m.tok_begin) continue;
        // "المجموع الإجمالي لاتفاقيات الشراكة": the budget noun may come first.
        if (x.kind == K::kCue && x.code == "budget") budget_noun = true;
        if (x.tok_begin >= c.tok_end && x.kind == K::kCount) count_between = true;
      }
      if (!count_between && budget_noun) envelope = true;
    }
  }
  return envelope;
}

// "(مقابل 8,1 مليون درهم برسم السنة الفارطة)", "(contre 8,1 millions l'année
// précédente)": a figure given for comparison is another period's total.
bool AfterComparison(const ArticleReading& art, const Found& m) {
  for (const Found& c : art.mentions) {
    if (c.kind == K::kCue && c.code == "comparison" && c.sentence == m.sentence && c.tok_end <= m.tok_begin &&
        m.tok_begin - c.tok_end <= 2) return true;
  }
  return false;
}

bool NamesPlace(const ArticleReading& art, size_t sentence) {
  for (const Found& p : art.mentions) if (p.kind == K::kPlace && p.sentence == sentence) return true;
  return false;
}

// Does an aggregate cue of the figure's sentence govern it? Not one that
// follows it past a comma ("850 ألف درهم، ضمن برنامج أوسع ..."), nor one that
// says where the people come from ("19 personnes libérées de différentes
// régions du Royaume").
bool GovernedByAggregateCue(const ArticleReading& art, const Found& m) {
  for (const Found& c : art.mentions) {
    if (c.kind != K::kCue || c.code != "aggregate" || c.sentence != m.sentence) continue;
    if (c.tok_begin < m.tok_begin) return true;
    if (CommaBetween(art, m.tok_end, c.tok_begin)) continue;
    bool from = false;  // a "from" word between the count and the cue, or opening it
    for (const Found& f : art.mentions) {
      from = from || (f.kind == K::kCue && f.code == "from" && f.sentence == m.sentence && f.tok_begin >= m.tok_end &&
                      f.tok_begin <= c.tok_begin);
    }
    if (m.kind == K::kCount && from && c.tok_begin - m.tok_end <= 4) continue;
    return true;
  }
  return false;
}

// A sentence of totals, or one that runs on from a sentence of national totals
// ("... across the kingdom's regions. The projects numbered 303 ..."), or one
// that states a period.
bool IsAggregateFigure(const ArticleReading& art, const Found& m) {
  const auto& info = art.info;
  // "Ce programme ... devra bénéficier à 478": the programme's own targets,
  // whatever the sentence's clauses.
  bool aggregate = Has(info[m.sentence], "programme_total") || GovernedByAggregateCue(art, m) ||
                   (m.sentence > 0 && Has(info[m.sentence - 1], "aggregate") && !NamesPlace(art, m.sentence) &&
                    !info[m.sentence - 1].has_figure);
  for (const Found& d : art.mentions) {
    // A period, or a start it runs from ("depuis 2017"): a running total.
    // (A range of days, "ما بين 20 و22 ماي", is one occasion lasting days.)
    bool period_of_days = d.noun == "period" && d.date.day != 0;
    if (d.kind == K::kDate && d.sentence == m.sentence && !period_of_days &&
        (d.noun == "period" || d.noun == "since" || d.noun == "during")) {
      aggregate = true;
    }
  }
  return aggregate;
}

// A figure that is the sum of the article's other figures of its kind, or of
// those told before it, is their combined total: an aggregate, not one more
// event. (Parts in parentheses are a breakdown, not figures at all.)
bool IsSumOfOthers(const std::vector<Figure>& event_figures, const Figure& cand, bool before_only) {
  double sum = 0;
  int parts = 0;
  std::set<double> seen;
  for (const Figure& o : event_figures) {
    if (o.field != cand.field || o.f->sentence == cand.f->sentence || o.f->value == cand.f->value || seen.count(o.f->value)) continue;
    if (before_only && o.f->sentence > cand.f->sentence) continue;
    seen.insert(o.f->value);
    sum += o.f->value;
    ++parts;
  }
  double tolerance = cand.field == "budget_mad" ? 0.01 * cand.f->value : 0.5;
  return parts >= 2 && std::abs(sum - cand.f->value) <= tolerance;
}

void MoveCombinedTotals(SortedFigures* figures) {
  std::vector<Figure>& event_figures = figures->event;
  for (const char* field : {"beneficiaries", "projects", "budget_mad"}) {
    for (size_t i = 0; i < event_figures.size(); ++i) {
      const Figure& cand = event_figures[i];
      if (cand.field != field) continue;
      if (IsSumOfOthers(event_figures, cand, false) || IsSumOfOthers(event_figures, cand, true)) {
        // Move every figure of the total's sentence with it.
        size_t s = cand.f->sentence;
        figures->combined_sentences.insert(s);
        for (size_t j = 0; j < event_figures.size();) {
          if (event_figures[j].f->sentence == s) {
            figures->aggregate[s].push_back(event_figures[j]);
            event_figures.erase(event_figures.begin() + static_cast<long>(j));
          } else {
            ++j;
          }
        }
        i = static_cast<size_t>(-1);
      }
    }
  }
}

}  // namespace

SortedFigures SortFigures(const ArticleReading& art) {
  SortedFigures figures;
  for (const Found& m : art.mentions) {
    // Another organisation's structure or budget is not the programme's.
    if (!art.info[m.sentence].active || Has(art.info[m.sentence], "other_organisation")) continue;
    Figure fig{&m, ""};
    if (!IsFigure(m, &fig.field)) continue;
    if (art.info[m.sentence].title) {
      figures.title.push_back(fig);
      continue;
    }
    if (AfterComparison(art, m)) {
      figures.comparisons.push_back(fig);
      continue;
    }
    bool envelope = IsEnvelope(art, fig);
    bool aggregate = IsAggregateFigure(art, m);
    if (envelope) figures.envelope_sentences.insert(m.sentence);
    if (envelope || aggregate) figures.aggregate[m.sentence].push_back(fig);
    else figures.event.push_back(fig);
  }
  MoveCombinedTotals(&figures);
  return figures;
}

void PutEvidence(const ArticleReading& art, Record& r, const std::string& field, const Found& f) {
  r.evidence[field] = MakeEvidence(art.ctx, f);
}

Qualifier QualifierOf(const std::string& q) { return ParseQualifier(q).value_or(Qualifier::kExact); }

}  // namespace rasd
