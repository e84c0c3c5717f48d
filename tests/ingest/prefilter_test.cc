// The prefilter finds the programme's cue words in every spelling the
// extractor folds together, in every encoding the reader decodes, and lets
// nothing else through.
#include "ingest/prefilter.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/byte_source.h"
#include "ingest/charset.h"
#include "ingest/html_text.h"
#include "ingest/http.h"
#include "ingest/page_cues.h"
#include "ingest/warc_reader.h"
#include "tests/ingest/page_fixtures.h"

namespace rasd::ingest {
namespace {

class PrefilterSpellings : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = Prefilter::Load(testing::DataDir());
    ASSERT_TRUE(p.ok()) << p.status().message();
    prefilter_ = std::move(*p);
    scanner_ = prefilter_->NewScanner();
  }
  bool May(std::string_view bytes) { return scanner_->MayBeAboutProgramme(bytes); }

  std::unique_ptr<Prefilter> prefilter_;
  std::unique_ptr<Prefilter::Scanner> scanner_;
};

TEST_F(PrefilterSpellings, ArabicCueWordsInEverySpelling) {
  EXPECT_TRUE(May("استفاد عشرون من السجناء السابقين من مشاريع مدرة للدخل"));
  // A clitic the extractor takes off, the article it puts back.
  EXPECT_TRUE(May("دعم للسجناء السابقين"));
  // Diacritics, tatweel and zero-width marks inside the word.
  EXPECT_TRUE(May("السُّجَنَاءُ السَّابِقِينَ"));
  EXPECT_TRUE(May("لفائدة سجناء ســـابـقـين"));
  EXPECT_TRUE(May("لفائدة سجناء سا\u200Cبقين"));
  // Alef forms and hamza seat: أفرج / افرج / إفرج.
  EXPECT_TRUE(May("تم الافراج عنهم"));
  EXPECT_TRUE(May("تم الإفراج عنهم"));
  // HTML references, decimal and hex, for some letters.
  EXPECT_TRUE(May("لفائدة سجناء &#1587;&#1575;&#x628;&#x642;&#1610;&#1606;"));
  // A JSON Lines line with every non-ASCII character escaped.
  EXPECT_TRUE(May("{\"text\": \"\\u0644\\u0641\\u0627\\u0626\\u062f\\u0629 \\u0627\\u0644\\u0633\\u062c\\u0646\\u0627\\u0621 \\u0627\\u0644\\u0633\\u0627\\u0628\\u0642\\u064a\\u0646\"}"));
  // windows-1256 and ISO-8859-6 bytes.
  std::string kept;
  EXPECT_TRUE(May(testing::Encode("<p>لفائدة السجناء السابقين</p>", "CP1256")));
  EXPECT_TRUE(May(testing::Encode("<p>لفائدة السجناء السابقين</p>", "ISO-8859-6")));
  // Arabic presentation forms and the lam-alef ligature (NFKC folds them to
  // letters).
  EXPECT_TRUE(May("لفائدة سجناء \uFEB3\uFE8E\uFE91\uFED8\uFEF4\uFEE6"));  // ﺳﺎﺑﻘﻴﻦ
  EXPECT_TRUE(May("تم ا\uFEF9فراج عنهم"));  // ﻹ: the article's lam and the alef after it
  // One word of a phrase alone is not the phrase.
  EXPECT_FALSE(May("\uFEB3\uFE8E\uFE91\uFED8\uFEF4\uFEE6"));
}

TEST_F(PrefilterSpellings, FrenchCueWordsInEverySpelling) {
  EXPECT_TRUE(May("au profit d'anciens détenus"));
  EXPECT_TRUE(May("AU PROFIT D'ANCIENS DÉTENUS"));
  EXPECT_TRUE(May("anciens d&eacute;tenus"));
  EXPECT_TRUE(May("anciens d&#233;tenus"));
  EXPECT_TRUE(May("anciens de\u0301tenus"));  // decomposed accent
  EXPECT_TRUE(May(testing::Encode("anciens détenus", "ISO-8859-1")));
  EXPECT_TRUE(May("la réinsertion post-carcérale"));
}

TEST_F(PrefilterSpellings, OrdinaryNewsIsSkipped) {
  EXPECT_FALSE(May("<html><body><p>ارتفعت أسعار الخضر في أسواق الدار البيضاء هذا الأسبوع</p></body></html>"));
  EXPECT_FALSE(May("<p>Le match de football s'est terminé sur un score nul à Rabat.</p>"));
  EXPECT_FALSE(May(testing::Encode("<p>ارتفعت أسعار الخضر في أسواق الدار البيضاء</p>", "CP1256")));
  EXPECT_FALSE(May(""));
  EXPECT_FALSE(May(std::string_view()));  // no bytes at all: an absent title
  // UTF-16 is not spelled by the patterns: never skipped.
  EXPECT_TRUE(May(testing::Encode("<p>ارتفعت أسعار الخضر</p>", "UTF-16LE")));
}

TEST_F(PrefilterSpellings, EveryWordOfAPhraseWithoutArticle) {
  auto p = Prefilter::FromPhrases({"السجناء السابقين", "anciens détenus"}, {"ال"});
  ASSERT_TRUE(p.ok()) << p.status().message();
  const auto& w = (*p)->words();
  for (const char* word : {"سجناء", "سابقين", "anciens", "detenus"}) {
    EXPECT_NE(std::find(w.begin(), w.end(), word), w.end()) << word;
  }
  auto scanner = (*p)->NewScanner();
  // Later words with the article or without it, the first with a clitic.
  EXPECT_TRUE(scanner->MayBeAboutProgramme("عاد السجناء سابقين"));
  EXPECT_TRUE(scanner->MayBeAboutProgramme("عاد سجناء السابقين"));
  EXPECT_TRUE(scanner->MayBeAboutProgramme("دعم للسجناء السابقين"));
  EXPECT_FALSE(scanner->MayBeAboutProgramme("<p>عاد السجناء إلى بيوتهم</p>"));
  EXPECT_FALSE(scanner->MayBeAboutProgramme("les anciens élèves"));
}

// The extractor reads a phrase only where its words stand side by side in
// the main text; on the raw page markup, references, punctuation and
// escaped line breaks may stand between them.
TEST_F(PrefilterSpellings, WordsOfAPhraseSideBySide) {
  auto p = Prefilter::FromPhrases({"السجناء السابقين", "anciens détenus"}, {"ال"});
  ASSERT_TRUE(p.ok()) << p.status().message();
  auto scanner = (*p)->NewScanner();
  auto may = [&](std::string_view page) { return scanner->MayBeAboutProgramme(page); };
  EXPECT_TRUE(may("<p>لفائدة السجناء <b>السابقين</b></p>"));
  EXPECT_TRUE(may("<p>عاد السجناء</p>\n<p>السابقين</p>"));
  EXPECT_TRUE(may("لفائدة السجناء&nbsp;السابقين"));
  EXPECT_TRUE(may("لفائدة السجناء،\u00a0السابقين"));
  EXPECT_TRUE(may("{\"text\": \"لفائدة السجناء\\nالسابقين\"}"));
  EXPECT_TRUE(may("des anciens\r\n   détenus"));
  EXPECT_TRUE(may("des ANCIENS-DÉTENUS"));
  EXPECT_TRUE(may("des anciens &mdash; détenus"));
  // Both words on the page, apart: the extractor finds no phrase.
  EXPECT_FALSE(may("<p>عاد السجناء إلى بيوتهم</p><p>وقال الوزراء السابقين</p>"));
  EXPECT_FALSE(may("عاد السجناء 12 السابقين"));
  EXPECT_FALSE(may("les anciens élèves, détenus hier"));
  EXPECT_FALSE(may("les anciensdétenus"));
  // A word inside a longer word ends no phrase there.
  EXPECT_FALSE(may("السجناءات السابقين"));
}

// On an HTML page, what the reader never turns into text (tags, scripts,
// style sheets) is not read; meta elements and JSON-LD, which give the
// headline and date, are.
TEST_F(PrefilterSpellings, HtmlPagesReadAsTheReaderReadsThem) {
  using Form = Prefilter::Scanner::Form;
  auto html = [&](std::string_view page) { return scanner_->MayBeAboutProgramme(page, Form::kHtml); };
  const std::string script = "<script>var t='لفائدة السجناء السابقين';</script><p>خبر</p>";
  EXPECT_FALSE(html(script));
  EXPECT_TRUE(scanner_->MayBeAboutProgramme(script, Form::kText));  // a text is read whole
  EXPECT_FALSE(html("<style>/* لفائدة السجناء السابقين */</style><p>خبر</p>"));
  EXPECT_FALSE(html("<p>خبر</p><script>لفائدة السجناء السابقين"));  // never closed
  EXPECT_FALSE(html("<img alt=\"لفائدة السجناء السابقين\"><p>خبر</p>"));
  EXPECT_TRUE(html("<script type=\"application/ld+json\">{\"headline\":\"دعم السجناء السابقين\"}</script>"));
  EXPECT_TRUE(html("<meta property=\"og:title\" content=\"دعم السجناء السابقين\">"));
  EXPECT_TRUE(html("<SCRIPT>var a = '</p>';</SCRIPT><p>لفائدة السجناء السابقين</p>"));
  EXPECT_TRUE(html("<p>لفائدة السجناء<br>السابقين</p>"));
  EXPECT_TRUE(html("<p>5 < 6 لفائدة السجناء السابقين</p>"));  // text, not a tag
  EXPECT_TRUE(html("<p>des anciens <em>d&eacute;tenus</em></p>"));
  EXPECT_FALSE(html("<!-- <p>لفائدة السجناء > السابقين</p> --><p>خبر</p>"));
  // A '>' inside a quoted attribute value does not end the tag: the script
  // named in it is no script.
  EXPECT_TRUE(html("<div data-x=\"a>b<script>\">لفائدة السجناء السابقين</div><script>x()</script>"));
  EXPECT_TRUE(html("<p>je t'aime </3 des anciens détenus ></p>"));  // "</3" is text
}

TEST_F(PrefilterSpellings, CharsetsItDoesNotSpellAreNeverSkipped) {
  EXPECT_TRUE(Prefilter::CoversCharset(""));
  EXPECT_TRUE(Prefilter::CoversCharset("UTF-8"));
  EXPECT_TRUE(Prefilter::CoversCharset("windows-1256"));
  EXPECT_FALSE(Prefilter::CoversCharset("x-mac-arabic"));
  EXPECT_FALSE(Prefilter::CoversCharset("utf-16le"));
}

// The HTML pages of the real crawls in ../shared/data/warc (Common Crawl,
// ClueWeb09), in UTF-8.
std::vector<std::string> RealCrawlPages() {
  std::vector<std::string> pages;
  const std::string dir = testing::SharedDir() + "/data/warc";
  CharsetDecoder decoder;
  for (const char* name : {"resiliparse-warcfile.warc.gz", "resiliparse-clueweb-quirk.warc.gz", "jwarc-cc.warc.gz"}) {
    auto file = FileSource::Open(dir + "/" + name);
    if (!file.ok()) continue;
    GzipSource gzip(file->get(), uint64_t{1} << 30);
    BufferedReader in(&gzip);
    WarcReader reader(&in, WarcOptions{});
    WarcRecord record;
    while (reader.Next(&record, [](const std::string& type) { return type == "response"; })) {
      HttpResponse http;
      if (!record.has_block || !ParseHttpResponse(record.block, &http).ok() || http.content_type != "text/html") continue;
      std::string body, scratch, utf8;
      if (!DecodeHttpBody(std::string_view(record.block).substr(http.body_offset), http, uint64_t{1} << 26, &body,
                          &scratch).ok()) {
        continue;
      }
      if (decoder.ToUtf8(body, http.charset, true, &utf8).ok()) pages.push_back(utf8);
    }
  }
  return pages;
}

// A cue phrase put in front of tags all through real crawled pages (in
// paragraphs, menus, scripts, comments, attributes' neighbours) and among
// the words of their main text: wherever
// the reader takes it into the page's text or title, the prefilter reading
// the raw page lets the page through.
TEST_F(PrefilterSpellings, CueAnywhereTheReaderReadsItOnRealPages) {
  const std::vector<std::string> pages = RealCrawlPages();
  if (pages.size() < 20) GTEST_SKIP() << "needs the real WARC files of " << testing::SharedDir() << "/data/warc";
  auto cues = PageCues::Load(testing::DataDir());
  ASSERT_TRUE(cues.ok()) << cues.status().message();
  HtmlTextExtractor reader(cues->get());
  using Form = Prefilter::Scanner::Form;
  const std::string cue = " لفائدة السجناء السابقين ";
  size_t tried = 0, read = 0;
  for (const std::string& page : pages) {
    // Before tags all through the page, and after words of its main text
    // where they stand in the raw page.
    std::vector<size_t> places;
    std::vector<size_t> tags;
    for (size_t i = page.find('<'); i != std::string::npos; i = page.find('<', i + 1)) tags.push_back(i);
    for (size_t k = 0; k < tags.size(); k += std::max<size_t>(1, tags.size() / 15)) places.push_back(tags[k]);
    HtmlArticle plain;
    if (reader.Extract(page, &plain).ok()) {
      const std::string text = plain.MainText();
      size_t taken = 0;
      for (size_t i = 0; i < text.size() && taken < 15; i += std::max<size_t>(1, text.size() / 15)) {
        size_t start = text.find(' ', i), stop = start == std::string::npos ? start : text.find(' ', start + 1);
        if (stop == std::string::npos || stop - start < 5) continue;
        size_t at = page.find(text.substr(start + 1, stop - start - 1));
        if (at != std::string::npos) places.push_back(at + (stop - start - 1)), ++taken;
      }
    }
    for (size_t place : places) {
      std::string with_cue = page.substr(0, place) + cue + page.substr(place);
      HtmlArticle article;
      if (!reader.Extract(with_cue, &article).ok()) continue;
      ++tried;
      const std::string text = article.MainText();
      if (!scanner_->MayBeAboutProgramme(text) && !scanner_->MayBeAboutProgramme(article.title)) continue;
      ++read;
      EXPECT_TRUE(scanner_->MayBeAboutProgramme(with_cue, Form::kHtml))
          << "the reader reads the cue put at byte " << place << " of this page:\n"
          << with_cue.substr(place > 300 ? place - 300 : 0, 700);
    }
  }
  std::printf("real crawled pages: %zu, cue put in %zu places, read by the reader in %zu\n", pages.size(), tried, read);
  EXPECT_GT(read, 50u);
}

}  // namespace
}  // namespace rasd::ingest
