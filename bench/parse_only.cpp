// The parse-only baseline of bench/compare.py: finds Markdown files as `hanmark check` does,
// reads them and parses each with cmark-gfm exactly as hanmark does (parse_gfm), on N threads,
// and nothing else. `hanmark check --select markdown` is measured against it.
#include <cmark-gfm.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "cli/file_discovery.h"
#include "cli/lint_run.h"
#include "markdown/gfm_parser.h"

int main(int argc, char** argv) {
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-j" && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::atoi(argv[++i]));
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: hanmark_parse_only [-j N] PATH...\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const hanmark::DiscoveredFiles found = hanmark::discover_files(paths);
  std::atomic<size_t> next{0}, bytes{0}, nodes{0};
  auto worker = [&] {
    std::string text, error;
    for (size_t i = next++; i < found.files.size(); i = next++) {
      if (!hanmark::read_file(found.files[i], text, error)) continue;
      bytes += text.size();
      cmark_node* root = hanmark::parse_gfm(text, CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES);
      size_t count = 0;
      cmark_iter* iter = cmark_iter_new(root);
      while (cmark_iter_next(iter) != CMARK_EVENT_DONE) ++count;
      cmark_iter_free(iter);
      cmark_node_free(root);
      nodes += count;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu files, %zu bytes, %zu nodes parsed in %.3f s\n", found.files.size(),
              bytes.load(), nodes.load(), seconds);
  return 0;
}
