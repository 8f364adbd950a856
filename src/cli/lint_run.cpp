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
  std::condition_variable changed;
  size_t next_to_emit = 0;
  std::atomic<size_t> next_to_take{0};
  const size_t window = kWindow * jobs;

  auto worker = [&] {
    for (;;) {
      const size_t i = next_to_take++;
      if (i >= files.size()) return;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return i < next_to_emit + window; });
      }
      LintResult result = lint_one(linter_for(i), files[i]);
      std::lock_guard lock(mutex);
      slots[i] = std::move(result);
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (size_t i = 0; i < files.size(); ++i) {
    std::optional<LintResult> ready;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[i].has_value(); });
      ready = std::move(slots[i]);
      slots[i].reset();
    }
    emit(*ready);
    {
      std::lock_guard lock(mutex);
      ++next_to_emit;
    }
    changed.notify_all();
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace hanmark
