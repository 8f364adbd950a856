#include "cli/fix_run.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "core/file_io.h"
#include "core/strings.h"
#include "fix/apply_fixes.h"
#include "fix/safe_write.h"
#include "fix/unified_diff.h"
#include "output/renderer.h"

namespace hanmark {

namespace {

constexpr size_t kChunkPerJob = 32;  // files fixed between two rounds of output, per thread

using RuleCounts = std::map<std::string, size_t>;

struct FileFix {
  std::string path;
  FileReport report;  // what remains (of the original when it could not be written)
  RuleCounts fixed;   // empty when nothing changed or the file was not written
  std::string diff;   // --diff
  std::string text;   // the fixed text (stdin)
  std::string error;  // cannot read / write
  bool changed = false;
  bool converged = true;
};

size_t total(const RuleCounts& counts) {
  size_t sum = 0;
  for (const auto& [rule, count] : counts) sum += count;
  return sum;
}

// "typo 7, trailing-space 5": most first, then by id.
std::string by_rule(const RuleCounts& counts) {
  std::vector<std::pair<std::string, size_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [rule, count] : sorted)
    out += (out.empty() ? "" : ", ") + rule + " " + std::to_string(count);
  return out;
}

// The path a diff names (after "a/" and "b/"): relative to the working directory when the file
// is under it, so that `patch -p1` and `git apply` find it.
std::string diff_label(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec) return path;
  const fs::path relative = absolute.lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == "..")
    return fs::path(path).lexically_normal().string();
  return relative.string();
}

FileReport lint_report(const Linter& linter, const std::string& path, std::string text) {
  FileReport report;
  report.doc = Document::parse(path, std::move(text));
  report.diagnostics = linter.lint(*report.doc);
  return report;
}

// Fixes `source` (the content of `path`) with `linter`; writes nothing.
FileFix fix_text(const Linter& linter, const std::string& path, const std::string& source,
                 const FixSettings& settings) {
  FileFix result;
  result.path = path;
  const FixMode mode = settings.unsafe ? FixMode::include_unsafe : FixMode::safe_only;
  FixOutcome outcome = fix_until_stable(linter, path, source, mode);
  result.converged = outcome.converged;
  std::string fixed = keep_conventions(source, std::move(outcome.text));
  result.changed = fixed != source;
  // Fixes that cancel out change nothing: then nothing was fixed.
  if (result.changed) result.fixed = std::move(outcome.per_rule);
  if (fixed == outcome.doc->source()) {
    result.report.doc = std::move(outcome.doc);
    result.report.diagnostics = std::move(outcome.remaining);
  } else {
    result.report = lint_report(linter, path, fixed);
  }
  if (settings.diff && result.changed) result.diff = unified_diff(source, fixed, diff_label(path));
  result.text = std::move(fixed);
  return result;
}

FileFix fix_file(const Linter& linter, const std::string& path, const FixSettings& settings) {
  FileSnapshot snapshot;
  std::string reason;
  if (!read_snapshot(path, snapshot, reason)) {
    FileFix failed;
    failed.path = path;
    failed.error = "cannot read '" + path + "': " + reason;
    return failed;
  }
  FileFix result = fix_text(linter, path, snapshot.bytes, settings);
  const std::string fixed = std::move(result.text);
  result.text.clear();  // only stdin prints it
  if (!result.changed || settings.diff) return result;
  const WriteStatus status = replace_file(path, snapshot, fixed, reason);
  if (status == WriteStatus::written) return result;
  // Not written: nothing was fixed, and what remains is what the file has.
  const size_t pending = total(result.fixed);
  result.error = "'" + path + "' not fixed (" + reason + "); " + plural(pending, "fix", "fixes") +
                 " not applied";
  result.fixed.clear();
  result.changed = false;
  result.report = lint_report(linter, path, std::move(snapshot.bytes));
  return result;
}

// Totals over the run, for the summary line and the exit code.
struct Tally {
  RuleCounts fixed;
  RuleCounts remaining;
  size_t changed_files = 0;
  bool findings = false;  // at or above --fail-on
  bool failed = false;
};

void count(Tally& tally, const FileFix& file, Severity fail_on) {
  for (const auto& [rule, n] : file.fixed) tally.fixed[rule] += n;
  tally.changed_files += file.changed;
  for (const Diagnostic& d : file.report.diagnostics) {
    ++tally.remaining[d.rule];
    tally.findings |= d.severity >= fail_on;
  }
}

// "fixed 12 problems (typo 7, trailing-space 5) in 3 files; 4 remain (image-alt 4)"
std::string summary_line(const Tally& tally, bool dry_run) {
  const size_t fixed = total(tally.fixed), remaining = total(tally.remaining);
  std::string line;
  if (fixed == 0) {
    line = dry_run ? "nothing to fix" : "nothing fixed";
  } else {
    line = std::string(dry_run ? "would fix " : "fixed ") + plural(fixed, "problem") + " (" +
           by_rule(tally.fixed) + ") in " + plural(tally.changed_files, "file");
  }
  line += "; " + std::to_string(remaining) + (remaining == 1 ? " remains" : " remain");
  if (remaining > 0) line += " (" + by_rule(tally.remaining) + ")";
  return line;
}

void warn_unsettled(const FileFix& file) {
  if (!file.converged)
    std::cerr << "hanmark: warning: fixes in '" << file.path
              << "' did not settle; fixable problems remain\n";
}

// Findings in `check`'s format on `out`, then the summaries.
class FindingsOutput {
 public:
  FindingsOutput(std::ostream& out, std::ostream& summary_out, const OutputSettings& settings)
      : out_(out), summary_out_(summary_out), renderer_(make_renderer(settings, out)) {
    renderer_->begin();
  }
  void add(const FileReport& report) { renderer_->add(report); }
  void file_error(const std::string& path, const std::string& message) {
    renderer_->file_error(path, message);
  }
  // `dry_run` chooses "would fix" or "fixed"; without a value there is no fix summary.
  void finish(const Tally& tally, std::optional<bool> dry_run) {
    renderer_->end();
    out_.flush();
    if (dry_run) summary_out_ << summary_line(tally, *dry_run) << '\n';
  }

 private:
  std::ostream& out_;
  std::ostream& summary_out_;
  std::unique_ptr<Renderer> renderer_;
};

// JSON and SARIF must stay parseable: other lines go to stderr.
bool machine_readable(const OutputSettings& output) {
  return output.format == "json" || output.format == "sarif";
}

int exit_code(const Tally& tally, bool diff) {
  if (tally.failed) return kExitFailure;
  if (diff) return tally.changed_files > 0 ? kExitFindings : kExitClean;
  return tally.findings ? kExitFindings : kExitClean;
}

}  // namespace

std::string keep_conventions(const std::string& original, std::string fixed) {
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  const size_t crlf = [&] {
    size_t n = 0;
    for (size_t at = original.find("\r\n"); at != std::string::npos;
         at = original.find("\r\n", at + 2))
      ++n;
    return n;
  }();
  const bool all_crlf =
      crlf > 0 && crlf == static_cast<size_t>(std::count(original.begin(), original.end(), '\n'));
  if (all_crlf) {
    std::string converted;
    converted.reserve(fixed.size() + 16);
    for (size_t i = 0; i < fixed.size(); ++i) {
      if (fixed[i] == '\n' && (i == 0 || fixed[i - 1] != '\r')) converted += '\r';
      converted += fixed[i];
    }
    fixed = std::move(converted);
  }
  if (original.starts_with(kBom) && !fixed.starts_with(kBom)) fixed.insert(0, kBom);
  return fixed;
}

bool reads_stdin(const std::vector<std::string>& paths) {
  return std::find(paths.begin(), paths.end(), "-") != paths.end();
}

int run_fix(const std::vector<std::string>& files, const FileLinting& linting,
            const CheckOptions& options, bool failed, const OutputSettings& output,
            std::ostream& out) {
  const FixSettings& settings = options.fix;
  Tally tally;
  tally.failed = failed;
  // Findings go to `out` as with `check`; with --diff it holds only the diff (findings are not
  // rendered, only counted for the summary on stderr).
  std::ostringstream discard;
  FindingsOutput findings(settings.diff ? discard : out,
                          settings.diff || machine_readable(output) ? std::cerr : out, output);
  const size_t jobs = std::max(1u, options.jobs);
  const size_t chunk = kChunkPerJob * jobs;
  Progress progress(files.size(), options.progress);
  for (size_t first = 0; first < files.size(); first += chunk) {
    const size_t last = std::min(files.size(), first + chunk);
    std::vector<const Linter*> linters;
    for (size_t i = first; i < last; ++i) linters.push_back(&linting.linter(i));
    std::vector<std::optional<FileFix>> results(last - first);
    std::atomic<size_t> next{first};
    auto worker = [&] {
      for (size_t i = next++; i < last; i = next++)
        results[i - first] = fix_file(*linters[i - first], files[i], settings);
    };
    std::vector<std::thread> threads;
    for (size_t t = 1; t < std::min(jobs, last - first); ++t) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    for (size_t i = first; i < last; ++i) {
      std::optional<FileFix>& file = results[i - first];
      const bool prints = !file->error.empty() || !file->converged ||
                          (settings.diff ? !file->diff.empty()
                                         : file->report.doc && !file->report.diagnostics.empty());
      if (prints) progress.clear();  // messages and findings may go to the same terminal
      if (!file->error.empty()) {
        std::cerr << "hanmark: error: " << file->error << '\n';
        findings.file_error(file->path, file->error);
        tally.failed = true;
      }
      warn_unsettled(*file);
      if (file->report.doc) {
        count(tally, *file, linting.fail_on(i));
        if (settings.diff) {
          out << file->diff;
        } else {
          findings.add(file->report);
        }
      }
      file.reset();
      if (prints && progress.active()) out.flush();
      progress.advance();
    }
  }
  progress.clear();
  out.flush();
  findings.finish(tally, settings.diff);
  return exit_code(tally, settings.diff);
}

std::string stdin_name(const CheckOptions& options) {
  return options.fix.stdin_filename.empty() ? "-" : options.fix.stdin_filename;
}

int run_stdin(const FileLinting& linting, const CheckOptions& options, const OutputSettings& output,
              std::ostream& out) {
  const FixSettings& settings = options.fix;
  if (options.paths.size() != 1) {
    std::cerr << "hanmark: error: '-' (standard input) cannot be mixed with other paths\n";
    return kExitFailure;
  }
  std::string source, error;
  // Not through std::cin: the 1 GiB limit of files applies (`check - < /dev/zero` would read
  // until memory ran out).
  if (!read_all(STDIN_FILENO, source, error)) {
    std::cerr << "hanmark: error: cannot read standard input: " << error << '\n';
    return kExitFailure;
  }
  const std::string path = stdin_name(options);
  const Linter& linter = linting.linter(0);
  const Severity fail_on = linting.fail_on(0);
  Tally tally;
  if (!settings.active()) {  // plain `check -`: the findings, as for a file
    FileFix as_file;
    as_file.report = lint_report(linter, path, source);
    count(tally, as_file, fail_on);
    FindingsOutput findings(out, out, output);
    findings.add(as_file.report);
    findings.finish(tally, std::nullopt);
    return exit_code(tally, false);
  }
  FileFix file = fix_text(linter, path, source, settings);
  warn_unsettled(file);
  count(tally, file, fail_on);
  if (settings.diff) {
    out << file.diff;
    out.flush();
    std::cerr << summary_line(tally, true) << '\n';
    return exit_code(tally, true);
  }
  std::cout << file.text;  // fixed or not: stdin in, the whole text out
  std::cout.flush();
  // An editor replaces its buffer with stdout: a text cut short (a full disk, /dev/full) must
  // not pass for the fixed post.
  if (!std::cout) {
    std::cerr << "hanmark: error: cannot write the fixed text to standard output\n";
    tally.failed = true;
  }
  // The findings that remain: on stderr, unless --output names a file for them.
  const bool to_file = !options.output_file.empty();
  OutputSettings on_stderr = output;
  on_stderr.style.color = false;
  FindingsOutput findings(to_file ? out : std::cerr, std::cerr, to_file ? output : on_stderr);
  findings.add(file.report);
  findings.finish(tally, false);
  return exit_code(tally, false);
}

}  // namespace hanmark
