#include "ingest/ingest.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <system_error>

#include <sys/stat.h>

#include "common/data_dir.h"
#include "common/ordered_jobs.h"
#include "common/utf8.h"
#include "ingest/http.h"
#include "ingest/pdf_reader.h"
#include "ingest/pipeline.h"
#include "ingest/source_kind.h"
#include "ingest/warc_reader.h"

namespace rasd::ingest {
namespace fs = std::filesystem;

namespace {

constexpr size_t kSniffBytes = 64 << 10;

enum Kind { kWarc, kJsonLines, kJsonDocument, kHtml, kText };

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  }
  return true;
}

size_t FindIgnoreCase(std::string_view hay, std::string_view needle) {
  if (hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

bool LooksLikeHtml(std::string_view head) {
  head = head.substr(0, 8192);
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>",
                               "<p ", "<article", "<h1", "<br", "<table", "<span", "<a href", "<script"}) {
    if (FindIgnoreCase(head, tag) != std::string_view::npos) return true;
  }
  return false;
}

// `head` is UTF-8 (or ASCII-compatible) already; `name` without ".gz".
Kind DetectKind(std::string_view head, std::string_view name) {
  if (head.compare(0, 5, "WARC/") == 0 || head.compare(0, 11, "filedesc://") == 0) return kWarc;
  size_t i = 0;
  if (head.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  char first = i < head.size() ? head[i] : 0;
  bool json_name = EndsWith(name, ".json");
  bool jsonl_name = EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson") || EndsWith(name, ".jl");
  if (first == '{' || first == '[') {
    if (json_name || first == '[') return kJsonDocument;
    return kJsonLines;
  }
  if (jsonl_name) return kJsonLines;
  bool html_name = EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml") ||
                   EndsWith(name, ".shtml") || EndsWith(name, ".php") || EndsWith(name, ".asp") ||
                   EndsWith(name, ".aspx");
  if (html_name || (first == '<' && LooksLikeHtml(head.substr(i)))) return kHtml;
  return kText;
}

std::string DateOnly(std::string_view s) {
  // ISO 8601 (WARC-Date) or the 14 digits of an ARC date.
  auto digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  if (s.size() >= 10 && digit(0) && digit(1) && digit(2) && digit(3) && s[4] == '-' && digit(5) && digit(6) &&
      s[7] == '-' && digit(8) && digit(9)) {
    return std::string(s.substr(0, 10));
  }
  if (s.size() >= 8) {
    for (size_t k = 0; k < 8; ++k) {
      if (!digit(k)) return "";
    }
    return std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
  }
  return "";
}

bool IsHtmlMediaType(std::string_view t) {
  return t == "text/html" || t == "application/xhtml+xml" || t == "application/xhtml" || t == "text/xhtml";
}

// Gives every document its source kind before it reaches the caller's sink.
class ClassifyingSink : public Sink {
 public:
  ClassifyingSink(Sink* inner, const SourceKinds* kinds, std::string forced)
      : inner_(inner), kinds_(kinds), forced_(std::move(forced)) {}
  void OnDocument(Document&& doc) override {
    if (!forced_.empty()) doc.source_kind = forced_;
    else if (doc.source_kind.empty()) doc.source_kind = kinds_->Classify(doc);
    inner_->OnDocument(std::move(doc));
  }
  void OnError(const std::string& source, const std::string& reason) override { inner_->OnError(source, reason); }
  void OnSkipped(const std::string& source, const std::string& reason) override { inner_->OnSkipped(source, reason); }
  void OnPrefiltered(const std::string& source) override { inner_->OnPrefiltered(source); }

 private:
  Sink* inner_;
  const SourceKinds* kinds_;
  std::string forced_;
};

}  // namespace

Pipeline::Pipeline(const Options& options, const PageCues* cues, Sink* sink)
    : options_(options), cues_(cues), sink_(sink), html_(cues) {}

// A document whose main text passed the limit would hold up everything
// after it (the extractor's work grows with the text); it is named instead.
void Pipeline::Deliver(Document&& doc) {
  if (doc.text.size() > options_.max_text_bytes) {
    sink_->OnError(doc.source, "main text of " + std::to_string(doc.text.size()) + " bytes is longer than the limit of " +
                                   std::to_string(options_.max_text_bytes) + " bytes (--max-text-size); skipped");
    return;
  }
  sink_->OnDocument(std::move(doc));
}

// Ill-formed UTF-8 that was repaired is reported, and the document still read.
void Pipeline::ReportRepairs(const std::string& source) {
  if (charset_.repaired() > 0) {
    sink_->OnError(source, "invalid UTF-8: " + std::to_string(charset_.repaired()) +
                               " ill-formed sequence(s) replaced by U+FFFD; the rest is read");
  }
}

void Pipeline::TextToDocument(std::string_view bytes, Document doc) {
  if (Prefiltered(bytes, doc.source)) return;
  Status s = charset_.ToUtf8(bytes, "", false, &utf8_);
  if (!s.ok()) {
    sink_->OnError(doc.source, s.message());
    return;
  }
  ReportRepairs(doc.source);
  // One paragraph a line, without carriage returns or trailing blanks.
  std::string text;
  text.reserve(utf8_.size());
  size_t pos = 0;
  while (pos <= utf8_.size()) {
    size_t nl = utf8_.find('\n', pos);
    if (nl == std::string::npos) nl = utf8_.size();
    std::string_view line(utf8_.data() + pos, nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (!text.empty() || !line.empty()) {
      text.append(line);
      text.push_back('\n');
    }
    pos = nl + 1;
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.empty()) {
    sink_->OnSkipped(doc.source, "no text");
    return;
  }
  size_t first_nl = text.find('\n');
  std::string_view first_line = std::string_view(text).substr(0, first_nl);
  if (doc.title.empty() && utf8::CountCodePoints(first_line) <= 300) doc.title = std::string(first_line);
  doc.kind = doc.kind.empty() ? "text" : doc.kind;
  doc.text = std::move(text);
  Deliver(std::move(doc));
}

void Pipeline::HtmlToDocument(std::string_view bytes, std::string_view declared_charset, Document doc) {
  if (Prefiltered(bytes, doc.source, declared_charset, /*html=*/true)) return;
  Status s = charset_.ToUtf8(bytes, declared_charset, true, &utf8_);
  if (!s.ok()) {
    sink_->OnError(doc.source, s.message());
    return;
  }
  ReportRepairs(doc.source);
  HtmlArticle article;
  s = html_.Extract(utf8_, &article);
  if (!s.ok()) {
    sink_->OnError(doc.source, s.message());
    return;
  }
  if (!article.partial_reason.empty()) sink_->OnError(doc.source, article.partial_reason);
  if (article.paragraphs.empty()) {
    if (article.partial_reason.empty()) sink_->OnSkipped(doc.source, "no article text found on the page");
    return;
  }
  if (!article.canonical_url.empty()) doc.url = ResolveUrl(article.canonical_url, doc.fetched_url);
  if (doc.url.empty()) doc.url = doc.fetched_url;
  if (doc.title.empty()) doc.title = article.title;
  if (doc.published.empty()) doc.published = article.published;
  if (doc.site.empty()) doc.site = article.site;
  if (doc.lang.empty()) doc.lang = article.lang;
  if (doc.kind.empty()) doc.kind = "html";
  doc.text = article.MainText();
  // A cue in the menus or teasers let the page through; the main text is
  // what the extractor reads, and scanning it costs less than normalising it.
  if (PrefilteredRecord(doc.text, doc.title, doc.source)) return;
  Deliver(std::move(doc));
}

void Pipeline::WarcRecordToDocument(WarcRecord* record, const std::string& path) {
  std::string source = path + "#" + std::to_string(record->offset);
  if (!record->status.ok()) {
    sink_->OnError(source, record->status.message());
    return;
  }
  if (!record->has_block) {
    sink_->OnSkipped(source, (record->type.empty() ? std::string("untyped") : record->type) + " record");
    return;
  }
  std::string_view payload = record->block;
  std::string charset;
  std::string record_media, record_charset;
  ParseContentType(record->content_type, &record_media, &record_charset);
  if (record->type == "response" && record_media != "text/html") {
    HttpResponse http;
    Status s = ParseHttpResponse(record->block, &http);
    if (!s.ok()) {
      sink_->OnSkipped(source, "response record whose " + s.message());
      return;
    }
    if (http.status < 200 || http.status >= 300) {
      sink_->OnSkipped(source, "HTTP status " + std::to_string(http.status) + ", not a page");
      return;
    }
    if (!http.content_type.empty() && !IsHtmlMediaType(http.content_type)) {
      sink_->OnSkipped(source, "payload is " + http.content_type + ", not HTML");
      return;
    }
    s = DecodeHttpBody(std::string_view(record->block).substr(http.body_offset), http,
                       options_.max_expanded_bytes, &body_, &scratch_);
    if (!s.ok()) {
      sink_->OnError(source, s.message());
      return;
    }
    payload = body_;
    charset = http.charset;
  } else if (record->type == "resource" || (record->type == "response" && record_media == "text/html")) {
    if (!IsHtmlMediaType(record_media)) {
      sink_->OnSkipped(source, "resource is " + (record_media.empty() ? std::string("untyped") : record_media) +
                                   ", not HTML");
      return;
    }
    charset = record_charset;
  } else {
    sink_->OnSkipped(source, record->type + " record");
    return;
  }
  if (payload.empty()) {
    sink_->OnSkipped(source, "empty payload");
    return;
  }
  std::string binary = DescribeBinary(payload.substr(0, 8192));
  if (!binary.empty()) {
    sink_->OnSkipped(source, "payload is " + binary);
    return;
  }
  Document doc;
  doc.source = std::move(source);
  doc.fetched_url = record->target_uri;
  doc.fetched = DateOnly(record->date);
  doc.kind = "warc";
  HtmlToDocument(payload, charset, std::move(doc));
}

namespace {

bool WantWarcBlock(const std::string& type) { return type == "response" || type == "resource"; }

// What reading one page gave the sink, kept to be handed on in reading order.
struct PageEvent {
  enum class Kind { kDocument, kError, kSkipped, kPrefiltered };
  Kind kind;
  Document doc;
  std::string source, reason;
};

class RecordingSink : public Sink {
 public:
  void OnDocument(Document&& doc) override { events->push_back({PageEvent::Kind::kDocument, std::move(doc), {}, {}}); }
  void OnError(const std::string& source, const std::string& reason) override {
    events->push_back({PageEvent::Kind::kError, {}, source, reason});
  }
  void OnSkipped(const std::string& source, const std::string& reason) override {
    events->push_back({PageEvent::Kind::kSkipped, {}, source, reason});
  }
  void OnPrefiltered(const std::string& source) override {
    events->push_back({PageEvent::Kind::kPrefiltered, {}, source, {}});
  }
  std::vector<PageEvent>* events = nullptr;
};

// A page-reading thread's own pipeline (converters, parser, scanner).
struct PageReader {
  RecordingSink sink;
  std::unique_ptr<Pipeline> pipeline;
};

}  // namespace

void Pipeline::ReadWarc(BufferedReader* in, const std::string& path) {
  WarcOptions wo;
  wo.max_record_bytes = options_.max_record_bytes;
  WarcReader reader(in, wo);
  if (options_.page_jobs > 1) {
    ReadWarcPagesOnThreads(&reader, path);
    return;
  }
  WarcRecord record;
  while (reader.Next(&record, WantWarcBlock)) WarcRecordToDocument(&record, path);
}

// Inflating and splitting the file stays on this thread; each record goes to
// whichever page reader is free, and what it gave is handed to the sink in
// the order the records were read.
void Pipeline::ReadWarcPagesOnThreads(WarcReader* reader, const std::string& path) {
  const int n = options_.page_jobs;
  std::vector<std::unique_ptr<PageReader>> readers;
  std::vector<PageReader*> idle;
  std::mutex mu;
  for (int i = 0; i < n; ++i) {
    auto r = std::make_unique<PageReader>();
    r->pipeline = std::make_unique<Pipeline>(options_, cues_, &r->sink);
    r->pipeline->SetPrefilter(prefilter_);
    r->pipeline->set_pdf_repair(pdf_repair_);
    idle.push_back(r.get());
    readers.push_back(std::move(r));
  }
  OrderedJobs<std::vector<PageEvent>> jobs(n, static_cast<size_t>(n) * 4, [this](std::vector<PageEvent>&& events) {
    for (PageEvent& e : events) {
      switch (e.kind) {
        case PageEvent::Kind::kDocument: sink_->OnDocument(std::move(e.doc)); break;
        case PageEvent::Kind::kError: sink_->OnError(e.source, e.reason); break;
        case PageEvent::Kind::kSkipped: sink_->OnSkipped(e.source, e.reason); break;
        case PageEvent::Kind::kPrefiltered: sink_->OnPrefiltered(e.source); break;
      }
    }
  });
  // Records go to the page readers in batches: handing over each small page
  // alone would cost more in waking threads than reading it.
  constexpr size_t kBatchBytes = 256 << 10, kBatchRecords = 64;
  auto batch = std::make_shared<std::vector<WarcRecord>>();
  size_t batch_bytes = 0;
  auto submit = [&] {
    if (batch->empty()) return;
    jobs.Submit([batch, &path, &mu, &idle] {
      PageReader* r;
      {
        std::lock_guard<std::mutex> lk(mu);
        r = idle.back();
        idle.pop_back();
      }
      std::vector<PageEvent> events;
      r->sink.events = &events;
      for (WarcRecord& record : *batch) r->pipeline->WarcRecordToDocument(&record, path);
      {
        std::lock_guard<std::mutex> lk(mu);
        idle.push_back(r);
      }
      return events;
    });
    batch = std::make_shared<std::vector<WarcRecord>>();
    batch_bytes = 0;
  };
  WarcRecord record;
  while (reader->Next(&record, WantWarcBlock)) {
    batch_bytes += record.block.size();
    batch->push_back(std::move(record));
    record = WarcRecord();
    if (batch_bytes >= kBatchBytes || batch->size() >= kBatchRecords) submit();
  }
  submit();
  jobs.Finish();
}

void Pipeline::ReadWhole(BufferedReader* in, const std::string& path, int kind, bool compressed) {
  std::string bytes;
  uint64_t limit = compressed ? options_.max_expanded_bytes : options_.max_record_bytes;
  Status s = in->ReadRest(limit, &bytes);
  if (!s.ok()) {
    std::string reason = s.message();
    if (s.code() == Status::Code::kInvalidArgument) {
      reason = compressed ? "expands to more than the limit of " + std::to_string(limit) +
                                " bytes (--max-expanded-size)"
                          : "larger than the limit of " + std::to_string(limit) + " bytes (--max-record-size)";
    }
    sink_->OnError(path, reason);
    return;
  }
  Document doc;
  doc.source = path;
  switch (kind) {
    case kHtml:
      HtmlToDocument(bytes, "", std::move(doc));
      break;
    case kJsonDocument:
      ReadJsonDocument(bytes, path);
      break;
    default:
      TextToDocument(bytes, std::move(doc));
      break;
  }
}

void Pipeline::ReadPdfFile(BufferedReader* in, const std::string& path) {
  // A report's PDF carries its images and fonts: it is held to the limit on
  // expanded content, not the one on a single page of text.
  std::string bytes;
  Status s = in->ReadRest(options_.max_expanded_bytes, &bytes);
  if (!s.ok()) {
    sink_->OnError(path, s.code() == Status::Code::kInvalidArgument
                             ? "PDF larger than the limit of " + std::to_string(options_.max_expanded_bytes) +
                                   " bytes (--max-expanded-size)"
                             : s.message());
    return;
  }
  if (!pdf_repair_) {
    sink_->OnError(path, "PDF not read: the Arabic repair tables (data/pdf/) were not loaded");
    return;
  }
  Document doc;
  doc.source = path;
  s = ReadPdf(bytes, *pdf_repair_, &doc);
  if (!s.ok()) {
    sink_->OnError(path, s.message());
    return;
  }
  sink_->OnDocument(std::move(doc));
}

void Pipeline::ReadFile(const std::string& path) {
  auto opened = FileSource::Open(path);
  if (!opened.ok()) {
    sink_->OnError(path, opened.status().message());
    return;
  }
  FileSource* file = opened->get();
  // A file too large to be one document is refused before it is read,
  // unless it turns out to be a stream of records (WARC, JSON Lines).
  uint64_t size = 0;
  bool size_known = false;
  if (path != "-") {
    std::error_code ec;
    size = fs::file_size(path, ec);
    size_known = !ec;
  }
  std::string head;
  head.resize(kSniffBytes);
  size_t got_total = 0;
  while (got_total < head.size()) {
    auto got = file->Read(head.data() + got_total, head.size() - got_total);
    if (!got.ok()) {
      sink_->OnError(path, got.status().message());
      return;
    }
    if (*got == 0) break;
    got_total += *got;
  }
  head.resize(got_total);
  if (head.empty()) {
    sink_->OnError(path, "empty file");
    return;
  }
  std::string name = path;
  bool compressed = IsGzip(head);
  PrefixedSource replay(head, file);
  std::unique_ptr<GzipSource> gzip;
  ByteSource* source = &replay;
  if (compressed) {
    gzip = std::make_unique<GzipSource>(&replay, options_.max_expanded_bytes);
    source = gzip.get();
    if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  }
  BufferedReader in(source);
  auto peek = in.Prefetch(kSniffBytes);
  if (!peek.ok()) {
    sink_->OnError(path, peek.status().message());
    return;
  }
  std::string_view inner = *peek;
  if (inner.empty()) {
    sink_->OnError(path, "empty after decompression");
    return;
  }
  if (inner.compare(0, 5, "WARC/") == 0 || inner.compare(0, 11, "filedesc://") == 0) {
    ReadWarc(&in, path);
    return;
  }
  if (LooksLikePdf(inner) || (EndsWith(name, ".pdf") && inner.compare(0, 4, "%PDF") == 0)) {
    ReadPdfFile(&in, path);
    return;
  }
  std::string binary = DescribeBinary(inner);
  if (!binary.empty()) {
    sink_->OnError(path, "not readable: the file is " + binary);
    return;
  }
  // UTF-16 files are sniffed in their UTF-8 form.
  std::string decoded_head;
  std::string_view sniff = inner;
  if ((inner.size() >= 2 && ((inner[0] == '\xFF' && inner[1] == '\xFE') || (inner[0] == '\xFE' && inner[1] == '\xFF'))) ||
      !SniffUtf16(inner).empty()) {
    std::string_view even = inner.substr(0, std::min<size_t>(inner.size() & ~size_t{1}, 8192));
    if (charset_.ToUtf8(even, "", false, &decoded_head).ok()) sniff = decoded_head;
  }
  Kind kind = DetectKind(sniff, name);
  if (kind == kWarc) {
    ReadWarc(&in, path);
    return;
  }
  if (kind == kJsonLines) {
    ReadJsonLines(&in, path);
    return;
  }
  if (!compressed && size_known && size > options_.max_record_bytes) {
    sink_->OnError(path, "file of " + std::to_string(size) + " bytes is larger than the limit of " +
                             std::to_string(options_.max_record_bytes) + " bytes (--max-record-size)");
    return;
  }
  ReadWhole(&in, path, kind, compressed);
}

namespace {

// What a non-regular file is, for the message that skips it.
std::string FileTypeName(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

using FolderId = std::pair<dev_t, ino_t>;

// Collects the regular files under `dir`, following symlinks. Each folder is
// entered once, known by its device and inode: a link back to a folder
// being walked (`ancestors`) is a loop, reported; a second way into a folder
// already read is passed over. Anything that could block a read (a FIFO
// nobody writes to) or is no document (a socket, a device) is reported and
// left out.
void WalkFolder(const std::string& dir, std::set<FolderId>* visited, std::vector<FolderId>* ancestors,
                std::vector<std::string>* files, Sink* sink) {
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    sink->OnError(dir, "cannot list folder: " + ec.message());
    return;
  }
  std::vector<std::string> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      sink->OnError(dir, "cannot list folder: " + ec.message());
      break;
    }
    entries.push_back(it->path().string());
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& entry : entries) {
    struct stat st;
    if (::stat(entry.c_str(), &st) != 0) {
      int err = errno;
      struct stat lst;
      bool link = ::lstat(entry.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
      if (link && err == ELOOP) {
        sink->OnError(entry, "skipped: symlink loop (" + std::string(std::strerror(err)) + ")");
      } else if (link) {
        sink->OnError(entry, "skipped: broken symlink (" + std::string(std::strerror(err)) + ")");
      } else {
        sink->OnError(entry, "skipped: cannot stat (" + std::string(std::strerror(err)) + ")");
      }
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      FolderId id{st.st_dev, st.st_ino};
      if (std::find(ancestors->begin(), ancestors->end(), id) != ancestors->end()) {
        sink->OnError(entry, "skipped: symlink loop (leads back to a folder it is in)");
        continue;
      }
      if (!visited->insert(id).second) {
        sink->OnSkipped(entry, "folder already read by another path");
        continue;
      }
      ancestors->push_back(id);
      WalkFolder(entry, visited, ancestors, files, sink);
      ancestors->pop_back();
    } else if (S_ISREG(st.st_mode)) {
      files->push_back(entry);
    } else {
      sink->OnError(entry, "skipped: " + FileTypeName(st.st_mode) + ", not a regular file");
    }
  }
}

}  // namespace

Status ReadPaths(const std::vector<std::string>& paths, const Options& options, Sink* sink) {
  if (paths.empty()) return Status::InvalidArgument("no input given: name files, folders, or - for stdin");
  if (!sink) return Status::InvalidArgument("no sink to receive documents");
  auto data_dir = FindDataDir(options.data_dir);
  if (!data_dir.ok()) return data_dir.status();
  auto cues = PageCues::Load(*data_dir);
  if (!cues.ok()) return cues.status();
  auto repair = ArabicPdfRepair::Load(*data_dir);
  if (!repair.ok()) return repair.status();
  if (!options.source_kind.empty() && options.source_kind != "official" && options.source_kind != "press") {
    return Status::InvalidArgument("source kind must be official or press, not '" + options.source_kind + "'");
  }
  auto kinds = SourceKinds::Load(*data_dir);
  if (!kinds.ok()) return kinds.status();
  ClassifyingSink classifying(sink, kinds->get(), options.source_kind);
  sink = &classifying;
  Pipeline pipeline(options, cues->get(), sink);
  pipeline.set_pdf_repair(repair->get());
  std::unique_ptr<Prefilter> prefilter;
  if (options.prefilter) {
    auto p = Prefilter::Load(*data_dir);
    if (!p.ok()) return p.status();
    prefilter = std::move(*p);
    pipeline.SetPrefilter(prefilter.get());
  }
  for (const auto& path : paths) {
    if (path == "-") {
      pipeline.ReadFile(path);
      continue;
    }
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      int err = errno;
      sink->OnError(path, err == ENOENT ? std::string("no such file or folder")
                                        : "cannot open: " + std::string(std::strerror(err)));
      continue;
    }
    // Named on purpose, a FIFO (or a character device such as /dev/stdin)
    // is a stream, read like stdin: open() waits for its writer.
    if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
      pipeline.ReadFile(path);
      continue;
    }
    if (!S_ISDIR(st.st_mode)) {
      sink->OnError(path, "skipped: " + FileTypeName(st.st_mode) + ", not a file or folder");
      continue;
    }
    std::set<FolderId> visited = {{st.st_dev, st.st_ino}};
    std::vector<FolderId> ancestors = {{st.st_dev, st.st_ino}};
    std::vector<std::string> files;
    WalkFolder(path, &visited, &ancestors, &files, sink);
    std::sort(files.begin(), files.end());
    for (const auto& f : files) pipeline.ReadFile(f);
  }
  return Status::Ok();
}

}  // namespace rasd::ingest
