#include "cli/io.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace rasd::cli {

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError("read error");
  return data;
}

void ReportError(const std::string& source, const std::string& reason) {
  std::cerr << "rasd: " << source << ": " << reason << "\n";
}

}  // namespace rasd::cli
