#include "ingest/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/utf8.h"

namespace rasd::ingest {
namespace {

enum class TagRole : uint8_t {
  kInline,  // text flows through it
  kBlock,   // starts and ends a paragraph
  kBreak,   // <br>: a paragraph break inside a block
  kSkip,    // never article text: scripts, navigation, forms, asides, media
};

TagRole RoleOf(const xmlChar* name) {
  static const std::unordered_map<std::string_view, TagRole> kRoles = [] {
    std::unordered_map<std::string_view, TagRole> m;
    for (const char* t : {"script", "style", "noscript", "template", "iframe", "svg", "math", "button",
                          "select", "textarea", "input", "option", "nav", "aside", "footer", "menu", "object",
                          "embed", "canvas", "video", "audio", "map", "figure", "figcaption", "dialog", "frameset",
                          "frame", "applet", "marquee"}) {
      m[t] = TagRole::kSkip;
    }
    for (const char* t : {"html", "head", "body", "address", "article", "blockquote", "center", "dd", "details",
                          "dir", "div", "dl", "dt", "fieldset", "h1", "h2", "h3", "h4", "h5", "h6", "header",
                          "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
                          "thead", "tfoot", "td", "th", "tr", "ul", "caption", "legend", "title"}) {
      m[t] = TagRole::kBlock;
    }
    m["br"] = TagRole::kBreak;
    return m;
  }();
  auto it = kRoles.find(reinterpret_cast<const char*>(name));
  return it == kRoles.end() ? TagRole::kInline : it->second;
}

bool NameIs(const xmlNode* n, const char* name) {
  return n->name && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (a->name && strcasecmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      if (a->children && a->children->content) return reinterpret_cast<const char*>(a->children->content);
      return "";
    }
  }
  return "";
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Collapses every run of white space (ASCII, no-break and typographic
// spaces) to one space and trims the ends.
void CollapseSpaces(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  bool space = false;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    size_t len = 1;
    bool ws = false;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ws = true;
    } else if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {
      ws = true;
      len = 2;
    } else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && ((p[i + 2] >= 0x80 && p[i + 2] <= 0x8A) || p[i + 2] == 0xAF)) {
      ws = true;
      len = 3;
    } else if (c == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) {
      ws = true;
      len = 3;
    }
    if (ws) {
      space = true;
      i += len;
      continue;
    }
    if (space && !out->empty()) out->push_back(' ');
    space = false;
    out->push_back(static_cast<char>(c));
    ++i;
  }
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

size_t CountNonSpace(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    n += (u & 0xC0) != 0x80 && u != ' ' && u != '\n' && u != '\t' && u != '\r' && u != '\f';
  }
  return n;
}

// Sentence and clause punctuation, Latin and Arabic.
size_t CountPunctuation(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',' || c == '.' || c == '!' || c == '?' || c == ';') {
      ++n;
    } else if (c == '\xD8' && i + 1 < s.size() && (s[i + 1] == '\x8C' || s[i + 1] == '\x9B' || s[i + 1] == '\x9F')) {
      ++n;
    }
  }
  return n;
}

bool HasLetter(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) return true;
      ++i;
      continue;
    }
    size_t len = utf8::SequenceLength(b);
    if (i + len > s.size()) return false;
    char32_t c = utf8::Next(s, &i);
    bool punct = (c >= 0x80 && c < 0xC0) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
                 c == 0x060C || c == 0x061B || c == 0x061F || (c >= 0x0660 && c <= 0x066D) || c == 0x06D4 ||
                 (c >= 0x06F0 && c <= 0x06F9) || (c >= 0x3000 && c <= 0x303F) || c == 0xFEFF;
    if (!punct) return true;
  }
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "13:05" or "9:30" at `i`.
bool ClockAt(std::string_view s, size_t i) {
  if (i > 0 && IsDigit(s[i - 1])) return false;
  size_t j = i;
  while (j < s.size() && j - i < 2 && IsDigit(s[j])) ++j;
  if (j == i || j + 2 >= s.size() || s[j] != ':') return false;
  return IsDigit(s[j + 1]) && IsDigit(s[j + 2]) && (j + 3 == s.size() || !IsDigit(s[j + 3]));
}

bool StartsWithClock(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && !IsDigit(s[i]) && static_cast<unsigned char>(s[i]) < 0x80 && !std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  return i < s.size() && ClockAt(s, i);
}

bool ContainsClock(std::string_view s) {
  for (size_t i = 0; i + 3 < s.size(); ++i) {
    if (IsDigit(s[i]) && ClockAt(s, i)) return true;
  }
  return false;
}

std::string PrimaryLanguage(std::string_view tag) {
  std::string t = Lower(tag);
  // Pages that put their charset in lang="utf-8".
  if (t.rfind("utf", 0) == 0 || t.rfind("iso", 0) == 0 || t.rfind("win", 0) == 0) return "";
  size_t cut = t.find_first_of("-_ ");
  if (cut != std::string::npos) t.resize(cut);
  if (t.size() < 2 || t.size() > 3) return "";
  for (char c : t) {
    if (c < 'a' || c > 'z') return "";
  }
  return t;
}

struct Block {
  std::string text;
  std::string folded_head;  // WordKey of the first characters, for cues
  xmlNode* owner = nullptr;  // the block-level element the text sits in
  uint32_t chars = 0;
  uint32_t nonspace = 0;
  uint32_t link_nonspace = 0;
  uint32_t punct = 0;
  uint8_t heading = 0;  // 1..6 inside <hN>
  bool in_header = false;
  bool in_list_item = false;
  bool boilerplate = false;  // inside a section a cue heading opened
  bool teaser = false;
  bool heading_cue = false;
  bool eligible = false;  // counts in scoring
  double LinkDensity() const { return nonspace ? static_cast<double>(link_nonspace) / nonspace : 0; }
};

struct Element {
  xmlNode* node = nullptr;
  uint32_t first = 0;  // first block inside
  uint32_t end = 0;    // one past the last block inside
  int parent = -1;     // nearest block-level ancestor
  double score = 0;
};

struct DateCandidate {
  std::string date;
  uint32_t block;  // blocks seen before it
};

}  // namespace

class HtmlParserState {
 public:
  HtmlParserState() {
    xmlInitParser();
    ctxt = htmlNewParserCtxt();
  }
  ~HtmlParserState() {
    if (ctxt) htmlFreeParserCtxt(ctxt);
  }
  htmlParserCtxtPtr ctxt = nullptr;
};

namespace {

// One page's walk: collects blocks, block-level elements and metadata.
class PageWalk {
 public:
  PageWalk(const PageCues* cues, HtmlArticle* article) : cues_(cues), article_(article) {}

  void Run(xmlNode* root);
  void Finish();

 private:
  bool Enter(xmlNode* n);
  void Leave(xmlNode* n);
  void Flush();
  void HandleMeta(xmlNode* n);
  void MarkCueSections();
  void ScoreAndSelect();
  void ChooseHeadline(uint32_t body_first);
  void ReadJsonLd();
  int ElementOf(xmlNode* n) const {
    return n && n->_private ? static_cast<int>(reinterpret_cast<intptr_t>(n->_private)) - 1 : -1;
  }
  static std::string NodeText(xmlNode* n);

  const PageCues* cues_;
  HtmlArticle* article_;
  std::vector<Block> blocks_;
  std::vector<Element> elements_;
  std::vector<int> open_;  // element indices of open block-level elements
  std::string raw_;        // text of the paragraph being gathered
  size_t raw_link_nonspace_ = 0;
  int link_depth_ = 0;
  int header_depth_ = 0;
  int list_depth_ = 0;
  int heading_ = 0;
  std::vector<uint32_t> h1_blocks_;
  std::vector<DateCandidate> time_dates_;
  std::vector<std::string> json_ld_;
  std::string og_title_, html_title_, og_url_, og_locale_, content_language_;
  // Publication dates by source, in the order they are trusted.
  std::string meta_date_, json_date_, other_meta_date_, time_date_, dateline_date_;
  std::string scratch_;
};

std::string PageWalk::NodeText(xmlNode* n) {
  std::string out;
  for (xmlNode* c = n->children; c; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      out += reinterpret_cast<const char*>(c->content);
    }
  }
  return out;
}

void PageWalk::HandleMeta(xmlNode* n) {
  // Only these elements carry metadata; most elements stop at this test.
  char c = static_cast<char>(n->name[0]);
  if (c != 'm' && c != 'l' && c != 'h' && c != 't' && c != 's') return;
  if (NameIs(n, "meta")) {
    std::string key = Attr(n, "property");
    if (key.empty()) key = Attr(n, "name");
    if (key.empty()) key = Attr(n, "itemprop");
    if (key.empty()) key = Attr(n, "http-equiv");
    if (key.empty()) return;
    key = Lower(key);
    std::string content = Attr(n, "content");
    if (content.empty()) return;
    if (key == "og:title" && og_title_.empty()) {
      og_title_ = content;
    } else if (key == "og:site_name" && article_->site.empty()) {
      CollapseSpaces(content, &article_->site);
    } else if (key == "og:url" && og_url_.empty()) {
      og_url_ = content;
    } else if (key == "og:locale" && og_locale_.empty()) {
      og_locale_ = content;
    } else if (key == "content-language" && content_language_.empty()) {
      content_language_ = content;
    } else if (key == "article:published_time" || key == "og:published_time" || key == "article:published") {
      if (meta_date_.empty()) meta_date_ = cues_->FindDate(content);
    } else if (key == "datepublished" || key == "pubdate" || key == "publishdate" || key == "publish-date" ||
               key == "publish_date" || key == "date" || key == "dc.date" || key == "dc.date.issued" ||
               key == "dcterms.date" || key == "dcterms.created" || key == "dcterms.issued" ||
               key == "sailthru.date" || key == "parsely-pub-date" || key == "article.published" ||
               key == "originalpublicationdate" || key == "published_time") {
      if (other_meta_date_.empty()) other_meta_date_ = cues_->FindDate(content);
    }
  } else if (NameIs(n, "link")) {
    std::string rel = Lower(Attr(n, "rel"));
    if (rel == "canonical" && article_->canonical_url.empty()) article_->canonical_url = Attr(n, "href");
  } else if (NameIs(n, "html")) {
    std::string lang = Attr(n, "lang");
    if (lang.empty()) lang = Attr(n, "xml:lang");
    if (!lang.empty()) article_->lang = PrimaryLanguage(lang);
  } else if (NameIs(n, "time")) {
    std::string dt = Attr(n, "datetime");
    if (!dt.empty()) {
      std::string d = cues_->FindDate(dt);
      if (!d.empty()) time_dates_.push_back({d, static_cast<uint32_t>(blocks_.size())});
    }
  } else if (NameIs(n, "script")) {
    std::string type = Lower(Attr(n, "type"));
    if (type.find("ld+json") != std::string::npos && json_ld_.size() < 16) json_ld_.push_back(NodeText(n));
  } else if (NameIs(n, "title")) {
    if (html_title_.empty()) CollapseSpaces(NodeText(n), &html_title_);
  }
}

bool PageWalk::Enter(xmlNode* n) {
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) {
      const char* t = reinterpret_cast<const char*>(n->content);
      size_t len = std::strlen(t);
      raw_.append(t, len);
      if (link_depth_ > 0) raw_link_nonspace_ += CountNonSpace(std::string_view(t, len));
    }
    return false;
  }
  if (n->type != XML_ELEMENT_NODE || !n->name) return false;
  HandleMeta(n);
  TagRole role = RoleOf(n->name);
  switch (role) {
    case TagRole::kSkip:
      return false;
    case TagRole::kBreak:
      Flush();
      return false;
    case TagRole::kInline:
      if (NameIs(n, "a")) ++link_depth_;
      return true;
    case TagRole::kBlock:
      break;
  }
  if (NameIs(n, "title")) return false;  // read by HandleMeta
  Flush();
  Element e;
  e.node = n;
  e.first = e.end = static_cast<uint32_t>(blocks_.size());
  e.parent = open_.empty() ? -1 : open_.back();
  elements_.push_back(e);
  n->_private = reinterpret_cast<void*>(static_cast<intptr_t>(elements_.size()));
  open_.push_back(static_cast<int>(elements_.size()) - 1);
  if (NameIs(n, "header") || NameIs(n, "head")) ++header_depth_;
  if (NameIs(n, "li") || NameIs(n, "dd") || NameIs(n, "dt")) ++list_depth_;
  if (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == 0) heading_ = n->name[1] - '0';
  return true;
}

void PageWalk::Leave(xmlNode* n) {
  if (n->type != XML_ELEMENT_NODE || !n->name) return;
  TagRole role = RoleOf(n->name);
  if (role == TagRole::kInline) {
    if (NameIs(n, "a")) --link_depth_;
    return;
  }
  if (role != TagRole::kBlock || NameIs(n, "title")) return;
  Flush();
  if (!open_.empty()) {
    elements_[open_.back()].end = static_cast<uint32_t>(blocks_.size());
    open_.pop_back();
  }
  if (NameIs(n, "header") || NameIs(n, "head")) --header_depth_;
  if (NameIs(n, "li") || NameIs(n, "dd") || NameIs(n, "dt")) --list_depth_;
  if (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == 0) heading_ = 0;
}

void PageWalk::Flush() {
  if (raw_.empty()) return;
  CollapseSpaces(raw_, &scratch_);
  size_t link = raw_link_nonspace_;
  raw_.clear();
  raw_link_nonspace_ = 0;
  if (scratch_.empty() || open_.empty()) return;
  Block b;
  b.text = scratch_;
  b.owner = elements_[open_.back()].node;
  b.chars = static_cast<uint32_t>(CountCodePoints(b.text));
  b.nonspace = static_cast<uint32_t>(CountNonSpace(b.text));
  b.link_nonspace = static_cast<uint32_t>(std::min<size_t>(link, b.nonspace));
  b.punct = static_cast<uint32_t>(CountPunctuation(b.text));
  b.heading = static_cast<uint8_t>(heading_);
  b.in_header = header_depth_ > 0;
  b.in_list_item = list_depth_ > 0;
  // Cues sit at the start: folding the first words is enough.
  size_t head = std::min<size_t>(b.text.size(), 160);
  while (head < b.text.size() && (static_cast<unsigned char>(b.text[head]) & 0xC0) == 0x80) ++head;
  b.folded_head = WordKey(std::string_view(b.text).substr(0, head));
  if (heading_ == 1) h1_blocks_.push_back(static_cast<uint32_t>(blocks_.size()));
  blocks_.push_back(std::move(b));
}

void PageWalk::Run(xmlNode* root) {
  xmlNode* n = root;
  while (n) {
    if (Enter(n) && n->children) {
      n = n->children;
      continue;
    }
    while (n) {
      Leave(n);
      if (n == root) {
        n = nullptr;
        break;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
  // A parser that stopped early leaves elements open.
  Flush();
  while (!open_.empty()) {
    elements_[open_.back()].end = static_cast<uint32_t>(blocks_.size());
    open_.pop_back();
  }
}

// A short heading that is a cue opens a section that is not the article: a
// heading that opens its block hands that whole block over; one in the
// middle of the article's block hands over what follows it (for "read also"
// teasers, only until the article's prose resumes).
void PageWalk::MarkCueSections() {
  for (uint32_t i = 0; i < blocks_.size(); ++i) {
    Block& b = blocks_[i];
    if (!b.folded_head.empty() && cues_->StartsWithTeaser(b.folded_head)) b.teaser = true;
    if (b.chars > 60) continue;
    CueKind kind = cues_->HeadingKind(b.folded_head);
    if (kind == CueKind::kNone) continue;
    b.heading_cue = true;
    int e = ElementOf(b.owner);
    if (e < 0) continue;
    // The largest block the heading opens.
    int opened = e;
    while (elements_[opened].parent >= 0 && elements_[elements_[opened].parent].first == i &&
           elements_[elements_[opened].parent].node->parent != nullptr &&
           !NameIs(elements_[elements_[opened].parent].node, "body") &&
           !NameIs(elements_[elements_[opened].parent].node, "html")) {
      opened = elements_[opened].parent;
    }
    uint32_t end;
    bool resume = false;
    if (opened != e || elements_[e].parent < 0) {
      end = elements_[opened].end;
    } else {
      end = elements_[elements_[e].parent].end;
      resume = kind == CueKind::kTeaser;
    }
    for (uint32_t k = i + 1; k < end && k < blocks_.size(); ++k) {
      Block& f = blocks_[k];
      if (resume && !f.in_list_item && f.chars >= 80 && f.LinkDensity() < 0.2 && f.punct > 0) break;
      f.boilerplate = true;
    }
  }
}

void PageWalk::ReadJsonLd() {
  // Walks a parsed JSON-LD value looking for the article's fields; bounded.
  std::string date, headline, publisher;
  std::function<void(const nlohmann::json&, int)> visit = [&](const nlohmann::json& j, int depth) {
    if (depth > 8) return;
    if (j.is_array()) {
      size_t k = 0;
      for (const auto& x : j) {
        if (++k > 64) break;
        visit(x, depth + 1);
      }
      return;
    }
    if (!j.is_object()) return;
    auto dp = j.find("datePublished");
    if (dp != j.end() && dp->is_string() && date.empty()) date = cues_->FindDate(dp->get<std::string>());
    auto hl = j.find("headline");
    if (hl != j.end() && hl->is_string() && headline.empty()) headline = hl->get<std::string>();
    auto pub = j.find("publisher");
    if (pub != j.end() && pub->is_object() && publisher.empty()) {
      auto name = pub->find("name");
      if (name != pub->end() && name->is_string()) publisher = name->get<std::string>();
    }
    auto graph = j.find("@graph");
    if (graph != j.end()) visit(*graph, depth + 1);
    auto main = j.find("mainEntity");
    if (main != j.end()) visit(*main, depth + 1);
  };
  for (const auto& text : json_ld_) {
    try {
      auto j = nlohmann::json::parse(text, nullptr, false);
      if (!j.is_discarded()) visit(j, 0);
    } catch (const std::exception&) {
      // A malformed JSON-LD block only loses its metadata.
    }
  }
  json_date_ = date;
  if (article_->site.empty() && !publisher.empty()) CollapseSpaces(publisher, &article_->site);
  if (og_title_.empty() && !headline.empty()) og_title_ = headline;
}

void PageWalk::ChooseHeadline(uint32_t body_first) {
  // The h1 that names the article: one agreeing with the page's title, else
  // the last before the body, else the first.
  std::string title_folded = WordKey(!og_title_.empty() ? og_title_ : html_title_);
  int chosen = -1;
  for (uint32_t i : h1_blocks_) {
    std::string f = WordKey(blocks_[i].text);
    if (f.size() >= 8 && !title_folded.empty() &&
        (title_folded.find(f) != std::string::npos || f.find(title_folded) != std::string::npos)) {
      chosen = static_cast<int>(i);
      break;
    }
  }
  if (chosen < 0) {
    for (uint32_t i : h1_blocks_) {
      if (i < body_first && blocks_[i].chars >= 10) chosen = static_cast<int>(i);
    }
  }
  if (chosen < 0 && !h1_blocks_.empty()) chosen = static_cast<int>(h1_blocks_.front());
  if (chosen >= 0) {
    article_->headline = blocks_[chosen].text;
  } else {
    article_->headline = !og_title_.empty() ? og_title_ : html_title_;
    std::string collapsed;
    CollapseSpaces(article_->headline, &collapsed);
    article_->headline = collapsed;
  }
}

void PageWalk::ScoreAndSelect() {
  MarkCueSections();
  for (Block& b : blocks_) {
    b.eligible = !b.boilerplate && !b.teaser && !b.heading_cue && !b.in_header && b.heading == 0 && b.chars >= 25 &&
                 b.LinkDensity() <= 0.35 && HasLetter(b.text) && !StartsWithClock(b.text);
  }
  // Each paragraph votes for the block that holds it and, half as much, for
  // the one above: the article's container collects the votes of its prose.
  for (const Block& b : blocks_) {
    if (!b.eligible) continue;
    double s = 1.0 + std::min<double>(b.punct, 20) + std::min(b.chars / 100.0, 3.0);
    int e = ElementOf(b.owner);
    int p = e >= 0 ? elements_[e].parent : -1;
    if (p < 0) p = e;
    if (p >= 0) elements_[p].score += s;
    int g = p >= 0 ? elements_[p].parent : -1;
    if (g >= 0) elements_[g].score += s / 2;
  }
  // Link density of each scored element, from prefix sums over its blocks.
  std::vector<uint64_t> nonspace(blocks_.size() + 1, 0), links(blocks_.size() + 1, 0);
  for (size_t i = 0; i < blocks_.size(); ++i) {
    nonspace[i + 1] = nonspace[i] + blocks_[i].nonspace;
    links[i + 1] = links[i] + blocks_[i].link_nonspace;
  }
  auto final_score = [&](const Element& e) {
    uint64_t total = nonspace[e.end] - nonspace[e.first];
    double ld = total ? static_cast<double>(links[e.end] - links[e.first]) / total : 0;
    return e.score * (1.0 - ld);
  };
  int top = -1;
  double best = 0;
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (elements_[i].score <= 0) continue;
    double s = final_score(elements_[i]);
    if (s > best) {
      best = s;
      top = static_cast<int>(i);
    }
  }
  if (top < 0) {
    ChooseHeadline(static_cast<uint32_t>(blocks_.size()));
    return;
  }
  // The article may be split among siblings of its best container (a lead
  // apart from the body): siblings with a fair share of the score join.
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  int parent = elements_[top].parent;
  if (parent >= 0) {
    for (size_t i = 0; i < elements_.size(); ++i) {
      const Element& e = elements_[i];
      if (e.parent != parent) continue;
      if (static_cast<int>(i) == top) {
        ranges.emplace_back(e.first, e.end);
        continue;
      }
      bool strong = final_score(e) >= std::max(3.0, best * 0.2);
      bool lone_paragraph = e.end == e.first + 1 && blocks_[e.first].eligible && blocks_[e.first].chars >= 80 &&
                            blocks_[e.first].LinkDensity() < 0.25;
      if (strong || lone_paragraph) ranges.emplace_back(e.first, e.end);
    }
  } else {
    ranges.emplace_back(elements_[top].first, elements_[top].end);
  }
  std::sort(ranges.begin(), ranges.end());
  uint32_t body_first = ranges.front().first;
  uint32_t body_end = ranges.back().second;
  ChooseHeadline(body_first);
  std::string headline_folded = WordKey(article_->headline);

  std::vector<uint32_t> kept;
  for (const auto& [first, end] : ranges) {
    for (uint32_t i = first; i < end; ++i) {
      const Block& b = blocks_[i];
      if (b.boilerplate || b.teaser || b.heading_cue || b.in_header) continue;
      if (b.LinkDensity() > 0.5 || !HasLetter(b.text)) continue;
      if (StartsWithClock(b.text) && b.chars < 120) continue;
      if (ContainsClock(b.text) && b.chars < 40) continue;
      if (b.heading == 1 && WordKey(b.text) == headline_folded) continue;
      // A word or two in a bare container is a label ("Advertisement"), not
      // a paragraph; the article's own short lines sit in <p> or headings.
      if (b.chars < 20 && b.punct == 0 && b.heading == 0 && !NameIs(b.owner, "p") && !NameIs(b.owner, "li") &&
          !NameIs(b.owner, "blockquote")) {
        continue;
      }
      kept.push_back(i);
    }
  }
  // Short lines before the first paragraph of prose are the page's furniture
  // (bylines, datelines, breadcrumbs); so are short unpunctuated lines after
  // the last one (tags, credits).
  size_t first_good = kept.size(), last_good = 0;
  for (size_t k = 0; k < kept.size(); ++k) {
    if (blocks_[kept[k]].eligible) {
      if (first_good == kept.size()) first_good = k;
      last_good = k;
    }
  }
  for (size_t k = 0; k < kept.size(); ++k) {
    const Block& b = blocks_[kept[k]];
    if (k < first_good && b.chars < 100 && b.heading == 0) continue;
    if (k > last_good && b.chars < 50 && b.punct == 0) continue;
    article_->paragraphs.push_back(b.text);
  }
  // The dateline is usually a short line near the headline (headlines
  // themselves may name the date of the event, not of the article); else it
  // opens the first paragraph ("Rabat, 12 May 2024 (MAP) -").
  if (time_dates_.empty() && meta_date_.empty() && json_date_.empty() && other_meta_date_.empty()) {
    uint32_t from = body_first > 12 ? body_first - 12 : 0;
    uint32_t first_prose = first_good < kept.size() ? kept[first_good] : body_end;
    for (uint32_t i = from; i < first_prose && i < blocks_.size() && dateline_date_.empty(); ++i) {
      if (blocks_[i].heading == 0 && blocks_[i].chars <= 80) dateline_date_ = cues_->FindDate(blocks_[i].text);
    }
    if (dateline_date_.empty() && first_prose < blocks_.size()) {
      std::string_view t = blocks_[first_prose].text;
      dateline_date_ = cues_->FindDate(t.substr(0, std::min<size_t>(t.size(), 120)));
    }
  }
  // A <time> nearest the article is its date rather than a sidebar's.
  if (!time_dates_.empty()) {
    const DateCandidate* pick = &time_dates_.front();
    uint32_t from = body_first > 12 ? body_first - 12 : 0;
    for (const auto& c : time_dates_) {
      if (c.block >= from && c.block <= body_end) {
        pick = &c;
        break;
      }
    }
    time_date_ = pick->date;
  }
}

void PageWalk::Finish() {
  ReadJsonLd();
  ScoreAndSelect();
  for (const std::string* d : {&meta_date_, &json_date_, &other_meta_date_, &time_date_, &dateline_date_}) {
    if (!d->empty()) {
      article_->published = *d;
      break;
    }
  }
  article_->title = !og_title_.empty() ? og_title_ : !article_->headline.empty() ? article_->headline : html_title_;
  std::string collapsed;
  CollapseSpaces(article_->title, &collapsed);
  article_->title = collapsed;
  if (article_->canonical_url.empty()) article_->canonical_url = og_url_;
  if (article_->lang.empty()) article_->lang = PrimaryLanguage(content_language_);
  if (article_->lang.empty()) article_->lang = PrimaryLanguage(og_locale_);
}

}  // namespace

std::string ResolveUrl(const std::string& href, const std::string& base) {
  if (href.empty() || base.empty() || href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0) return href;
  xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(href.c_str()), reinterpret_cast<const xmlChar*>(base.c_str()));
  if (!built) return href;
  std::string out(reinterpret_cast<const char*>(built));
  xmlFree(built);
  return out;
}

std::string HtmlArticle::MainText() const {
  std::string out;
  size_t total = headline.size() + 2;
  for (const auto& p : paragraphs) total += p.size() + 1;
  out.reserve(total);
  if (!headline.empty()) {
    out = headline;
    if (!paragraphs.empty()) out += "\n\n";
  }
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) out += '\n';
    out += paragraphs[i];
  }
  return out;
}

HtmlTextExtractor::HtmlTextExtractor(const PageCues* cues) : cues_(cues), state_(new HtmlParserState()) {}

HtmlTextExtractor::~HtmlTextExtractor() = default;

Status HtmlTextExtractor::Extract(std::string_view html, HtmlArticle* article) {
  *article = HtmlArticle();
  if (html.size() > static_cast<size_t>(INT_MAX)) return Status::InvalidArgument("HTML page too large to parse");
  if (!state_->ctxt) return Status::IOError("libxml2 parser context unavailable");
  htmlCtxtReset(state_->ctxt);
  // No XML_PARSE_HUGE: libxml2 then stops at a nesting depth of 256, which
  // keeps pathological pages from exhausting the stack or the clock.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_COMPACT;
  htmlDocPtr doc = htmlCtxtReadMemory(state_->ctxt, html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                      options);
  if (!doc) return Status::Corruption("libxml2 could not parse the page as HTML");
  if (state_->ctxt->instate == XML_PARSER_EOF && state_->ctxt->errNo == XML_ERR_INTERNAL_ERROR) {
    article->partial_reason = "HTML nested deeper than 256 elements: read only up to there";
  }
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root) {
    PageWalk walk(cues_, article);
    walk.Run(root);
    walk.Finish();
  }
  xmlFreeDoc(doc);
  return Status::Ok();
}

}  // namespace rasd::ingest
