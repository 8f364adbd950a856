// CTest runs each doctest case by name (doctest_discover_tests), and CMake splits names on ';':
// a case named "a; b" would run as "a", match nothing and still pass. Keep ';' out of names.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("test case names have no semicolon (CTest would run nothing for them)") {
  const std::regex test_case(R"re(TEST_CASE\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+))re");
  size_t cases = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(HANMARK_SOURCE_DIR) / "tests")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), test_case), end; it != end; ++it) {
      ++cases;
      const std::string name = (*it)[1];
      CHECK_MESSAGE(name.find(';') == std::string::npos, entry.path().filename().string(), ": ",
                    name);
    }
  }
  CHECK(cases > 200);
}
