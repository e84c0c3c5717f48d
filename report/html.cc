#include "report/html.h"

#include <algorithm>
#include <tuple>

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

std::string MarkedSentence(std::string_view sentence, std::vector<Mark> marks) {
  const int64_t n = static_cast<int64_t>(utf8::CountCodePoints(sentence));
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); });
  std::vector<Mark> kept;
  for (auto& m : marks) {
    if (m.begin < 0 || m.end <= m.begin || m.end > n) continue;
    if (!kept.empty() && kept.back().begin == m.begin && kept.back().end == m.end) {
      kept.back().title += "; " + m.title;
      kept.back().conflict |= m.conflict;
      continue;
    }
    if (!kept.empty() && m.begin < kept.back().end) continue;
    kept.push_back(std::move(m));
  }
  std::string out;
  int64_t at = 0;
  for (const auto& m : kept) {
    out += Escape(utf8::SliceCodePoints(sentence, at, m.begin));
    out += "<mark";
    if (m.conflict) out += " class=\"x\"";
    if (!m.title.empty()) out += " title=\"" + Escape(m.title) + "\"";
    out += ">" + Escape(utf8::SliceCodePoints(sentence, m.begin, m.end)) + "</mark>";
    at = m.end;
  }
  out += Escape(utf8::SliceCodePoints(sentence, at, n));
  return out;
}

}  // namespace rasd::report
