// COMPOUNDRULE matching as libhunspell 1.7 does it (its defcpd_check): a rule is a sequence of
// flags, each optionally followed by '*' or '?', and the parts of a compound found so far match
// it when each part has the flag of its position. Partial matches (the parts so far could begin
// the rule) let the compound search go on; the search commits to the first homonym that
// matches, so the quirks of hunspell's backtracking matcher are kept, not "fixed".
#pragma once

#include <cstddef>
#include <vector>

#include "spell/affix_lexicon_data.h"

namespace hanmark {

class CompoundParts {
 public:
  static constexpr int kMaxParts = 100;         // hunspell's buffer of compound parts
  static constexpr size_t kMaxRuleLength = 64;  // longer rules are refused when loading

  explicit CompoundParts(const AffixLexicon::Data& data) : data_(data) {}

  // Whether the parts are being collected (hunspell's `words` pointer is set).
  bool active() const { return active_; }

  // Puts `root` at position `last` and reports whether parts 0..last match some rule: wholly
  // when `whole`, else as a beginning. On failure the position is cleared and, when this call
  // started the collection, it is stopped again.
  bool place(int last, const Root* root, bool whole);

  // Restores the collection state at the start of a split position.
  void set_active(bool active) { active_ = active; }

 private:
  // Whether the part at `position` has the rule flag whose bit is `bit`.
  bool part_has(int position, uint64_t bit) const;
  bool rule_matches(size_t rule_index, int last, bool whole) const;

  const AffixLexicon::Data& data_;
  const Root* parts_[kMaxParts] = {};
  bool active_ = false;
};

}  // namespace hanmark
