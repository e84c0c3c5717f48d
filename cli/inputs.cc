#include "cli/inputs.h"

#include <filesystem>

#include "cli/io.h"
#include "ingest/ingest.h"

namespace rasd::cli {
namespace {

class CallbackSink : public ingest::Sink {
 public:
  CallbackSink(const std::function<void(Document&&)>& fn, bool as_read, InputStats* stats)
      : fn_(fn), as_read_(as_read), stats_(stats) {}
  void OnDocument(Document&& doc) override {
    ++stats_->documents;
    // Plain text carries its headline as the first line; other kinds say it.
    if (doc.kind == "text" && !as_read_) doc.title.clear();
    fn_(std::move(doc));
  }
  void OnError(const std::string& source, const std::string& reason) override {
    ++stats_->failed;
    ReportError(source, reason);
  }
  void OnSkipped(const std::string& source, const std::string& reason) override { ++stats_->skipped; }
  void OnPrefiltered(const std::string& source) override { ++stats_->prefiltered; }

 private:
  const std::function<void(Document&&)>& fn_;
  bool as_read_;
  InputStats* stats_;
};

}  // namespace

ingest::Options ReaderOptions(const ReadLimits& limits, const std::string& data_dir) {
  ingest::Options options;
  options.data_dir = data_dir;
  options.max_record_bytes = limits.record_bytes;
  options.max_expanded_bytes = limits.expanded_bytes;
  options.max_text_bytes = limits.text_bytes;
  return options;
}

void AddReadLimitOptions(CLI::App* cmd, ReadLimits* limits) {
  cmd->add_option("--max-record-size", limits->record_bytes,
                  "largest JSON Lines line, WARC record or single HTML/text file; a larger one is named and skipped")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("16MiB");
  cmd->add_option("--max-expanded-size", limits->expanded_bytes,
                  "largest inflated size of a gzip member or compressed page; past it, a member inflating at over "
                  "100:1 is refused as a decompression bomb, a compressed page is refused")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("64MiB");
  cmd->add_option("--max-text-size", limits->text_bytes,
                  "largest main text of one document; a longer one is named and skipped")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("1MiB");
}

InputStats ForEachDocument(const std::vector<std::string>& paths, const std::string& data_dir, bool as_read,
                           const ReadLimits& limits, const std::function<void(Document&&)>& fn, bool prefilter,
                           int page_jobs) {
  InputStats stats;
  CallbackSink sink(fn, as_read, &stats);
  ingest::Options options = ReaderOptions(limits, data_dir);
  options.prefilter = prefilter;
  options.page_jobs = page_jobs;
  Status s = ingest::ReadPaths(paths, options, &sink);
  if (!s.ok()) {
    ReportError("input", s.message());
    ++stats.failed;
  }
  return stats;
}

std::vector<std::string> AbsolutePaths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    auto abs = p == "-" ? std::filesystem::path(p) : std::filesystem::absolute(p, ec).lexically_normal();
    out.push_back(ec ? p : abs.string());
  }
  return out;
}

}  // namespace rasd::cli
