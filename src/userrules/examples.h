// A rule file's own tests (like prh's specs): every bad example must draw a finding of its rule
// (and, with `fixed`, fix to exactly that text) and every good example none.
#pragma once

#include <vector>

#include "userrules/rule_spec.h"
#include "userrules/user_rule.h"

namespace hanmark::userrules {

// One Problem per failed example, at the example's position in the rule file.
std::vector<Problem> check_examples(const UserRule& rule);

}  // namespace hanmark::userrules
