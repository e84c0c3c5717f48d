// The recognisers on French text (data/fr), kept in a suite of their own so
// the Arabic suites pass or fail by themselves: run only Arabic with
// --gtest_filter=-Fr/*. Rows: corpus/examples/<recogniser>_fr.tsv and
// <recogniser>_fr_negative.tsv.
#include <filesystem>

#include "tests/extract/example_table.h"

namespace rasd {
namespace {

using testing_examples::Example;

std::vector<Example> AllFrenchExamples() {
  std::vector<Example> all;
  for (const char* recogniser : {"numbers", "money", "dates", "places", "counts", "sectors"}) {
    std::vector<Example> rows = testing_examples::LoadExamples(recogniser, "fr");
    all.insert(all.end(), rows.begin(), rows.end());
  }
  return all;
}

class FrenchExamples : public ::testing::TestWithParam<Example> {};

TEST_P(FrenchExamples, French) {
  auto dir = FindDataDir();
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  ASSERT_TRUE(std::filesystem::is_directory(dir.value() + "/fr"))
      << "the French lexicon " << dir.value() << "/fr is absent: French text cannot be read yet";
  testing_examples::CheckExample(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Fr, FrenchExamples, ::testing::ValuesIn(AllFrenchExamples()),
                         testing_examples::ExampleName);

}  // namespace
}  // namespace rasd
