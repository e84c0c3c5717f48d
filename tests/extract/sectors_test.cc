// Sector cues, and phrases that contain a cue word but name no activity.
// Rows: corpus/examples/sectors_ar.tsv and sectors_ar_negative.tsv.
#include "tests/extract/example_table.h"

namespace rasd {
namespace {

using testing_examples::Example;

class SectorsExamples : public ::testing::TestWithParam<Example> {};

TEST_P(SectorsExamples, Arabic) { testing_examples::CheckExample(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Ar, SectorsExamples, ::testing::ValuesIn(testing_examples::LoadExamples("sectors", "ar")),
                         testing_examples::ExampleName);

}  // namespace
}  // namespace rasd
