// The JSON Lines reader (and a whole-JSON file read the same way), with the
// page reader behind records that carry HTML.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "common/utf8.h"
#include "fuzz/fuzz_common.h"
#include "ingest/byte_source.h"
#include "ingest/pipeline.h"

using namespace rasd;

namespace {
class CheckingSink : public ingest::Sink {
 public:
  void OnDocument(Document&& doc) override {
    FUZZ_CHECK(!doc.text.empty());
    FUZZ_CHECK(doc.text.size() <= max_text);
  }
  void OnError(const std::string& source, const std::string& reason) override { FUZZ_CHECK(!reason.empty()); }
  size_t max_text = 0;
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<ingest::PageCues> cues = [] {
    auto loaded = ingest::PageCues::Load(fuzz::DataDir());
    if (!loaded.ok()) std::abort();
    return std::move(*loaded);
  }();
  static ingest::Options options = [] {
    ingest::Options o;
    o.max_record_bytes = 64 << 10;  // lines past it take the skipping path
    o.max_text_bytes = 16 << 10;
    return o;
  }();
  static CheckingSink sink;
  sink.max_text = options.max_text_bytes;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ingest::Pipeline pipeline(options, cues.get(), &sink);
  ingest::MemorySource memory(bytes);
  ingest::BufferedReader in(&memory, 4096);  // small buffer: lines cross refills
  pipeline.ReadJsonLines(&in, "fuzz.jsonl");
  pipeline.ReadJsonDocument(bytes, "fuzz.json");
  return 0;
}
