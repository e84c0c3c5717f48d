#include "common/tsv.h"

#include <fstream>

namespace rasd {
namespace {
std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}
}  // namespace

const std::string& TsvRow::at(size_t i) const {
  static const std::string kEmpty;
  return i < fields.size() ? fields[i] : kEmpty;
}

Status ReadTsv(const std::string& path, bool has_header,
               const std::function<Status(const TsvRow&)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open data file " + path);
  std::string line;
  TsvRow row;
  bool header_pending = has_header;
  while (std::getline(in, line)) {
    ++row.line;
    if (row.line == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (header_pending) { header_pending = false; continue; }
    row.fields.clear();
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(Trim(std::string_view(line).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    Status s = fn(row);
    if (!s.ok()) return Status::InvalidArgument(path + ":" + std::to_string(row.line) + ": " + s.message());
  }
  return Status::Ok();
}

std::vector<std::string> SplitVariants(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t p = s.find(sep, start);
    std::string part = Trim(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (!part.empty()) out.push_back(part);
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

}  // namespace rasd
