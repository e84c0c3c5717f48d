// Named programmes.
// Rows: corpus/examples/programmes_ar.tsv and programmes_ar_negative.tsv.
#include "tests/extract/example_table.h"

namespace rasd {
namespace {

using testing_examples::Example;

class ProgrammesExamples : public ::testing::TestWithParam<Example> {};

TEST_P(ProgrammesExamples, Arabic) { testing_examples::CheckExample(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Ar, ProgrammesExamples, ::testing::ValuesIn(testing_examples::LoadExamples("programmes", "ar")),
                         testing_examples::ExampleName);

}  // namespace
}  // namespace rasd
