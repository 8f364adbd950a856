// The edit behind an editor's "disable RULE for this line": an inline directive
// (docs/directives.md) placed where it is read as one.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/diagnostic.h"
#include "markdown/document.h"

namespace hanmark {

// Silences `rule` on the line of `offset`: `<!-- hanmark-disable-line RULE -->` at the end of the
// line, or, where a comment there would not be one (a code fence's info string, a line inside a
// multi-line HTML comment), a `<!-- hanmark-disable-next-line RULE -->` line above it. Each
// placement is checked by parsing the edited text; nullopt when neither works (front matter).
std::optional<Edit> disable_line_edit(const Document& doc, uint32_t offset, std::string_view rule);

}  // namespace hanmark
