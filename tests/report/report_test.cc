// The coverage report and the map: drawn from stores built by hand with
// known figures, sentences and sources, including hostile text, an empty
// store, aggregates and contradicting sources; and the commands refusing a
// store that is not theirs.
#include "report/report.h"

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "tests/store/store_test_util.h"

namespace rasd::report {
namespace {

using namespace rasd::store::testing;
using store::DocumentInput;
using store::Store;

const std::string kGuelmim =
    "كلميم: تسليم مشاريع مدرة للدخل لفائدة سجناء سابقين\n"
    "أشرف والي جهة كلميم واد نون يوم الأربعاء 19 نونبر 2025 على تسليم مشاريع مدرة للدخل لفائدة 37 مستفيدا "
    "من نزلاء سابقين بالمؤسسات السجنية، في إطار برنامج مؤسسة محمد السادس لإعادة إدماج السجناء.\n"
    "وتندرج هذه المشاريع في مجالات الخدمات والتجارة والفلاحة، وقد بلغت كلفتها الإجمالية أزيد من مليون "
    "وثلاثمائة ألف درهم.";

DocumentInput GuelmimDoc(const std::string& uri, const std::string& text, const std::string& count) {
  Record r = EventRecord("MA-GUE", "2025-11-19");
  r.region = "MA-10";
  r.beneficiaries = std::stoll(count);
  r.beneficiaries_qualifier = Qualifier::kExact;
  r.budget_mad = 1300000;
  r.budget_qualifier = Qualifier::kOver;
  r.evidence["province"] = Ev(text, "كلميم واد نون");
  r.evidence["date"] = Ev(text, "19 نونبر 2025");
  r.evidence["beneficiaries"] = Ev(text, count + " مستفيدا");
  r.evidence["budget_mad"] = Ev(text, "أزيد من مليون وثلاثمائة ألف درهم");
  return Doc(uri, text, {r});
}

DocumentInput OujdaDoc(const std::string& uri) {
  std::string text = "وجدة: 43 سجينا سابقا يتسلمون مشاريعهم\nسلم عامل عمالة وجدة أنجاد يوم 3 مارس 2024 مشاريع "
                     "مدرة للدخل لفائدة 43 سجينا سابقا من بينهم 2 نساء، بكلفة إجمالية بلغت 776615 درهم.";
  Record r = EventRecord("MA-OUJ", "2024-03-03");
  r.beneficiaries = 43;
  r.women = 2;
  r.budget_mad = 776615;
  r.evidence["beneficiaries"] = Ev(text, "43 سجينا سابقا من");
  r.evidence["budget_mad"] = Ev(text, "776615 درهم");
  return Doc(uri, text, {r});
}

// A national total: an aggregate, never an event.
DocumentInput AggregateDoc(const std::string& uri) {
  std::string text = "حصيلة\nاستفاد 5000 سجين سابق من مشاريع مدرة للدخل منذ سنة 2015 على الصعيد الوطني.";
  Record r;
  r.scope = Scope::kAggregate;
  r.region = "MA-06";
  r.date = "2024";
  r.period_start = "2015";
  r.beneficiaries = 5000;
  r.evidence["beneficiaries"] = Ev(text, "5000 سجين");
  return Doc(uri, text, {r});
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

struct CommandRun {
  int status = -1;
  std::string err;
};

// Runs the rasd binary; stderr is captured through a file.
CommandRun RunRasd(const std::string& args, const TempDir& dir) {
  const std::string err = dir.File("stderr.txt");
  std::string cmd = std::string("\"") + std::getenv("RASD_BIN") + "\" " + args + " 2>\"" + err + "\" >/dev/null";
  int rc = std::system(cmd.c_str());
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, ReadBytes(err)};
}

ReportOptions Options(const std::string& lang, MapBy by = MapBy::kBeneficiaries) {
  ReportOptions o;
  o.lang = lang;
  o.data_dir = DataDir();
  o.by = by;
  return o;
}

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(DataDir().empty()) << "the data folder was not found (set RASD_DATA)";
    path_ = dir_.File("rasd.db");
    store_ = OpenNew(path_);
    ASSERT_TRUE(store_);
  }
  void Write(std::vector<DocumentInput> docs) {
    auto batch = Batch(std::move(docs));
    auto r = store_->Write(&batch);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  std::string Report(const std::string& lang = "fr") {
    auto html = RenderReport(store_.get(), Options(lang));
    EXPECT_TRUE(html.ok()) << html.status().message();
    return html.ok() ? *html : "";
  }
  std::string Map(MapBy by) {
    auto svg = RenderMap(store_.get(), Options("fr", by));
    EXPECT_TRUE(svg.ok()) << svg.status().message();
    return svg.ok() ? *svg : "";
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(ReportTest, MapDrawsEveryProvinceAndColoursOnlyTheReachedOnes) {
  Write({GuelmimDoc("https://example.ma/guelmim", kGuelmim, "37"), OujdaDoc("https://example.ma/oujda")});
  std::string svg = Map(MapBy::kBeneficiaries);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_EQ(Count(svg, "<path id=\"map-MA-"), 75);
  EXPECT_EQ(Count(svg, "class=\"prov reached\""), 2);
  EXPECT_EQ(Count(svg, "class=\"prov unreached\""), 73);
  EXPECT_NE(svg.find("id=\"map-MA-GUE\" class=\"prov reached\""), std::string::npos);
  EXPECT_NE(svg.find("id=\"map-MA-OUJ\" class=\"prov reached\""), std::string::npos);
  EXPECT_NE(svg.find("id=\"map-MA-SIK\" class=\"prov unreached\" fill=\"url(#unreached)\""), std::string::npos);
  // The tooltip: names in both languages and the figures.
  EXPECT_NE(svg.find("data-name-ar=\"وجدة أنجاد\""), std::string::npos);
  EXPECT_NE(svg.find("data-events=\"1\" data-beneficiaries=\"43\""), std::string::npos);
  EXPECT_NE(svg.find("© OpenStreetMap contributors, ODbL"), std::string::npos);
  // Every province shape is a real outline, not an empty path.
  EXPECT_EQ(Count(svg, " d=\"M"), 75 + 12);  // provinces, then the region outlines
  EXPECT_EQ(Count(svg, " d=\"\""), 0);
}

TEST_F(ReportTest, MapColoursByTheMeasureAsked) {
  Write({GuelmimDoc("https://example.ma/guelmim", kGuelmim, "37"), OujdaDoc("https://example.ma/oujda")});
  // By budget Guelmim (1.3 M) is darker than Oujda (0.78 M); by events they are equal.
  std::string budget = Map(MapBy::kBudget);
  std::string events = Map(MapBy::kEvents);
  auto fill = [](const std::string& svg, const std::string& code) {
    size_t at = svg.find("id=\"map-" + code + "\"");
    size_t f = svg.find("fill=\"", at) + 6;
    return svg.substr(f, svg.find('"', f) - f);
  };
  EXPECT_NE(fill(budget, "MA-GUE"), fill(budget, "MA-OUJ"));
  EXPECT_EQ(fill(events, "MA-GUE"), fill(events, "MA-OUJ"));
  EXPECT_EQ(ParseMapBy("budget").ok(), true);
  EXPECT_FALSE(ParseMapBy("population").ok());
}

TEST_F(ReportTest, EveryFigureIsShownInsideItsSentenceWithItsSource) {
  Write({GuelmimDoc("https://example.ma/guelmim", kGuelmim, "37"), OujdaDoc("https://example.ma/oujda")});
  std::string html = Report();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("على تسليم مشاريع مدرة للدخل لفائدة <mark title=\"Bénéficiaires: 37\">37 مستفيدا</mark> من نزلاء سابقين"), std::string::npos);
  // Two figures of one sentence are marked in the same sentence.
  EXPECT_NE(html.find("<mark title=\"Date: 2025-11-19\">19 نونبر 2025</mark> على تسليم مشاريع مدرة للدخل لفائدة "
                      "<mark title=\"Bénéficiaires: 37\">"),
            std::string::npos);
  EXPECT_NE(html.find("وقد بلغت كلفتها الإجمالية <mark title=\"Budget (MAD): plus de 1\u202F300\u202F000\">"
                      "أزيد من مليون وثلاثمائة ألف درهم</mark>"),
            std::string::npos);
  // Each source once, after the sentences it gave.
  EXPECT_EQ(Count(html, ">https://example.ma/guelmim</a></cite>"), 1);
  EXPECT_NE(html.find("<a href=\"https://example.ma/guelmim\""), std::string::npos);
  EXPECT_NE(html.find("<section class=\"prov\" id=\"prov-MA-GUE\">"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#prov-MA-GUE\"><path id=\"map-MA-GUE\""), std::string::npos);
  EXPECT_NE(html.find("id=\"reached-count\">2<"), std::string::npos);
  EXPECT_NE(html.find("<svg id=\"timeline\""), std::string::npos);
  // Nothing is fetched: no external script, style or image.
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
}

TEST_F(ReportTest, HostileTextInSentencesAndSourcesStaysText) {
  std::string text = "خبر\nسلم عامل إقليم سيدي قاسم <script>alert('x')</script> مشاريع لفائدة 12 مستفيدا \"><img src=x "
                     "onerror=alert(1)> يوم 2 ماي 2024.";
  Record r = EventRecord("MA-SIK", "2024-05-02");
  r.beneficiaries = 12;
  r.evidence["beneficiaries"] = Ev(text, "12 مستفيدا");
  Write({Doc("javascript:alert(document.cookie)//\"><svg onload=alert(2)>", text, {r})});
  std::string html = Report();
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("<svg onload"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; مشاريع لفائدة <mark title=\"Bénéficiaires: 12\">12 مستفيدا</mark> &quot;&gt;&lt;img"),
            std::string::npos);
  EXPECT_NE(html.find("<cite>javascript:alert(document.cookie)//&quot;&gt;&lt;svg onload=alert(2)&gt;</cite>"),
            std::string::npos);
  // The page's only script is its own.
  EXPECT_EQ(Count(html, "<script"), 1);
}

TEST_F(ReportTest, AggregatesAreListedApartAndNeverAddedToEvents) {
  Write({OujdaDoc("https://example.ma/oujda"), AggregateDoc("https://example.ma/bilan")});
  std::string html = Report();
  EXPECT_NE(html.find("id=\"event-count\">1<"), std::string::npos);
  EXPECT_NE(html.find("id=\"reached-count\">1<"), std::string::npos);
  // The regions' total of beneficiaries is Oujda's 43, not 5,043.
  size_t foot = html.find("<tfoot>");
  ASSERT_NE(foot, std::string::npos);
  std::string total = html.substr(foot, html.find("</tfoot>") - foot);
  EXPECT_NE(total.find("<th class=\"n\">43</th>"), std::string::npos) << total;
  EXPECT_EQ(total.find("5043"), std::string::npos);
  size_t list = html.find("id=\"aggregate-list\"");
  ASSERT_NE(list, std::string::npos);
  EXPECT_NE(html.find("استفاد <mark title=\"Bénéficiaires: 5\u202F000\">5000 سجين</mark> سابق", list), std::string::npos);
}

TEST_F(ReportTest, DifferencesBetweenSourcesShowEveryValueAndSource) {
  Write({GuelmimDoc("https://example.ma/guelmim", kGuelmim, "37")});
  std::string copy = "موقع الجهة 24 - متابعة\n" + kGuelmim;
  copy.replace(copy.find("37 مستفيدا"), 2, "39");
  Write({GuelmimDoc("https://other.ma/guelmim-copy", copy, "39")});
  std::string html = Report("en");
  size_t table = html.find("id=\"conflicts-table\"");
  ASSERT_NE(table, std::string::npos) << "no conflicts table";
  std::string conflicts = html.substr(table, html.find("</table>", table) - table);
  EXPECT_NE(conflicts.find(">37<"), std::string::npos);
  EXPECT_NE(conflicts.find(">39<"), std::string::npos);
  EXPECT_NE(conflicts.find("https://example.ma/guelmim"), std::string::npos);
  EXPECT_NE(conflicts.find("https://other.ma/guelmim-copy"), std::string::npos);
  EXPECT_NE(conflicts.find("<mark dir=\"auto\">39 مستفيدا</mark>"), std::string::npos);
  // In the event, the contradicted figure is marked as such in each sentence.
  EXPECT_NE(html.find("<mark class=\"x\" title=\"Beneficiaries: 39\">39 مستفيدا</mark>"), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"x\" title=\"Beneficiaries: 37\">37 مستفيدا</mark>"), std::string::npos);
  EXPECT_NE(conflicts.find(">contradiction<"), std::string::npos);
  EXPECT_NE(html.find("data-conflict=\"1\""), std::string::npos);
}

TEST_F(ReportTest, EmptyStoreGivesAPageThatSaysSo) {
  std::string html = Report("en");
  EXPECT_NE(html.find("id=\"empty\""), std::string::npos);
  EXPECT_NE(html.find("This store holds no event yet"), std::string::npos);
  EXPECT_EQ(Count(html, "<path id=\"map-MA-"), 75);
  EXPECT_EQ(Count(html, "class=\"prov unreached\""), 75);
}

TEST_F(ReportTest, ArabicPageIsRightToLeft) {
  Write({OujdaDoc("https://example.ma/oujda")});
  std::string html = Report("ar");
  EXPECT_NE(html.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
  EXPECT_NE(html.find("تغطية البرنامج"), std::string::npos);
  // The map keeps its own left-to-right geometry: legends and attribution
  // are placed by x, whatever the page's direction.
  EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"map\""), std::string::npos);
  EXPECT_NE(html.find("direction=\"ltr\" role=\"img\""), std::string::npos);
  EXPECT_NE(Report("fr").find("<html lang=\"fr\" dir=\"ltr\">"), std::string::npos);
  EXPECT_FALSE(RenderReport(store_.get(), Options("de")).ok());
}

// ---- the commands ----

TEST(ReportCommand, WritesThePageAndTheMap) {
  TempDir dir;
  {
    auto s = OpenNew(dir.File("rasd.db"));
    ASSERT_TRUE(s);
    auto batch = Batch({OujdaDoc("https://example.ma/oujda")});
    ASSERT_TRUE(s->Write(&batch).ok());
  }
  CommandRun r = RunRasd("report --db \"" + dir.File("rasd.db") + "\" --out \"" + dir.File("r.html") + "\" --lang ar", dir);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("r.html"), std::string::npos) << r.err;
  EXPECT_NE(ReadBytes(dir.File("r.html")).find("dir=\"rtl\""), std::string::npos);
  r = RunRasd("map --db \"" + dir.File("rasd.db") + "\" --out \"" + dir.File("m.svg") + "\" --by events", dir);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Count(ReadBytes(dir.File("m.svg")), "<path id=\"map-MA-"), 75);
  r = RunRasd("map --db \"" + dir.File("rasd.db") + "\" --out \"" + dir.File("m.svg") + "\" --by population", dir);
  EXPECT_EQ(r.status, 2);
}

TEST(ReportCommand, RefusesAStoreThatIsNotRasdsAndLeavesItUntouched) {
  TempDir dir;
  const std::string foreign = dir.File("other.db");
  {
    RawDb db(foreign, false);
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(foreign.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "PRAGMA application_id = 42; CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');", nullptr,
               nullptr, nullptr);
  sqlite3_close(raw);
  const std::string before = ReadBytes(foreign);
  CommandRun r = RunRasd("report --db \"" + foreign + "\" --out \"" + dir.File("r.html") + "\"", dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("another application"), std::string::npos) << r.err;
  EXPECT_EQ(ReadBytes(foreign), before);
  EXPECT_FALSE(std::filesystem::exists(dir.File("r.html")));

  // A store written by a newer rasd.
  const std::string newer = dir.File("newer.db");
  {
    auto s = OpenNew(newer);
    ASSERT_TRUE(s);
  }
  ASSERT_EQ(sqlite3_open(newer.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  r = RunRasd("map --db \"" + newer + "\" --out \"" + dir.File("m.svg") + "\"", dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("newer rasd"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.File("m.svg")));

  // Not a database at all, and no database.
  WriteBytes(dir.File("notes.txt"), "these are notes, not a database\n");
  r = RunRasd("report --db \"" + dir.File("notes.txt") + "\" --out \"" + dir.File("r.html") + "\"", dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("not a rasd database"), std::string::npos) << r.err;
  r = RunRasd("report --db \"" + dir.File("missing.db") + "\" --out \"" + dir.File("r.html") + "\"", dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no such database"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.File("missing.db")));
}

}  // namespace
}  // namespace rasd::report
