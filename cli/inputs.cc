#include "cli/inputs.h"

#include <filesystem>

#include "cli/io.h"

namespace rasd::cli {

InputStats ForEachDocument(const std::vector<std::string>& paths, const std::function<void(InputDocument&&)>& fn) {
  namespace fs = std::filesystem;
  InputStats stats;
  auto one = [&](const std::string& path) {
    auto data = ReadInput(path);
    if (!data.ok()) { ReportError(path, data.status().message()); ++stats.failed; return; }
    ++stats.documents;
    InputDocument d;
    d.source = path;
    d.text = std::move(*data);
    fn(std::move(d));
  };
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> files;
      for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) one(f);
    } else {
      one(p);
    }
  }
  return stats;
}

}  // namespace rasd::cli
