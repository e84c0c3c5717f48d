// Numbers in digits with the press's separators, in words with their case and
// gender forms, and both together.
// Rows: corpus/examples/numbers_ar.tsv and numbers_ar_negative.tsv.
#include "tests/extract/example_table.h"

namespace rasd {
namespace {

using testing_examples::Example;

class NumbersExamples : public ::testing::TestWithParam<Example> {};

TEST_P(NumbersExamples, Arabic) { testing_examples::CheckExample(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Ar, NumbersExamples, ::testing::ValuesIn(testing_examples::LoadExamples("numbers", "ar")),
                         testing_examples::ExampleName);

}  // namespace
}  // namespace rasd
