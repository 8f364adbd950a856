// Which scope (prose, heading, link text, image alt text) each part of a prose run is in.
// Link text and alt text are part of a paragraph's or heading's prose text; their ranges are
// found by replaying the block's inline nodes over the run's text.
#pragma once

#include <cstdint>
#include <vector>

#include "markdown/prose_run.h"
#include "userrules/rule_spec.h"

namespace hanmark::userrules {

class RunScopes {
 public:
  explicit RunScopes(const ProseRun& run);

  // True when every byte of text [begin, end) is in one of `allowed` (a set of Scope bits).
  // When the run's inlines could not be replayed exactly, a match counts as in scope only if
  // the block's scope, link and alt are all allowed.
  bool allows(uint32_t begin, uint32_t end, uint8_t allowed) const;
  // False when the replay failed (a literal the prose builder could not place, and the like).
  bool exact() const { return exact_; }

 private:
  struct Range {
    uint32_t begin;
    uint32_t end;
    Scope scope;  // kLink or kAlt
  };
  Scope scope_at(uint32_t offset) const;

  Scope block_scope_;
  bool exact_ = true;
  std::vector<Range> ranges_;
};

}  // namespace hanmark::userrules
