#include "bench/bench_data.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "tests/ingest/page_fixtures.h"

namespace rasd::bench {

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  int sentences = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    cur += text[i];
    if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) {
      if (++sentences == 3) {
        out.push_back(ingest::testing::Squash(cur));
        cur.clear();
        sentences = 0;
      }
    }
  }
  if (!ingest::testing::Squash(cur).empty()) out.push_back(ingest::testing::Squash(cur));
  return out;
}

std::string SharedDir() {
  if (const char* env = std::getenv("RASD_SHARED"); env && *env) return env;
  return RASD_SHARED_DIR;
}

const std::vector<NewsArticle>& NewsArticles(size_t limit) {
  static std::map<size_t, std::vector<NewsArticle>> cache;
  auto it = cache.find(limit);
  if (it != cache.end()) return it->second;
  auto& out = cache[limit];
  std::string path = SharedDir() + "/data/news-ar/articles.jsonl.zst";
  if (!std::filesystem::exists(path)) {
    std::cerr << "benchmark input absent: " << path << " (skipping)\n";
    return out;
  }
  std::string cmd = "zstd -dc '" + path + "' 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) {
    std::cerr << "cannot run zstd to read " << path << " (skipping)\n";
    return out;
  }
  std::string line;
  char buf[1 << 16];
  auto flush_line = [&]() {
    if (line.empty()) return;
    auto j = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (j.is_discarded() || !j.is_object()) return;
    NewsArticle a;
    a.title = j.value("title", "");
    a.date = j.value("date", "");
    a.url = j.value("url", "");
    a.text = j.value("text", "");
    out.push_back(std::move(a));
  };
  while (fgets(buf, sizeof buf, pipe)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      flush_line();
      if (limit && out.size() >= limit) break;
    }
  }
  flush_line();
  pclose(pipe);
  if (out.empty()) std::cerr << "no articles read from " << path << " (is zstd installed?)\n";
  return out;
}

}  // namespace rasd::bench
