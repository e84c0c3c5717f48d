// The prefilter: one RE2 pass over a page's raw bytes, before any parsing,
// for the programme's subject cues (the "subject" rows of
// data/<lang>/cues.tsv, the same lexicon the extractor refuses a document
// without). Most crawled pages never name the programme's beneficiaries;
// they are counted and skipped here instead of being decoded, parsed and
// normalised first.
//
// It must never drop a page full extraction would give a record for. The
// extractor finds a cue phrase where its words stand side by side in the
// main text, the first word perhaps behind a clitic, later ones with or
// without the article; the prefilter looks for the same words side by side
// on the raw page, with anything that may separate them in the main text
// between them (spaces, punctuation, markup, references). The page is read
// as one byte per key-form letter: every code point is folded with
// normalize's own NormalizeKey (alef forms, ta marbuta, alef maqsura,
// presentation forms and ligatures, French accents and case; diacritics,
// tatweel and zero-width marks left out), in every encoding the reader
// decodes (UTF-8, windows-1256, ISO-8859-6, windows-1252, ISO-8859-1/15,
// HTML references, JSON escapes); UTF-16 pages are never skipped. The
// spellings are not listed by hand.
#ifndef RASD_INGEST_PREFILTER_H_
#define RASD_INGEST_PREFILTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace rasd::ingest {

class PrefilterImpl;

class Prefilter {
 public:
  // Reads the subject cues and clitics of every <data_dir>/<lang>/.
  static Result<std::unique_ptr<Prefilter>> Load(const std::string& data_dir);
  // From cue phrases and the prefixes to take off a word's start (articles,
  // clitic replacements), for tests.
  static Result<std::unique_ptr<Prefilter>> FromPhrases(const std::vector<std::string>& phrases,
                                                       const std::vector<std::string>& prefixes);
  ~Prefilter();
  Prefilter(const Prefilter&) = delete;
  Prefilter& operator=(const Prefilter&) = delete;

  // The words searched, in key form: every word of every cue phrase (a page
  // passes when it holds all the words of one phrase).
  const std::vector<std::string>& words() const;

  // Per-thread scanning state.
  class Scanner {
   public:
    ~Scanner();
    Scanner(const Scanner&) = delete;
    Scanner& operator=(const Scanner&) = delete;
    // What the bytes are: text (a JSON Lines line, a document's text), or
    // an HTML page, whose tags, scripts and style sheets never become the
    // text the extractor reads (meta elements and JSON-LD apart).
    enum class Form { kText, kHtml };
    // False only when no spelling of any cue phrase is in `bytes`.
    bool MayBeAboutProgramme(std::string_view bytes, Form form = Form::kText);

   private:
    friend class Prefilter;
    explicit Scanner(const PrefilterImpl* impl);
    bool Scan(std::string_view bytes);
    const PrefilterImpl* impl_;
    std::string folded_;  // the page without what folds to nothing
  };
  std::unique_ptr<Scanner> NewScanner() const;

  // Whether a page in `charset` (as declared by HTTP or a <meta>, lower
  // case) is one the patterns cover; a page in another is never skipped.
  static bool CoversCharset(std::string_view charset);

 private:
  explicit Prefilter(std::unique_ptr<PrefilterImpl> impl);
  std::unique_ptr<PrefilterImpl> impl_;
};

}  // namespace rasd::ingest

#endif  // RASD_INGEST_PREFILTER_H_
