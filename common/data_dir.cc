#include "common/data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace rasd {
namespace fs = std::filesystem;

namespace {
bool LooksLikeDataDir(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p / "gazetteer" / "provinces.tsv", ec);
}
}  // namespace

Result<std::string> FindDataDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) {
    if (LooksLikeDataDir(explicit_dir)) return explicit_dir;
    return Status::NotFound("data folder '" + explicit_dir + "' has no gazetteer/provinces.tsv");
  }
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("RASD_DATA"); env && *env) candidates.emplace_back(env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path() / "data");
    candidates.push_back(exe.parent_path().parent_path() / "data");
    candidates.push_back(exe.parent_path().parent_path() / "share" / "rasd" / "data");
  }
  candidates.emplace_back(RASD_SOURCE_DATA_DIR);
  for (const auto& c : candidates) {
    if (LooksLikeDataDir(c)) return c.string();
  }
  return Status::NotFound("cannot find rasd's data folder (set RASD_DATA or pass --data DIR)");
}

}  // namespace rasd
