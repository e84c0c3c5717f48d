// Jobs run on `threads` threads, their results handed back in the order the
// jobs were submitted, on the submitting thread: output stays the same
// whatever the number of threads and their timing. At most `max_pending`
// jobs are in flight (queued, running, or done and waiting for an earlier
// one), so memory stays bounded however long the input.
//
//   OrderedJobs<std::string> jobs(4, 64, [](std::string&& s) { std::cout << s; });
//   for (...) jobs.Submit([=] { return Work(...); });
//   jobs.Finish();
//
// The submitting thread is one of the `threads`: `threads - 1` workers are
// started, and when the jobs in flight reach `max_pending` the submitting
// thread runs the oldest job not yet started instead of waiting. A thread
// per core then keeps every core busy without more threads than cores
// sharing them (a reader starved of its core would slow every worker
// down). With one thread the jobs run inline in Submit.
#ifndef RASD_COMMON_ORDERED_JOBS_H_
#define RASD_COMMON_ORDERED_JOBS_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace rasd {

// The threads to run: `asked`, or one per core when it is 0 (the --jobs default).
inline int ThreadsOrOnePerCore(int asked) {
  if (asked > 0) return asked;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

template <typename R>
class OrderedJobs {
 public:
  OrderedJobs(int threads, size_t max_pending, std::function<void(R&&)> emit)
      : emit_(std::move(emit)), max_pending_(max_pending < 1 ? 1 : max_pending) {
    for (int i = 1; i < threads; ++i) threads_.emplace_back([this] { Work(); });
  }
  ~OrderedJobs() { Finish(); }
  OrderedJobs(const OrderedJobs&) = delete;
  OrderedJobs& operator=(const OrderedJobs&) = delete;

  void Submit(std::function<R()> job) {
    if (threads_.empty()) {
      emit_(job());
      return;
    }
    auto slot = std::make_shared<Slot>();
    slot->job = std::move(job);
    {
      std::unique_lock<std::mutex> lk(mu_);
      slots_.push_back(slot);
      queue_.push_back(slot);
    }
    work_cv_.notify_one();
    Drain(max_pending_);
  }

  // Waits for every job and hands back the rest of the results.
  void Finish() {
    if (finished_) return;
    finished_ = true;
    if (threads_.empty()) return;
    Drain(0);
    {
      std::lock_guard<std::mutex> lk(mu_);
      closed_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  struct Slot {
    std::function<R()> job;
    std::optional<R> result;
  };

  // Emits finished results in order while more than `keep` are in flight,
  // running queued jobs (or else waiting) while the oldest is not done.
  void Drain(size_t keep) {
    for (;;) {
      std::shared_ptr<Slot> front, job;
      {
        std::unique_lock<std::mutex> lk(mu_);
        if (slots_.empty()) return;
        if (!slots_.front()->result) {
          if (slots_.size() <= keep) return;
          if (!queue_.empty()) {
            job = queue_.front();
            queue_.pop_front();
          } else {
            done_cv_.wait(lk, [&] { return slots_.front()->result.has_value(); });
          }
        }
        if (!job) {
          front = slots_.front();
          slots_.pop_front();
        }
      }
      if (job) {
        Run(job.get());
        continue;
      }
      emit_(std::move(*front->result));
    }
  }

  void Run(Slot* slot) {
    R r = slot->job();
    slot->job = nullptr;
    {
      std::lock_guard<std::mutex> lk(mu_);
      slot->result.emplace(std::move(r));
    }
    done_cv_.notify_all();
  }

  void Work() {
    for (;;) {
      std::shared_ptr<Slot> slot;
      {
        std::unique_lock<std::mutex> lk(mu_);
        work_cv_.wait(lk, [&] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) return;
        slot = queue_.front();
        queue_.pop_front();
      }
      Run(slot.get());
    }
  }

  std::function<void(R&&)> emit_;
  size_t max_pending_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<std::shared_ptr<Slot>> slots_;  // submission order
  std::deque<std::shared_ptr<Slot>> queue_;  // not yet started
  std::vector<std::thread> threads_;
  bool closed_ = false;
  bool finished_ = false;
};

}  // namespace rasd

#endif  // RASD_COMMON_ORDERED_JOBS_H_
