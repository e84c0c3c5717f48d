// Real input for the benchmarks: the Arabic news of ../shared/data/news-ar/
// (zstd-compressed JSON Lines), read once per process.
#ifndef RASD_BENCH_BENCH_DATA_H_
#define RASD_BENCH_BENCH_DATA_H_

#include <string>
#include <vector>

namespace rasd::bench {

struct NewsArticle {
  std::string title;
  std::string date;
  std::string url;
  std::string text;
};

// Up to `limit` articles (0: all). Empty, with a message on stderr, when the
// shared data or the zstd program is absent.
const std::vector<NewsArticle>& NewsArticles(size_t limit = 0);

// A news text stored as one block, cut into paragraphs of three sentences
// as the sites print them, each with its white space squashed.
std::vector<std::string> Paragraphs(const std::string& text);

// The shared folder (../shared beside the project, or $RASD_SHARED).
std::string SharedDir();

}  // namespace rasd::bench

#endif  // RASD_BENCH_BENCH_DATA_H_
