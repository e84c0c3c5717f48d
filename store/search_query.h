// search_query: what `rasd search` asks FTS5 for. The index holds the
// folded text (FoldForSearch), word by word, clitics and all, so a query word
// is widened to every form it takes in running text: with the article, with
// the conjunctions and prepositions that attach to it (و ف ب ل ك, وال، بال،
// لل...), and, when the query itself carries the article or a clitic ending in
// it, without them. "ادماج" then finds "لإدماج", "الإدماج" and "وللإدماج".
// French needs no widening: unicode61 splits l'insertion at the apostrophe.
#ifndef RASD_STORE_SEARCH_QUERY_H_
#define RASD_STORE_SEARCH_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/lexicon.h"

namespace rasd::store {

// The clitics of every language under data_dir (data/<lang>/clitics.tsv),
// the same tables extraction reads.
Result<std::vector<Clitics>> LoadSearchClitics(const std::string& data_dir);

// The forms of one folded word that a search for it must find, the word
// itself first, without duplicates.
std::vector<std::string> SearchForms(std::string_view folded_word, const std::vector<Clitics>& clitics);

// An FTS5 MATCH expression: every query word must occur, in any of its
// forms; each form is a quoted string, so nothing the user typed is read as
// FTS5 syntax. Empty when the query has no word.
std::string FtsMatchExpression(std::string_view query, const std::vector<Clitics>& clitics);

}  // namespace rasd::store

#endif  // RASD_STORE_SEARCH_QUERY_H_
