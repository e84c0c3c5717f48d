// The record builder weighs cue roles by name; a role one language lacks, or
// names differently, silently switches a rule off for that language. Every
// language defines the same roles, bar those only its grammar needs.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/data_dir.h"
#include "extract/lexicon.h"

namespace rasd {
namespace {

std::set<std::string> RolesOf(const LanguageLexicon& lang) {
  std::set<std::string> roles;
  for (const auto& [role, table] : lang.cues) roles.insert(role);
  return roles;
}

TEST(CueRoles, ArabicAndFrenchDefineTheSameRoles) {
  auto dir = FindDataDir();
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  auto lex = Lexicons::Load(dir.value());
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  const LanguageLexicon* ar = (*lex)->Language("ar");
  const LanguageLexicon* fr = (*lex)->Language("fr");
  ASSERT_NE(ar, nullptr);
  ASSERT_NE(fr, nullptr);
  // French elides and links words ("province de l'"), writes "1er", and has
  // no "فاتح" to mark the first of a month.
  const std::set<std::string> french_only = {"link", "ordinal"};
  const std::set<std::string> arabic_only = {"first_day"};
  std::set<std::string> a = RolesOf(*ar), f = RolesOf(*fr);
  for (const std::string& role : a) {
    if (!arabic_only.count(role)) {
      EXPECT_TRUE(f.count(role)) << "French lacks the cue role " << role;
    }
  }
  for (const std::string& role : f) {
    if (!french_only.count(role)) {
      EXPECT_TRUE(a.count(role)) << "Arabic lacks the cue role " << role;
    }
  }
  // Each role's phrases are one per form: a tab inside a row means two rows ran together.
  for (const LanguageLexicon* lang : {ar, fr}) {
    for (const auto& [role, table] : lang->cues) EXPECT_EQ(role.find('\t'), std::string::npos) << role;
  }
}

}  // namespace
}  // namespace rasd
