#include "spell/compound_rule.h"

#include <algorithm>

namespace hanmark {

namespace {

// More classes than this and the two-part table (classes squared) is not built.
constexpr size_t kMaxTabledClasses = 256;

// A backtracking matcher: a quantified flag first takes every part it can, then gives them back
// one at a time. The states it ends in decide partial matches, as in hunspell.
// `masks`: the rule flags of parts 0..last.
bool rule_matches(const AffixLexicon::Data& data, size_t rule_index, const uint64_t* masks,
                  int last, bool whole) {
  const std::vector<Flag>& rule = data.compound_rules[rule_index];
  const std::vector<uint64_t>& bits = data.compound_rule_bits[rule_index];
  const auto part_has = [&](int position, uint64_t bit) { return (masks[position] & bit) != 0; };
  struct Choice {
    size_t rule_at;  // rule position after the quantified flag
    int part_at;     // first part it took
    int taken;       // parts it takes now
  };
  // At most one choice per quantifier, and the rule's length bounds those.
  Choice choices[CompoundParts::kMaxRuleLength / 2 + 2];
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

// Whether parts 0..last, of rule flags `masks`, match some rule (wholly when `whole`).
bool parts_match(const AffixLexicon::Data& data, const uint64_t* masks, int last, bool whole) {
  if ((masks[last] & data.rule_part_bits) == 0) return false;
  for (size_t rule = 0; rule < data.compound_rules.size(); ++rule)
    if ((masks[0] & data.rule_first_bits[rule]) != 0 &&
        rule_matches(data, rule, masks, last, whole))
      return true;
  return false;
}

}  // namespace

void build_rule_tables(AffixLexicon::Data& data) {
  std::vector<uint64_t>& classes = data.rule_classes;
  classes.assign(1, 0);
  for (FlagSet& set : data.flag_sets) {
    auto found = std::find(classes.begin(), classes.end(), set.rule_flags);
    if (found == classes.end()) found = classes.insert(classes.end(), set.rule_flags);
    set.rule_class = static_cast<uint32_t>(found - classes.begin());
  }
  data.one_part_matches.clear();
  data.two_part_matches.clear();
  const size_t count = classes.size();
  if (data.compound_rules.empty() || count > kMaxTabledClasses) return;
  data.one_part_matches.resize(count * 2);
  data.two_part_matches.resize(count * count * 2);
  for (size_t first = 0; first < count; ++first)
    for (int whole = 0; whole < 2; ++whole) {
      data.one_part_matches[first * 2 + whole] = parts_match(data, &classes[first], 0, whole);
      for (size_t second = 0; second < count; ++second) {
        const uint64_t masks[2] = {classes[first], classes[second]};
        data.two_part_matches[(first * count + second) * 2 + whole] =
            parts_match(data, masks, 1, whole);
      }
    }
}

bool CompoundParts::place(int last, const Root* root, bool whole) {
  const bool started_here = !active_;
  active_ = true;
  placed_end_ = std::max(placed_end_, last + 1);
  const FlagSet& flags = data_->flags_of(*root);
  masks_[last] = flags.rule_flags;
  classes_[last] = flags.rule_class;
  const size_t count = data_->rule_classes.size();
  bool matches;
  if (last == 0 && !data_->one_part_matches.empty()) {
    matches = data_->one_part_matches[classes_[0] * 2 + whole];
  } else if (last == 1 && !data_->two_part_matches.empty()) {
    matches = data_->two_part_matches[(classes_[0] * count + classes_[1]) * 2 + whole];
  } else {
    matches = parts_match(*data_, masks_, last, whole);
  }
  if (matches) return true;
  masks_[last] = 0;
  classes_[last] = 0;
  if (started_here) active_ = false;
  return false;
}

}  // namespace hanmark
