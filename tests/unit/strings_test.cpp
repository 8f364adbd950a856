// Small string helpers (core/strings.h).
#include <doctest/doctest.h>

#include <string>

#include "core/strings.h"

using namespace hanmark;

TEST_CASE("contains_any finds any of the bytes, Hangul lead bytes included") {
  CHECK(contains_any("강조는 **굵게**", "*_"));
  CHECK(contains_any("snake_case", "*_"));
  CHECK_FALSE(contains_any("강조 없음", "*_"));
  CHECK_FALSE(contains_any("", "*_"));
  CHECK_FALSE(contains_any("text", ""));
  CHECK(contains_any("“인용”", "\xE2"));  // the lead byte of U+201C
  CHECK(contains_any(std::string("a\0b", 3), std::string("\0", 1)));
  CHECK(trim("  한글 \t") == "한글");
}

TEST_CASE("plural counts with the noun's plural form") {
  CHECK(plural(0, "file") == "0 files");
  CHECK(plural(1, "file") == "1 file");
  CHECK(plural(2, "problem") == "2 problems");
  CHECK(plural(1, "fix", "fixes") == "1 fix");
  CHECK(plural(107, "fix", "fixes") == "107 fixes");
}
