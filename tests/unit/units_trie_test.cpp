// UnitsTrie against std::map and std::sort: its sort, and the trie built from sorted keys, over
// keys of a small alphabet (long shared beginnings, keys that begin others, duplicates) and keys
// whose first units span a wide range (the root's table).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "spell/units_trie.h"

using namespace hanmark;

namespace {

using Entries = std::vector<std::pair<UnitsTrie::Key, uint32_t>>;

std::vector<std::u16string> random_keys(size_t count, std::u16string_view alphabet,
                                        size_t max_length, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::u16string> keys;
  for (size_t i = 0; i < count; ++i) {
    std::u16string key;
    for (size_t n = random() % (max_length + 1); n > 0; --n)
      key += alphabet[random() % alphabet.size()];
    keys.push_back(key);
  }
  return keys;
}

// The value of `key` in `trie`, or kNone.
uint32_t lookup(const UnitsTrie& trie, std::u16string_view key) {
  uint32_t node = UnitsTrie::root();
  for (char16_t unit : key) {
    node = trie.child(node, unit);
    if (node == UnitsTrie::kNone) return UnitsTrie::kNone;
  }
  return trie.value(node);
}

void check_sort(const std::vector<std::u16string>& keys) {
  Entries entries;
  for (size_t i = 0; i < keys.size(); ++i) entries.emplace_back(keys[i], static_cast<uint32_t>(i));
  std::mt19937 random(3);
  std::shuffle(entries.begin(), entries.end(), random);
  Entries expected = entries;
  std::sort(expected.begin(), expected.end());
  UnitsTrie::sort(entries);
  CHECK(entries == expected);
}

void check_trie(const std::vector<std::u16string>& keys, std::u16string_view alphabet) {
  std::map<std::u16string, uint32_t> expected;
  for (const std::u16string& key : keys)
    expected.emplace(key, static_cast<uint32_t>(expected.size()));
  Entries entries(expected.begin(), expected.end());
  UnitsTrie trie;
  trie.build_sorted(entries);
  size_t wrong = 0;
  for (const auto& [key, value] : expected) wrong += lookup(trie, key) != value;
  // Keys that are not there: prefixes and extensions of keys, and random ones.
  for (const std::u16string& key : random_keys(20000, alphabet, 8, 11)) {
    const auto found = expected.find(key);
    wrong += lookup(trie, key) != (found == expected.end() ? UnitsTrie::kNone : found->second);
  }
  CHECK(wrong == 0);
}

}  // namespace

TEST_CASE("units trie: sort orders by key, then value, as std::sort does") {
  check_sort(random_keys(20000, u"abc", 12, 1));  // many duplicates and shared beginnings
  check_sort(random_keys(5000, u"abcdefghijklmnopqrstuvwxyz", 6, 2));
  check_sort(random_keys(3, u"ab", 3, 3));
  check_sort({});
  check_sort({u"", u"", u"a", u""});
}

TEST_CASE("units trie: every key and only the keys are found") {
  const std::u16string few = u"abcd";
  check_trie(random_keys(5000, few, 10, 4), few);
  // Many children per node, over narrow and wide ranges of units: tables, searches and scans.
  std::u16string many;
  for (char16_t unit = 0x1100; unit < 0x1100 + 40; ++unit) many += unit;
  many += u"09az";
  many += static_cast<char16_t>(0xAC00);
  many += static_cast<char16_t>(0xD7A3);
  check_trie(random_keys(20000, many, 6, 5), many);
  check_trie({u""}, few);
  check_trie({}, few);
}
