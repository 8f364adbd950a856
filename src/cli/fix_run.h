// The fix mode of `hanmark check`: `--fix`, `--unsafe-fixes`, `--diff` and stdin (`-`).
// See docs/fixes.md.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/linter.h"

namespace hanmark {

struct CheckOptions;
struct OutputSettings;

struct FixSettings {
  bool fix = false;            // --fix: write the fixes
  bool unsafe = false;         // --unsafe-fixes: unsafe fixes too (with --fix or --diff)
  bool diff = false;           // --diff: print what --fix would change, write nothing
  std::string stdin_filename;  // --stdin-filename: the name of "-" for config and messages
  bool active() const { return fix || diff; }
};

// The configuration of the i-th file: its Linter (valid for the whole run) and the lowest
// severity that fails the run. Called on the calling thread only.
struct FileLinting {
  std::function<const Linter&(size_t file)> linter;
  std::function<Severity(size_t file)> fail_on;
};

// `fixed` with the line endings and BOM of `original`: a fix may bring "\n" into a CRLF file or
// drop a leading BOM, and the file keeps its conventions. What --fix writes (and the fuzzer's
// idempotency check repeats).
std::string keep_conventions(const std::string& original, std::string fixed);

// Whether `paths` ask to read standard input ("-").
bool reads_stdin(const std::vector<std::string>& paths);

// Fixes `files` as `options.fix` asks, prints the findings that remain like `check` (or the
// diff) in the format of `output` on `out`, and the summary. `failed` says whether something
// already went wrong (exit code 2). Returns the exit code.
int run_fix(const std::vector<std::string>& files, const FileLinting& linting,
            const CheckOptions& options, bool failed, const OutputSettings& output,
            std::ostream& out);

// The name standard input goes by: --stdin-filename, else "-".
std::string stdin_name(const CheckOptions& options);

// `hanmark check [--fix|--diff] -`: lints (and fixes) standard input, file 0 of `linting`, and
// reports on `out`. With --fix the text goes to stdout, fixed or not, and the findings that
// remain to stderr (or to `out` when that is --output's file).
int run_stdin(const FileLinting& linting, const CheckOptions& options, const OutputSettings& output,
              std::ostream& out);

}  // namespace hanmark
