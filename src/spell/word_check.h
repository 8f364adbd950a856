// One Hunspell::spell() evaluation over AffixLexicon::Data: the dictionary lookup, suffixes
// (single and twofold) and COMPOUNDRULE compounds, in libhunspell 1.7's order and with its
// first-match commitments, for a word already converted by ICONV.
#pragma once

#include <bitset>
#include <vector>

#include "spell/affix_lexicon_data.h"
#include "spell/compound_rule.h"

namespace hanmark {

// The dictionary trie's nodes for a word's prefixes, walked as far as they are asked for.
class PrefixNodes {
 public:
  PrefixNodes(const UnitsTrie& trie, UnitsView word) : trie_(trie), word_(word) {}
  // The node of word[0, length), or kNone when no dictionary word begins so.
  uint32_t at(size_t length);

 private:
  static constexpr size_t kInline = 48;  // near-miss candidates have at most 30 jamo
  const UnitsTrie& trie_;
  UnitsView word_;
  size_t known_ = 1;  // nodes computed: those of the first known_ lengths
  uint32_t inline_[kInline] = {UnitsTrie::root()};
  std::vector<uint32_t> more_;  // lengths from kInline on
  uint32_t& slot(size_t length) {
    return length < kInline ? inline_[length] : more_[length - kInline];
  }
};

class WordCheck {
 public:
  explicit WordCheck(const AffixLexicon::Data& data) : data_(data), parts_(data) {}

  // hunspell's checkword(): true when `word` is accepted.
  bool accepts(UnitsView word);

 private:
  using Homonyms = std::vector<uint32_t>;
  const Homonyms* homonyms_at(uint32_t node) const;
  // The node of `word`, or kNone.
  uint32_t node_of(UnitsView word) const;
  // The homonyms of `stem` followed by `strip`, `stem_node` being the node of `stem`.
  const Homonyms* homonyms_of(uint32_t stem_node, UnitsView strip) const;

  // hunspell's affix_check(): the root of the first suffix parse, or null. In a compound's last
  // part, roots flagged ONLYINCOMPOUND count and suffixes carrying that flag may be used.
  const Root* affixed_root(UnitsView word, bool in_compound) const;
  const Root* suffixed_root(UnitsView word, Flag continuation, bool in_compound) const;
  const Root* twofold_suffixed_root(UnitsView word) const;
  bool condition_holds(const Suffix& suffix, UnitsView stem) const;
  template <typename Visit>
  const Root* for_each_suffix_of(UnitsView word, Visit visit) const;

  // hunspell's compound_check() with COMPOUNDRULE only: the first part's root, or null.
  const Root* compound(UnitsView word, int part_number, int position);
  // affixed_root(rest, true) for a rest of the checked word, which compounds ask for again and
  // again; rests end where the word ends, so their length names them.
  const Root* affixed_last_part(UnitsView rest);
  // Whether `word` with a space put between two of its characters is a dictionary word: such
  // compounds are refused (hunspell's cpdwordpair_check).
  bool is_word_pair(UnitsView word) const;

  // hunspell gives up a compound search that runs past its TIMELIMIT (a fraction of a second)
  // and rejects the word; this gives up after this many split positions (a real word needs tens).
  static constexpr size_t kMaxCompoundSteps = size_t{1} << 20;
  size_t compound_steps_ = 0;

  const AffixLexicon::Data& data_;
  CompoundParts parts_;
  // By rest length; words are shorter than hunspell's 300-byte limit, so fewer units.
  static constexpr size_t kMaxUnits = 300;
  const Root* last_parts_[kMaxUnits + 1];
  std::bitset<kMaxUnits + 1> last_part_known_;
};

}  // namespace hanmark
