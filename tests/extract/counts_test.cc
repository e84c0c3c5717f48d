// Counts of beneficiaries, women and projects.
// Rows: corpus/examples/counts_ar.tsv and counts_ar_negative.tsv.
#include "tests/extract/example_table.h"

namespace rasd {
namespace {

using testing_examples::Example;

class CountsExamples : public ::testing::TestWithParam<Example> {};

TEST_P(CountsExamples, Arabic) { testing_examples::CheckExample(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Ar, CountsExamples, ::testing::ValuesIn(testing_examples::LoadExamples("counts", "ar")),
                         testing_examples::ExampleName);

}  // namespace
}  // namespace rasd
