#include "extract/text.h"

#include <cmath>

#include "common/utf8.h"

namespace rasd {
namespace {

constexpr char32_t kReh = 0x0631;

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c >= 0x0621 && c <= 0x064A) return true;   // Arabic letters
  if (c >= 0x066E && c <= 0x06D3) return true;   // extended Arabic letters
  if (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) return true;  // Latin with diacritics
  if (c >= 0x0750 && c <= 0x077F) return true;   // Arabic supplement
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct DigitRun {
  size_t end = 0;
  double value = 0;
  bool decimal = false;
  int lead_digits = 0;
  bool grouped = false;
  int groups = 1;
  char separator = 0;
};

double ParseDigits(std::string_view s) {
  double v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Reads a number written in digits at text[i], with the separators of the
// Moroccan press: "1.594.000", "2.868.844,83", "267,788.01", "1 200 000",
// "10,67", and (Arabic) the agency's "56ر643" = 643.56.
DigitRun ReadDigits(std::string_view text, size_t i, bool decimal_reh) {
  struct Group { size_t begin, end; char sep; };  // sep: separator before the group
  std::vector<Group> groups;
  size_t j = i;
  while (j < text.size() && IsDigit(text[j])) ++j;
  groups.push_back({i, j, 0});
  for (;;) {
    if (j >= text.size()) break;
    char sep = 0;
    size_t sep_len = 0;
    if (text[j] == '.' || text[j] == ',' || text[j] == ' ') { sep = text[j]; sep_len = 1; }
    else if (decimal_reh && j + 1 < text.size() && static_cast<unsigned char>(text[j]) == 0xD8 &&
             static_cast<unsigned char>(text[j + 1]) == 0xB1) { sep = 'r'; sep_len = 2; }
    if (!sep || j + sep_len >= text.size() || !IsDigit(text[j + sep_len])) break;
    size_t k = j + sep_len;
    while (k < text.size() && IsDigit(text[k])) ++k;
    // "56ر643" stands alone: a reh followed by a letter is a word, not a separator.
    if (sep == 'r' && k < text.size()) {
      size_t m = k;
      char32_t c = utf8::Next(text, &m);
      if (IsWordChar(c)) break;
    }
    groups.push_back({j + sep_len, k, sep});
    j = k;
  }
  auto len = [](const Group& g) { return g.end - g.begin; };
  DigitRun run;
  run.lead_digits = static_cast<int>(len(groups[0]));

  if (groups.size() == 2 && groups[1].sep == 'r') {
    // Agency decimals come first: "56ر643" is 643.56.
    double frac = ParseDigits(text.substr(groups[0].begin, len(groups[0])));
    frac /= std::pow(10.0, static_cast<double>(len(groups[0])));
    run.value = ParseDigits(text.substr(groups[1].begin, len(groups[1]))) + frac;
    run.decimal = true;
    run.end = groups[1].end;
    run.lead_digits = static_cast<int>(len(groups[1]));
    return run;
  }
  // Take the longest prefix of groups that reads as one number.
  size_t n = 1;
  bool decimal_last = false;
  if (groups.size() > 1 && groups[1].sep != 'r') {
    char first_sep = groups[1].sep;
    size_t k = 1;
    // A number does not start with a zero before thousands: "0,750 مليون" is 0.75 million.
    const bool zero_lead = text[groups[0].begin] == '0';
    // Thousands groups: same separator, three digits each, lead of 1-3 digits.
    if (len(groups[0]) <= 3 && !zero_lead) {
      while (k < groups.size() && groups[k].sep == first_sep && len(groups[k]) == 3) ++k;
    }
    // The same separator once more before the last one or two digits is a
    // decimal one when the Arabic comma and the comma meet: "12،220,13" (both
    // fold to ",") is 12220.13.
    const bool same_sep_decimals = k > 1 && first_sep != ' ' && k + 1 == groups.size() &&
                                   groups[k].sep == first_sep && len(groups[k]) <= 2;
    if (k > 1 && (same_sep_decimals || !(k == 2 && first_sep != ' ' && k < groups.size() && groups[k].sep == first_sep))) {
      n = k;
      // A different separator after thousands groups is the decimal point,
      // with as many decimals as written ("1 234 567,8912").
      if (n < groups.size() && (groups[n].sep != first_sep || same_sep_decimals) && groups[n].sep != ' ' &&
          groups[n].sep != 'r') {
        decimal_last = true;
        ++n;
      }
      run.grouped = true;
    } else if (first_sep != ' ' && (len(groups[1]) != 3 || zero_lead)) {
      n = 2;  // "10,67", "1,3", "0,750": a decimal comma or point
      decimal_last = true;
    } else if (first_sep != ' ' && len(groups[0]) > 3) {
      n = 2;  // "1234,567" is not grouping: read as a decimal
      decimal_last = true;
    }
  }
  double v = 0;
  size_t whole = decimal_last ? n - 1 : n;
  for (size_t g = 0; g < whole; ++g) {
    for (size_t c = groups[g].begin; c < groups[g].end; ++c) v = v * 10 + (text[c] - '0');
  }
  if (decimal_last) {
    const Group& d = groups[n - 1];
    v += ParseDigits(text.substr(d.begin, len(d))) / std::pow(10.0, static_cast<double>(len(d)));
    run.decimal = true;
  }
  run.value = v;
  run.end = groups[n - 1].end;
  run.groups = static_cast<int>(n);
  run.separator = n > 1 ? groups[1].sep : 0;
  return run;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, bool decimal_reh) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  bool space = true, line = false;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ') { space = true; ++i; continue; }
    if (c == '\n') { space = true; line = true; ++i; continue; }
    Token t;
    t.begin = i;
    t.space_before = space;
    t.line_before = line;
    if (IsDigit(c)) {
      DigitRun run = ReadDigits(text, i, decimal_reh);
      t.kind = Token::Kind::kDigits;
      t.end = run.end;
      t.value = run.value;
      t.decimal = run.decimal;
      t.digits = run.lead_digits;
      t.grouped = run.grouped;
      t.groups = run.groups;
      t.separator = run.separator;
      i = run.end;
    } else {
      size_t j = i;
      char32_t cp = utf8::Next(text, &j);
      if (IsWordChar(cp)) {
        size_t end = j;
        while (end < text.size()) {
          size_t k = end;
          char32_t next = utf8::Next(text, &k);
          if (!IsWordChar(next)) break;
          end = k;
        }
        t.kind = Token::Kind::kWord;
        t.end = end;
      } else {
        t.kind = Token::Kind::kPunct;
        t.end = j;
      }
      i = t.end;
    }
    tokens.push_back(t);
    space = false;
    line = false;
  }
  return tokens;
}

}  // namespace rasd
