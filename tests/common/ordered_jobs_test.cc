// Jobs on several threads, results in submission order, and the submitting
// thread working instead of waiting.
#include "common/ordered_jobs.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace rasd {
namespace {

TEST(OrderedJobs, ResultsInSubmissionOrderWhateverTheThreads) {
  for (int threads : {1, 2, 4}) {
    std::vector<int> out;
    OrderedJobs<int> jobs(threads, 3, [&](int&& v) { out.push_back(v); });
    for (int i = 0; i < 200; ++i) {
      jobs.Submit([i] {
        // Later jobs finish first more often than not.
        std::this_thread::sleep_for(std::chrono::microseconds((200 - i) % 7 * 50));
        return i;
      });
    }
    jobs.Finish();
    ASSERT_EQ(out.size(), 200u) << threads << " threads";
    for (int i = 0; i < 200; ++i) EXPECT_EQ(out[static_cast<size_t>(i)], i) << threads << " threads";
  }
}

TEST(OrderedJobs, OneThreadRunsEachJobInsideSubmit) {
  const auto caller = std::this_thread::get_id();
  std::vector<std::thread::id> ran;
  OrderedJobs<int> jobs(1, 8, [](int&&) {});
  for (int i = 0; i < 5; ++i) {
    jobs.Submit([&] {
      ran.push_back(std::this_thread::get_id());
      return 0;
    });
    EXPECT_EQ(ran.size(), static_cast<size_t>(i + 1));  // already done when Submit returns
  }
  for (auto id : ran) EXPECT_EQ(id, caller);
}

// With two threads, one worker is started; while it is held up on a long
// job, the submitting thread runs the queued ones itself: here the worker's
// job waits for a job only the submitting thread can run.
TEST(OrderedJobs, SubmittingThreadRunsQueuedJobsWhenFull) {
  const auto caller = std::this_thread::get_id();
  std::promise<void> started, released;
  std::future<void> release = released.get_future();
  std::vector<std::thread::id> ran_on;
  std::vector<int> out;
  bool worker_released_in_time = false;
  {
    OrderedJobs<int> jobs(2, 2, [&](int&& v) { out.push_back(v); });
    jobs.Submit([&] {
      started.set_value();
      worker_released_in_time = release.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
      return 0;
    });
    started.get_future().wait();  // the worker holds job 0: the next ones queue
    for (int i = 1; i <= 2; ++i) {
      jobs.Submit([&, i] {
        ran_on.push_back(std::this_thread::get_id());
        if (i == 2) released.set_value();
        return i;
      });
    }
    jobs.Finish();
  }
  EXPECT_TRUE(worker_released_in_time);
  ASSERT_EQ(ran_on.size(), 2u);
  for (auto id : ran_on) EXPECT_EQ(id, caller);
  EXPECT_EQ(out, (std::vector<int>{0, 1, 2}));
}

}  // namespace
}  // namespace rasd
