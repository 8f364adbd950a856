// Helper threads that run one lint's rules beside the calling thread, so that a single post is
// linted sooner (the language server, where one document waits while the other core idles). The
// CLI does not use them: it lints files in parallel instead.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace hanmark {

class RuleThreads {
 public:
  // `helpers` threads besides the caller's; 0 runs everything on the caller's thread.
  explicit RuleThreads(unsigned helpers);
  ~RuleThreads();
  RuleThreads(const RuleThreads&) = delete;
  RuleThreads& operator=(const RuleThreads&) = delete;

  // One helper per core beyond the first, at most 3.
  static unsigned default_helpers();
  unsigned helpers() const { return static_cast<unsigned>(threads_.size()); }

  // Calls task(i) once for every i < names.size(), on the helpers and the calling thread, and
  // returns when all calls are done (rethrowing the first exception one threw). The tasks that
  // took longest last time (by name) start first, so that no long one starts last. While another
  // thread's run is in progress, the caller runs its tasks alone.
  void run(const std::vector<std::string_view>& names, const std::function<void(size_t)>& task);

 private:
  struct Batch;
  void serve();
  static void work(Batch& batch);

  std::mutex mutex_;  // guards batch_, stopping_
  std::condition_variable wake_;
  std::shared_ptr<Batch> batch_;  // the run in progress, if any
  bool stopping_ = false;
  std::mutex run_mutex_;                             // one run at a time; guards cost_
  std::map<std::string, double, std::less<>> cost_;  // seconds each task (by name) took last
  std::vector<std::thread> threads_;
};

}  // namespace hanmark
