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
  // A wake-up only for a wait that can end: the output waits for the next file in order, a
  // worker for room in the window. Waking everyone for every file cost ~12,000 futex calls on the
  // corpus, and the output thread's wake-ups took turns from the workers on 2 cores.
  std::condition_variable next_ready, room;
  size_t next_to_emit = 0, workers_waiting = 0;
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
      bool awaited = false;
      {
        std::lock_guard lock(mutex);
        slots[i] = std::move(result);
        awaited = i == next_to_emit;
      }
      if (awaited) next_ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (size_t i = 0; i < files.size(); ++i) {
    std::optional<LintResult> ready;
    bool workers_blocked = false;
    {
      std::unique_lock lock(mutex);
      next_ready.wait(lock, [&] { return slots[i].has_value(); });
      ready = std::move(slots[i]);
      slots[i].reset();
      ++next_to_emit;
      workers_blocked = workers_waiting > 0;
    }
    if (workers_blocked) room.notify_all();
    emit(*ready);
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace hanmark
