// A test with the project's extractor loaded from data/, as rasd loads it.
#ifndef RASD_TESTS_PIPELINE_EXTRACTOR_FIXTURE_H_
#define RASD_TESTS_PIPELINE_EXTRACTOR_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>

#include "common/data_dir.h"
#include "extract/extract.h"

namespace rasd::testing {

class WithExtractor : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = FindDataDir();
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    auto ex = Extractor::Load(*dir);
    ASSERT_TRUE(ex.ok()) << ex.status().message();
    extractor_ = std::move(*ex);
  }

  std::unique_ptr<Extractor> extractor_;
};

}  // namespace rasd::testing

#endif  // RASD_TESTS_PIPELINE_EXTRACTOR_FIXTURE_H_
