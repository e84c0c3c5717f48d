#include "extract/lexicon.h"

#include <algorithm>
#include <filesystem>

#include "common/month_names.h"
#include "common/tsv.h"
#include "normalize/normalize.h"

namespace rasd {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> Words(std::string_view form) {
  std::string key = NormalizeKey(form);
  std::vector<Token> tokens = Tokenize(key, false);
  std::vector<std::string> words;
  for (const Token& t : tokens) {
    if (t.kind != Token::Kind::kPunct) words.emplace_back(TokenText(key, t));
  }
  return words;
}

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

void WordForms(std::string_view word, const Clitics& clitics, std::vector<WordForm>* out, std::vector<std::string>* buffer) {
  out->clear();
  buffer->clear();
  buffer->reserve(clitics.prefixes.size());  // views into it must stay valid
  out->push_back({word, false});
  for (const CliticRule& r : clitics.prefixes) {
    if (word.size() > r.prefix.size() + 2 && word.compare(0, r.prefix.size(), r.prefix) == 0) {
      bool definite = false;
      for (const std::string& a : clitics.articles) definite = definite || EndsWith(r.prefix, a) || r.replacement == a;
      if (r.replacement.empty()) {
        out->push_back({word.substr(r.prefix.size()), definite});
      } else {
        buffer->push_back(r.replacement + std::string(word.substr(r.prefix.size())));
        out->push_back({buffer->back(), definite});
      }
    }
  }
}

uint32_t Vocabulary::Intern(std::string_view word) {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(ids_.size()) + 1;
  ids_.emplace(std::string(word), id);
  return id;
}

uint32_t Vocabulary::Find(std::string_view word) const {
  auto it = ids_.find(word);
  return it == ids_.end() ? 0 : it->second;
}

void KeyTokens(std::string_view text, const Clitics& clitics, const Vocabulary& vocabulary, std::vector<Token>* tokens) {
  std::vector<WordForm> forms;
  std::vector<std::string> buffer;
  for (Token& t : *tokens) {
    if (t.kind != Token::Kind::kWord) continue;
    WordForms(TokenText(text, t), clitics, &forms, &buffer);
    for (const WordForm& f : forms) {
      uint32_t id = vocabulary.Find(f.form);
      if (id == 0 || t.key_count == Token::kMaxKeys) continue;
      if (f.definite) t.definite_keys |= static_cast<uint8_t>(1u << t.key_count);
      if (f.form.data() != TokenText(text, t).data() || f.form.size() != t.end - t.begin) {
        t.stripped_keys |= static_cast<uint8_t>(1u << t.key_count);
      }
      t.keys[t.key_count++] = id;
    }
  }
}

void PhraseTable::Add(std::string_view form, int entry, Vocabulary* vocabulary) {
  std::vector<std::string> words = Words(form);
  if (words.empty()) return;
  Phrase p{std::vector<std::string>(words.begin() + 1, words.end()), entry};
  auto& list = first_[vocabulary->Intern(words[0])];
  // Keep the longest phrases first so the first match found is the longest.
  auto pos = std::find_if(list.begin(), list.end(), [&](const Phrase& q) { return q.rest.size() < p.rest.size(); });
  list.insert(pos, std::move(p));
}

// Punctuation inside a name or phrase that may be written or not: hyphens
// and dashes (بني ملال-خنيفرة, Beni-Mellal), apostrophes (aujourd'hui) and
// the dots of abbreviations (د.م.).
bool IsDash(std::string_view w) {
  return w == "-" || w == "." || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "_" || w == "'";
}

bool PhraseTable::MatchRest(std::string_view text, const std::vector<Token>& tokens, size_t i, const Phrase& p,
                            const Clitics& clitics, size_t* end) const {
  size_t t = i + 1;
  for (size_t k = 0; k < p.rest.size(); ++k, ++t) {
    // A hyphen between the words of a name is written or not ("بني ملال-خنيفرة").
    while (t < tokens.size() && tokens[t].kind == Token::Kind::kPunct && IsDash(TokenText(text, tokens[t]))) ++t;
    if (t >= tokens.size() || tokens[t].kind == Token::Kind::kPunct) return false;
    std::string_view w = TokenText(text, tokens[t]);
    const std::string& want = p.rest[k];
    if (w == want) continue;
    // Later words may carry the article or drop it ("السجناء السابقين").
    bool ok = false;
    for (const std::string& a : clitics.articles) {
      if ((w.size() > a.size() && w.substr(0, a.size()) == a && w.substr(a.size()) == want) ||
          (want.size() > a.size() && std::string_view(want).substr(0, a.size()) == a &&
           std::string_view(want).substr(a.size()) == w)) {
        ok = true;
        break;
      }
    }
    if (!ok) return false;
  }
  *end = t;
  return true;
}

PhraseTable::Match PhraseTable::Find(std::string_view text, const std::vector<Token>& tokens, size_t i,
                                     const Clitics& clitics) const {
  // The longest phrase; among equals the first added.
  Match best;
  FindAll(text, tokens, i, clitics, [&](const Match& m) {
    if (m.tokens > best.tokens) best = m;
  });
  return best;
}

Result<Clitics> LoadClitics(const std::string& path) {
  Clitics clitics;
  Status s = ReadTsv(path, true, [&](const TsvRow& row) {
    if (row.at(2) == "article") clitics.articles.push_back(NormalizeKey(row.at(0)));
    clitics.prefixes.push_back({NormalizeKey(row.at(0)), NormalizeKey(row.at(1))});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::stable_sort(clitics.prefixes.begin(), clitics.prefixes.end(),
                   [](const CliticRule& a, const CliticRule& b) { return a.prefix.size() > b.prefix.size(); });
  return clitics;
}

namespace {

// Reads a "value<TAB>forms" table: calls add(value_fields, form) per form.
Status LoadForms(const fs::path& path, size_t forms_column,
                 const std::function<Status(const TsvRow&, int* entry)>& make_entry, PhraseTable* table,
                 Vocabulary* vocabulary) {
  if (!fs::exists(path)) return Status::Ok();
  return ReadTsv(path.string(), true, [&](const TsvRow& row) {
    int entry = -1;
    Status s = make_entry(row, &entry);
    if (!s.ok()) return s;
    for (const std::string& form : SplitVariants(row.at(forms_column))) table->Add(form, entry, vocabulary);
    return Status::Ok();
  });
}

Result<double> ParseNumber(const std::string& s) {
  try {
    size_t used = 0;
    double v = std::stod(s, &used);
    if (used != s.size()) return Status::InvalidArgument("not a number: '" + s + "'");
    return v;
  } catch (...) {
    return Status::InvalidArgument("not a number: '" + s + "'");
  }
}

Status LoadLanguage(const fs::path& dir, LanguageLexicon* lex) {
  Status s;
  if (fs::exists(dir / "options.tsv")) {
    s = ReadTsv((dir / "options.tsv").string(), true, [&](const TsvRow& row) {
      bool on = row.at(1) == "true";
      if (row.at(0) == "decimal_reh") lex->decimal_reh = on;
      else if (row.at(0) == "join_after_scale") lex->join_after_scale = on;
      else return Status::InvalidArgument("unknown option '" + row.at(0) + "'");
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  if (fs::exists(dir / "clitics.tsv")) {
    auto clitics = LoadClitics((dir / "clitics.tsv").string());
    if (!clitics.ok()) return clitics.status();
    lex->clitics = std::move(*clitics);
  }
  auto int_column = [](std::vector<int>* values, int lo, int hi) {
    return [values, lo, hi](const TsvRow& row, int* entry) {
      auto v = ParseNumber(row.at(0));
      if (!v.ok() || *v < lo || *v > hi) return Status::InvalidArgument("expected a number from " + std::to_string(lo) + " to " + std::to_string(hi));
      values->push_back(static_cast<int>(*v));
      *entry = static_cast<int>(values->size()) - 1;
      return Status::Ok();
    };
  };
  auto string_column = [](std::vector<std::string>* values) {
    return [values](const TsvRow& row, int* entry) {
      if (row.at(0).empty()) return Status::InvalidArgument("empty first column");
      values->push_back(row.at(0));
      *entry = static_cast<int>(values->size()) - 1;
      return Status::Ok();
    };
  };
  auto months = ReadMonthNames((dir / "months.tsv").string());
  if (!months.ok()) return months.status();
  for (const MonthNames& m : *months) {
    lex->month_values.push_back(m.month);
    for (const std::string& form : m.forms) lex->months.Add(form, static_cast<int>(lex->month_values.size()) - 1, lex->vocabulary);
  }
  if (!(s = LoadForms(dir / "weekdays.tsv", 1, int_column(&lex->weekday_values, 1, 7), &lex->weekdays, lex->vocabulary)).ok()) return s;
  if (!(s = LoadForms(dir / "relative_dates.tsv", 2, [&](const TsvRow& row, int* entry) {
          auto v = ParseNumber(row.at(1));
          if (!v.ok()) return v.status();
          lex->relative_values.push_back({row.at(0), static_cast<int>(*v)});
          *entry = static_cast<int>(lex->relative_values.size()) - 1;
          return Status::Ok();
        }, &lex->relative, lex->vocabulary)).ok()) return s;
  if (!(s = LoadForms(dir / "numbers.tsv", 0, [&](const TsvRow& row, int* entry) {
          auto v = ParseNumber(row.at(1));
          if (!v.ok()) return v.status();
          const std::string& kind = row.at(2);
          if (kind == "connector") { *entry = -2; return Status::Ok(); }
          NumberWord w;
          w.value = *v;
          if (kind == "unit") w.kind = NumberWord::Kind::kUnit;
          else if (kind == "hundred") w.kind = NumberWord::Kind::kHundred;
          else if (kind == "scale") w.kind = NumberWord::Kind::kScale;
          else if (kind == "fraction") w.kind = NumberWord::Kind::kFraction;
          else if (kind == "approx") w.kind = NumberWord::Kind::kApprox;
          else if (kind == "dual_scale") w.kind = NumberWord::Kind::kDualScale;
          else if (kind == "plural_scale") w.kind = NumberWord::Kind::kPluralScale;
          else return Status::InvalidArgument("unknown number kind '" + kind + "'");
          lex->number_values.push_back(w);
          *entry = static_cast<int>(lex->number_values.size()) - 1;
          return Status::Ok();
        }, &lex->numbers, lex->vocabulary)).ok()) return s;
  // Connectors live in numbers.tsv with kind "connector"; keep them apart.
  if (fs::exists(dir / "numbers.tsv")) {
    s = ReadTsv((dir / "numbers.tsv").string(), true, [&](const TsvRow& row) {
      if (row.at(2) == "connector") {
        for (const std::string& f : SplitVariants(row.at(0))) {
          lex->connectors.Add(f, 0, lex->vocabulary);
          lex->connector_words.push_back(NormalizeKey(f));
        }
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  if (!(s = LoadForms(dir / "currencies.tsv", 2, [&](const TsvRow& row, int* entry) {
          auto v = ParseNumber(row.at(1));
          if (!v.ok()) return v.status();
          lex->currency_values.push_back({row.at(0), *v});
          *entry = static_cast<int>(lex->currency_values.size()) - 1;
          return Status::Ok();
        }, &lex->currencies, lex->vocabulary)).ok()) return s;
  if (!(s = LoadForms(dir / "qualifiers.tsv", 1, string_column(&lex->qualifier_values), &lex->qualifiers, lex->vocabulary)).ok()) return s;
  if (!(s = LoadForms(dir / "count_nouns.tsv", 2, [&](const TsvRow& row, int* entry) {
          const std::string& noun = row.at(0);
          if (noun != "beneficiaries" && noun != "women" && noun != "projects") return Status::InvalidArgument("unknown noun class '" + noun + "'");
          CountNoun n{noun, row.at(1).find("female") != std::string::npos, row.at(1).find("dual") != std::string::npos};
          lex->count_values.push_back(n);
          *entry = static_cast<int>(lex->count_values.size()) - 1;
          return Status::Ok();
        }, &lex->count_nouns, lex->vocabulary)).ok()) return s;
  if (!(s = LoadForms(dir / "sectors.tsv", 1, string_column(&lex->sector_values), &lex->sectors, lex->vocabulary)).ok()) return s;
  if (!(s = LoadForms(dir / "programmes.tsv", 1, string_column(&lex->programme_values), &lex->programmes, lex->vocabulary)).ok()) return s;
  if (fs::exists(dir / "cues.tsv")) {
    s = ReadTsv((dir / "cues.tsv").string(), true, [&](const TsvRow& row) {
      if (row.at(0).empty()) return Status::InvalidArgument("empty cue role");
      // Two rows run together leave a third column: the second role would be lost.
      if (row.fields.size() > 2) return Status::InvalidArgument("cue role " + row.at(0) + ": more than two columns");
      PhraseTable& table = lex->cues[row.at(0)];
      auto role = std::find(lex->cue_role_names.begin(), lex->cue_role_names.end(), row.at(0));
      int role_index = static_cast<int>(role - lex->cue_role_names.begin());
      if (role == lex->cue_role_names.end()) lex->cue_role_names.push_back(row.at(0));
      for (const std::string& form : SplitVariants(row.at(1))) {
        table.Add(form, 0, lex->vocabulary);
        lex->all_cues.Add(form, role_index, lex->vocabulary);
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// Each place once for its names that are only names and once more for those
// that are ordinary words too, so a match says which it was.
void AddPlaces(const Gazetteer& gazetteer, Lexicons* lex) {
  for (const Place& place : gazetteer.places) {
    if (place.kind != "region" && place.kind != "town") lex->region_of[place.code] = place.region;
    int entry[2] = {-1, -1};  // by needs_cue
    for (const std::string& name : place.Names()) {
      bool needs_cue = gazetteer.NeedsCue(name);
      if (entry[needs_cue] < 0) {
        lex->place_values.push_back(place);
        lex->place_values.back().needs_cue = needs_cue;
        entry[needs_cue] = static_cast<int>(lex->place_values.size()) - 1;
      }
      lex->places.Add(name, entry[needs_cue], lex->vocabulary.get());
    }
  }
  lex->region_seat = gazetteer.region_seat;
}

}  // namespace

Result<std::unique_ptr<Lexicons>> Lexicons::Load(const std::string& data_dir) {
  auto lex = std::make_unique<Lexicons>();
  fs::path root(data_dir);
  auto gazetteer = LoadGazetteer(data_dir);
  if (!gazetteer.ok()) return gazetteer.status();
  AddPlaces(*gazetteer, lex.get());
  Status s;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    if (!entry.is_directory() || !fs::exists(entry.path() / "numbers.tsv")) continue;
    auto lang = std::make_unique<LanguageLexicon>();
    lang->code = entry.path().filename().string();
    lang->vocabulary = lex->vocabulary.get();
    s = LoadLanguage(entry.path(), lang.get());
    if (!s.ok()) return s;
    lex->languages[lang->code] = std::move(lang);
  }
  if (lex->languages.empty()) return Status::NotFound("no language lexicons under " + data_dir);
  if (fs::exists(root / "currency_symbols.tsv")) {
    s = ReadTsv((root / "currency_symbols.tsv").string(), true, [&](const TsvRow& row) {
      if (row.at(0).empty() || row.at(1).size() != 3) return Status::InvalidArgument("expected a symbol and an ISO code");
      lex->currency_symbols[row.at(0)] = row.at(1);
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  return lex;
}

const LanguageLexicon* Lexicons::Language(const std::string& code) const {
  auto it = languages.find(code);
  return it == languages.end() ? nullptr : it->second.get();
}

}  // namespace rasd
