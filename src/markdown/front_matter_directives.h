// The `hanmark` settings a post's front matter may carry for blog generators:
//   YAML  hanmark: { disable: [typo, josa], words: [딥러닝] }   (or the block form)
//   TOML  [hanmark] disable = ["typo"]   /   hanmark = { disable = ["typo"] }
// Read with a small scanner for just this key, so that spans point at each name exactly and the
// rest of the front matter (which hanmark never interprets) cannot make it fail.
#pragma once

#include "markdown/directives.h"

namespace hanmark {

// Appends `disable` as a disable-file directive and `words` as a words directive; unknown keys
// and malformed values become problems.
void read_front_matter_directives(const Document& doc, Directives& out);

}  // namespace hanmark
