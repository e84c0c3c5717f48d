// Jobs run on a pool of worker threads, their results handed back in the
// order the jobs were submitted, on the submitting thread: output stays the
// same whatever the number of threads and their timing. At most
// `max_pending` jobs are in flight (queued, running, or done and waiting
// for an earlier one), so memory stays bounded however long the input.
//
//   OrderedJobs<std::string> jobs(4, 64, [](std::string&& s) { std::cout << s; });
//   for (...) jobs.Submit([=] { return Work(...); });
//   jobs.Finish();
//
// With one worker the jobs run inline in Submit, without threads.
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
  OrderedJobs(int workers, size_t max_pending, std::function<void(R&&)> emit)
      : emit_(std::move(emit)), max_pending_(max_pending < 1 ? 1 : max_pending) {
    if (workers < 1) workers = 1;
    if (workers == 1) return;
    for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { Work(); });
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

  // Emits finished results in order, waiting while more than `keep` are
  // in flight.
  void Drain(size_t keep) {
    for (;;) {
      std::shared_ptr<Slot> front;
      {
        std::unique_lock<std::mutex> lk(mu_);
        if (slots_.empty()) return;
        if (!slots_.front()->result) {
          if (slots_.size() <= keep) return;
          done_cv_.wait(lk, [&] { return slots_.front()->result.has_value(); });
        }
        front = slots_.front();
        slots_.pop_front();
      }
      emit_(std::move(*front->result));
    }
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
      R r = slot->job();
      slot->job = nullptr;
      {
        std::lock_guard<std::mutex> lk(mu_);
        slot->result.emplace(std::move(r));
      }
      done_cv_.notify_all();
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
