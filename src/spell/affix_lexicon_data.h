// The parsed form of a hunspell dictionary, as AffixLexicon reads it. Words are kept as UTF-16
// code units after ICONV (hunspell-ko: conjoining jamo, one unit each), so that positions are
// characters.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "spell/affix_lexicon.h"
#include "spell/units_trie.h"

namespace hanmark {

using Flag = uint16_t;
using Units = std::u16string;
using UnitsView = std::u16string_view;

// UTF-8 as UTF-16 units (an invalid byte is U+FFFD).
Units to_units(std::string_view text);

// hunspell's encoding of COMPOUNDRULE quantifiers: they are stored among the flags as the
// characters themselves, and a flag numbered 42 or 63 would be read as one (as in hunspell).
inline constexpr Flag kRuleStar = '*';
inline constexpr Flag kRuleOptional = '?';

struct FlagSet {
  std::vector<Flag> flags;     // sorted
  std::vector<uint64_t> bits;  // bit f: has flag f
  uint64_t rule_flags = 0;     // bit i: has the rule flag given bit i (Data::compound_rule_bits)
  uint32_t rule_class = 0;     // the index of rule_flags in Data::rule_classes
  explicit FlagSet(std::vector<Flag> sorted = {}) : flags(std::move(sorted)) {
    if (!flags.empty()) bits.resize(flags.back() / 64 + 1);
    for (Flag f : flags) bits[f / 64] |= uint64_t{1} << (f % 64);
  }
  bool has(Flag flag) const {
    return flag != 0 && flag / 64 < bits.size() && (bits[flag / 64] >> (flag % 64) & 1) != 0;
  }
};

struct UnitsHash {
  using is_transparent = void;
  size_t operator()(UnitsView units) const { return std::hash<UnitsView>{}(units); }
  size_t operator()(const Units& units) const { return (*this)(UnitsView(units)); }
};

// One dictionary entry (a homonym): its word and flags.
struct Root {
  UnitsView word;          // into Data::dic_units or Data::added_units
  uint32_t flags = 0;      // index into Data::flag_sets; 0 is the empty set
  bool had_flags = false;  // hunspell's astr != NULL: kept when a forbidden flag is cleared
};

// The roots of one word, in the order they were added (indexes into Data::roots).
using Homonyms = std::span<const uint32_t>;

// One position of a suffix condition: the root's character there must (not) be among `units`,
// or anything when `any`.
struct ConditionPosition {
  bool any = false;
  bool negated = false;
  Units units;            // sorted
  std::bitset<256> jamo;  // the units of U+1100..U+11FF, for hunspell-ko's conditions
  bool matches(char16_t unit) const {
    if (any) return true;
    const bool listed = unit >= 0x1100 && unit <= 0x11FF
                            ? jamo[unit - 0x1100]
                            : std::binary_search(units.begin(), units.end(), unit);
    return listed != negated;
  }
};
using Condition = std::vector<ConditionPosition>;  // left to right: the root's last characters

struct Suffix {
  Flag flag = 0;
  uint32_t continuation = 0;  // flag set of the continuation classes
  uint32_t condition = 0;     // index into Data::conditions; 0 is "no condition"
  Units strip;
};

// Suffixes found by their appended text: `trie` holds the appended texts reversed, its values
// index its lists; each list, and `empty_append` (the suffixes appending nothing, which hunspell
// tries first), is in the order hunspell tries them: its sorted suffix list keeps equal keys in
// reverse order of the .aff file, last-defined first.
struct SuffixIndex {
  UnitsTrie trie;
  // List i is list_suffixes[list_starts[i], list_starts[i + 1]).
  std::vector<uint32_t> list_suffixes, list_starts{0};
  std::vector<uint32_t> empty_append;
  std::span<const uint32_t> list(uint32_t i) const {
    return std::span(list_suffixes).subspan(list_starts[i], list_starts[i + 1] - list_starts[i]);
  }
};

struct AffixLexicon::Data {
  std::vector<FlagSet> flag_sets{FlagSet{}};
  std::vector<Condition> conditions{Condition{}};
  std::vector<Root> roots;
  std::vector<Suffix> suffixes;
  SuffixIndex all_suffixes;
  // Flags some suffix names as a continuation class: the outer suffixes of twofold suffixes.
  // Empty when no suffix has continuation classes.
  std::vector<bool> continuation_flags;
  // The suffixes a twofold parse can use, in the same order: the outer ones (whose flag is a
  // continuation class; hunspell-ko: 11,956 of 98,577) and the inner ones (that have
  // continuation classes; 2,056), so that its searches skip the others without looking.
  SuffixIndex outer_suffixes, inner_suffixes;
  std::vector<std::vector<Flag>> compound_rules;
  // The flags that appear in rules are given a bit of FlagSet::rule_flags each (at most 64, else
  // the dictionary is refused): each rule's tokens as those bits; the bits of the flags that are
  // not read as quantifiers, one of which a part needs to be in any rule.
  std::vector<std::vector<uint64_t>> compound_rule_bits;
  uint64_t rule_part_bits = 0;
  // Per rule, the flags a first part can match: those of the tokens up to the first one
  // without a quantifier. A first part with none of them fails the rule at once.
  std::vector<uint64_t> rule_first_bits;
  // The distinct rule_flags of the flag sets (0 first), and whether a compound's parts match
  // some rule, by the classes of their rule flags, for one part and for two (hunspell-ko: 25
  // classes). A compound's first two parts are checked against the rules at every split of a
  // word, so the answers are computed once when loading (compound_rule.h).
  std::vector<uint64_t> rule_classes;
  std::vector<uint8_t> one_part_matches, two_part_matches;
  std::unordered_map<char32_t, Units> input_conversion;  // ICONV, one character each
  // The conversions of the Hangul syllables U+AC00..U+D7A3: syllable s's is syllable_units
  // [syllable_offsets[s], syllable_offsets[s + 1]). A checked word is nothing else, and a hash
  // lookup per syllable showed in profiles.
  Units syllable_units;
  std::vector<uint32_t> syllable_offsets;
  Flag forbidden = 65510;  // hunspell's default FORBIDDENWORD
  Flag only_in_compound = 0;
  size_t compound_min = 3;  // hunspell's default COMPOUNDMIN

  const FlagSet& flags_of(const Root& root) const { return flag_sets[root.flags]; }
  bool has(const Root& root, Flag flag) const { return flags_of(root).has(flag); }

  // The distinct words. The .dic's come first, sorted (`dic_words` of them), with their units
  // one after another in `dic_units`, so that loading allocates nothing per word; those added at
  // run time follow, found through `added_index`. A word's homonyms are
  // homonym_roots[first, first + count).
  struct Word {
    UnitsView units;
    uint32_t first = 0, count = 0;
  };
  std::vector<Word> words;
  size_t dic_words = 0;
  std::vector<uint32_t> homonym_roots;
  std::unique_ptr<char16_t[]> dic_units;  // null when the words view `image`
  std::deque<Units> added_units;          // a deque: views of them stay valid as words are added
  std::unordered_map<UnitsView, uint32_t, UnitsHash, std::equal_to<>> added_index;

  // The index in `words` of `word`, or UINT32_MAX.
  uint32_t word_index(UnitsView word) const;
  // Empty when `word` is not in the dictionary.
  Homonyms homonyms_of(UnitsView word) const;
  // The homonyms of words[w].
  Homonyms homonyms_of_word(uint32_t w) const {
    return Homonyms(homonym_roots).subspan(words[w].first, words[w].count);
  }
  uint32_t add_root(UnitsView word, uint32_t flags, bool had_flags);

  // Every word in a trie, whose values index `words`: a check walks a word's prefixes once
  // instead of hashing each. Rebuilt after words are added.
  UnitsTrie word_trie;
  bool word_trie_stale = true;
  void build_word_trie();

  // Read from a compiled image (lexicon_image.h): the mapped file, which the tries' arrays and
  // the .dic's word units view instead of copies. Null when parsed.
  std::shared_ptr<const void> image;
};

}  // namespace hanmark
