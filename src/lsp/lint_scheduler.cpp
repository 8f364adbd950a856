#include "lsp/lint_scheduler.h"

#include <algorithm>

namespace hanmark::lsp {

LintScheduler::LintScheduler(Job job, std::chrono::milliseconds delay)
    : job_(std::move(job)), delay_(delay), worker_([this] { run(); }) {}

LintScheduler::~LintScheduler() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void LintScheduler::schedule(const std::string& uri) {
  {
    const std::lock_guard lock(mutex_);
    const Clock::time_point now = Clock::now();
    const auto last = last_.find(uri);
    const bool burst = last != last_.end() && now - last->second < delay_;
    due_[uri] = burst ? now + delay_ : now;
    last_[uri] = now;
  }
  wake_.notify_all();
}

void LintScheduler::cancel(const std::string& uri) {
  const std::lock_guard lock(mutex_);
  due_.erase(uri);
  last_.erase(uri);
  if (due_.empty() && !running_job_) idle_.notify_all();
}

void LintScheduler::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return stopping_ || (due_.empty() && !running_job_); });
}

void LintScheduler::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (due_.empty()) {
      idle_.notify_all();
      wake_.wait(lock, [&] { return stopping_ || !due_.empty(); });
      continue;
    }
    const auto next = std::min_element(
        due_.begin(), due_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    if (next->second > Clock::now()) {
      // Wait for it, or for a schedule() that moves things.
      wake_.wait_until(lock, next->second);
      continue;
    }
    const std::string uri = next->first;
    due_.erase(next);
    running_job_ = true;
    lock.unlock();
    job_(uri);
    lock.lock();
    running_job_ = false;
  }
  idle_.notify_all();
}

}  // namespace hanmark::lsp
