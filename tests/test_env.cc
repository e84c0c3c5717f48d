// Every test program starts with the paths the build knows: the project's
// data, the shared real data, the source tree and the rasd binary. A value
// already in the environment wins, so a run can point elsewhere.
#include <cstdlib>

namespace {

struct TestEnvironment {
  TestEnvironment() {
    setenv("RASD_DATA", RASD_TEST_DATA, 0);
    setenv("RASD_SHARED", RASD_TEST_SHARED, 0);
    setenv("RASD_SOURCE", RASD_TEST_SOURCE, 0);
    setenv("RASD_BIN", RASD_TEST_BIN, 0);
  }
};

const TestEnvironment kEnvironment;

}  // namespace
