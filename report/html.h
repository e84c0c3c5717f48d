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

// `sentence` escaped, with each [begin, end) range (code points) inside
// <mark>. Ranges out of bounds or overlapping an earlier one are ignored.
std::string MarkedSentence(std::string_view sentence, std::vector<std::pair<int64_t, int64_t>> ranges);

// The first occurrence of `figure` in `sentence`, in code points; {-1, -1} when absent.
std::pair<int64_t, int64_t> FindInSentence(std::string_view sentence, std::string_view figure);

}  // namespace rasd::report

#endif  // RASD_REPORT_HTML_H_
