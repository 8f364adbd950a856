#include "engine/rule_threads.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <numeric>

namespace hanmark {

// One run: the helpers and the caller claim task indices until none is left.
struct RuleThreads::Batch {
  const std::function<void(size_t)>* task = nullptr;  // the caller's; it outlives every call
  std::vector<size_t> order;                          // task indices, slowest first
  std::vector<double> seconds;                        // by task index
  std::atomic<size_t> next{0};                        // into `order`
  std::mutex mutex;                                   // guards done, error
  std::condition_variable finished;
  size_t done = 0;
  std::exception_ptr error;
};

RuleThreads::RuleThreads(unsigned helpers) {
  for (unsigned i = 0; i < helpers; ++i) threads_.emplace_back([this] { serve(); });
}

RuleThreads::~RuleThreads() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

unsigned RuleThreads::default_helpers() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? std::min(cores - 1, 3u) : 0;
}

void RuleThreads::work(Batch& batch) {
  // A task index is claimed before its task runs, so the caller's run() waits for every task
  // that is called: `task` is never used after run() returns.
  for (size_t k = batch.next++; k < batch.order.size(); k = batch.next++) {
    const size_t index = batch.order[k];
    const auto start = std::chrono::steady_clock::now();
    std::exception_ptr error;
    try {
      (*batch.task)(index);
    } catch (...) {
      error = std::current_exception();
    }
    batch.seconds[index] =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::lock_guard lock(batch.mutex);
    if (error && !batch.error) batch.error = error;
    if (++batch.done == batch.order.size()) batch.finished.notify_all();
  }
}

void RuleThreads::serve() {
  std::shared_ptr<Batch> last;  // kept, so that a new batch never has its address
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || (batch_ && batch_ != last); });
      if (stopping_) return;
      last = batch_;
    }
    work(*last);
  }
}

void RuleThreads::run(const std::vector<std::string_view>& names,
                      const std::function<void(size_t)>& task) {
  std::unique_lock run_lock(run_mutex_, std::try_to_lock);
  if (threads_.empty() || !run_lock.owns_lock()) {
    for (size_t i = 0; i < names.size(); ++i) task(i);
    return;
  }
  const auto batch = std::make_shared<Batch>();
  batch->task = &task;
  batch->seconds.resize(names.size());
  batch->order.resize(names.size());
  std::iota(batch->order.begin(), batch->order.end(), size_t{0});
  const auto cost = [&](size_t i) {
    const auto it = cost_.find(names[i]);
    return it == cost_.end() ? 0.0 : it->second;
  };
  std::stable_sort(batch->order.begin(), batch->order.end(),
                   [&](size_t a, size_t b) { return cost(a) > cost(b); });
  {
    const std::lock_guard lock(mutex_);
    batch_ = batch;
  }
  wake_.notify_all();
  work(*batch);
  {
    std::unique_lock lock(batch->mutex);
    batch->finished.wait(lock, [&] { return batch->done == names.size(); });
  }
  {
    const std::lock_guard lock(mutex_);
    batch_.reset();
  }
  for (size_t i = 0; i < names.size(); ++i) {
    const auto it = cost_.find(names[i]);
    if (it != cost_.end())
      it->second = batch->seconds[i];
    else
      cost_.emplace(std::string(names[i]), batch->seconds[i]);
  }
  if (batch->error) std::rethrow_exception(batch->error);
}

}  // namespace hanmark
