// Provinces, prefectures, regions and towns, through clitics, spelling variants
// and the administrative nouns that ordinary-word names need.
// Rows: corpus/examples/places_ar.tsv and places_ar_negative.tsv.
#include "tests/extract/example_table.h"

namespace rasd {
namespace {

using testing_examples::Example;

class PlacesExamples : public ::testing::TestWithParam<Example> {};

TEST_P(PlacesExamples, Arabic) { testing_examples::CheckExample(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Ar, PlacesExamples, ::testing::ValuesIn(testing_examples::LoadExamples("places", "ar")),
                         testing_examples::ExampleName);

}  // namespace
}  // namespace rasd
