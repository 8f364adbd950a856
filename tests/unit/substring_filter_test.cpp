#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "spell/typo_table.h"
#include "text/substring_filter.h"

using hanmark::KoreanTypoTable;
using hanmark::TypoTable;
using hanmark::text::SubstringFilter;

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool naive(const std::vector<std::string_view>& needles, std::string_view text, bool fold) {
  const std::string haystack = fold ? lower_ascii(text) : std::string(text);
  for (std::string_view needle : needles) {
    if (needle.empty()) continue;
    if (haystack.find(fold ? lower_ascii(needle) : std::string(needle)) != std::string::npos)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("substring filter: finds needles of every length, at the ends of the text too") {
  const std::vector<std::string_view> needles = {"됬", "거에요", "않 되", "ab", "x", "teh"};
  const SubstringFilter filter(needles, SubstringFilter::Case::exact);
  CHECK(filter.found_in("됬"));
  CHECK(filter.found_in("이게 됬다"));
  CHECK(filter.found_in("싶은거에요"));
  CHECK_FALSE(filter.found_in("싶은거에"));
  CHECK(filter.found_in("그러면 않 되요"));
  CHECK_FALSE(filter.found_in("그러면 않  되요"));
  CHECK(filter.found_in("cab"));
  CHECK(filter.found_in("x"));
  CHECK_FALSE(filter.found_in("TEH"));
  CHECK_FALSE(filter.found_in(""));
  CHECK_FALSE(filter.found_in("됐다 거에 a b"));
  const SubstringFilter folded(needles, SubstringFilter::Case::fold_ascii);
  CHECK(folded.found_in("TEH"));
  CHECK(folded.found_in("A X"));
  CHECK_FALSE(SubstringFilter().found_in("anything"));
  CHECK_FALSE(SubstringFilter({""}, SubstringFilter::Case::exact).found_in("anything"));
}

TEST_CASE("substring filter: agrees with a plain search on random texts") {
  // A small alphabet, so that needles occur often and share their first bytes.
  // Partial and non-syllable sequences with a syllable's lead byte too (U+A960, a jamo).
  const std::vector<std::string> alphabet = {"a",  "B",  "b",  " ",    "가",   "각",
                                             "나", "됬", "힣", "\xEA", "\xB0", "\xEA\xA5\xA0"};
  std::mt19937 random(8);
  const auto make = [&](size_t max_units) {
    std::string out;
    const size_t units = random() % (max_units + 1);
    for (size_t i = 0; i < units; ++i) out += alphabet[random() % alphabet.size()];
    return out;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> owned;
    for (int i = 0, n = static_cast<int>(random() % 6); i < n; ++i) owned.push_back(make(4));
    const std::vector<std::string_view> needles(owned.begin(), owned.end());
    for (bool fold : {false, true}) {
      const SubstringFilter filter(
          needles, fold ? SubstringFilter::Case::fold_ascii : SubstringFilter::Case::exact);
      for (int t = 0; t < 20; ++t) {
        const std::string text = make(12);
        CAPTURE(text);
        CHECK(filter.found_in(text) == naive(needles, text, fold));
      }
    }
  }
}

TEST_CASE("typo tables: texts without a misspelling are passed over") {
  const TypoTable english = TypoTable::parse("recieve\treceive\nteh\tthe\n");
  CHECK(english.may_occur_in("We RECIEVE it"));
  CHECK(english.may_occur_in("Teh"));
  CHECK_FALSE(english.may_occur_in("We receive the data"));
  const KoreanTypoTable korean = KoreanTypoTable::parse(
      "됬\t됐\tinfix\t제35항\nㄹ께요\tㄹ게요\tending\t제53항\n않 되\t안 되\tphrase\t제40항\n");
  CHECK(korean.find("이제 됐다").empty());
  CHECK(korean.find("할게요").empty());
  CHECK(korean.find("이제 됬다").size() == 1);
  CHECK(korean.find("할께요").size() == 1);
  CHECK(korean.find("않 되요").size() == 1);
  CHECK(korean.find("않되요").empty());
}
