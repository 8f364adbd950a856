// COMPOUNDRULE matching as libhunspell 1.7 does it (its defcpd_check): a rule is a sequence of
// flags, each optionally followed by '*' or '?', and the parts of a compound found so far match
// it when each part has the flag of its position. Partial matches (the parts so far could begin
// the rule) let the compound search go on; the search commits to the first homonym that
// matches, so the quirks of hunspell's backtracking matcher are kept, not "fixed".
//
// Whether parts match depends only on the rule flags of each part, and dictionaries have few
// distinct sets of them (hunspell-ko: 25), so the answers for one and two parts, which the
// compound search asks at every split of a word, are tabled when loading.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "spell/affix_lexicon_data.h"

namespace hanmark {

// Gives each flag set of `data` its rule_class and fills the one- and two-part tables of Data
// (left empty when there are too many classes: then matching is done on every call).
void build_rule_tables(AffixLexicon::Data& data);

class CompoundParts {
 public:
  static constexpr int kMaxParts = 100;         // hunspell's buffer of compound parts
  static constexpr size_t kMaxRuleLength = 64;  // longer rules are refused when loading

  explicit CompoundParts(const AffixLexicon::Data& data) : data_(&data) {}

  // Whether the parts are being collected (hunspell's `words` pointer is set).
  bool active() const { return active_; }

  // Puts `root` at position `last` and reports whether parts 0..last match some rule: wholly
  // when `whole`, else as a beginning. On failure the position is cleared and, when this call
  // started the collection, it is stopped again.
  bool place(int last, const Root* root, bool whole);

  // Restores the collection state at the start of a split position.
  void set_active(bool active) { active_ = active; }

  // As if constructed anew for `data`: no part placed. Clears only the positions placed, which
  // are few, where constructing clears them all.
  void restart(const AffixLexicon::Data& data) {
    data_ = &data;
    std::fill_n(masks_, placed_end_, 0);
    std::fill_n(classes_, placed_end_, 0);
    placed_end_ = 0;
    active_ = false;
  }

 private:
  const AffixLexicon::Data* data_;
  // The rule flags and their classes of the parts placed; an empty position has none (class 0).
  uint64_t masks_[kMaxParts] = {};
  uint32_t classes_[kMaxParts] = {};
  bool active_ = false;
  int placed_end_ = 0;  // positions from here on were never placed
};

}  // namespace hanmark
