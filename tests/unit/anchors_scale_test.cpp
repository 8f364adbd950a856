// "Did you mean" for broken #fragments in a post with tens of thousands of headings: the same
// suggestions as comparing with every anchor, without comparing with every anchor.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/edit_distance.h"
#include "markdown/anchors.h"
#include "markdown/document.h"
#include "markdown/slip_index.h"

using namespace hanmark;

namespace {

std::u32string random_word(std::mt19937& rng, size_t max_length) {
  static const std::u32string letters = U"가나다라-ab";
  std::u32string word(std::uniform_int_distribution<size_t>(0, max_length)(rng), U' ');
  for (char32_t& c : word) c = letters[rng() % letters.size()];
  return word;
}

}  // namespace

TEST_CASE("slip index finds exactly the names within two edits, with their distance") {
  std::mt19937 rng(8);
  std::vector<std::u32string> names;
  for (int n = 0; n < 400; ++n) names.push_back(random_word(rng, 8));
  const SlipIndex index(names);
  for (int n = 0; n < 400; ++n) {
    const std::u32string word = random_word(rng, 8);
    std::vector<std::pair<size_t, size_t>> found, expected;
    for (const SlipIndex::Match& m : index.within(word, 2)) found.emplace_back(m.name, m.distance);
    for (size_t i = 0; i < names.size(); ++i)
      if (const size_t d = edit_distance(word, names[i]); d <= 2) expected.emplace_back(i, d);
    std::sort(found.begin(), found.end());
    REQUIRE(found == expected);
  }
}

TEST_CASE("closest anchor in a post with 20,000 headings compares with few of them") {
  std::string post;
  for (int i = 0; i < 20000; ++i)
    post += "## 설치 단계 " + std::to_string(i) + " 설명\n\n본문.\n\n";
  const auto doc = Document::parse("t.md", post);
  const Anchors anchors = collect_anchors(*doc);
  size_t queries = 0;
  for (int i = 0; i < 20000; i += 97, queries += 2) {
    const std::string n = std::to_string(i);
    CHECK(anchors.closest("설치-단계-" + n + "-설병") == "설치-단계-" + n + "-설명");  // slip
    CHECK(anchors.closest("설치-단계-" + n) == "설치-단계-" + n + "-설명");            // shortened
  }
  CHECK_FALSE(anchors.closest("전혀-다른-이름"));
  // Measuring each query against every anchor, as before, takes 17 table rows per anchor, and
  // quadratic time in a post with many headings and links. The walk visits few of them.
  CHECK(anchors.suggestion_steps() < queries * 40000);
}

TEST_CASE("an anchor added after a suggestion is suggested too") {
  Anchors anchors;
  anchors.add("설치-방법");
  CHECK_FALSE(anchors.closest("배포-방볍"));
  anchors.add("배포-방법");
  CHECK(anchors.closest("배포-방볍") == "배포-방법");
}
