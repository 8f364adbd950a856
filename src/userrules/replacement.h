// Fixes that replace a word of prose, and the particle after it when the replacement ends in
// another sound (깃헙을 → 깃허브를: the particle follows the new word, as typo's fixes do).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/diagnostic.h"
#include "markdown/prose_run.h"

namespace hanmark::userrules {

// `to` with $0…$9 replaced by the groups of a regex match in `text` and $$ by '$'.
std::string expand_groups(std::string_view to, std::string_view text,
                          const std::vector<std::pair<uint32_t, uint32_t>>& groups);

struct Replacement {
  Fix fix;
  // Set when a particle (을/를, 이/가 …) follows and the replacement's reading is unknown, so the
  // particle may have to change by hand: the fix is then unsafe.
  std::string particle_note;
};

// Replaces text [begin, end) of `run` with `with`. When a particle of a pair follows and no longer
// agrees, the edit covers it too. The fix is safe only when `safe` and the text is an unbroken
// copy of its source and no particle is in doubt.
Replacement replace_word(const ProseRun& run, uint32_t begin, uint32_t end, const std::string& with,
                         bool safe);

}  // namespace hanmark::userrules
