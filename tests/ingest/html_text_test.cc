// The article inside real-looking news pages: every paragraph of the
// article kept, none of the page's furniture (leak measured in characters),
// metadata right; the same pages in the legacy encodings of Arabic and
// French sites.
#include <gtest/gtest.h>

#include "ingest/html_text.h"
#include "ingest/ingest.h"
#include "tests/ingest/page_fixtures.h"

namespace rasd::ingest {
namespace {

using testing::Article;
using testing::BuildPage;
using testing::BuiltPage;
using testing::CollectingSink;
using testing::TempDir;

std::vector<Article> ArticlesOrSkip() {
  auto articles = testing::CorpusArticles();
  return articles;
}

#define SKIP_WITHOUT_CORPUS(articles)                                                              \
  do {                                                                                             \
    if ((articles).empty()) {                                                                      \
      GTEST_SKIP() << "no article texts in " << testing::SharedDir()                               \
                   << "/corpus (seeds, real-dev) or the project's corpus/";                        \
    }                                                                                              \
  } while (0)

// Reads one file and returns its single document (failing the test otherwise).
Document ReadOne(const std::string& path, CollectingSink* sink, const Options& options = testing::TestOptions()) {
  Status s = ReadPaths({path}, options, sink);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(sink->docs.size(), 1u) << sink->Describe();
  if (sink->docs.empty()) return Document();
  return sink->docs.front();
}

void ExpectArticle(const Document& doc, const Article& a, const std::string& what) {
  std::vector<std::string> lines = testing::SplitLines(doc.text);
  ASSERT_FALSE(lines.empty()) << what;
  EXPECT_EQ(lines[0], a.headline) << what;
  if (lines.size() > 1) {
    EXPECT_EQ(lines[1], "") << what << ": a blank line follows the headline";
  }
  for (const auto& p : a.paragraphs) {
    EXPECT_NE(std::find(lines.begin(), lines.end(), p), lines.end())
        << what << ": paragraph missing: " << p.substr(0, 120) << "\n--- text ---\n" << doc.text;
  }
  std::vector<std::string> leaked;
  size_t leak = testing::LeakedCharacters(doc, a, &leaked);
  std::string shown;
  for (const auto& l : leaked) shown += "  [" + l + "]\n";
  EXPECT_EQ(leak, 0u) << what << ": boilerplate reached the text:\n" << shown;
}

TEST(HtmlMainText, EveryCorpusArticleInEveryLayoutWithoutLeaks) {
  auto articles = ArticlesOrSkip();
  SKIP_WITHOUT_CORPUS(articles);
  TempDir dir;
  size_t checked = 0, total_leak = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    for (int layout = 0; layout < 3; ++layout) {
      BuiltPage page = BuildPage(a, layout);
      std::string path = dir.File(a.name + "." + std::to_string(layout) + ".html");
      testing::WriteFileBytes(path, page.html);
      CollectingSink sink;
      Document doc = ReadOne(path, &sink);
      std::string what = a.name + " layout " + std::to_string(layout);
      ExpectArticle(doc, a, what);
      total_leak += testing::LeakedCharacters(doc, a, nullptr);
      for (const auto& piece : page.boilerplate) {
        // Furniture long enough to be unmistakable must not appear anywhere.
        bool in_article = a.headline.find(piece) != std::string::npos;
        for (const auto& p : a.paragraphs) in_article = in_article || p.find(piece) != std::string::npos;
        if (testing::CodePoints(piece) >= 12 && !in_article) {
          EXPECT_EQ(doc.text.find(piece), std::string::npos) << what << ": " << piece;
        }
      }
      EXPECT_EQ(doc.title, page.title) << what;
      EXPECT_EQ(doc.published, page.published) << what;
      EXPECT_EQ(doc.url, page.url) << what;
      EXPECT_EQ(doc.site, page.site) << what;
      EXPECT_EQ(doc.lang, page.lang) << what;
      EXPECT_EQ(doc.kind, "html") << what;
      EXPECT_EQ(doc.source, path) << what;
      EXPECT_TRUE(sink.errors.empty()) << sink.Describe();
      ++checked;
    }
  }
  EXPECT_EQ(total_leak, 0u);
  EXPECT_GE(checked, 3u);
}

// The page of an Arabic site in its legacy encodings, declared in the page or
// not declared at all (then ICU's detector decides).
TEST(HtmlMainText, ArabicPageInLegacyEncodingsAndUtf16) {
  auto articles = ArticlesOrSkip();
  SKIP_WITHOUT_CORPUS(articles);
  const Article* arabic = nullptr;
  for (const auto& a : articles) {
    if (a.lang == "ar" && a.paragraphs.size() >= 3) {
      arabic = &a;
      break;
    }
  }
  ASSERT_NE(arabic, nullptr);
  TempDir dir;
  struct Case {
    const char* iconv_name;
    const char* label;  // in <meta>; empty: undeclared
    bool bom;
  };
  for (const Case& c : {Case{"CP1256", "windows-1256", false}, Case{"CP1256", "", false},
                        Case{"ISO-8859-6", "iso-8859-6", false}, Case{"UTF-16LE", "utf-16", true},
                        Case{"UTF-16BE", "utf-16", true}, Case{"UTF-16LE", "", false}}) {
    // Characters the charset lacks (curly quotes in 8859-6) become '?' in
    // both the page and what is expected.
    Article a = *arabic;
    std::string kept;
    testing::Encode(a.headline, c.iconv_name, &kept);
    a.headline = kept;
    for (auto& p : a.paragraphs) {
      testing::Encode(p, c.iconv_name, &kept);
      p = kept;
    }
    BuiltPage page = BuildPage(a, 0, c.label[0] ? c.label : "utf-8");
    std::string html = page.html;
    if (!c.label[0]) {
      size_t m = html.find("<meta charset=");
      html.erase(m, html.find('>', m) + 1 - m);
    }
    std::string bytes = testing::Encode(html, c.iconv_name);
    if (c.bom) bytes = (std::string_view(c.iconv_name) == "UTF-16LE" ? std::string("\xFF\xFE") : std::string("\xFE\xFF")) + bytes;
    std::string path = dir.File(std::string("page-") + c.iconv_name + (c.label[0] ? "-declared" : "-undeclared") + ".html");
    testing::WriteFileBytes(path, bytes);
    CollectingSink sink;
    Document doc = ReadOne(path, &sink);
    ExpectArticle(doc, a, path);
    EXPECT_EQ(doc.title, a.headline) << path;
    EXPECT_EQ(doc.published, a.date) << path;
  }
}

TEST(HtmlMainText, FrenchPageInWindows1252AndLatin1) {
  auto articles = ArticlesOrSkip();
  SKIP_WITHOUT_CORPUS(articles);
  const Article* french = nullptr;
  for (const auto& a : articles) {
    if (a.lang == "fr" && a.paragraphs.size() >= 3) {
      french = &a;
      break;
    }
  }
  if (!french) GTEST_SKIP() << "no French article in the corpus";
  TempDir dir;
  for (const char* charset : {"CP1252", "ISO-8859-1"}) {
    for (bool declared : {true, false}) {
      Article a = *french;
      std::string kept;
      testing::Encode(a.headline, charset, &kept);
      a.headline = kept;
      for (auto& p : a.paragraphs) {
        testing::Encode(p, charset, &kept);
        p = kept;
      }
      BuiltPage page = BuildPage(a, 1, declared ? (std::string_view(charset) == "CP1252" ? "windows-1252" : "iso-8859-1") : "");
      std::string html = page.html;
      if (!declared) {
        size_t m = html.find("<meta http-equiv");
        html.erase(m, html.find('>', m) + 1 - m);
      }
      std::string path = dir.File(std::string("fr-") + charset + (declared ? "-declared" : "-undeclared") + ".html");
      testing::WriteFileBytes(path, testing::Encode(html, charset));
      CollectingSink sink;
      Document doc = ReadOne(path, &sink);
      ExpectArticle(doc, a, path);
      EXPECT_EQ(doc.published, a.date) << path;
      EXPECT_EQ(doc.lang, "fr") << path;
    }
  }
}

// A teaser, a clock-time list and a comment block as the article's own
// neighbours in one container, with no semantic tags to tell them apart.
TEST(HtmlMainText, FurnitureInsideTheArticleContainer) {
  const std::string page =
      "<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Oujda : remise de projets</title></head><body>"
      "<div id=\"wrap\"><div class=\"a\">"
      "<h1>Oujda : des ex-détenus reçoivent des équipements</h1>"
      "<div>Publié le 12/06/2024 à 10:32</div>"
      "<p>Des équipements pour la création de projets générateurs de revenus ont été remis mardi à Oujda à "
      "trente-deux anciens détenus, dont cinq femmes, pour une enveloppe d'environ 690.000 dirhams.</p>"
      "<p>Lire aussi : <a href=\"/x\">Nador, une tentative d'émigration irrégulière mise en échec</a></p>"
      "<p>La cérémonie s'est déroulée au siège de la préfecture, en présence des autorités locales, des "
      "responsables de la Fondation et des représentants de l'INDH.</p>"
      "<p>Les projets financés concernent la menuiserie, la coiffure, la couture et le petit commerce, "
      "selon les besoins exprimés par les bénéficiaires eux-mêmes.</p>"
      "<h3>Sur le même sujet</h3>"
      "<ul><li><a href=\"/1\">Tanger : la Fondation inaugure un centre d'accompagnement</a></li>"
      "<li><a href=\"/2\">Fès : quarante projets financés pour d'anciens détenus</a></li></ul>"
      "<div><span>13:05</span> <span>12:51</span> <span>12:38</span></div>"
      "<h3>Commentaires (2)</h3>"
      "<div><b>Karim</b> 12/06/2024 14:22<p>Très belle initiative, il faut la généraliser partout au "
      "Maroc et suivre les bénéficiaires sur plusieurs années.</p></div>"
      "<div><b>Nadia</b> 12/06/2024 16:05<p>Bravo, mais il faudrait aussi penser à la formation "
      "avant la sortie de prison, c'est essentiel pour réussir.</p></div>"
      "</div></div></body></html>";
  TempDir dir;
  std::string path = dir.File("inline.html");
  testing::WriteFileBytes(path, page);
  CollectingSink sink;
  Document doc = ReadOne(path, &sink);
  EXPECT_EQ(doc.text,
            "Oujda : des ex-détenus reçoivent des équipements\n\n"
            "Des équipements pour la création de projets générateurs de revenus ont été remis mardi à Oujda à "
            "trente-deux anciens détenus, dont cinq femmes, pour une enveloppe d'environ 690.000 dirhams.\n"
            "La cérémonie s'est déroulée au siège de la préfecture, en présence des autorités locales, des "
            "responsables de la Fondation et des représentants de l'INDH.\n"
            "Les projets financés concernent la menuiserie, la coiffure, la couture et le petit commerce, "
            "selon les besoins exprimés par les bénéficiaires eux-mêmes.");
  EXPECT_EQ(doc.published, "2024-06-12");
  EXPECT_EQ(doc.title, "Oujda : des ex-détenus reçoivent des équipements");
  EXPECT_EQ(doc.lang, "fr");
}

TEST(HtmlMainText, CanonicalUrlRelativeToTheFetchedPage) {
  EXPECT_EQ(ResolveUrl("/fr/societe/12.html", "https://www.example-news.ma/amp/12"),
            "https://www.example-news.ma/fr/societe/12.html");
}

}  // namespace
}  // namespace rasd::ingest
