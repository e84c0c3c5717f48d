// Whether a document is an official source (the Foundation, the INDH, a
// ministry, or an agency dispatch reproducing a Foundation communique) or
// press, from data/sources/sites.tsv and data/sources/communique_cues.tsv.
#ifndef RASD_INGEST_SOURCE_KIND_H_
#define RASD_INGEST_SOURCE_KIND_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/document.h"
#include "common/status.h"

namespace rasd::ingest {

class SourceKinds {
 public:
  static Result<std::unique_ptr<SourceKinds>> Load(const std::string& data_dir);

  // "official" or "press": by the site of the document's URL, else by a
  // communique cue in its text.
  std::string Classify(const Document& doc) const;

  // The kind the sites table gives a host ("www.fm6r.ma"), or empty.
  std::string KindOfHost(std::string_view host) const;

 private:
  std::vector<std::pair<std::string, std::string>> sites_;  // domain, kind
  std::vector<std::string> cues_;
};

}  // namespace rasd::ingest

#endif  // RASD_INGEST_SOURCE_KIND_H_
