#include "report/html.h"

#include <algorithm>

#include "common/utf8.h"

namespace rasd::report {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string SafeHref(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  if (!starts("http://") && !starts("https://")) return "";
  // Control characters and spaces have no place in a URL; a page that
  // claims one gets no link.
  if (std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; })) return "";
  return Escape(url);
}

std::string MarkedSentence(std::string_view sentence, std::vector<std::pair<int64_t, int64_t>> ranges) {
  const int64_t n = static_cast<int64_t>(utf8::CountCodePoints(sentence));
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  int64_t at = 0;
  for (auto [b, e] : ranges) {
    if (b < at || e <= b || e > n) continue;
    out += Escape(utf8::SliceCodePoints(sentence, at, b));
    out += "<mark>" + Escape(utf8::SliceCodePoints(sentence, b, e)) + "</mark>";
    at = e;
  }
  out += Escape(utf8::SliceCodePoints(sentence, at, n));
  return out;
}

std::pair<int64_t, int64_t> FindInSentence(std::string_view sentence, std::string_view figure) {
  if (figure.empty()) return {-1, -1};
  size_t pos = sentence.find(figure);
  if (pos == std::string_view::npos) return {-1, -1};
  int64_t b = static_cast<int64_t>(utf8::CountCodePoints(sentence.substr(0, pos)));
  return {b, b + static_cast<int64_t>(utf8::CountCodePoints(figure))};
}

}  // namespace rasd::report
