#include "extract/document_structure.h"

#include "common/utf8.h"

namespace rasd {
namespace {

using K = Found::Kind;

// A line of site chrome above the headline: a breadcrumb ("الرئيسية » تقارير"),
// a word or two ("Menu", "أخبار مقتطفة"), or the site's date standing alone.
bool IsChromeLine(const RecordContext& ctx, const std::vector<Found>& mentions, size_t begin, size_t end) {
  const auto& toks = *ctx.doc->tokens;
  std::string_view line = ctx.doc->text.substr(begin, end - begin);
  // A breadcrumb's » stands without its opening «.
  bool breadcrumb = line.find("\xC2\xBB") != std::string_view::npos && line.find("\xC2\xAB") == std::string_view::npos;
  if (breadcrumb || line.find('|') != std::string_view::npos) return true;
  std::vector<size_t> words;
  for (size_t t = 0; t < toks.size() && toks[t].begin < end; ++t) {
    if (toks[t].begin >= begin && toks[t].kind == Token::Kind::kWord) words.push_back(t);
  }
  if (words.size() <= 2) return true;
  for (const Found& d : mentions) {
    if (d.kind != K::kDate) continue;
    bool covers = true;
    for (size_t t : words) covers = covers && t >= d.tok_begin && t < d.tok_end;
    if (covers) return true;
  }
  return false;
}

// Title: the sentences of the first line after any site chrome, which is not
// the article's text.
void MarkTitle(const RecordContext& ctx, const std::vector<Found>& mentions, std::vector<SentenceInfo>* info) {
  const size_t nsent = ctx.sentences->size();
  std::string_view text = ctx.doc->text;
  size_t line_begin = 0, line_end = text.find('\n');
  auto sentences_in = [&](size_t b, size_t e, auto mark) {
    for (size_t sn = 0; sn < nsent; ++sn) {
      size_t at = (*ctx.sentences)[sn].begin;
      if (at >= b && at < e) mark((*info)[sn]);
    }
  };
  while (line_end != std::string_view::npos) {
    size_t e = line_end;
    while (e > line_begin && text[e - 1] == ' ') --e;
    if (e > line_begin && !IsChromeLine(ctx, mentions, line_begin, e)) break;
    sentences_in(line_begin, line_end, [](SentenceInfo& s) { s.active = false; s.chrome = true; });
    line_begin = line_end + 1;
    line_end = text.find('\n', line_begin);
  }
  if (line_end == std::string_view::npos) line_end = text.size();
  // A crawled text may start with its lead.
  std::string_view first_line = text.substr(line_begin, line_end - line_begin);
  while (!first_line.empty() && first_line.back() == ' ') first_line.remove_suffix(1);
  // A headline is never that long, nor does it end with a full stop.
  size_t length = utf8::CountCodePoints(first_line);
  bool lead = length > 150 || (length > 60 && first_line.back() == '.');
  if (lead) return;
  bool any = false;
  sentences_in(line_begin, line_end, [&](SentenceInfo& s) { s.title = true; any = true; });
  if (!any) {
    for (size_t sn = 0; sn < nsent; ++sn) {
      if (!(*info)[sn].chrome) { (*info)[sn].title = true; break; }
    }
  }
}

// Everything after a "read also" or comments heading is not the article.
void CutAtTeasers(const RecordContext& ctx, const std::vector<Found>& mentions, const std::vector<size_t>& sentence_tokens,
                  std::vector<SentenceInfo>* info) {
  const size_t nsent = info->size();
  // A teaser line inside the article ("→ Lire aussi : Meknès : ...") is not its text.
  for (const Found& m : mentions) {
    if (m.kind != K::kCue || m.code != "teaser") continue;
    size_t first = m.tok_begin;
    while (first > 0 && ctx.doc->sentence_of[first - 1] == m.sentence) --first;
    size_t words_before = 0;
    for (size_t t = first; t < m.tok_begin; ++t) words_before += (*ctx.doc->tokens)[t].kind != Token::Kind::kPunct;
    if (words_before == 0) (*info)[m.sentence].active = false;
  }
  for (const Found& m : mentions) {
    if (m.kind == K::kCue && m.code == "teaser" && m.sentence > 0 && sentence_tokens[m.sentence] <= 6) {
      for (size_t s = m.sentence; s < nsent; ++s) (*info)[s].active = false;
      break;
    }
  }
}

// Subject, action or foundation cues in the article's own text, and a place or
// a national total (which names no place) to attach records to.
bool NamesProgramme(const ArticleReading& art) {
  const auto& mentions = art.mentions;
  const auto& info = art.info;
  int subject = 0, action = 0, foundation = 0;
  bool any_place = false;
  for (const Found& m : mentions) {
    if (!info[m.sentence].active) continue;
    if (m.kind == K::kCue) {
      subject += m.code == "subject";
      action += m.code == "action";
      foundation += m.code == "foundation";
    }
    if (m.kind == K::kPlace) any_place = true;
  }
  bool national_total = false;
  for (const Found& m : mentions) {
    if ((m.kind == K::kCount || m.kind == K::kMoney) && info[m.sentence].active && !info[m.sentence].title &&
        Has(info[m.sentence], "aggregate")) national_total = true;
  }
  return !(subject == 0 || (action == 0 && foundation == 0) || (!any_place && !national_total));
}

// A headline about a pardon, a trial, a budget bill or inmates' training is
// about something else, whatever programme words its body repeats.
bool OffTopicHeadline(const ArticleReading& art) {
  bool any_title = false;
  for (size_t sn = 0; sn < art.info.size(); ++sn) {
    if (!art.info[sn].title) continue;
    any_title = true;
    if (Has(art.info[sn], "off_topic")) return true;
  }
  // With no headline, the lead's first line says what the article is about.
  if (!any_title) {
    const auto& sentences = *art.ctx.sentences;
    std::string_view text = art.ctx.doc->text;
    size_t line_end = std::string_view::npos;
    for (size_t sn = 0; sn < art.info.size(); ++sn) {
      if (art.info[sn].chrome) continue;
      if (line_end == std::string_view::npos) line_end = std::min(text.find('\n', sentences[sn].begin), text.size());
      if (sentences[sn].begin >= line_end) break;
      if (Has(art.info[sn], "off_topic")) return true;
    }
  }
  return false;
}

// Amounts in foreign currency and none in dirhams: aid abroad, not the programme.
bool ForeignMoneyOnly(const ArticleReading& art) {
  bool foreign_money = false, local_money = false;
  for (const Found& m : art.mentions) {
    if (!art.info[m.sentence].active) continue;
    if (m.kind == K::kMoney) (m.code == "MAD" ? local_money : foreign_money) = true;
  }
  return foreign_money && !local_money;
}

}  // namespace

bool Has(const SentenceInfo& s, const char* role) { return s.cues.count(role) > 0; }

ArticleReading ReadArticle(const RecordContext& ctx, const std::vector<Found>& mentions) {
  const auto& toks = *ctx.doc->tokens;
  const size_t nsent = ctx.sentences->size();
  ArticleReading art{ctx, mentions, std::vector<SentenceInfo>(nsent)};
  std::vector<SentenceInfo>& info = art.info;
  MarkTitle(ctx, mentions, &info);
  std::vector<size_t> sentence_tokens(nsent, 0);
  for (size_t t = 0; t < toks.size(); ++t) sentence_tokens[ctx.doc->sentence_of[t]]++;
  for (const Found& m : mentions) {
    if (m.kind == K::kCue) info[m.sentence].cues.insert(m.code);
  }
  CutAtTeasers(ctx, mentions, sentence_tokens, &info);
  for (const Found& m : mentions) {
    if (m.kind == K::kCount || m.kind == K::kMoney) info[m.sentence].has_figure = true;
  }
  for (size_t s = 1; s < nsent; ++s) {
    info[s].byline = sentence_tokens[s] <= 8 && !info[s].has_figure;
  }
  return art;
}

bool AboutProgramme(const ArticleReading& art) {
  return NamesProgramme(art) && !OffTopicHeadline(art) && !ForeignMoneyOnly(art);
}

bool CommaBetween(const ArticleReading& art, size_t a, size_t b) {
  const auto& toks = *art.ctx.doc->tokens;
  for (size_t t = a; t < b && t < toks.size(); ++t) {
    if (toks[t].kind == Token::Kind::kPunct && art.ctx.doc->text.substr(toks[t].begin, toks[t].end - toks[t].begin) == ",") return true;
  }
  return false;
}

}  // namespace rasd
