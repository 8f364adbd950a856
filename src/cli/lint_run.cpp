#include "cli/lint_run.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace hanmark {

namespace {

constexpr size_t kWindow = 64;  // finished files waiting for output, at most, per thread

LintResult lint_one(const Linter& linter, const std::string& path) {
  LintResult result;
  std::string bytes, error;
  if (!read_file(path, bytes, error)) {
    result.error = "cannot read '" + path + "': " + error;
    return result;
  }
  result.report.doc = Document::parse(path, std::move(bytes));
  result.report.diagnostics = linter.lint(*result.report.doc);
  result.report.doc->drop_syntax_tree();  // the report needs the text only; free it here
  return result;
}

}  // namespace

void lint_files(const Linter& linter, const std::vector<std::string>& files, unsigned jobs,
                const std::function<void(LintResult&)>& emit) {
  lint_files([&](size_t) -> const Linter& { return linter; }, files, jobs, emit);
}

void lint_files(const std::function<const Linter&(size_t)>& linter_for,
                const std::vector<std::string>& files, unsigned jobs,
                const std::function<void(LintResult&)>& emit) {
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(files.size())));
  if (jobs <= 1) {
    for (size_t i = 0; i < files.size(); ++i) {
      LintResult result = lint_one(linter_for(i), files[i]);
      emit(result);
    }
    return;
  }
  std::vector<std::optional<LintResult>> slots(files.size());
  std::mutex mutex;
  // Whoever finishes the next file in order writes it out, and the finished ones after it: no
  // thread waits for output and none is woken per file. (An output thread woken for each file
  // cost ~5,000 futex calls on the corpus and took turns from the workers on 2 cores.) A worker
  // waits only for room in the window, and is woken only then.
  std::condition_variable room;
  size_t next_to_emit = 0, workers_waiting = 0;
  bool emitting = false;
  std::atomic<size_t> next_to_take{0};
  const size_t window = kWindow * jobs;

  auto worker = [&] {
    for (;;) {
      const size_t i = next_to_take++;
      if (i >= files.size()) return;
      {
        std::unique_lock lock(mutex);
        if (i >= next_to_emit + window) {
          ++workers_waiting;
          room.wait(lock, [&] { return i < next_to_emit + window; });
          --workers_waiting;
        }
      }
      LintResult result = lint_one(linter_for(i), files[i]);
      std::unique_lock lock(mutex);
      slots[i] = std::move(result);
      if (emitting || i != next_to_emit) continue;  // the file before it will bring it out
      emitting = true;
      while (next_to_emit < files.size() && slots[next_to_emit]) {
        LintResult ready = std::move(*slots[next_to_emit]);
        slots[next_to_emit].reset();
        lock.unlock();
        emit(ready);
        lock.lock();
        ++next_to_emit;
        if (workers_waiting > 0) room.notify_all();
      }
      emitting = false;
    }
  };
  // The calling thread is one of the workers.
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
}

}  // namespace hanmark
