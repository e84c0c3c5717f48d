// A document as extraction hands it to the store, and its JSON form: one line
// of `rasd extract --for-ingest`, which `rasd ingest --records` stores without
// extracting again. The line carries everything the store keeps of a
// document (its text, metadata, records with evidence, mentions), so that
// shards extracted anywhere (a Slurm array, Spark's `pipe`) and merged give
// the store a single `rasd ingest` of the raw crawl gives.
//
//   Extraction e = extractor.Extract(doc, ExtractOptionsForStore(true, ""));
//   nlohmann::json line = ExtractionToJson(e, true, false);
//   AddStoredForm(ToDocumentInput(std::move(doc), std::move(e)), &line);
//   ...
//   ReadExtracted({"shard-0.jsonl"}, on_document, on_error);
#ifndef RASD_STORE_EXTRACTED_H_
#define RASD_STORE_EXTRACTED_H_

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/document.h"
#include "common/status.h"
#include "extract/extract.h"
#include "store/store.h"

namespace rasd::store {

// How the store has documents extracted: mentions kept (unless told not
// to) only for documents that name the programme's beneficiaries.
ExtractOptions ExtractOptionsForStore(bool keep_mentions, const std::string& lang);

// The document as the store keeps it: what the reader knew, completed by
// what the extractor found (title, language, publication date), its
// identity its URL or else its source; with the extraction's records and
// mentions.
DocumentInput ToDocumentInput(Document doc, Extraction extraction);

// Adds to `line` (an extraction's JSON, ExtractionToJson with records) what
// the store needs besides: "document" (uri, source, url, site, title, lang,
// published, fetched, kind, text) and "mentions"; budgets that are not whole
// dirhams exactly as extracted, not rounded to the centime.
void AddStoredForm(const DocumentInput& input, nlohmann::json* line);

// The inverse: a line back into a document for the store. Refuses a line
// without the stored form (plain `rasd extract` output), or one whose
// evidence lies outside the document's text.
Result<DocumentInput> DocumentInputFromJson(const nlohmann::json& line);

// Reads files of such lines ("-": stdin), in order, line by line. A line
// that cannot be used is reported as "PATH:LINE" with the reason (a last
// line cut short says so: the task that wrote it was stopped) and reading
// goes on; a file that cannot be opened is reported by its path.
void ReadExtracted(const std::vector<std::string>& paths, const std::function<void(DocumentInput&&)>& on_document,
                   const std::function<void(const std::string& where, const std::string& reason)>& on_error);

}  // namespace rasd::store

#endif  // RASD_STORE_EXTRACTED_H_
