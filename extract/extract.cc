#include "extract/extract.h"

#include <algorithm>

#include "common/utf8.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/records.h"
#include "normalize/normalize.h"

namespace rasd {

class ExtractorImpl {
 public:
  std::unique_ptr<Lexicons> lex;
  LanguageGuesser guesser;
};

namespace {

// "Taza (18 juillet) ...\njeudi, 23 mai, 2024 à 21:47\n...": a line of a few
// words right under the headline that holds a full date dates the article. A
// date above the headline, among the site's menus, is the site's own.
Date DatedHeader(const DocumentView& doc, const std::vector<Found>& mentions) {
  constexpr size_t kHeaderWords = 8;
  const auto& toks = *doc.tokens;
  // Lines as token ranges.
  std::vector<std::pair<size_t, size_t>> lines;
  for (size_t t = 0; t < toks.size(); ++t) {
    if (t == 0 || toks[t].line_before) lines.push_back({t, t});
    lines.back().second = t + 1;
  }
  auto words = [&](const std::pair<size_t, size_t>& l) {
    size_t n = 0;
    for (size_t t = l.first; t < l.second; ++t) n += toks[t].kind == Token::Kind::kWord;
    return n;
  };
  size_t title = 0;
  while (title < lines.size() && words(lines[title]) < 3) ++title;
  for (size_t l = title + 1; l < lines.size() && l <= title + 2; ++l) {
    if (words(lines[l]) > kHeaderWords) break;
    for (const Found& m : mentions) {
      if (m.kind == Found::Kind::kDate && m.date.day != 0 && m.noun.empty() && m.tok_begin >= lines[l].first &&
          m.tok_end <= lines[l].second) {
        return m.date;
      }
    }
  }
  return {};
}

// Capitals are folded away in the key form, yet they tell a name from a word
// ("Salé" the city, "salé" salty): each word token learns whether its first
// letter is a Latin capital in the original.
void MarkCapitalized(std::string_view original, const NormalizedText& norm, std::vector<Token>* tokens) {
  size_t cp = 0, byte = 0;
  for (Token& t : *tokens) {
    if (t.kind != Token::Kind::kWord) continue;
    size_t target = norm.ToOriginal(t.begin, t.end).start;
    if (target < cp) continue;
    for (; cp < target && byte < original.size(); ++cp) {
      ++byte;
      while (byte < original.size() && (static_cast<unsigned char>(original[byte]) & 0xC0) == 0x80) ++byte;
    }
    if (byte >= original.size()) break;
    size_t at = byte;
    char32_t c = utf8::Next(original, &at);
    t.capitalized = (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
  }
}

const char* KindName(Found::Kind k) {
  switch (k) {
    case Found::Kind::kNumber: return "number";
    case Found::Kind::kMoney: return "money";
    case Found::Kind::kCount: return "count";
    case Found::Kind::kDate: return "date";
    case Found::Kind::kPlace: return "place";
    case Found::Kind::kSector: return "sector";
    case Found::Kind::kProgramme: return "programme";
    case Found::Kind::kCue: return "cue";
  }
  return "";
}

}  // namespace

Extractor::Extractor(std::unique_ptr<ExtractorImpl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Load(const std::string& data_dir) {
  auto impl = std::make_unique<ExtractorImpl>();
  auto lex = Lexicons::Load(data_dir);
  if (!lex.ok()) return lex.status();
  impl->lex = std::move(lex.value());
  auto g = LanguageGuesser::Load(data_dir);
  if (!g.ok()) return g.status();
  impl->guesser = std::move(g.value());
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

Extraction Extractor::Extract(const Document& input, const ExtractOptions& options) const {
  Extraction out;
  out.source = input.source;
  out.url = input.url;
  std::string sanitized;
  std::string_view original = input.text;
  if (!utf8::IsValid(original)) {
    out.invalid_utf8 = utf8::Sanitize(original, &sanitized);
    original = sanitized;
  }
  NormalizedText norm = Normalize(original, NormalForm::kKey);
  // A page's declared language is often a site-wide default: the text's own
  // script and words decide when they clearly disagree.
  LanguageGuess guess = impl_->guesser.Guess(norm.text);
  out.lang = guess.lang;
  out.lang_confidence = guess.confidence;
  std::string declared = input.lang.substr(0, 2);
  if (!declared.empty() && declared != guess.lang && guess.confidence < 0.6) {
    out.lang = declared;
    out.lang_confidence = 1 - guess.confidence;
  }
  if (!options.lang.empty()) {
    out.lang = options.lang;
    out.lang_confidence = 1;
  }
  out.title = input.title;
  if (out.title.empty()) {
    size_t nl = original.find('\n');
    out.title = std::string(original.substr(0, nl));
  }
  out.published = input.published;
  const Lexicons& lex = *impl_->lex;
  const LanguageLexicon* lang = lex.Language(out.lang);
  if (!lang) lang = lex.Language("ar");
  if (!lang) return out;

  std::vector<Token> tokens = Tokenize(norm.text, lang->decimal_reh);
  KeyTokens(norm.text, lang->clitics, *lex.vocabulary, &tokens);
  std::vector<ByteRange> sentences = KeyFormSentences(original, norm);
  if (sentences.empty()) sentences.push_back({0, norm.text.size()});
  DocumentView doc{norm.text, &tokens, {}};
  doc.sentence_of.resize(tokens.size());
  size_t s = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    while (s + 1 < sentences.size() && tokens[t].begin >= sentences[s].end) ++s;
    doc.sentence_of[t] = s;
  }

  // Most crawled pages never name the programme's beneficiaries: stop there.
  if ((!options.keep_mentions || !options.mentions_of_unrelated) && !HasCue(doc, *lang, "subject")) return out;
  MarkCapitalized(original, norm, &tokens);
  Date reference = ParseIsoDate(input.published);
  std::vector<Found> numbers = FindNumbers(doc, *lang);
  std::vector<Found> mentions = FindMentions(doc, *lang, lex, numbers, reference);
  if (!reference.valid()) {
    // A dated header under the headline is the article's own date.
    Date header = DatedHeader(doc, mentions);
    if (header.valid()) {
      out.published = header.ToString();
      mentions = FindMentions(doc, *lang, lex, numbers, header);
    }
  }
  if (!reference.valid() && out.published.empty()) {
    // Without a publication date, "this month" refers to the latest month the
    // article itself states.
    Date latest;
    for (const Found& m : mentions) {
      if (m.kind != Found::Kind::kDate || m.date.month == 0) continue;
      if (m.date.year > latest.year || (m.date.year == latest.year && m.date.month > latest.month)) latest = {m.date.year, m.date.month, 0};
    }
    if (latest.valid()) mentions = FindMentions(doc, *lang, lex, numbers, latest);
  }
  const std::vector<uint32_t> original_bytes = CodePointOffsets(original);
  RecordContext ctx{&norm, &doc, &sentences, &lex, original, &original_bytes};
  out.records = BuildRecords(ctx, mentions);
  if (!input.page_starts.empty()) {
    // The page of a figure: the last page that begins at or before it.
    for (Record& r : out.records) {
      for (auto& [field, e] : r.evidence) {
        size_t cp = std::min<size_t>(static_cast<size_t>(std::max<int64_t>(e.span.start, 0)), original_bytes.size() - 1);
        size_t byte = original_bytes[cp];
        e.page = std::upper_bound(input.page_starts.begin(), input.page_starts.end(), byte) - input.page_starts.begin();
        if (e.page == 0) e.page = 1;
      }
    }
  }
  if (options.keep_mentions) {
    for (const Found& f : mentions) {
      if (f.kind == Found::Kind::kCue) continue;
      Evidence e = MakeEvidence(ctx, f);
      Mention m;
      m.kind = KindName(f.kind);
      m.span = e.span;
      m.text = e.text;
      m.number = f.value;
      switch (f.kind) {
        case Found::Kind::kMoney:
          m.currency = f.code;
          m.qualifier = f.qualifier;
          if (f.per_person) m.noun = "per person";
          break;
        case Found::Kind::kCount: m.noun = f.noun; m.qualifier = f.qualifier; break;
        case Found::Kind::kDate:
          m.value = f.date.ToString();
          if (f.noun == "period") m.noun = "period from " + f.code;
          break;
        case Found::Kind::kPlace: m.value = f.code; m.noun = f.noun; break;
        case Found::Kind::kSector: case Found::Kind::kProgramme: m.value = f.code; break;
        default: break;
      }
      out.mentions.push_back(std::move(m));
    }
    std::stable_sort(out.mentions.begin(), out.mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.span.start < b.span.start; });
  }
  return out;
}

}  // namespace rasd
