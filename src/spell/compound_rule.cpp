#include "spell/compound_rule.h"

namespace hanmark {

bool CompoundParts::part_has(int position, uint64_t bit) const {
  const Root* root = parts_[position];
  return root != nullptr && (data_.flags_of(*root).rule_flags & bit) != 0;
}

bool CompoundParts::place(int last, const Root* root, bool whole) {
  const bool started_here = !active_;
  active_ = true;
  parts_[last] = root;
  if ((data_.flags_of(*root).rule_flags & data_.rule_part_bits) != 0) {
    const uint64_t first_flags = parts_[0] ? data_.flags_of(*parts_[0]).rule_flags : 0;
    for (size_t rule = 0; rule < data_.compound_rules.size(); ++rule)
      if ((first_flags & data_.rule_first_bits[rule]) != 0 && rule_matches(rule, last, whole))
        return true;
  }
  parts_[last] = nullptr;
  if (started_here) active_ = false;
  return false;
}

// A backtracking matcher: a quantified flag first takes every part it can, then gives them back
// one at a time. The states it ends in decide partial matches, as in hunspell.
bool CompoundParts::rule_matches(size_t rule_index, int last, bool whole) const {
  const std::vector<Flag>& rule = data_.compound_rules[rule_index];
  const std::vector<uint64_t>& bits = data_.compound_rule_bits[rule_index];
  struct Choice {
    size_t rule_at;  // rule position after the quantified flag
    int part_at;     // first part it took
    int taken;       // parts it takes now
  };
  // At most one choice per quantifier, and the rule's length bounds those.
  Choice choices[kMaxRuleLength / 2 + 2];
  size_t open = 0;  // choices that can still give a part back
  const size_t size = rule.size();
  const auto quantified = [&](size_t at) {
    return at + 1 < size && (rule[at + 1] == kRuleStar || rule[at + 1] == kRuleOptional);
  };
  size_t at = 0;
  int part = 0;
  bool matched = true, quantifier_done = true;
  do {
    while (at < size && part <= last) {
      if (quantified(at)) {
        const int until = rule[at + 1] == kRuleOptional ? part : last;
        quantifier_done = true;
        at += 2;
        choices[open].rule_at = at;
        choices[open].part_at = part;
        for (; part <= until; ++part)
          if (!part_has(part, bits[at - 2])) {
            quantifier_done = false;
            break;
          }
        if (part <= last) quantifier_done = false;
        choices[open].taken = part - choices[open].part_at;
        if (choices[open].taken > 0) ++open;
        if (quantifier_done) break;
      } else {
        quantifier_done = true;
        if (!part_has(part, bits[at])) {
          matched = false;
          break;
        }
        ++at;
        ++part;
        if (at == size && part <= last) matched = false;
      }
    }
    if (matched && quantifier_done) {
      size_t rest = at;
      while (rest < size && quantified(rest)) rest += 2;
      if (rest >= size) return true;
    }
    if (open > 0) {
      do {
        matched = true;
        Choice& choice = choices[open - 1];
        --choice.taken;
        at = choice.rule_at;
        part = choice.part_at + choice.taken;
      } while (choices[open - 1].taken < 0 && --open > 0);
    }
  } while (open > 0);
  if (matched && quantifier_done && (!whole || at >= size)) return true;
  while (matched && quantifier_done && at < size && quantified(at)) at += 2;
  return matched && quantifier_done && at >= size;
}

}  // namespace hanmark
