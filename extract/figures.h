// Which counts and amounts of an article are figures, and whether each tells
// of one event or of an aggregate (a total to date, over a period, an
// agreement's envelope). Internal to extract/.
#ifndef RASD_EXTRACT_FIGURES_H_
#define RASD_EXTRACT_FIGURES_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/document_structure.h"

namespace rasd {

struct Figure {
  const Found* f;
  std::string field;  // beneficiaries, women, projects, budget_mad
};

struct SortedFigures {
  std::vector<Figure> event;
  std::map<size_t, std::vector<Figure>> aggregate;  // by sentence
  std::set<size_t> envelope_sentences;
  std::set<size_t> combined_sentences;  // totals over the article's own ceremonies
  // The headline's figures: they stand for a field the body never states
  // (a text cut short, a lead taken for the headline).
  std::vector<Figure> title;
  // Figures given for comparison ("contre 8,1 millions l'année précédente"):
  // each the total of another period.
  std::vector<Figure> comparisons;
};

// Figures: counts and amounts in dirhams of the article's body, each told of
// an event or of an aggregate. A figure that is the combined total of the
// others counts as an aggregate.
SortedFigures SortFigures(const ArticleReading& art);

// The evidence of a record's field.
void PutEvidence(const ArticleReading& art, Record& r, const std::string& field, const Found& f);

// A figure's qualifier; a figure with none is exact.
Qualifier QualifierOf(const std::string& q);

}  // namespace rasd

#endif  // RASD_EXTRACT_FIGURES_H_
