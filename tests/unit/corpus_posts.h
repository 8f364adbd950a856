// The real posts of ../shared/corpus, for tests that check a property on all of them. A user's
// clone of the project has no ../shared: for_each_corpus_post() then returns false, and the test
// skips, saying so.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace hanmark::testing {

// Calls visit(path, text) for every .md file of the corpus; false when there is no corpus.
template <typename Visit>
bool for_each_corpus_post(Visit visit) {
  namespace fs = std::filesystem;
  const fs::path corpus = fs::path(HANMARK_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus)) return false;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    visit(entry.path(), bytes.str());
  }
  return true;
}

inline constexpr const char* kNoCorpus =
    "skipped: ../shared/corpus is absent (it is not part of a user's clone)";

}  // namespace hanmark::testing
