// Data files: the installed copy when it is there and good, else the built-in one.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "config_test_support.h"
#include "core/data_files.h"
#include "core/embedded_files.h"

using namespace hanmark;
using hanmark::test::TempTree;

namespace {

constexpr std::string_view kTypos = "dictionaries/typos-en.tsv";
constexpr std::string_view kTypoDoc = "rules/spelling/typo.md";

// Collects the warnings a DataFiles gives.
struct Warnings {
  std::vector<std::string> messages;
  DataFiles::Warn sink() {
    return [this](const std::string& message) { messages.push_back(message); };
  }
};

}  // namespace

TEST_CASE("data files: without a data directory every file is the built-in copy") {
  Warnings warnings;
  DataFiles files(std::nullopt, warnings.sink());
  const auto typos = files.find(kTypos);
  REQUIRE(typos);
  CHECK(typos->text == embedded_file(kTypos).value());
  CHECK(typos->installed_path.empty());
  CHECK_FALSE(files.find("dictionaries/no-such-file.tsv"));
  CHECK(warnings.messages.empty());
}

TEST_CASE("data files: an installed file wins, and one the directory lacks is the built-in copy") {
  TempTree tree;
  const auto installed = tree.write(kTypos, "hanmrak\thanmark\n");
  Warnings warnings;
  DataFiles files(tree.root(), warnings.sink());

  const auto typos = files.find(kTypos);
  REQUIRE(typos);
  CHECK(typos->text == "hanmrak\thanmark\n");
  CHECK(typos->installed_path == installed.string());

  const auto doc = files.find(kTypoDoc);
  REQUIRE(doc);
  CHECK(doc->text == embedded_file(kTypoDoc).value());
  CHECK(doc->installed_path.empty());

  // A file only the directory has is still found.
  tree.write("dictionaries/extra.dic", "word\n");
  CHECK(files.find("dictionaries/extra.dic")->text == "word\n");
  CHECK(warnings.messages.empty());
}

TEST_CASE("data files: an installed file that cannot be used is warned about, then built in") {
  TempTree tree;
  Warnings warnings;
  DataFiles files(tree.root(), warnings.sink());

  SUBCASE("not UTF-8") {
    tree.write(kTypos, "abc\t\xff\n");
    const auto typos = files.find(kTypos);
    REQUIRE(typos);
    CHECK(typos->text == embedded_file(kTypos).value());
    REQUIRE(warnings.messages.size() == 1);
    CHECK(warnings.messages[0] == "cannot use data file '" + tree.path(kTypos).string() +
                                      "': byte 5 is not UTF-8; using the built-in copy");
  }
  SUBCASE("a directory") {
    std::filesystem::create_directories(tree.path(kTypos));
    CHECK(files.find(kTypos)->text == embedded_file(kTypos).value());
    REQUIRE(warnings.messages.size() == 1);
    CHECK(warnings.messages[0] == "cannot use data file '" + tree.path(kTypos).string() +
                                      "': is a directory; using the built-in copy");
  }
  SUBCASE("a dangling symlink") {
    std::filesystem::create_directories(tree.path("dictionaries"));
    std::filesystem::create_symlink(tree.path("nowhere.tsv"), tree.path(kTypos));
    CHECK(files.find(kTypos)->text == embedded_file(kTypos).value());
    REQUIRE(warnings.messages.size() == 1);
    CHECK(warnings.messages[0].find("No such file or directory; using the built-in copy") !=
          std::string::npos);
  }
  // Each file is read and warned about once.
  files.find(kTypos);
  CHECK(warnings.messages.size() == 1);
}

TEST_CASE("data files: each file is read once, and its view stays put across threads") {
  TempTree tree;
  tree.write(kTypos, "hanmrak\thanmark\n");
  Warnings warnings;
  DataFiles files(tree.root(), warnings.sink());
  const char* first = files.find(kTypos)->text.data();
  // Rewriting the file changes nothing: the process keeps what it read.
  tree.write(kTypos, "other\tfile\n");

  std::vector<const char*> seen(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i)
    threads.emplace_back([&, i] {
      files.find("dictionaries/other-" + std::to_string(i) + ".tsv");
      seen[i] = files.find(kTypos)->text.data();
    });
  for (std::thread& t : threads) t.join();
  for (const char* data : seen) CHECK(data == first);
  CHECK(files.find(kTypos)->text == "hanmrak\thanmark\n");
}
