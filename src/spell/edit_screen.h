// A quick test that rejects most one-syllable edits of a word before the full check.
//
// Near misses (AffixLexicon::spell_edits) try hundreds of edits of an unknown word, and almost
// none is a dictionary word. Whatever parse accepts a word (a root; a root's beginning and then
// suffixes; compound parts, the last one perhaps with suffixes), it cuts the word into parts
// that each begin where the word begins or where a root before ends, and each part is the
// beginning of a dictionary word that runs to the word's end, to where a root ends and another
// part begins, or to where suffixes begin. When the suffix searches read nothing of the edited
// syllable (WordCheck::suffix_scope), the suffixes and where they begin are those of the word
// itself, and a few trie steps tell whether the edit can be so cut, where WordCheck takes
// thousands of instructions to say no. The test asks less of a word than WordCheck does (no
// flags, no compound rules), so it never rejects what WordCheck would accept.
#pragma once

#include <cstdint>
#include <vector>

#include "spell/affix_lexicon_data.h"
#include "spell/word_check.h"

namespace hanmark {

class EditScreen {
 public:
  // For edits of `word`; `scope` is WordCheck::suffix_scope(data, word).
  EditScreen(const AffixLexicon::Data& data, UnitsView word, const WordCheck::SuffixScope& scope);

  // False when `word` with [begin, end) replaced by `units` cannot be accepted; true when it may.
  // Cheapest when the edits at one `begin` come in a row.
  bool may_accept(size_t begin, size_t end, UnitsView units);

 private:
  // Whether a part whose dictionary word beginning reached `node` at position `at` of the edited
  // word goes on through `units` (the rest of the edit) and, when `to_end`, then through the
  // rest of the word to an end as above. A root ending among `units` may begin a new part.
  bool goes_on(uint32_t node, size_t at, UnitsView units, bool to_end) const;
  // Whether a part may end at `at` (after the edit), having reached `node`.
  bool may_end(uint32_t node, size_t at) const;

  const UnitsTrie& trie_;
  UnitsView word_;
  size_t reach_;
  std::vector<bool> part_start_;   // 0, and where a root beginning at a part start ends
  std::vector<bool> stem_end_;     // where suffixes may begin
  std::vector<bool> parses_from_;  // whether the word from here on can be cut into parts
  // For the position `open_begin_`: the trie nodes of word[s, begin) for the part starts s that
  // some dictionary word begins with it (the root, when begin is a part start itself).
  size_t open_begin_ = SIZE_MAX;
  std::vector<uint32_t> open_;
};

}  // namespace hanmark
