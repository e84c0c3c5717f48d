// rasd normalize FILE...: the normalised text, for people debugging a pattern.
#include <iostream>

#include "cli/commands.h"
#include "cli/io.h"
#include "common/data_dir.h"
#include "normalize/normalize.h"

namespace rasd::cli {
namespace {

struct NormalizeArgs {
  std::vector<std::string> files;
  bool sentences = false;
  bool key = false;
  bool language = false;
};

int RunNormalize(const NormalizeArgs& args, const Context& ctx) {
  int status = kExitOk;
  std::optional<LanguageGuesser> guesser;
  if (args.language) {
    auto dir = FindDataDir(ctx.data_dir);
    if (!dir.ok()) { ReportError("data", dir.status().message()); return kExitInputFailed; }
    auto g = LanguageGuesser::Load(*dir);
    if (!g.ok()) { ReportError("data", g.status().message()); return kExitInputFailed; }
    guesser = std::move(*g);
  }
  for (const auto& file : args.files) {
    auto data = ReadInput(file);
    if (!data.ok()) { ReportError(file, data.status().message()); status = kExitInputFailed; continue; }
    NormalizedText n = Normalize(*data, args.key ? NormalForm::kKey : NormalForm::kText);
    if (n.invalid_utf8 > 0) {
      ReportError(file, "invalid UTF-8: " + std::to_string(n.invalid_utf8) + " ill-formed sequence(s) replaced by U+FFFD");
    }
    if (args.files.size() > 1) std::cout << "==> " << file << " <==\n";
    if (guesser) {
      LanguageGuess g = guesser->Guess(n.text);
      std::cout << "# language: " << g.lang << " (confidence " << g.confidence << ")\n";
    }
    if (args.sentences) {
      for (const ByteRange& s : SplitSentences(n.text)) {
        Span o = n.ToOriginal(s.begin, s.end);
        std::cout << "[" << o.start << "," << o.end << ") " << n.text.substr(s.begin, s.end - s.begin) << "\n";
      }
    } else {
      std::cout << n.text << "\n";
    }
  }
  return status;
}

}  // namespace

void AddNormalizeCommand(CLI::App* app, Context* ctx) {
  auto args = std::make_shared<NormalizeArgs>();
  CLI::App* cmd = app->add_subcommand("normalize", "Print the normalised text of each FILE ('-' for stdin), as the extractor sees it");
  cmd->add_option("files", args->files, "text files to normalise")->required();
  cmd->add_flag("--sentences", args->sentences, "one sentence a line, with its span [start,end) in code points of the original");
  cmd->add_flag("--key", args->key, "the matching key form (ta marbuta, g letters, Latin case and accents folded)");
  cmd->add_flag("--language", args->language, "print the language guess first");
  cmd->callback([args, ctx] { ctx->exit_code = RunNormalize(*args, *ctx); });
}

}  // namespace rasd::cli
