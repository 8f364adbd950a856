#include "spell/word_check.h"

namespace hanmark {

uint32_t PrefixNodes::at(size_t length) {
  if (length >= kInline && more_.size() < length - kInline + 1) more_.resize(length - kInline + 1);
  for (; known_ <= length; ++known_) {
    const uint32_t last = slot(known_ - 1);
    slot(known_) =
        last == UnitsTrie::kNone ? UnitsTrie::kNone : trie_.child(last, word_[known_ - 1]);
  }
  return slot(length);
}

uint32_t WordCheck::node_of(UnitsView word) const {
  uint32_t node = UnitsTrie::root();
  for (size_t i = 0; i < word.size() && node != UnitsTrie::kNone; ++i)
    node = data_.word_trie.child(node, word[i]);
  return node;
}

auto WordCheck::homonyms_at(uint32_t node) const -> const Homonyms* {
  if (node == UnitsTrie::kNone) return nullptr;
  const uint32_t value = data_.word_trie.value(node);
  return value == UnitsTrie::kNone ? nullptr : data_.trie_homonyms[value];
}

auto WordCheck::homonyms_of(uint32_t stem_node, UnitsView strip) const -> const Homonyms* {
  for (char16_t unit : strip) {
    if (stem_node == UnitsTrie::kNone) return nullptr;
    stem_node = data_.word_trie.child(stem_node, unit);
  }
  return homonyms_at(stem_node);
}

bool WordCheck::accepts(UnitsView word) {
  if (word.size() > kMaxUnits) return false;  // hunspell refuses such input before converting
  last_part_known_.reset();
  if (const Homonyms* homonyms = homonyms_at(node_of(word))) {
    // Only the first homonym's FORBIDDENWORD counts, as in hunspell.
    if (data_.has(data_.roots[homonyms->front()], data_.forbidden)) return false;
    for (uint32_t index : *homonyms)
      if (!data_.has(data_.roots[index], data_.only_in_compound)) return true;
  }
  if (const Root* root = affixed_root(word, false)) {
    if (!data_.has(*root, data_.only_in_compound)) return !data_.has(*root, data_.forbidden);
  }
  if (data_.compound_rules.empty()) return false;
  parts_.set_active(false);
  return compound(word, 0, 0) != nullptr;
}

// The root is `stem` followed by the suffix's strip text; the condition is on its end.
bool WordCheck::condition_holds(const Suffix& suffix, UnitsView stem) const {
  const Condition& condition = data_.conditions[suffix.condition];
  const size_t size = stem.size() + suffix.strip.size();
  if (condition.size() > size) return false;
  const size_t start = size - condition.size();
  for (size_t i = 0; i < condition.size(); ++i) {
    const size_t at = start + i;
    const char16_t unit = at < stem.size() ? stem[at] : suffix.strip[at - stem.size()];
    if (!condition[i].matches(unit)) return false;
  }
  return true;
}

// Calls `visit(suffix, stem, homonyms)` for each suffix whose appended text ends `word`, in
// hunspell's order (those appending nothing, then by length), where `stem` is the word without
// the appended text and `homonyms` the dictionary entries of the root (the stem and the
// stripped text), until `visit` returns a root.
template <typename Visit>
const Root* WordCheck::for_each_suffix_of(UnitsView word, Visit visit) const {
  if (word.empty()) return nullptr;
  PrefixNodes prefixes(data_.word_trie, word);
  const auto try_list = [&](const std::vector<uint32_t>& list, size_t append) -> const Root* {
    const UnitsView stem = word.substr(0, word.size() - append);
    for (uint32_t index : list) {
      const Suffix& suffix = data_.suffixes[index];
      if (!condition_holds(suffix, stem)) continue;
      const Homonyms* homonyms = homonyms_of(prefixes.at(stem.size()), suffix.strip);
      if (const Root* found = visit(suffix, stem, homonyms)) return found;
    }
    return nullptr;
  };
  if (const Root* found = try_list(data_.empty_append_suffixes, 0)) return found;
  // The root must keep at least one character.
  uint32_t node = UnitsTrie::root();
  for (size_t append = 1; append < word.size(); ++append) {
    node = data_.append_trie.child(node, word[word.size() - append]);
    if (node == UnitsTrie::kNone) break;
    const uint32_t list = data_.append_trie.value(node);
    if (list == UnitsTrie::kNone) continue;
    if (const Root* found = try_list(data_.append_lists[list], append)) return found;
  }
  return nullptr;
}

const Root* WordCheck::suffixed_root(UnitsView word, Flag continuation, bool in_compound) const {
  const Flag bad = in_compound ? 0 : data_.only_in_compound;
  return for_each_suffix_of(
      word, [&](const Suffix& suffix, UnitsView, const Homonyms* homonyms) -> const Root* {
        if (homonyms == nullptr) return nullptr;
        const FlagSet& classes = data_.flag_sets[suffix.continuation];
        if (!in_compound && classes.has(data_.only_in_compound)) return nullptr;
        if (continuation != 0 && !classes.has(continuation)) return nullptr;
        for (uint32_t index : *homonyms) {
          const Root& candidate = data_.roots[index];
          if (data_.has(candidate, suffix.flag) && !data_.has(candidate, bad)) return &candidate;
        }
        return nullptr;
      });
}

// An outer suffix whose flag is some suffix's continuation class, then an inner suffix that
// allows it. hunspell checks the inner one as outside compounds even in a compound's last part.
const Root* WordCheck::twofold_suffixed_root(UnitsView word) const {
  Units inner;
  return for_each_suffix_of(
      word, [&](const Suffix& outer, UnitsView stem, const Homonyms*) -> const Root* {
        if (outer.flag >= data_.continuation_flags.size() || !data_.continuation_flags[outer.flag])
          return nullptr;
        inner.assign(stem);
        inner.append(outer.strip);
        return suffixed_root(inner, outer.flag, false);
      });
}

const Root* WordCheck::affixed_root(UnitsView word, bool in_compound) const {
  if (const Root* root = suffixed_root(word, 0, in_compound)) return root;
  return data_.continuation_flags.empty() ? nullptr : twofold_suffixed_root(word);
}

const Root* WordCheck::affixed_last_part(UnitsView rest) {
  if (!last_part_known_[rest.size()]) {
    last_parts_[rest.size()] = affixed_root(rest, true);
    last_part_known_.set(rest.size());
  }
  return last_parts_[rest.size()];
}

bool WordCheck::is_word_pair(UnitsView word) const {
  Units candidate;
  for (size_t i = 1; i < word.size(); ++i) {
    candidate.assign(word.substr(0, i));
    candidate.push_back(u' ');
    candidate.append(word.substr(i));
    if (homonyms_at(node_of(candidate)) != nullptr || affixed_root(candidate, false) != nullptr)
      return true;
  }
  return false;
}

const Root* WordCheck::compound(UnitsView word, int part_number, int position) {
  const bool was_active = parts_.active();
  const size_t min = data_.compound_min;
  const size_t first_end = std::min(min, word.size());
  const size_t last_end = word.size() >= min - 1 ? word.size() - (min - 1) : 0;
  PrefixNodes prefixes(data_.word_trie, word);
  for (size_t split = first_end; split < last_end; ++split) {
    if (++compound_steps_ > kMaxCompoundSteps) return nullptr;
    parts_.set_active(was_active);
    // The first part: a dictionary word whose flags can begin a rule after the parts before.
    const uint32_t node = prefixes.at(split);
    if (node == UnitsTrie::kNone) break;  // no dictionary word begins with this part
    const Root* first = nullptr;
    if (const Homonyms* homonyms = homonyms_at(node))
      for (uint32_t index : *homonyms)
        if ((parts_.active() || part_number == 0) &&
            parts_.place(position, &data_.roots[index], false)) {
          first = &data_.roots[index];
          break;
        }
    if (first == nullptr || data_.has(*first, data_.forbidden)) continue;

    // The rest as one dictionary word completing a rule.
    const UnitsView rest = word.substr(split);
    if (const Homonyms* homonyms = homonyms_at(node_of(rest)))
      for (uint32_t index : *homonyms)
        if (parts_.place(position + 1, &data_.roots[index], true)) return first;
    // The rest as a word with suffixes completing a rule.
    if (const Root* root = affixed_last_part(rest))
      if (parts_.place(position + 1, root, true)) return first;
    // The rest as more parts.
    if (part_number + 2 >= CompoundParts::kMaxParts) continue;
    const Root* next = compound(rest, part_number + 1, position + 1);
    if (next == nullptr) continue;
    if (is_word_pair(word)) return nullptr;
    const size_t two_parts = split + next->word.size();
    if (rest.substr(0, next->word.size()) == next->word) {
      if (is_word_pair(word.substr(0, two_parts))) continue;
      // A forbidden dictionary word beginning with these two parts forbids the compound.
      const Homonyms* homonyms = homonyms_at(prefixes.at(word.size()));
      const Root* whole =
          homonyms != nullptr ? &data_.roots[homonyms->front()] : affixed_root(word, false);
      if (whole != nullptr && data_.has(*whole, data_.forbidden) &&
          whole->word.substr(0, two_parts) == word.substr(0, two_parts))
        return nullptr;
    }
    return first;
  }
  return nullptr;
}

}  // namespace hanmark
