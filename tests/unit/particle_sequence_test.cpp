// is_particle_sequence: empty, one particle or two, found by lookups; checked against comparing
// with every particle, on every one, two and three particles and on random syllables and bytes.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "spell/typo_table.h"

using namespace hanmark;

namespace {

bool by_comparing(std::string_view rest) {
  if (rest.empty()) return true;
  for (std::string_view first : korean_particles()) {
    if (!rest.starts_with(first)) continue;
    const std::string_view tail = rest.substr(first.size());
    if (tail.empty()) return true;
    for (std::string_view second : korean_particles())
      if (tail == second) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("particle sequence: one or two particles, nothing else") {
  CHECK(is_particle_sequence(""));
  CHECK(is_particle_sequence("을"));
  CHECK(is_particle_sequence("에서는"));
  CHECK(is_particle_sequence("이라고"));
  CHECK(is_particle_sequence("에서도"));
  CHECK_FALSE(is_particle_sequence("사람"));
  CHECK_FALSE(is_particle_sequence("을를을"));  // three
  CHECK_FALSE(is_particle_sequence("를)"));
  CHECK_FALSE(is_particle_sequence("\xEC\x9D"));  // half a syllable
}

TEST_CASE("particle sequence: the same answer as comparing with every particle") {
  const auto particles = korean_particles();
  size_t checked = 0;
  for (std::string_view a : particles) {
    CHECK(is_particle_sequence(a) == by_comparing(a));
    for (std::string_view b : particles) {
      const std::string ab = std::string(a) + std::string(b);
      CHECK(is_particle_sequence(ab) == by_comparing(ab));
      for (std::string_view c : particles) {
        const std::string abc = ab + std::string(c);
        if (is_particle_sequence(abc) != by_comparing(abc)) FAIL_CHECK(abc);
        ++checked;
      }
    }
  }
  CHECK(checked == particles.size() * particles.size() * particles.size());
  std::mt19937 random(3);
  const std::vector<std::string> pieces = {"이", "가", "에", "서", "는",   "라",   "고",   "나",
                                           "사", "람", "a",  " ",  "\xEC", "\x9D", "\xB4", "힣"};
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    for (int k = 0, n = static_cast<int>(random() % 8); k < n; ++k)
      text += pieces[random() % pieces.size()];
    if (is_particle_sequence(text) != by_comparing(text)) FAIL_CHECK(text);
  }
}
