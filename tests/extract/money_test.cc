// Amounts: a number and its currency, with the qualifier said before it.
// Rows: corpus/examples/money_ar.tsv and money_ar_negative.tsv.
#include "tests/extract/example_table.h"

namespace rasd {
namespace {

using testing_examples::Example;

class MoneyExamples : public ::testing::TestWithParam<Example> {};

TEST_P(MoneyExamples, Arabic) { testing_examples::CheckExample(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Ar, MoneyExamples, ::testing::ValuesIn(testing_examples::LoadExamples("money", "ar")),
                         testing_examples::ExampleName);

}  // namespace
}  // namespace rasd
