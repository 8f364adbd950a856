// Korean word-spacing (띄어쓰기) patterns that can be decided without a morphological analyser:
// dependent nouns written attached, endings written apart, counters after Hangul numerals,
// particles and -하다/-되다 split from their word. Used by the korean-spacing rule.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/text_memo.h"

namespace hanmark::spacing {

enum class Pattern {
  dependent_noun,  // 할수 있다, 있는것, 할때, 구상중이신, 할만큼, 할뿐, 싶은거
  auxiliary_haeya,    // 해야할 → 해야 할 (-어야 하다/되다)
  ji_ending,          // 생성할 지 → 생성할지, 하는 지 → 하는지
  ji_duration,        // 종사한지 4년 → 종사한 지 4년
  counter,            // 두가지 → 두 가지
  particle_detached,  // API 를 → API를
  verbal_noun_split,  // 사용 할 수 → 사용할 수
};

std::string_view name(Pattern pattern);

// One finding: replace text bytes [begin, end) with `replacement` (a space inserted or removed).
struct Finding {
  Pattern pattern;
  uint32_t begin;
  uint32_t end;
  std::string replacement;
  std::string word;  // the dependent noun, particle, ending or counter the finding is about
  bool certain;      // the correction has no plausible alternative reading
};

// Every finding in prose text, in text order. Findings never overlap.
text::SharedList<Finding> find(std::string_view text);

// The code points find() reads `text` as (an invalid byte is one U+FFFD), each with its byte
// offset: for tests, which compare them with utf8::decode_all().
std::vector<std::pair<char32_t, uint32_t>> code_points(std::string_view text);

}  // namespace hanmark::spacing
