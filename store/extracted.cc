#include "store/extracted.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>

#include "common/utf8.h"
#include "extract/record_json.h"

namespace rasd::store {
namespace {

// The document fields a line carries, in the store's column names.
struct DocumentField {
  const char* name;
  std::string Document::*member;
};
constexpr DocumentField kDocumentFields[] = {
    {"source", &Document::source},       {"url", &Document::url},   {"site", &Document::site},
    {"title", &Document::title},         {"lang", &Document::lang}, {"published", &Document::published},
    {"fetched", &Document::fetched},     {"kind", &Document::kind}, {"text", &Document::text},
    {"source_kind", &Document::source_kind},
};

std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The store's form of a mention keeps both its value and its number
// (`rasd mentions` shows one of them).
nlohmann::json MentionToStoredJson(const Mention& m) {
  nlohmann::json j = {{"kind", m.kind}, {"start", m.span.start}, {"end", m.span.end}, {"text", m.text}};
  if (!m.value.empty()) j["value"] = m.value;
  if (m.number != 0) j["number"] = m.number;
  if (!m.currency.empty()) j["currency"] = m.currency;
  if (!m.qualifier.empty()) j["qualifier"] = m.qualifier;
  if (!m.noun.empty()) j["noun"] = m.noun;
  return j;
}

Result<Mention> MentionFromStoredJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("a mention must be a JSON object");
  Mention m;
  m.kind = StringField(j, "kind");
  if (m.kind.empty()) return Status::InvalidArgument("a mention without its kind");
  m.span = {j.value("start", int64_t{-1}), j.value("end", int64_t{-1})};
  m.text = StringField(j, "text");
  m.value = StringField(j, "value");
  if (auto it = j.find("number"); it != j.end() && it->is_number()) m.number = it->get<double>();
  m.currency = StringField(j, "currency");
  m.qualifier = StringField(j, "qualifier");
  m.noun = StringField(j, "noun");
  return m;
}

// A span must lie in the text, and what it says it quotes must be there: a
// figure always traces to its words.
Status CheckSpan(const Span& span, const std::string& quoted, const std::string& text, int64_t length,
                 const std::string& what) {
  if (span.start < 0 || span.end < span.start || span.end > length) {
    return Status::InvalidArgument(what + " [" + std::to_string(span.start) + ", " + std::to_string(span.end) +
                                   ") lies outside the document's text (" + std::to_string(length) +
                                   " characters)");
  }
  if (utf8::SliceCodePoints(text, static_cast<size_t>(span.start), static_cast<size_t>(span.end)) != quoted) {
    return Status::InvalidArgument(what + " quotes words that are not at its place in the document's text");
  }
  return Status::Ok();
}

}  // namespace

ExtractOptions ExtractOptionsForStore(bool keep_mentions, const std::string& lang) {
  ExtractOptions eo;
  eo.keep_mentions = keep_mentions;
  eo.lang = lang;
  // The numbers and places of ordinary news are noise in the store.
  eo.mentions_of_unrelated = false;
  return eo;
}

DocumentInput ToDocumentInput(Document doc, Extraction e) {
  if (doc.title.empty()) doc.title = std::move(e.title);
  if (doc.lang.empty()) doc.lang = std::move(e.lang);
  if (doc.published.empty()) doc.published = std::move(e.published);
  DocumentInput d;
  d.uri = doc.url.empty() ? doc.source : doc.url;
  d.document = std::move(doc);
  d.records = std::move(e.records);
  d.mentions = std::move(e.mentions);
  return d;
}

void AddStoredForm(const DocumentInput& input, nlohmann::json* line) {
  nlohmann::json doc = {{"uri", input.uri}};
  for (const DocumentField& f : kDocumentFields) {
    const std::string& v = input.document.*f.member;
    if (!v.empty()) doc[f.name] = v;
  }
  if (!input.original.empty()) doc["original"] = input.original;
  if (!input.document.page_starts.empty()) doc["page_starts"] = input.document.page_starts;
  (*line)["document"] = std::move(doc);
  nlohmann::json mentions = nlohmann::json::array();
  for (const Mention& m : input.mentions) mentions.push_back(MentionToStoredJson(m));
  (*line)["mentions"] = std::move(mentions);
  nlohmann::json& records = (*line)["records"];
  for (size_t i = 0; i < input.records.size() && i < records.size(); ++i) {
    const auto& budget = input.records[i].budget_mad;
    if (budget && *budget != std::floor(*budget)) records[i]["budget_mad"] = *budget;
  }
}

Result<DocumentInput> DocumentInputFromJson(const nlohmann::json& line) {
  if (!line.is_object()) return Status::InvalidArgument("not a JSON object");
  auto doc = line.find("document");
  if (doc == line.end() || !doc->is_object() || !doc->contains("text") || !(*doc)["text"].is_string()) {
    return Status::InvalidArgument(
        "no \"document\" with its text: this is not `rasd extract --for-ingest` output");
  }
  DocumentInput in;
  in.uri = StringField(*doc, "uri");
  for (const DocumentField& f : kDocumentFields) in.document.*f.member = StringField(*doc, f.name);
  in.original = StringField(*doc, "original");
  if (auto ps = doc->find("page_starts"); ps != doc->end() && ps->is_array()) {
    for (const auto& v : *ps) {
      if (v.is_number_unsigned()) in.document.page_starts.push_back(v.get<size_t>());
    }
  }
  if (in.uri.empty()) in.uri = in.document.url.empty() ? in.document.source : in.document.url;
  if (in.uri.empty()) return Status::InvalidArgument("a document without a uri, url or source");
  const std::string& text = in.document.text;
  const int64_t length = static_cast<int64_t>(utf8::CountCodePoints(text));
  auto records = line.find("records");
  if (records != line.end() && !records->is_array()) return Status::InvalidArgument("\"records\" is not an array");
  if (records != line.end()) {
    for (size_t i = 0; i < records->size(); ++i) {
      std::string which = "record " + std::to_string(i + 1);
      auto r = RecordFromJson((*records)[i]);
      if (!r.ok()) return Status::InvalidArgument(which + ": " + r.status().message());
      for (const auto& [field, ev] : r->evidence) {
        Status s = CheckSpan(ev.span, ev.text, text, length, which + "'s evidence for " + field);
        if (s.ok()) s = CheckSpan(ev.sentence, ev.sentence_text, text, length, which + "'s sentence for " + field);
        if (!s.ok()) return s;
      }
      in.records.push_back(std::move(*r));
    }
  }
  auto mentions = line.find("mentions");
  if (mentions != line.end() && mentions->is_array()) {
    for (size_t i = 0; i < mentions->size(); ++i) {
      std::string which = "mention " + std::to_string(i + 1);
      auto m = MentionFromStoredJson((*mentions)[i]);
      if (!m.ok()) return Status::InvalidArgument(which + ": " + m.status().message());
      Status s = CheckSpan(m->span, m->text, text, length, which);
      if (!s.ok()) return s;
      in.mentions.push_back(std::move(*m));
    }
  }
  return in;
}

void ReadExtracted(const std::vector<std::string>& paths, const std::function<void(DocumentInput&&)>& on_document,
                   const std::function<void(const std::string& where, const std::string& reason)>& on_error) {
  for (const std::string& path : paths) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        on_error(path, errno == ENOENT ? "missing (no such file): none of its documents is stored"
                                       : std::string("cannot open: ") + std::strerror(errno));
        continue;
      }
      in = &file;
    }
    std::string text;
    for (int64_t number = 1; std::getline(*in, text); ++number) {
      if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::string where = path + ":" + std::to_string(number);
      nlohmann::json line = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (line.is_discarded()) {
        // getline stops at the end of the file without a newline only on a
        // last line cut short.
        on_error(where, in->eof() ? "the file ends in the middle of a line: the extraction that wrote it was stopped"
                                  : "not a JSON object");
        continue;
      }
      auto document = DocumentInputFromJson(line);
      if (!document.ok()) {
        on_error(where, document.status().message());
        continue;
      }
      on_document(std::move(*document));
    }
    if (in->bad()) on_error(path, "read error");
  }
}

}  // namespace rasd::store
