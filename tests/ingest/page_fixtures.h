// Fixtures for the ingest tests and benchmark: real article texts wrapped in
// the furniture of real news pages (menus, tickers, clock-time lists, "read
// also" teasers, comments, footers, scripts), in several page layouts;
// gzip, charset and file helpers; a sink that keeps everything.
#ifndef RASD_TESTS_INGEST_PAGE_FIXTURES_H_
#define RASD_TESTS_INGEST_PAGE_FIXTURES_H_

#include <iconv.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"

namespace rasd::ingest::testing {

namespace fs = std::filesystem;

inline std::string SharedDir() {
  if (const char* env = std::getenv("RASD_SHARED"); env && *env) return env;
  return "/work/shared";
}

inline std::string SourceDir() {
  if (const char* env = std::getenv("RASD_SOURCE"); env && *env) return env;
  std::string here = __FILE__;
  return here.substr(0, here.rfind("/tests/ingest/"));
}

inline std::string DataDir() {
  if (const char* env = std::getenv("RASD_DATA"); env && *env) return env;
  return SourceDir() + "/data";
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFileBytes(const std::string& path, std::string_view bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A fresh folder under the system's temporary folder, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "rasd_ingest_XXXXXX").string();
    char* made = mkdtemp(tmpl.data());
    path_ = made ? made : tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct Event {
  std::string source, reason;
};

class CollectingSink : public Sink {
 public:
  void OnDocument(Document&& doc) override { docs.push_back(std::move(doc)); }
  void OnError(const std::string& source, const std::string& reason) override { errors.push_back({source, reason}); }
  void OnSkipped(const std::string& source, const std::string& reason) override { skipped.push_back({source, reason}); }
  std::string Describe() const {
    std::string out;
    for (const auto& d : docs) out += "doc " + d.source + " [" + d.title.substr(0, 60) + "]\n";
    for (const auto& e : errors) out += "error " + e.source + ": " + e.reason + "\n";
    for (const auto& e : skipped) out += "skipped " + e.source + ": " + e.reason + "\n";
    return out;
  }
  std::vector<Document> docs;
  std::vector<Event> errors;
  std::vector<Event> skipped;
};

inline Options TestOptions() {
  Options o;
  o.data_dir = DataDir();
  return o;
}

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data, int level = 6) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// Bare gunzip of every member, for comparison.
inline std::string Gunzip(std::string_view data) {
  std::string out;
  size_t pos = 0;
  char buf[1 << 16];
  while (pos + 2 <= data.size() && static_cast<unsigned char>(data[pos]) == 0x1f) {
    z_stream zs{};
    inflateInit2(&zs, 16 + MAX_WBITS);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + pos));
    zs.avail_in = static_cast<uInt>(data.size() - pos);
    int rc;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      rc = inflate(&zs, Z_NO_FLUSH);
      out.append(buf, sizeof buf - zs.avail_out);
    } while (rc == Z_OK);
    pos = data.size() - zs.avail_in;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) break;
  }
  return out;
}

// `utf8` in `charset` (glibc iconv names: CP1256, ISO-8859-6, CP1252,
// ISO-8859-1, UTF-16LE...). Characters the charset lacks become '?', and
// `*kept` receives the UTF-8 text that the bytes stand for.
inline std::string Encode(std::string_view utf8, const char* charset, std::string* kept = nullptr) {
  iconv_t to = iconv_open(charset, "UTF-8");
  std::string out;
  if (kept) kept->clear();
  size_t i = 0;
  while (i < utf8.size()) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string one(utf8.substr(i, len));
    i += len;
    char buf[16];
    char* in = one.data();
    size_t in_left = one.size();
    char* o = buf;
    size_t o_left = sizeof buf;
    iconv(to, nullptr, nullptr, nullptr, nullptr);
    if (iconv(to, &in, &in_left, &o, &o_left) == static_cast<size_t>(-1)) {
      std::string q = "?";
      if (std::string_view(charset).rfind("UTF-16", 0) == 0) q = std::string_view(charset) == "UTF-16BE" ? std::string("\0?", 2) : std::string("?\0", 2);
      out += q;
      if (kept) *kept += '?';
    } else {
      out.append(buf, sizeof buf - o_left);
      if (kept) *kept += one;
    }
  }
  iconv_close(to);
  return out;
}

// Collapses runs of white space, as the reader does.
inline std::string Squash(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ws = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    // No-break and typographic spaces count as spaces, as in the reader.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               ((static_cast<unsigned char>(s[i + 2]) >= 0x80 && static_cast<unsigned char>(s[i + 2]) <= 0x8A) ||
                static_cast<unsigned char>(s[i + 2]) == 0xAF)) {
      ws = true;
      i += 2;
    }
    if (ws) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

inline size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

inline std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    out.emplace_back(s.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

inline std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t bar = s.find('|', pos);
    if (bar == std::string_view::npos) bar = s.size();
    out.emplace_back(s.substr(pos, bar - pos));
    pos = bar + 1;
  }
  return out;
}

inline bool HasClockTime(std::string_view s) {
  for (size_t i = 0; i + 4 < s.size() + 1; ++i) {
    if (i + 3 < s.size() && isdigit(static_cast<unsigned char>(s[i])) && s[i + 1] == ':' &&
        isdigit(static_cast<unsigned char>(s[i + 2])) && isdigit(static_cast<unsigned char>(s[i + 3]))) {
      return true;
    }
  }
  return false;
}

// Page furniture by kind, from tests/ingest/fixtures/boilerplate_<lang>.tsv.
using Boilerplate = std::map<std::string, std::vector<std::string>>;

inline const Boilerplate& BoilerplateFor(const std::string& lang) {
  static std::map<std::string, Boilerplate> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  Boilerplate b;
  std::string text = ReadFileBytes(SourceDir() + "/tests/ingest/fixtures/boilerplate_" + lang + ".tsv");
  bool header = true;
  for (const auto& line : SplitLines(text)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    b[line.substr(0, tab)].push_back(line.substr(tab + 1));
  }
  return cache[lang] = b;
}

struct Article {
  std::string name;
  std::string lang;  // "ar" or "fr"
  std::string headline;
  std::vector<std::string> paragraphs;
  std::string date;  // YYYY-MM-DD
  std::string url;
};

// An article from a corpus text: the headline (the first line long enough to
// be one, else the start of the first paragraph), then the prose lines up to
// where the scraped text ran into the page's teasers or comments. Lines that
// are page furniture in the scraped text itself (clock times, bylines,
// site names) are not part of the article.
inline Article ArticleFromText(const std::string& name, const std::string& text, int index) {
  Article a;
  a.name = name;
  bool arabic = false;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xD8 || c == 0xD9) {
      arabic = true;
      break;
    }
  }
  a.lang = name.find("_fr") != std::string::npos || !arabic ? "fr" : "ar";
  std::vector<std::string> stops = {"اقرأ أيضا", "تعليقات", "أضف تعليق", "Lire aussi", "Commentaires"};
  std::vector<std::string> lines;
  for (const auto& raw : SplitLines(text)) {
    std::string line = Squash(raw);
    if (line.empty()) continue;
    bool stop = false;
    for (const auto& s : stops) stop = stop || line.rfind(s, 0) == 0;
    if (stop) break;
    lines.push_back(line);
  }
  size_t i = 0;
  for (; i < lines.size(); ++i) {
    size_t n = CodePoints(lines[i]);
    if (n >= 25 && !HasClockTime(lines[i])) break;
  }
  if (i < lines.size()) {
    const std::string& first = lines[i];
    if (CodePoints(first) <= 200 && first.back() != '.') {
      a.headline = first;
      ++i;
    }
  }
  for (; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line == a.headline || HasClockTime(line)) continue;
    size_t n = CodePoints(line);
    char last = line.back();
    bool sentence = last == '.' || last == '!' || last == '?' || (line.size() >= 2 && line.substr(line.size() - 2) == "\xD8\x9F");
    if (n >= 40 || (n >= 15 && sentence)) a.paragraphs.push_back(line);
  }
  if (a.headline.empty() && !a.paragraphs.empty()) {
    // The first words of the lead stand in for a missing headline.
    std::string words;
    int count = 0;
    for (size_t k = 0; k < a.paragraphs[0].size() && count < 9; ++k) {
      if (a.paragraphs[0][k] == ' ') ++count;
      if (count < 9) words += a.paragraphs[0][k];
    }
    a.headline = words;
  }
  char date[16];
  std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + index % 12, 1 + (index * 7) % 28);
  a.date = date;
  a.url = "https://www.example-news.ma/" + std::string(a.lang) + "/societe/" + std::to_string(1000 + index) + ".html";
  return a;
}

// The corpus articles: shared seeds and real-dev texts, and the project's own
// corpus/ when present. Empty when none is there.
inline std::vector<Article> CorpusArticles() {
  std::vector<std::string> files;
  for (const std::string& dir : {SharedDir() + "/corpus/seeds", SharedDir() + "/corpus/real-dev", SourceDir() + "/corpus"}) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    for (fs::recursive_directory_iterator it(dir, ec), end; it != end; it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Article> out;
  int index = 0;
  for (const auto& f : files) {
    Article a = ArticleFromText(fs::path(f).filename().string(), ReadFileBytes(f), index++);
    if (a.paragraphs.empty()) continue;
    out.push_back(std::move(a));
  }
  return out;
}

inline std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

struct BuiltPage {
  std::string html;
  // Every piece of furniture put on the page, for the leak measure.
  std::vector<std::string> boilerplate;
  // What the reader should find.
  std::string title, published, url, site, lang;
};

// The article on a news page. Three layouts, as news sites are built:
//  0: HTML5 (header, nav, article, aside, footer), Open Graph and
//     article:published_time, a "read also" link inside the body;
//  1: an older table-and-div site: no semantic tags, no metadata but a
//     visible dateline, paragraphs separated by <br>, an unlinked "read
//     also" line in the body, the clock-time list and the comments in
//     plain divs;
//  2: a blog engine: JSON-LD, <time datetime>, the related-posts block and
//     share buttons inside the body's container, comments under a counted
//     heading.
inline BuiltPage BuildPage(const Article& a, int layout, const std::string& charset = "utf-8") {
  const Boilerplate& b = BoilerplateFor(a.lang);
  auto all = [&](const char* kind) -> const std::vector<std::string>& {
    static const std::vector<std::string> kNone;
    auto it = b.find(kind);
    return it == b.end() ? kNone : it->second;
  };
  auto one = [&](const char* kind, size_t i = 0) -> std::string {
    const auto& v = all(kind);
    return v.empty() ? std::string() : v[i % v.size()];
  };
  BuiltPage page;
  std::string site = one("site");
  page.lang = a.lang;
  page.title = a.headline;
  page.published = a.date;
  auto note = [&](const std::string& s) {
    if (!s.empty()) page.boilerplate.push_back(s);
  };
  std::vector<std::string> months = SplitBar(one("month"));
  std::vector<std::string> weekdays = SplitBar(one("weekday"));
  int year = std::atoi(a.date.substr(0, 4).c_str());
  int month = std::atoi(a.date.substr(5, 2).c_str());
  int day = std::atoi(a.date.substr(8, 2).c_str());
  std::string visible_date = weekdays[static_cast<size_t>(day) % weekdays.size()] + " " + std::to_string(day) + " " +
                             months[static_cast<size_t>(month - 1) % months.size()] + " " + std::to_string(year);
  std::string dir = a.lang == "ar" ? " dir=\"rtl\"" : "";
  std::ostringstream h;
  std::string menu;
  for (const auto& m : all("menu")) {
    menu += "<li><a href=\"/c/" + std::to_string(menu.size()) + "\">" + Escape(m) + "</a></li>";
    note(m);
  }
  std::string latest;
  for (size_t i = 0; i < all("latest").size(); ++i) {
    latest += "<li><span class=\"t\">" + one("latest_time", i) + "</span> <a href=\"/n/" + std::to_string(i) + "\">" +
              Escape(one("latest", i)) + "</a></li>\n";
    note(one("latest_time", i));
    note(one("latest", i));
  }
  std::string comments;
  for (size_t i = 0; i < all("comment").size(); ++i) {
    comments += "<div class=\"c\"><div class=\"who\">" + Escape(one("comment_author", i)) + "</div><div class=\"when\">" +
                one("comment_date", i) + "</div><p>" + Escape(one("comment", i)) + "</p><a href=\"#r\">" +
                (a.lang == "ar" ? "رد" : "Répondre") + "</a></div>\n";
    note(one("comment_author", i));
    note(one("comment_date", i));
    note(one("comment", i));
  }
  std::string related;
  for (size_t i = 0; i < all("teaser").size(); ++i) {
    related += "<div class=\"card\"><a href=\"/r/" + std::to_string(i) + "\"><img src=\"/i/" + std::to_string(i) +
               ".jpg\" alt=\"\"></a><h4><a href=\"/r/" + std::to_string(i) + "\">" + Escape(one("teaser", i)) +
               "</a></h4><span class=\"d\">" + one("comment_date", i) + "</span></div>\n";
    note(one("teaser", i));
  }
  std::string most_read;
  for (const auto& m : all("most_read")) {
    most_read += "<li><a href=\"/m\">" + Escape(m) + "</a></li>";
    note(m);
  }
  std::string footer;
  for (const auto& f : all("footer")) {
    footer += "<a href=\"/p\">" + Escape(f) + "</a> ";
    note(f);
  }
  std::string tags;
  for (const auto& t : all("tag")) {
    tags += "<a href=\"/tag\">" + Escape(t) + "</a> ";
    note(t);
  }
  std::string share;
  for (const auto& s : all("share")) {
    share += "<a class=\"s\" href=\"https://share.example/?u=1\">" + Escape(s) + "</a>";
    note(s);
  }
  for (const char* kind : {"section_related", "section_comments", "section_comment_form", "section_latest",
                           "section_most_read", "section_tags", "section_share", "comments_count_title", "byline", "caption", "newsletter", "breaking"}) {
    note(one(kind));
  }
  for (const auto& t : all("ticker")) note(t);
  note(one("inline_teaser"));
  note(one("inline_teaser_plain"));
  const std::string script =
      "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
      "gtag('js',new Date());var ads={slot:'article_top',sizes:[[300,250],[728,90]]};</script>\n";
  const std::string style = "<style>body{font-family:Tahoma,Arial}.post-content p{line-height:1.8}</style>\n";
  std::string paragraphs;
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    if (layout == 1) {
      if (i) paragraphs += "<br />\n<br />\n";
      paragraphs += Escape(a.paragraphs[i]);
      if (i == 1 && a.paragraphs.size() > 2) {
        paragraphs += "<br />\n<br />\n" + Escape(one("inline_teaser_plain"));
      }
    } else {
      paragraphs += "<p>" + Escape(a.paragraphs[i]) + "</p>\n";
      if (i == 1 && a.paragraphs.size() > 2 && layout == 0) {
        std::string t = one("inline_teaser");
        size_t colon = t.find(':');
        paragraphs += "<p><strong>" + Escape(t.substr(0, colon + 1)) + "</strong> <a href=\"/r/9\">" +
                      Escape(t.substr(colon + 2)) + "</a></p>\n";
        paragraphs += "<div class=\"ad\"><span>" + Escape(one("ad")) + "</span>" + script + "</div>\n";
      }
    }
  }
  note(one("ad"));
  std::string meta_charset = "<meta charset=\"" + charset + "\">\n";
  if (layout == 0) {
    page.url = a.url;
    page.site = site;
    h << "<!DOCTYPE html>\n<html lang=\"" << a.lang << "\"" << dir << ">\n<head>\n" << meta_charset
      << "<title>" << Escape(a.headline) << " | " << Escape(site) << "</title>\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta property=\"og:title\" content=\"" << Escape(a.headline) << "\">\n"
      << "<meta property=\"og:site_name\" content=\"" << Escape(site) << "\">\n"
      << "<meta property=\"og:type\" content=\"article\">\n"
      << "<meta property=\"article:published_time\" content=\"" << a.date << "T10:32:00+01:00\">\n"
      << "<link rel=\"canonical\" href=\"" << a.url << "\">\n" << style << script << "</head>\n<body>\n"
      << "<header class=\"site-header\"><div class=\"top\"><span>" << visible_date << "</span></div>"
      << "<a class=\"logo\" href=\"/\"><img src=\"/logo.png\" alt=\"" << Escape(site) << "\"></a>"
      << "<nav><ul>" << menu << "</ul></nav></header>\n"
      << "<div class=\"ticker\"><strong>" << Escape(one("breaking")) << "</strong><ul>";
    for (const auto& t : all("ticker")) h << "<li><a href=\"/t\">" << Escape(t) << "</a></li>";
    h << "</ul></div>\n<main class=\"container\"><div class=\"row\"><div class=\"col-main\">\n"
      << "<div class=\"breadcrumb\"><a href=\"/\">" << Escape(one("breadcrumb", 0)) << "</a> &raquo; <a href=\"/s\">"
      << Escape(one("breadcrumb", 1)) << "</a></div>\n"
      << "<article>\n<h1 class=\"post-title\">" << Escape(a.headline) << "</h1>\n"
      << "<div class=\"post-meta\"><span class=\"author\">" << Escape(one("byline")) << "</span> <time datetime=\""
      << a.date << "T10:32:00+01:00\">" << visible_date << " - 10:32</time></div>\n"
      << "<div class=\"share\">" << share << "</div>\n"
      << "<figure><img src=\"/photo.jpg\" alt=\"\"><figcaption>" << Escape(one("caption")) << "</figcaption></figure>\n"
      << "<div class=\"post-content\">\n" << paragraphs << "</div>\n"
      << "<div class=\"tags\"><span>" << Escape(one("section_tags")) << ":</span> " << tags << "</div>\n"
      << "</article>\n"
      << "<section class=\"related\"><h3>" << Escape(one("section_related")) << "</h3>\n" << related << "</section>\n"
      << "<section class=\"comments\"><h3>" << Escape(one("section_comments")) << "</h3>\n" << comments
      << "<form method=\"post\"><h4>" << Escape(one("section_comment_form")) << "</h4><textarea name=\"c\"></textarea>"
      << "<input type=\"text\" name=\"n\"><button type=\"submit\">OK</button></form></section>\n"
      << "</div>\n<aside class=\"sidebar\"><h3>" << Escape(one("section_latest")) << "</h3><ul>" << latest
      << "</ul><h3>" << Escape(one("section_most_read")) << "</h3><ol>" << most_read << "</ol></aside>\n"
      << "</div></main>\n<div class=\"newsletter\"><p>" << Escape(one("newsletter")) << "</p></div>\n"
      << "<footer><div class=\"links\">" << footer << "</div></footer>\n" << script << "</body>\n</html>\n";
  } else if (layout == 1) {
    h << "<html lang=\"" << a.lang << "\">\n<head>\n"
      << "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" << charset << "\">\n"
      << "<title>" << Escape(site) << " - " << Escape(a.headline) << "</title>\n" << script << "</head>\n"
      << "<body>\n<div id=\"top\"><table width=\"100%\"><tr><td><img src=\"/logo.gif\"></td><td>"
      << "<div id=\"menu\"><ul>" << menu << "</ul></div></td></tr></table></div>\n"
      << "<div id=\"latest\"><div class=\"title\">" << Escape(one("section_latest")) << "</div>";
    for (size_t i = 0; i < all("latest").size(); ++i) {
      h << "<div class=\"item\">-<br>" << one("latest_time", i) << "<br><a href=\"/n/" << i << "\">"
        << Escape(one("latest", i)) << "</a></div>\n";
    }
    h << "</div>\n<table width=\"100%\"><tr><td valign=\"top\" width=\"70%\">\n"
      << "<div class=\"content\">\n<h1>" << Escape(a.headline) << "</h1>\n"
      << "<div class=\"date\">" << visible_date << " - 10:32</div>\n"
      << "<div class=\"text\">\n" << paragraphs << "\n</div>\n"
      << "<div class=\"share\">" << share << "</div>\n</div>\n"
      << "<div id=\"comments\"><div class=\"title\">" << Escape(one("section_comments")) << "</div>\n" << comments
      << "</div>\n</td><td valign=\"top\"><div class=\"box\"><div class=\"title\">" << Escape(one("section_most_read"))
      << "</div><ul>" << most_read << "</ul></div></td></tr></table>\n"
      << "<div id=\"footer\">" << footer << "</div>\n</body></html>\n";
  } else {
    page.url = a.url;
    page.site = site;
    std::string ld = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"" + a.headline +
                     "\",\"datePublished\":\"" + a.date + "T08:15:00+00:00\",\"publisher\":{\"@type\":\"Organization\","
                     "\"name\":\"" + site + "\"}}";
    h << "<!DOCTYPE html>\n<html lang=\"" << a.lang << "-MA\"" << dir << ">\n<head>\n" << meta_charset
      << "<title>" << Escape(a.headline) << " &#8211; " << Escape(site) << "</title>\n"
      << "<link rel=\"canonical\" href=\"" << a.url << "\">\n"
      << "<meta property=\"og:title\" content=\"" << Escape(a.headline) << "\">\n"
      << "<meta property=\"og:site_name\" content=\"" << Escape(site) << "\">\n"
      << "<script type=\"application/ld+json\">" << ld << "</script>\n" << style << "</head>\n"
      << "<body class=\"single\">\n<div id=\"page\"><div class=\"site-branding\"><p class=\"site-title\"><a href=\"/\">"
      << Escape(site) << "</a></p></div>\n<div class=\"menu-main\"><ul>" << menu << "</ul></div>\n"
      << "<div id=\"content\"><div id=\"primary\">\n<div class=\"post\">\n"
      << "<h1 class=\"entry-title\">" << Escape(a.headline) << "</h1>\n"
      << "<div class=\"entry-meta\"><span class=\"posted-on\"><time datetime=\"" << a.date << "T08:15:00+00:00\">"
      << visible_date << "</time></span> <span class=\"byline\">" << Escape(one("byline")) << "</span></div>\n"
      << "<div class=\"entry-content\">\n" << paragraphs
      << "<div class=\"sharedaddy\"><h3>" << Escape(one("section_share")) << "</h3>" << share
      << "</div>\n<div class=\"related-posts\"><h3>" << Escape(one("inline_teaser").substr(0, one("inline_teaser").find(':')))
      << "</h3><ul>";
    for (size_t i = 0; i < all("teaser").size(); ++i) {
      h << "<li><a href=\"/r/" << i << "\">" << Escape(one("teaser", i)) << "</a> <span>" << one("comment_date", i)
        << "</span></li>";
    }
    h << "</ul></div>\n</div>\n</div>\n"
      << "<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">" << all("comment").size() << " "
      << Escape(one("comments_count_title")) << "</h2>\n<ol>";
    for (size_t i = 0; i < all("comment").size(); ++i) {
      h << "<li><article class=\"comment-body\"><footer class=\"comment-meta\"><b>" << Escape(one("comment_author", i))
        << "</b> <time>" << one("comment_date", i) << "</time></footer><div class=\"comment-content\"><p>"
        << Escape(one("comment", i)) << "</p></div></article></li>";
    }
    h << "</ol></div>\n</div>\n<div id=\"secondary\"><section><h2>" << Escape(one("section_latest")) << "</h2><ul>"
      << latest << "</ul></section></div>\n</div>\n<div class=\"site-footer\">" << footer << "</div>\n</div>\n"
      << script << "</body>\n</html>\n";
  }
  page.html = h.str();
  return page;
}

// What a document's text owes to page furniture: the characters of every
// line that is neither the headline nor one of the article's paragraphs.
inline size_t LeakedCharacters(const Document& doc, const Article& a, std::vector<std::string>* leaked) {
  size_t leak = 0;
  std::vector<std::string> lines = SplitLines(doc.text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) continue;
    if (i == 0 && line == a.headline) continue;
    if (std::find(a.paragraphs.begin(), a.paragraphs.end(), line) != a.paragraphs.end()) continue;
    leak += CodePoints(line);
    if (leaked) leaked->push_back(line);
  }
  return leak;
}

}  // namespace rasd::ingest::testing

#endif  // RASD_TESTS_INGEST_PAGE_FIXTURES_H_
