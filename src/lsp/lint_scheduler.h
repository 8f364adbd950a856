// When to lint: one worker thread runs jobs by document URI. A change after a quiet spell is
// linted at once (a single edit shows its result in the time a lint takes); changes that come
// faster than `delay` apart are coalesced, and the document is linted `delay` after the latest.
// A job lints whatever version is current when it starts, so queued older versions are skipped;
// a lint that a newer version overtakes is dropped by the job (DocumentStore::set_result).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace hanmark::lsp {

class LintScheduler {
 public:
  using Clock = std::chrono::steady_clock;
  using Job = std::function<void(const std::string& uri)>;

  LintScheduler(Job job, std::chrono::milliseconds delay);
  ~LintScheduler();  // stops: queued jobs are dropped, a running one finishes
  LintScheduler(const LintScheduler&) = delete;
  LintScheduler& operator=(const LintScheduler&) = delete;

  // The document changed (or needs linting again).
  void schedule(const std::string& uri);
  // Forget a queued job (the document was closed).
  void cancel(const std::string& uri);
  // Blocks until nothing is queued or running (tests).
  void wait_idle();

 private:
  void run();

  Job job_;
  std::chrono::milliseconds delay_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::map<std::string, Clock::time_point> due_;   // queued jobs
  std::map<std::string, Clock::time_point> last_;  // latest schedule() of each document
  bool running_job_ = false;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace hanmark::lsp
