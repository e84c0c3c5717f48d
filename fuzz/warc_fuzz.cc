// The WARC/ARC reader, plain or gzip (one member a record or one for the
// file), with the HTTP and page readers behind it, exactly as a crawl file
// is read; small limits so that a long input stays quick.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "fuzz/fuzz_common.h"
#include "ingest/byte_source.h"
#include "ingest/pipeline.h"

using namespace rasd;

namespace {
class NullSink : public ingest::Sink {
 public:
  void OnDocument(Document&& doc) override { FUZZ_CHECK(!doc.source.empty()); }
  void OnError(const std::string& source, const std::string& reason) override { FUZZ_CHECK(!reason.empty()); }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<ingest::PageCues> cues = [] {
    auto loaded = ingest::PageCues::Load(fuzz::DataDir());
    if (!loaded.ok()) std::abort();
    return std::move(*loaded);
  }();
  static NullSink sink;
  static ingest::Options options = [] {
    ingest::Options o;
    o.max_record_bytes = 1 << 20;
    o.max_expanded_bytes = 4 << 20;
    o.max_text_bytes = 256 << 10;
    return o;
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ingest::MemorySource memory(bytes);
  std::unique_ptr<ingest::GzipSource> gzip;
  ingest::ByteSource* source = &memory;
  if (ingest::IsGzip(bytes)) {
    gzip = std::make_unique<ingest::GzipSource>(&memory, options.max_expanded_bytes);
    source = gzip.get();
  }
  ingest::BufferedReader in(source);
  ingest::Pipeline pipeline(options, cues.get(), &sink);
  pipeline.ReadWarc(&in, "fuzz.warc");
  return 0;
}
