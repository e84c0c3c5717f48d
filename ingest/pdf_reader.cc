#include "ingest/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>
#include <vector>

#include "common/utf8.h"
#include "ingest/pdf_layout.h"

namespace rasd::ingest {
namespace {

std::string Utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Poppler writes its complaints about a damaged file to stderr; rasd reports
// the file itself, once, by name.
void Quiet(const std::string&, void*) {}

bool MostlyArabic(std::string_view text) {
  size_t arabic = 0, latin = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB || c == 0xEF) ++arabic;  // U+0600..U+06FF, presentation forms
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++latin;
  }
  return arabic > latin / 3;
}

// Poppler gives the glyphs of a right-to-left word in visual order: the
// word read back, digits (written left to right inside it) kept as they are.
std::string LogicalOrder(const std::string& visual) {
  std::vector<std::string> cps;
  for (size_t i = 0; i < visual.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(visual[i]);
    if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
    cps.push_back(visual.substr(i, n));
    i += n;
  }
  bool arabic = false;
  for (const auto& cp : cps) {
    unsigned char c = static_cast<unsigned char>(cp[0]);
    if (c >= 0xD8 && c <= 0xDB) arabic = true;
  }
  if (!arabic) return visual;
  // Western and Arabic-Indic digits (U+0660..U+0669, U+06F0..U+06F9) and
  // the separators inside a number.
  auto number_digit = [](const std::string& cp) {
    if (cp.size() == 1) return cp[0] >= '0' && cp[0] <= '9';
    if (cp.size() != 2) return false;
    unsigned char a = static_cast<unsigned char>(cp[0]), b = static_cast<unsigned char>(cp[1]);
    return (a == 0xD9 && b >= 0xA0 && b <= 0xA9) || (a == 0xDB && b >= 0xB0 && b <= 0xB9);
  };
  auto digit = [&](const std::string& cp) {
    return number_digit(cp) || cp == "." || cp == "," || cp == "\xD9\xAB" || cp == "\xD9\xAC";
  };
  std::reverse(cps.begin(), cps.end());
  for (size_t i = 0; i < cps.size();) {
    if (!number_digit(cps[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < cps.size() && digit(cps[j])) ++j;
    std::reverse(cps.begin() + i, cps.begin() + j);
    i = j;
  }
  std::string out;
  for (auto& cp : cps) out += cp;
  return out;
}

struct Word {
  double x1, y1, x2, y2;
  std::string text;
  double size = 0;  // the font's size, 0 when unknown
};

// A page's text rebuilt from its words' boxes: columns found by the gutter
// no word crosses, read right to left on an Arabic page; lines by their
// height on the page; a paragraph ends where the gap between lines is wider
// than the page's usual line spacing (a blank line marks it). Poppler's own
// reading order mixes the columns of ragged two-column pages.
std::string PageTextByColumns(const poppler::page& page, bool rtl) {
  std::vector<Word> all;
  std::vector<double> sizes;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    poppler::rectf r = box.bbox();
    std::string t = Utf8(box.text());
    if (t.empty()) continue;
    if (rtl) t = LogicalOrder(t);
    double size = box.has_font_info() ? box.get_font_size() : 0;
    all.push_back({r.left(), r.top(), r.right(), r.bottom(), std::move(t), size});
    sizes.push_back(size);
  }
  if (all.empty()) return "";
  // A running header, footer or page number, even on a one-page document:
  // smaller than the body's type, in the page's top or bottom eighth, with
  // no body text above (or below) it.
  std::vector<double> sorted_sizes = sizes;
  std::nth_element(sorted_sizes.begin(), sorted_sizes.begin() + sorted_sizes.size() / 2, sorted_sizes.end());
  double body = sorted_sizes[sorted_sizes.size() / 2];
  double body_top = 1e9, body_bottom = -1e9;
  for (const Word& w : all) {
    if (w.size >= body * 0.95) {
      body_top = std::min(body_top, w.y1);
      body_bottom = std::max(body_bottom, w.y2);
    }
  }
  poppler::rectf box = page.page_rect();
  double height = box.height() > 0 ? box.height() : 842;
  std::vector<Word> words;
  for (Word& w : all) {
    bool small = body > 0 && w.size > 0 && w.size < body * 0.92;
    bool margin = (w.y2 <= body_top && w.y2 < height / 8) || (w.y1 >= body_bottom && w.y1 > height * 7 / 8);
    if (small && margin) continue;
    words.push_back(std::move(w));
  }
  if (words.empty()) return "";
  double minx = words[0].x1, maxx = words[0].x2;
  for (const Word& w : words) {
    minx = std::min(minx, w.x1);
    maxx = std::max(maxx, w.x2);
  }
  // Column boundaries: x positions in the middle 60% of the text's width
  // that no word of a body line crosses, widest gap first.
  const int kBins = 200;
  std::vector<int> cover(kBins, 0);
  double width = std::max(1.0, maxx - minx);
  for (const Word& w : words) {
    int a = static_cast<int>((w.x1 - minx) / width * (kBins - 1));
    int b = static_cast<int>((w.x2 - minx) / width * (kBins - 1));
    for (int i = std::max(0, a); i <= std::min(kBins - 1, b); ++i) ++cover[i];
  }
  // Lines that span the gutter (a running header centred above both
  // columns) are few; a gutter is a run of bins crossed by at most 2% of words.
  int limit = static_cast<int>(words.size() / 50);
  int best_a = -1, best_len = 0;
  for (int i = kBins / 5; i < kBins * 4 / 5;) {
    if (cover[i] > limit) {
      ++i;
      continue;
    }
    int j = i;
    while (j < kBins * 4 / 5 && cover[j] <= limit) ++j;
    if (j - i > best_len) {
      best_len = j - i;
      best_a = i;
    }
    i = j;
  }
  std::vector<std::vector<Word>> columns(1);
  if (best_len >= 3) {
    double cut = minx + (best_a + best_len / 2.0) / (kBins - 1) * width;
    // What spans the gutter (a centred running header, a page number) is
    // read apart, first, so that it stays off the columns' paragraphs.
    columns.assign(3, {});
    double gutter = best_len / static_cast<double>(kBins - 1) * width;
    // Page-wide lines: a line whose words run on across the gutter with
    // ordinary spacing spans both columns.
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.y1 + a.y2 < b.y1 + b.y2; });
    size_t i = 0;
    while (i < words.size()) {
      size_t j = i + 1;
      double m = (words[i].y1 + words[i].y2) / 2, h = words[i].y2 - words[i].y1;
      while (j < words.size() && std::abs((words[j].y1 + words[j].y2) / 2 - m) < h * 0.5) ++j;
      std::vector<Word*> line;
      for (size_t k = i; k < j; ++k) line.push_back(&words[k]);
      std::sort(line.begin(), line.end(), [](const Word* a, const Word* b) { return a->x1 < b->x1; });
      bool spans = false;
      for (size_t k = 0; k < line.size(); ++k) {
        if (line[k]->x1 < cut && line[k]->x2 > cut) spans = true;
        if (k + 1 < line.size() && line[k]->x2 <= cut && line[k + 1]->x1 >= cut &&
            line[k + 1]->x1 - line[k]->x2 < gutter * 0.8) {
          spans = true;
        }
      }
      for (Word* w : line) {
        bool left = (w->x1 + w->x2) / 2 < cut;
        columns[spans ? 0 : (left != rtl) ? 1 : 2].push_back(std::move(*w));
      }
      i = j;
    }
  } else {
    columns[0] = std::move(words);
  }
  std::string out;
  for (auto& col : columns) {
    if (col.empty()) continue;
    // Lines: words whose vertical middles are within half a line's height.
    std::sort(col.begin(), col.end(), [](const Word& a, const Word& b) { return a.y1 + a.y2 < b.y1 + b.y2; });
    std::vector<std::vector<Word*>> lines;
    std::vector<double> mid;
    for (Word& w : col) {
      double m = (w.y1 + w.y2) / 2, h = w.y2 - w.y1;
      if (!lines.empty() && std::abs(m - mid.back()) < h * 0.5) {
        lines.back().push_back(&w);
      } else {
        lines.push_back({&w});
        mid.push_back(m);
      }
    }
    std::vector<double> gaps;
    for (size_t i = 1; i < mid.size(); ++i) gaps.push_back(mid[i] - mid[i - 1]);
    std::vector<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    double usual = sorted.empty() ? 0 : sorted[sorted.size() / 4];
    if (!out.empty()) out += "\n\n";
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) out += (gaps[i - 1] > usual * 1.3) ? "\n\n" : "\n";
      auto& line = lines[i];
      std::sort(line.begin(), line.end(), [rtl](const Word* a, const Word* b) { return rtl ? a->x1 > b->x1 : a->x1 < b->x1; });
      for (size_t k = 0; k < line.size(); ++k) {
        if (k) out += ' ';
        out += line[k]->text;
      }
    }
  }
  return out;
}

}  // namespace

bool LooksLikePdf(std::string_view head) {
  // The header may follow a few bytes of junk (the specification allows 1024).
  return head.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

Status ReadPdf(std::string_view bytes, const ArabicPdfRepair& repair, Document* doc) {
  static const bool quiet = (poppler::set_debug_error_function(Quiet, nullptr), true);
  (void)quiet;
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) return Status::Corruption("damaged PDF: poppler cannot read its structure (broken xref or truncated file)");
  if (pdf->is_locked()) return Status::Unsupported("encrypted PDF: it needs a password to be read");
  int n = pdf->pages();
  if (n <= 0) return Status::Corruption("damaged PDF: no pages could be read");
  std::vector<std::string> pages;
  pages.reserve(n);
  size_t with_text = 0, unreadable = 0;
  for (int i = 0; i < n; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) {
      ++unreadable;
      pages.emplace_back();
      continue;
    }
    // Poppler's own text tells the page's script; the words' boxes give
    // the reading order.
    std::string text = Utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    bool arabic = MostlyArabic(text);
    text = PageTextByColumns(*page, arabic);
    if (arabic) text = repair.Repair(text);
    else text = FoldPresentationForms(RemoveBidiControls(text));
    bool any = false;
    for (char c : text) {
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        any = true;
        break;
      }
    }
    if (any) ++with_text;
    pages.push_back(std::move(text));
  }
  if (unreadable == static_cast<size_t>(n)) return Status::Corruption("damaged PDF: none of its " + std::to_string(n) + " page(s) could be read");
  if (with_text == 0) {
    return Status::Unsupported("no text layer (scanned?): none of its " + std::to_string(n) +
                               " page(s) holds text; rasd does not read images");
  }
  LaidOutText laid = LayOutPages(pages);
  if (laid.text.empty()) return Status::Unsupported("no text layer (scanned?): only page headers and numbers");
  doc->page_starts = std::move(laid.page_starts);
  doc->text = std::move(laid.text);
  doc->kind = "pdf";
  std::string title = RemoveBidiControls(Utf8(pdf->get_title()));
  if (!title.empty() && utf8::CountCodePoints(title) <= 300) doc->title = FoldPresentationForms(title);
  // A browser prints the day it printed, not the day the article appeared:
  // the date of a printed web page is left for the extractor to find on the
  // first page.
  std::string creator = Utf8(pdf->info_key("Creator")) + Utf8(pdf->info_key("Producer"));
  bool printed_page = creator.find("Mozilla/") != std::string::npos || creator.find("Skia/PDF") != std::string::npos;
  if (doc->published.empty() && !printed_page) {
    time_t t = pdf->info_date_t("CreationDate");
    if (t > 0) {
      std::tm tm;
      gmtime_r(&t, &tm);
      char buf[16];
      std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
      doc->published = buf;
    }
  }
  if (doc->title.empty()) {
    size_t nl = doc->text.find('\n');
    std::string_view first = std::string_view(doc->text).substr(0, nl);
    if (utf8::CountCodePoints(first) <= 300) doc->title = std::string(first);
  }
  return Status::Ok();
}

}  // namespace rasd::ingest
