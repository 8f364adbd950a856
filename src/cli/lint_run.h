// Lints files on several threads and hands results back in path order, keeping only a bounded
// window of finished files in memory.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "engine/linter.h"
#include "output/report.h"

namespace hanmark {

struct LintResult {
  FileReport report;  // report.doc is null when the file could not be read
  std::string error;  // "cannot read 'x': reason"
};

// Calls `emit` once per file, in the order of `files`, one call at a time: on the calling
// thread or a worker (whichever finished the file), each call seeing the effects of the last.
void lint_files(const Linter& linter, const std::vector<std::string>& files, unsigned jobs,
                const std::function<void(LintResult&)>& emit);
// The same with a Linter per file: `linter_for(i)` for files[i] (called on the worker threads,
// so it must be thread-safe).
void lint_files(const std::function<const Linter&(size_t)>& linter_for,
                const std::vector<std::string>& files, unsigned jobs,
                const std::function<void(LintResult&)>& emit);

}  // namespace hanmark
