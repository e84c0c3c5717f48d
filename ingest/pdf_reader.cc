#include "ingest/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

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
    // Poppler's reading order finds columns, and reads them right to left on
    // a page of right-to-left text.
    std::string text = Utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    if (MostlyArabic(text)) text = repair.Repair(text);
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
