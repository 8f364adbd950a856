#include "spell/word_check.h"

#include <algorithm>

namespace hanmark {

void SubstringNodes::reset(const UnitsTrie& trie, UnitsView word) {
  trie_ = &trie;
  word_ = word;
  std::fill_n(known_, word.size() + 1, 0);
  const size_t cells = row_offset(word.size() + 1);
  if (word.size() <= kInlineUnits) {
    nodes_ = inline_;
    return;
  }
  if (heap_size_ < cells) {
    heap_.reset(new uint32_t[cells]);
    heap_size_ = cells;
  }
  nodes_ = heap_.get();
}

void SubstringNodes::edit(UnitsView word, size_t begin, size_t end) {
  word_ = word;
  // Row `start` before the edit keeps the nodes of the substrings that end by `begin`.
  for (size_t start = 0; start < begin; ++start)
    known_[start] = static_cast<uint16_t>(std::min<size_t>(known_[start], begin - start + 1));
  std::fill(known_ + begin, known_ + end, 0);
}

uint32_t SubstringNodes::extend(size_t start, size_t length) {
  uint32_t* row = nodes_ + row_offset(start);
  size_t known = known_[start];
  if (known == 0) row[known++] = UnitsTrie::root();
  uint32_t node = row[known - 1];
  // Past a length no dictionary word begins with, none does: such rows stop there.
  for (; known <= length && node != UnitsTrie::kNone; ++known) {
    node = trie_->child(node, word_[start + known - 1]);
    row[known] = node;
  }
  known_[start] = static_cast<uint16_t>(known);
  return length < known ? row[length] : UnitsTrie::kNone;
}

void WordCheck::reset(const AffixLexicon::Data& data, UnitsView word) {
  data_ = &data;
  word_ = word;
  nodes_.reset(data.word_trie, word);
  compound_steps_ = 0;
  // A word pair (is_word_pair) may be a unit longer; it has no compound parts.
  std::fill_n(last_part_known_, std::min(word.size() + 1, std::size(last_part_known_)), false);
  candidates_known_ = outer_known_ = false;
}

auto WordCheck::homonyms_at(uint32_t node) const -> std::optional<Homonyms> {
  if (node == UnitsTrie::kNone) return std::nullopt;
  const uint32_t value = data_->word_trie.value(node);
  if (value == UnitsTrie::kNone) return std::nullopt;
  return data_->homonyms_of_word(value);
}

auto WordCheck::homonyms_of(size_t start, size_t end, UnitsView tail, UnitsView more)
    -> std::optional<Homonyms> {
  uint32_t node = nodes_.at(start, end - start);
  for (UnitsView units : {tail, more})
    for (char16_t unit : units) {
      if (node == UnitsTrie::kNone) return std::nullopt;
      node = data_->word_trie.child(node, unit);
    }
  return homonyms_at(node);
}

bool WordCheck::accepts(const AffixLexicon::Data& data, UnitsView word) {
  if (word.size() > kMaxUnits) return false;  // hunspell refuses such input before converting
  reset(data, word);
  return decide();
}

bool WordCheck::accepts_edited(UnitsView word, size_t begin, size_t end) {
  if (word.size() > kMaxUnits) return false;
  word_ = word;
  nodes_.edit(word, begin, end);
  compound_steps_ = 0;
  // affixed_root(start, …) reads the word from `start` on only: those after the edit hold.
  std::fill_n(last_part_known_, end, false);
  // The suffixes found read the word from their reach on: an edit before it leaves them as they
  // were (near misses change the syllables before a word's ending one after another).
  if (end > candidates_reach_) candidates_known_ = false;
  if (end > outer_reach_) {
    outer_known_ = false;
  } else {
    bool any_kept = false;
    for (InnerRange& range : inner_ranges_) {
      if (end > range.reach) range.first = UINT32_MAX;
      any_kept |= range.first != UINT32_MAX;
    }
    if (!any_kept) inner_.clear();
  }
  return decide();
}

auto WordCheck::suffix_scope(const AffixLexicon::Data& data, UnitsView word) -> SuffixScope {
  reset(data, word);
  SuffixScope scope;
  for (const Candidate& c : suffix_candidates()) scope.stem_ends.push_back(c.stem_end);
  scope.reach = candidates_reach_;
  if (data.continuation_flags.empty()) return scope;  // no twofold suffixes (affixed_root)
  outer_candidates();
  scope.reach = std::min(scope.reach, outer_reach_);
  for (size_t o = 0; o < outer_.size(); ++o) {
    const uint32_t outer_end = outer_[o].stem_end;
    scope.stem_ends.push_back(outer_end);
    const auto [begin, end] = inner_candidates(o);
    for (const Candidate* inner = begin; inner != end; ++inner)
      scope.stem_ends.push_back(std::min(inner->stem_end, outer_end));  // past it: strip text
    scope.reach = std::min<size_t>(scope.reach, inner_ranges_[o].reach);
  }
  return scope;
}

bool WordCheck::decide() {
  const AffixLexicon::Data& data = *data_;
  const UnitsView word = word_;
  if (const std::optional<Homonyms> homonyms = homonyms_at(nodes_.at(0, word.size()))) {
    // Only the first homonym's FORBIDDENWORD counts, as in hunspell.
    if (data.has(data.roots[homonyms->front()], data.forbidden)) return false;
    for (uint32_t index : *homonyms)
      if (!data.has(data.roots[index], data.only_in_compound)) return true;
  }
  if (word.empty()) return false;
  if (const Root* root = affixed_root(0, false)) {
    if (!data.has(*root, data.only_in_compound)) return !data.has(*root, data.forbidden);
  }
  if (data.compound_rules.empty()) return false;
  if (parts_)
    parts_->restart(data);
  else
    parts_.emplace(data);
  return compound(0, 0, 0) != nullptr;
}

// The root is the stem followed by the suffix's strip text; the condition is on its end, and
// only the stem's last units that it reaches are read.
size_t WordCheck::collect(const SuffixIndex& index, UnitsView text,
                          std::vector<Candidate>& out) const {
  size_t reach = text.size();
  const auto try_list = [&](std::span<const uint32_t> list, size_t append) {
    const size_t stem_end = text.size() - append;
    for (uint32_t suffix_index : list) {
      const Suffix& suffix = data_->suffixes[suffix_index];
      const Condition& condition = data_->conditions[suffix.condition];
      const size_t strip = suffix.strip.size();
      // The stem keeps at least one unit, and as many as the condition reads beyond the strip.
      const size_t needed =
          std::max<size_t>(1, condition.size() > strip ? condition.size() - strip : 0);
      if (stem_end < needed) continue;
      const size_t start = stem_end + strip - condition.size();
      reach = std::min(reach, start);
      bool holds = true;
      for (size_t i = 0; i < condition.size() && holds; ++i) {
        const size_t at = start + i;
        holds = condition[i].matches(at < stem_end ? text[at] : suffix.strip[at - stem_end]);
      }
      if (holds)
        out.push_back({suffix_index, static_cast<uint32_t>(stem_end),
                       static_cast<int64_t>(stem_end - needed)});
    }
  };
  if (text.empty()) return reach;
  try_list(index.empty_append, 0);
  uint32_t node = UnitsTrie::root();
  for (size_t append = 1; append < text.size(); ++append) {
    reach = std::min(reach, text.size() - append);
    node = index.trie.child(node, text[text.size() - append]);
    if (node == UnitsTrie::kNone) break;
    const uint32_t list = index.trie.value(node);
    if (list != UnitsTrie::kNone) try_list(index.list(list), append);
  }
  return reach;
}

auto WordCheck::suffix_candidates() -> const std::vector<Candidate>& {
  if (!candidates_known_) {
    candidates_.clear();
    candidates_reach_ = collect(data_->all_suffixes, word_, candidates_);
    candidates_known_ = true;
  }
  return candidates_;
}

auto WordCheck::outer_candidates() -> const std::vector<Candidate>& {
  if (!outer_known_) {
    outer_.clear();
    outer_reach_ = collect(data_->outer_suffixes, word_, outer_);
    inner_ranges_.assign(outer_.size(), InnerRange{});
    inner_.clear();
    outer_known_ = true;
  }
  return outer_;
}

auto WordCheck::inner_candidates(size_t outer) -> std::pair<const Candidate*, const Candidate*> {
  auto& range = inner_ranges_[outer];
  if (range.first == UINT32_MAX) {
    const Suffix& suffix = data_->suffixes[outer_[outer].suffix];
    inner_text_.assign(word_.substr(0, outer_[outer].stem_end));
    inner_text_.append(suffix.strip);
    const size_t from = inner_.size();
    // Past the stem, inner_text_ is the strip text, which no edit changes.
    range.reach = static_cast<uint32_t>(std::min<size_t>(
        collect(data_->inner_suffixes, inner_text_, inner_), outer_[outer].stem_end));
    // hunspell checks the inner suffix as outside compounds, and only one allowing the outer.
    size_t kept = from;
    for (size_t i = from; i < inner_.size(); ++i) {
      const FlagSet& classes = data_->flag_sets[data_->suffixes[inner_[i].suffix].continuation];
      if (classes.has(suffix.flag) && !classes.has(data_->only_in_compound))
        inner_[kept++] = inner_[i];
    }
    inner_.resize(kept);
    range.first = static_cast<uint32_t>(from);
    range.last = static_cast<uint32_t>(kept);
  }
  return {inner_.data() + range.first, inner_.data() + range.last};
}

const Root* WordCheck::suffixed_root(size_t start, bool in_compound) {
  const AffixLexicon::Data& data = *data_;
  const Flag bad = in_compound ? 0 : data.only_in_compound;
  for (const Candidate& candidate : suffix_candidates()) {
    if (static_cast<int64_t>(start) > candidate.last_start) continue;
    const Suffix& suffix = data.suffixes[candidate.suffix];
    if (!in_compound && data.flag_sets[suffix.continuation].has(data.only_in_compound)) continue;
    const std::optional<Homonyms> homonyms = homonyms_of(start, candidate.stem_end, suffix.strip);
    if (!homonyms) continue;
    for (uint32_t index : *homonyms) {
      const Root& root = data.roots[index];
      if (data.has(root, suffix.flag) && !data.has(root, bad)) return &root;
    }
  }
  return nullptr;
}

const Root* WordCheck::twofold_suffixed_root(size_t start) {
  const AffixLexicon::Data& data = *data_;
  const std::vector<Candidate>& outers = outer_candidates();
  for (size_t o = 0; o < outers.size(); ++o) {
    if (static_cast<int64_t>(start) > outers[o].last_start) continue;
    const size_t outer_end = outers[o].stem_end;
    const UnitsView outer_strip = data.suffixes[outers[o].suffix].strip;
    const auto [begin, end] = inner_candidates(o);
    for (const Candidate* inner = begin; inner != end; ++inner) {
      if (static_cast<int64_t>(start) > inner->last_start) continue;
      const Suffix& suffix = data.suffixes[inner->suffix];
      // The inner stem ends in the word or in the outer suffix's strip text.
      const std::optional<Homonyms> homonyms =
          inner->stem_end <= outer_end
              ? homonyms_of(start, inner->stem_end, suffix.strip)
              : homonyms_of(start, outer_end, outer_strip.substr(0, inner->stem_end - outer_end),
                            suffix.strip);
      if (!homonyms) continue;
      for (uint32_t index : *homonyms) {
        const Root& root = data.roots[index];
        if (data.has(root, suffix.flag) && !data.has(root, data.only_in_compound)) return &root;
      }
    }
  }
  return nullptr;
}

const Root* WordCheck::affixed_root(size_t start, bool in_compound) {
  if (const Root* root = suffixed_root(start, in_compound)) return root;
  return data_->continuation_flags.empty() ? nullptr : twofold_suffixed_root(start);
}

const Root* WordCheck::affixed_last_part(size_t start) {
  if (!last_part_known_[start]) {
    last_parts_[start] = affixed_root(start, true);
    last_part_known_[start] = true;
  }
  return last_parts_[start];
}

bool WordCheck::is_word_pair(UnitsView word) const {
  Units candidate;
  // Rare (a compound of three parts or more was found): a check of its own per candidate.
  const auto pair = std::make_unique<WordCheck>();
  for (size_t i = 1; i < word.size(); ++i) {
    candidate.assign(word.substr(0, i));
    candidate.push_back(u' ');
    candidate.append(word.substr(i));
    pair->reset(*data_, candidate);
    if (pair->homonyms_at(pair->nodes_.at(0, candidate.size())) ||
        pair->affixed_root(0, false) != nullptr)
      return true;
  }
  return false;
}

const Root* WordCheck::compound(size_t start, int part_number, int position) {
  const AffixLexicon::Data& data = *data_;
  CompoundParts& parts = *parts_;
  const bool was_active = parts.active();
  const size_t size = word_.size() - start;
  const size_t min = data.compound_min;
  const size_t first_end = std::min(min, size);
  const size_t last_end = size >= min - 1 ? size - (min - 1) : 0;
  for (size_t split = first_end; split < last_end; ++split) {
    if (++compound_steps_ > kMaxCompoundSteps) return nullptr;
    parts.set_active(was_active);
    // The first part: a dictionary word whose flags can begin a rule after the parts before.
    const uint32_t node = nodes_.at(start, split);
    if (node == UnitsTrie::kNone) break;  // no dictionary word begins with this part
    const Root* first = nullptr;
    if (const std::optional<Homonyms> homonyms = homonyms_at(node))
      for (uint32_t index : *homonyms)
        if ((parts.active() || part_number == 0) &&
            parts.place(position, &data.roots[index], false)) {
          first = &data.roots[index];
          break;
        }
    if (first == nullptr || data.has(*first, data.forbidden)) continue;

    // The rest as one dictionary word completing a rule.
    const size_t rest = start + split;
    if (const std::optional<Homonyms> homonyms = homonyms_at(nodes_.at(rest, word_.size() - rest)))
      for (uint32_t index : *homonyms)
        if (parts.place(position + 1, &data.roots[index], true)) return first;
    // The rest as a word with suffixes completing a rule.
    if (const Root* root = affixed_last_part(rest))
      if (parts.place(position + 1, root, true)) return first;
    // The rest as more parts.
    if (part_number + 2 >= CompoundParts::kMaxParts) continue;
    const Root* next = compound(rest, part_number + 1, position + 1);
    if (next == nullptr) continue;
    const UnitsView word = word_.substr(start);
    if (is_word_pair(word)) return nullptr;
    const size_t two_parts = split + next->word.size();
    if (word.substr(split, next->word.size()) == next->word) {
      if (is_word_pair(word.substr(0, two_parts))) continue;
      // A forbidden dictionary word beginning with these two parts forbids the compound.
      const std::optional<Homonyms> homonyms = homonyms_at(nodes_.at(start, size));
      const Root* whole = homonyms ? &data.roots[homonyms->front()] : affixed_root(start, false);
      if (whole != nullptr && data.has(*whole, data.forbidden) &&
          whole->word.substr(0, two_parts) == word.substr(0, two_parts))
        return nullptr;
    }
    return first;
  }
  return nullptr;
}

}  // namespace hanmark
