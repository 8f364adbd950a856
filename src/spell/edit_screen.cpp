#include "spell/edit_screen.h"

namespace hanmark {

EditScreen::EditScreen(const AffixLexicon::Data& data, UnitsView word,
                       const WordCheck::SuffixScope& scope)
    : trie_(data.word_trie),
      word_(word),
      reach_(scope.reach),
      part_start_(word.size() + 1),
      stem_end_(word.size() + 1),
      parses_from_(word.size() + 1) {
  for (uint32_t end : scope.stem_ends) stem_end_[end] = true;
  part_start_[0] = true;
  for (size_t start = 0; start < word.size(); ++start) {
    if (!part_start_[start]) continue;
    uint32_t node = UnitsTrie::root();
    for (size_t end = start + 1; end <= word.size(); ++end) {
      node = trie_.child(node, word[end - 1]);
      if (node == UnitsTrie::kNone) break;
      if (trie_.value(node) != UnitsTrie::kNone) part_start_[end] = true;
    }
  }
  for (size_t start = word.size(); start-- > 0;) {
    uint32_t node = UnitsTrie::root();
    for (size_t end = start + 1; end <= word.size() && !parses_from_[start]; ++end) {
      node = trie_.child(node, word[end - 1]);
      if (node == UnitsTrie::kNone) break;
      parses_from_[start] = may_end(node, end);
    }
  }
}

bool EditScreen::may_end(uint32_t node, size_t at) const {
  if (stem_end_[at]) return true;
  return trie_.value(node) != UnitsTrie::kNone && (at == word_.size() || parses_from_[at]);
}

bool EditScreen::goes_on(uint32_t node, size_t at, UnitsView units, bool to_end) const {
  for (size_t k = 0; k < units.size(); ++k) {
    node = trie_.child(node, units[k]);
    if (node == UnitsTrie::kNone) return false;
    ++at;
    if (k + 1 < units.size() && trie_.value(node) != UnitsTrie::kNone &&
        goes_on(UnitsTrie::root(), at, units.substr(k + 1), to_end))
      return true;
  }
  if (!to_end) return true;
  // Past the edit the word is as it was.
  for (;; ++at) {
    if (may_end(node, at)) return true;
    if (at == word_.size()) return false;
    node = trie_.child(node, word_[at]);
    if (node == UnitsTrie::kNone) return false;
  }
}

bool EditScreen::may_accept(size_t begin, size_t end, UnitsView units) {
  // The suffix searches may read the new units: they may begin suffixes anywhere.
  if (end > reach_) return true;
  if (begin != open_begin_) {
    open_.clear();
    for (size_t start = 0; start < begin; ++start) {
      if (!part_start_[start]) continue;
      uint32_t node = UnitsTrie::root();
      for (size_t i = start; i < begin && node != UnitsTrie::kNone; ++i)
        node = trie_.child(node, word_[i]);
      if (node != UnitsTrie::kNone) open_.push_back(node);
    }
    if (part_start_[begin]) open_.push_back(UnitsTrie::root());
    open_begin_ = begin;
  }
  // A syllable of another size moves the rest of the word, and a suffix may then fit where it
  // did not (its condition reads further back than the word began): only the edit is looked at.
  const bool to_end = units.size() == end - begin;
  for (uint32_t node : open_)
    if (goes_on(node, begin, units, to_end)) return true;
  return false;
}

}  // namespace hanmark
