// Text made safe for an HTML page. Internal to report/: everything the page
// shows from the store (sentences, titles, URLs, names) comes from crawled
// pages, so none of it may become markup.
#ifndef RASD_REPORT_HTML_H_
#define RASD_REPORT_HTML_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasd::report {

// & < > " ' escaped: safe in element text and in quoted attributes.
std::string Escape(std::string_view text);

// The link target for a source: an http(s) URL, escaped; empty for anything
// else (a file path, a javascript: URL), which the page shows as text only.
std::string SafeHref(std::string_view url);

// A figure to mark in its sentence: [begin, end) in code points, and what
// the mark says on hover (the field and its value).
struct Mark {
  int64_t begin = 0, end = 0;
  std::string title;
  bool conflict = false;  // sources contradict each other on this figure
};

// `sentence` escaped, each mark inside <mark>. Two figures of one span share
// a mark; a mark out of bounds or overlapping an earlier one is left out.
std::string MarkedSentence(std::string_view sentence, std::vector<Mark> marks);

}  // namespace rasd::report

#endif  // RASD_REPORT_HTML_H_
