// Pipeline's use of the prefilter (ingest/prefilter.h), kept apart from the
// readers.
#include "ingest/pipeline.h"

namespace rasd::ingest {

bool Pipeline::Prefiltered(std::string_view bytes, const std::string& source, std::string_view declared_charset,
                           bool html) {
  if (!scanner_ || !Prefilter::CoversCharset(declared_charset)) return false;
  if (html && !Prefilter::CoversCharset(FindMetaCharset(bytes))) return false;
  if (scanner_->MayBeAboutProgramme(bytes, html ? Prefilter::Scanner::Form::kHtml : Prefilter::Scanner::Form::kText)) {
    return false;
  }
  sink_->OnPrefiltered(source);
  return true;
}

bool Pipeline::PrefilteredRecord(std::string_view text, std::string_view title, const std::string& source) {
  if (!scanner_) return false;
  if (scanner_->MayBeAboutProgramme(text) || scanner_->MayBeAboutProgramme(title)) return false;
  sink_->OnPrefiltered(source);
  return true;
}

}  // namespace rasd::ingest
