// Where a lint's time goes: parses one post and lints it N times with the default rules (after a
// first lint that loads the dictionaries and fills the caches, as a language server lints its
// documents again and again). Each run times the parse, each rule on its own, the whole
// Linter::lint, what `hanmark lsp` does with the result (the publishDiagnostics message) and
// Linter::lint with the rules on helper threads; it prints medians and p95s in milliseconds,
// slowest rule first. With --type, each run first types a Hangul syllable at a random place of a
// line with Hangul, as bench/lsp_latency.py does, so that a new word misses the spell caches (in
// the rules-one-by-one pass, which comes first). Times are the thread's CPU time, so that other
// processes on a busy machine count less; the threaded lint's is wall time.
//
//     hanmark_rule_timing [-n 20] [--type] POST.md
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/file_io.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "lsp/lsp_diagnostic.h"
#include "lsp/transport.h"

namespace {

// The calling thread's CPU time.
struct Clock {
  using time_point = double;  // ms
  static time_point now() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
  }
};

double ms_since(Clock::time_point start) {
  return Clock::now() - start;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[static_cast<size_t>(p / 100 * (values.size() - 1) + 0.5)];
}

double median(std::vector<double> values) {
  return percentile(std::move(values), 50);
}

// Inserts 가 before a random Hangul syllable (so never inside a UTF-8 sequence).
void type_syllable(std::string& text, std::mt19937& random) {
  const std::string syllable = "\xea\xb0\x80";  // U+AC00
  std::vector<size_t> starts;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0xea && byte <= 0xed) starts.push_back(i);  // U+A000..U+DFFF: mostly Hangul
  }
  if (starts.empty()) return;
  text.insert(starts[std::uniform_int_distribution<size_t>(0, starts.size() - 1)(random)],
              syllable);
}

struct Timings {
  std::vector<double> parse_ms, lint_ms, publish_ms, threaded_wall_ms;
  std::map<std::string, std::vector<double>> rule_ms;
};

// The measured part, on its own for `valgrind --tool=callgrind --collect-atstart=no
// --toggle-collect='*measured_runs*'` (instruction counts do not care about a busy machine).
[[gnu::noinline]] Timings measured_runs(const hanmark::Linter& linter, const std::string& path,
                                        std::string text, int runs, bool type) {
  Timings timings;
  hanmark::RuleThreads threads(hanmark::RuleThreads::default_helpers());
  std::mt19937 random(1);
  for (int run = 0; run < runs; ++run) {
    if (type) type_syllable(text, random);
    auto start = Clock::now();
    const auto doc = hanmark::Document::parse(path, text);
    timings.parse_ms.push_back(ms_since(start));
    for (const auto& rule : linter.rules()) {
      std::vector<hanmark::Diagnostic> out;
      hanmark::DiagnosticSink sink(rule->info(), out);
      start = Clock::now();
      rule->check(*doc, sink);
      timings.rule_ms[std::string(rule->info().id)].push_back(ms_since(start));
    }
    start = Clock::now();
    const std::vector<hanmark::Diagnostic> diagnostics = linter.lint(*doc);
    timings.lint_ms.push_back(ms_since(start));
    // What `hanmark lsp` does with them: LSP diagnostics, JSON text, a framed message.
    start = Clock::now();
    namespace lsp = hanmark::lsp;
    const lsp::PositionMapper mapper(doc->source(), lsp::PositionEncoding::utf16);
    std::ostringstream out;
    lsp::MessageWriter writer(out);
    writer.write_body(
        lsp::publish_diagnostics_json("file:///post.md", run, diagnostics, mapper, &linter));
    timings.publish_ms.push_back(ms_since(start));
    // As the server lints: the rules shared with helper threads (wall time: several threads).
    const auto wall = std::chrono::steady_clock::now();
    linter.lint(*doc, threads);
    timings.threaded_wall_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count());
  }
  return timings;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 20;
  bool type = false;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-n" && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--type")
      type = true;
    else
      path = arg;
  }
  if (path.empty()) {
    std::fprintf(stderr, "usage: hanmark_rule_timing [-n RUNS] [--type] POST.md\n");
    return 2;
  }
  std::string text, error;
  if (!hanmark::read_file(path, text, error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 2;
  }
  std::vector<std::string> unknown;
  const hanmark::Linter linter =
      hanmark::make_linter(hanmark::make_all_rules(hanmark::default_rule_resources()), {}, unknown);

  const auto first = Clock::now();
  const size_t findings = linter.lint(*hanmark::Document::parse(path, text)).size();
  std::printf("%s: %zu bytes, %zu findings; first lint (dictionaries load) %.1f ms\n", path.c_str(),
              text.size(), findings, ms_since(first));

  const Timings timings = measured_runs(linter, path, text, runs, type);

  std::vector<std::tuple<double, double, std::string>> by_cost;
  double rules_total = 0;
  for (const auto& [id, values] : timings.rule_ms) {
    by_cost.emplace_back(median(values), percentile(values, 95), id);
    rules_total += median(values);
  }
  std::sort(by_cost.rbegin(), by_cost.rend());
  std::printf(
      "median of %d runs (ms): parse %.2f, Linter::lint %.2f, LSP publish %.2f, rules one by one "
      "%.2f; Linter::lint with %u helper threads %.2f (wall)\n",
      runs, median(timings.parse_ms), median(timings.lint_ms), median(timings.publish_ms),
      rules_total, hanmark::RuleThreads::default_helpers(), median(timings.threaded_wall_ms));
  std::printf("p95 (ms): Linter::lint %.2f; with helper threads %.2f (wall)\n",
              percentile(timings.lint_ms, 95), percentile(timings.threaded_wall_ms, 95));
  std::printf("  %-22s %7s %7s\n", "rule", "p50", "p95");
  for (const auto& [p50, p95, id] : by_cost)
    std::printf("  %-22s %7.2f %7.2f\n", id.c_str(), p50, p95);
  return 0;
}
