// JSON Lines and JSON files as scrapers write them: one object per article
// with a URL, a title, a date and either the text or the page's HTML, under
// field names that vary by tool (Options lists the names tried).
#include <ctime>

#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "ingest/pipeline.h"

namespace rasd::ingest {
namespace {

using Json = nlohmann::json;

// The value at a field name or dotted path ("meta.date"), or nullptr.
const Json* Lookup(const Json& object, const std::string& name) {
  const Json* cur = &object;
  size_t start = 0;
  while (true) {
    if (!cur->is_object()) return nullptr;
    size_t dot = name.find('.', start);
    std::string key = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    auto it = cur->find(key);
    if (it == cur->end()) {
      // A field whose own name holds the dot.
      if (start == 0) {
        auto whole = object.find(name);
        return whole == object.end() ? nullptr : &*whole;
      }
      return nullptr;
    }
    cur = &*it;
    if (dot == std::string::npos) return cur;
    start = dot + 1;
  }
}

// The first non-empty string among `names`; numbers are given as text.
std::string FirstString(const Json& object, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    const Json* v = Lookup(object, name);
    if (!v) continue;
    if (v->is_string()) {
      const auto& s = v->get_ref<const std::string&>();
      if (!s.empty()) return s;
    } else if (v->is_array()) {
      // Some scrapers store the body as a list of paragraphs.
      std::string joined;
      for (const auto& part : *v) {
        if (!part.is_string()) continue;
        if (!joined.empty()) joined += '\n';
        joined += part.get<std::string>();
      }
      if (!joined.empty()) return joined;
    } else if (v->is_number_integer() || v->is_number_unsigned()) {
      return std::to_string(v->get<int64_t>());
    }
  }
  return "";
}

// A date field: any written form PageCues understands, or a Unix time.
std::string NormalizeDate(const PageCues& cues, const std::string& value) {
  if (value.empty()) return "";
  bool digits = value.size() >= 9 && value.size() <= 13;
  for (char c : value) digits = digits && c >= '0' && c <= '9';
  if (digits) {
    int64_t t = std::stoll(value);
    if (value.size() == 13) t /= 1000;
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    if (gmtime_r(&tt, &tm)) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
      return buf;
    }
  }
  return cues.FindDate(value);
}

// Paragraphs of a text field: one a line, blank lines and trailing spaces
// gone.
std::string CleanParagraphs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out.append(line);
    }
    pos = nl + 1;
  }
  return out;
}

}  // namespace

void Pipeline::JsonRecordToDocument(const void* json_object, const std::string& source) {
  const Json& j = *static_cast<const Json*>(json_object);
  if (!j.is_object()) {
    sink_->OnError(source, "not a JSON object");
    return;
  }
  Document doc;
  doc.source = source;
  doc.kind = "jsonl";
  doc.fetched_url = FirstString(j, options_.jsonl_url_fields);
  doc.url = doc.fetched_url;
  doc.title = CleanParagraphs(FirstString(j, options_.jsonl_title_fields));
  doc.published = NormalizeDate(*cues_, FirstString(j, options_.jsonl_date_fields));
  doc.lang = FirstString(j, options_.jsonl_lang_fields);
  doc.site = FirstString(j, options_.jsonl_site_fields);
  std::string text = FirstString(j, options_.jsonl_text_fields);
  if (text.empty()) {
    std::string html = FirstString(j, options_.jsonl_html_fields);
    if (html.empty()) {
      sink_->OnSkipped(source, "record has neither text nor HTML (fields tried: Options::jsonl_text_fields, jsonl_html_fields)");
      return;
    }
    doc.url.clear();  // the page's canonical URL, if any, comes first
    HtmlToDocument(html, "utf-8", std::move(doc));
    return;
  }
  if (PrefilteredRecord(text, doc.title, source)) return;
  std::string body = CleanParagraphs(text);
  if (body.empty()) {
    sink_->OnSkipped(source, "empty text");
    return;
  }
  // The headline heads the text, once.
  if (!doc.title.empty()) {
    std::string_view first = std::string_view(body).substr(0, body.find('\n'));
    if (first == doc.title) {
      size_t nl = body.find('\n');
      body = nl == std::string::npos ? std::string() : body.substr(nl + 1);
    }
    doc.text = doc.title;
    if (!body.empty()) doc.text += "\n\n" + body;
  } else {
    doc.text = std::move(body);
  }
  Deliver(std::move(doc));
}

void Pipeline::ReadJsonLines(BufferedReader* in, const std::string& path) {
  std::string line;
  int number = 0;
  while (true) {
    bool too_long = false;
    uint64_t start = in->position();
    auto got = in->ReadLine(&line, options_.max_record_bytes, &too_long);
    if (!got.ok()) {
      sink_->OnError(path + ":" + std::to_string(number + 1), got.status().message());
      return;
    }
    if (!*got) return;
    ++number;
    std::string source = path + ":" + std::to_string(number);
    if (too_long) {
      // Passed over by scanning for its end, never held whole.
      sink_->OnError(source, "line of " + std::to_string(in->position() - start) + " bytes at byte offset " +
                                 std::to_string(start) + " is longer than the limit of " +
                                 std::to_string(options_.max_record_bytes) + " bytes (--max-record-size); skipped");
      continue;
    }
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    // Most lines of a crawl never name the programme: the prefilter reads the
    // raw line (its JSON escapes decoded), and parsing costs more than the scan.
    if (PrefilteredRecord(line, {}, source)) continue;
    // JSON is UTF-8; damaged bytes are repaired when few, refused when many.
    std::string_view text = line;
    if (!utf8::IsValid(line)) {
      Status s = charset_.ToUtf8(line, "utf-8", false, &utf8_);
      if (!s.ok()) {
        sink_->OnError(source, s.message());
        continue;
      }
      text = utf8_;
    }
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) {
      sink_->OnError(source, "not valid JSON");
      continue;
    }
    JsonRecordToDocument(&j, source);
  }
}

void Pipeline::ReadJsonDocument(std::string_view bytes, const std::string& path) {
  Status s = charset_.ToUtf8(bytes, "", false, &utf8_);
  if (!s.ok()) {
    sink_->OnError(path, s.message());
    return;
  }
  Json j = Json::parse(utf8_, nullptr, false);
  if (j.is_discarded()) {
    // Objects one a line in a file named .json.
    MemorySource memory(bytes);
    BufferedReader in(&memory);
    ReadJsonLines(&in, path);
    return;
  }
  if (j.is_array()) {
    size_t index = 0;
    for (const auto& item : j) {
      JsonRecordToDocument(&item, path + ":" + std::to_string(index + 1));
      ++index;
    }
    return;
  }
  JsonRecordToDocument(&j, path);
}

}  // namespace rasd::ingest
