// On real posts (../shared/corpus, when present), every prose piece must be placed in the
// source, and verbatim pieces must equal their source bytes.
#include <doctest/doctest.h>

#include <filesystem>
#include <iostream>

#include "corpus_posts.h"
#include "markdown/document.h"

namespace fs = std::filesystem;
using namespace hanmark;

TEST_CASE("corpus: prose runs align with the source of every real post") {
  size_t files = 0, runs = 0, unaligned = 0, mismatched = 0;
  const bool found = testing::for_each_corpus_post([&](const fs::path& path, std::string text) {
    const auto doc = Document::parse(path.string(), std::move(text));
    ++files;
    for (const ProseRun& run : doc->prose()) {
      ++runs;
      unaligned += run.unaligned();
      if (run.unaligned())
        std::cerr << path << ":" << doc->lines().line_of(doc->block_span(run.block()).begin) << ": "
                  << run.unaligned() << " unaligned\n";
      const auto& pieces = run.pieces();
      for (size_t i = 0; i < pieces.size(); ++i) {
        if (!pieces[i].verbatim) continue;
        const std::string_view piece =
            std::string_view(run.text()).substr(pieces[i].text_begin, pieces[i].source.size());
        if (piece != doc->slice(pieces[i].source) && doc->encoding_problems().empty()) {
          if (++mismatched <= 5) std::cerr << path << ": '" << piece << "'\n";
        }
      }
    }
  });
  if (!found) {
    MESSAGE(testing::kNoCorpus);
    return;
  }
  MESSAGE(files << " files, " << runs << " prose runs, " << unaligned << " unaligned literals");
  CHECK(files > 0);
  CHECK(mismatched == 0);
  CHECK(unaligned == 0);
}
