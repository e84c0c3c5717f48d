#include "cli/inputs.h"

#include "cli/io.h"
#include "ingest/ingest.h"

namespace rasd::cli {
namespace {

class CallbackSink : public ingest::Sink {
 public:
  CallbackSink(const std::function<void(Document&&)>& fn, InputStats* stats) : fn_(fn), stats_(stats) {}
  void OnDocument(Document&& doc) override {
    ++stats_->documents;
    // Plain text carries its headline as the first line; other kinds say it.
    if (doc.kind == "text") doc.title.clear();
    fn_(std::move(doc));
  }
  void OnError(const std::string& source, const std::string& reason) override {
    ++stats_->failed;
    ReportError(source, reason);
  }
  void OnSkipped(const std::string& source, const std::string& reason) override { ++stats_->skipped; }

 private:
  const std::function<void(Document&&)>& fn_;
  InputStats* stats_;
};

}  // namespace

InputStats ForEachDocument(const std::vector<std::string>& paths, const std::string& data_dir,
                           const std::function<void(Document&&)>& fn) {
  InputStats stats;
  CallbackSink sink(fn, &stats);
  ingest::Options options;
  options.data_dir = data_dir;
  Status s = ingest::ReadPaths(paths, options, &sink);
  if (!s.ok()) {
    ReportError("input", s.message());
    ++stats.failed;
  }
  return stats;
}

}  // namespace rasd::cli
