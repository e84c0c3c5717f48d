#include "ingest/pdf_layout.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "common/utf8.h"

namespace rasd::ingest {
namespace {

std::string Trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// "12", "- 12 -", "Page 3", "3 / 10", "صفحة 3": nothing but a page number.
bool IsPageNumber(const std::string& line) {
  std::string rest;
  bool digit = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c >= '0' && c <= '9') digit = true;
    else if (c == ' ' || c == '-' || c == '/' || c == '|' || c == '(' || c == ')' || c == '[' || c == ']') continue;
    else rest.push_back(c);
  }
  if (!digit) return false;
  return rest.empty() || rest == "Page" || rest == "page" || rest == "p." || rest == "صفحة" || rest == "الصفحة" ||
         rest == "Pagesur" || rest == "pagesur" || rest == "من" || rest == "صفحةمن";
}

struct Block {
  std::vector<std::string> lines;
};

// Ends a sentence or a heading's colon: a paragraph ending so is complete.
bool EndsComplete(const std::string& line) {
  if (line.empty()) return true;
  for (std::string_view end : {".", "!", "?", ":", "\"", "»", "؟", "”", ")"}) {
    if (line.size() >= end.size() && line.compare(line.size() - end.size(), end.size(), end) == 0) return true;
  }
  return false;
}

bool IsLower(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'a' && c <= 'z') return true;
  return s.size() >= 2 && c == 0xC3 && static_cast<unsigned char>(s[1]) >= 0xA0;  // à..ÿ
}

// Appends `line` to a paragraph: a hyphen that broke a word at the line's
// end is dropped ("ré-\ninsertion"), otherwise the lines meet with a space.
void AppendLine(std::string* para, const std::string& line) {
  if (para->empty()) {
    *para = line;
    return;
  }
  if (para->size() >= 2 && para->back() == '-' && !line.empty()) {
    size_t space = para->rfind(' ');
    size_t before = space == std::string::npos ? para->size() - 1 : para->size() - 1 - (space + 1);
    char last = (*para)[para->size() - 2];
    unsigned char next = static_cast<unsigned char>(line[0]);
    bool digits = (last >= '0' && last <= '9') || (next >= '0' && next <= '9');
    // A hyphen of the word itself ("27-06-2022", "ex-détenus", "Laâyoune-
    // Sakia") stays; one that only broke a word at the line's end goes.
    if (digits || before <= 3 || !IsLower(line)) {
      *para += line;
      return;
    }
    if ((last >= 'a' && last <= 'z') || static_cast<unsigned char>(last) >= 0x80) {
      para->pop_back();
      *para += line;
      return;
    }
  }
  *para += ' ';
  *para += line;
}

}  // namespace

std::string RunningLineKey(const std::string& line) {
  std::string key;
  for (char c : line) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key.push_back('#');
    } else if (c != ' ') {
      key.push_back(c);
    }
  }
  // Too long for a running line, or too short to tell from a dash or a date.
  size_t n = utf8::CountCodePoints(key);
  if (n > 160 || n < 4) return "";
  return key;
}

LaidOutText LayOutPages(const std::vector<std::string>& pages) {
  // Each page's blocks of non-blank lines.
  std::vector<std::vector<Block>> blocks(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    Block cur;
    size_t pos = 0;
    const std::string& page = pages[p];
    while (pos <= page.size()) {
      size_t nl = page.find('\n', pos);
      if (nl == std::string::npos) nl = page.size();
      std::string line = Trim(std::string_view(page).substr(pos, nl - pos));
      if (line.empty()) {
        if (!cur.lines.empty()) blocks[p].push_back(std::move(cur));
        cur = Block();
      } else {
        cur.lines.push_back(std::move(line));
      }
      pos = nl + 1;
    }
    if (!cur.lines.empty()) blocks[p].push_back(std::move(cur));
  }

  // Running headers and footers: the first and last lines of a page that
  // recur, digits aside, on most pages. With one or two pages nothing recurs
  // enough to tell.
  std::set<std::string> running;
  if (pages.size() >= 2) {
    std::map<std::string, int> seen;
    for (const auto& page : blocks) {
      std::set<std::string> keys;
      std::vector<const std::string*> edge;
      size_t total = 0;
      for (const auto& b : page) total += b.lines.size();
      size_t k = 0;
      for (const auto& b : page) {
        for (const auto& line : b.lines) {
          keys.insert(RunningLineKey(line));
          ++k;
        }
      }
      for (const auto& key : keys) {
        if (!key.empty()) ++seen[key];
      }
    }
    int need = std::max<int>(2, static_cast<int>((pages.size() * 6 + 9) / 10));
    for (const auto& [key, n] : seen) {
      if (n >= need) running.insert(key);
    }
  }

  LaidOutText out;
  std::string para;          // the paragraph being built
  bool para_complete = true; // whether it ended a sentence where it stopped
  bool para_line_full = false;
  auto flush = [&]() {
    if (para.empty()) return;
    if (!out.text.empty()) out.text.push_back('\n');
    out.text += para;
    para.clear();
  };
  for (size_t p = 0; p < blocks.size(); ++p) {
    // Drop the running lines and page numbers at the page's edges.
    size_t total = 0;
    for (const auto& b : blocks[p]) total += b.lines.size();
    std::vector<Block> kept;
    size_t k = 0;
    size_t longest = 0;
    for (auto& b : blocks[p]) {
      Block nb;
      for (auto& line : b.lines) {
        bool edge = k < 3 || k + 3 >= total;
        ++k;
        // A margin box may land anywhere in poppler's reading order.
        if (running.count(RunningLineKey(line)) || (edge && IsPageNumber(line))) continue;
        longest = std::max(longest, utf8::CountCodePoints(line));
        nb.lines.push_back(std::move(line));
      }
      if (!nb.lines.empty()) kept.push_back(std::move(nb));
    }
    bool page_started = false;
    for (const Block& b : kept) {
      // A paragraph cut by a column or page break: the previous block filled
      // its last line and did not end its sentence.
      bool continues = !para.empty() && !para_complete && para_line_full;
      if (!continues) flush();
      if (!page_started) {
        // Where this page's text begins in the output.
        size_t at = out.text.size() + (out.text.empty() ? 0 : 1) + para.size() + (para.empty() ? 0 : 1);
        if (continues) at = out.text.size() + (out.text.empty() ? 0 : 1) + para.size() + 1;
        while (out.page_starts.size() < p) out.page_starts.push_back(at);
        out.page_starts.push_back(at);
        page_started = true;
      }
      for (const std::string& line : b.lines) AppendLine(&para, line);
      para_complete = EndsComplete(b.lines.back());
      para_line_full = longest > 0 && utf8::CountCodePoints(b.lines.back()) * 10 >= longest * 7;
    }
  }
  flush();
  // Pages with no text start where the text ends.
  while (out.page_starts.size() < pages.size()) out.page_starts.push_back(out.text.size());
  return out;
}

}  // namespace rasd::ingest
