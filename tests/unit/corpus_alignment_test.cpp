// On real posts (../shared/corpus, when present), every prose piece must be placed in the
// source, and verbatim pieces must equal their source bytes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "markdown/document.h"

namespace fs = std::filesystem;
using namespace hanmark;

TEST_CASE("corpus: prose runs align with the source of every real post") {
  const fs::path corpus = fs::path(HANMARK_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus)) {
    MESSAGE("skipped: ../shared/corpus is absent (it is not part of a user's clone)");
    return;
  }
  size_t files = 0, runs = 0, unaligned = 0, mismatched = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const auto doc = Document::parse(entry.path().string(), bytes.str());
    ++files;
    for (const ProseRun& run : doc->prose()) {
      ++runs;
      unaligned += run.unaligned();
      if (run.unaligned())
        std::cerr << entry.path() << ":" << doc->lines().line_of(doc->block_span(run.block()).begin)
                  << ": " << run.unaligned() << " unaligned\n";
      const auto& pieces = run.pieces();
      for (size_t i = 0; i < pieces.size(); ++i) {
        if (!pieces[i].verbatim) continue;
        const std::string_view text =
            std::string_view(run.text()).substr(pieces[i].text_begin, pieces[i].source.size());
        if (text != doc->slice(pieces[i].source) && doc->encoding_problems().empty()) {
          if (++mismatched <= 5) std::cerr << entry.path() << ": '" << text << "'\n";
        }
      }
    }
  }
  MESSAGE(files << " files, " << runs << " prose runs, " << unaligned << " unaligned literals");
  CHECK(files > 0);
  CHECK(mismatched == 0);
  CHECK(unaligned == 0);
}
