#include "common/month_names.h"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "common/tsv.h"

namespace rasd {
namespace fs = std::filesystem;

Result<std::vector<MonthNames>> ReadMonthNames(const std::string& path) {
  std::vector<MonthNames> out;
  std::error_code ec;
  if (!fs::exists(path, ec)) return out;
  Status s = ReadTsv(path, /*has_header=*/true, [&](const TsvRow& row) {
    const std::string& number = row.at(0);
    int month = 0;
    auto [end, err] = std::from_chars(number.data(), number.data() + number.size(), month);
    if (err != std::errc() || end != number.data() + number.size() || month < 1 || month > 12) return Status::InvalidArgument("month number '" + number + "' is not 1..12");
    out.push_back({month, SplitVariants(row.at(1))});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<MonthNames>> ReadAllMonthNames(const std::string& data_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
    // A folder without months.tsv is no error: only listing the data folder can fail.
    std::error_code entry_ec;
    if (entry.is_directory(entry_ec) && fs::is_regular_file(entry.path() / "months.tsv", entry_ec)) {
      files.push_back(entry.path() / "months.tsv");
    }
  }
  if (ec) return Status::IOError("cannot list " + data_dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<MonthNames> out;
  for (const fs::path& f : files) {
    auto names = ReadMonthNames(f.string());
    if (!names.ok()) return names.status();
    out.insert(out.end(), names->begin(), names->end());
  }
  return out;
}

}  // namespace rasd
