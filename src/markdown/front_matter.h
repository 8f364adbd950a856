#pragma once

#include <optional>
#include <string_view>

#include "markdown/document.h"

namespace hanmark {

// YAML (`---` … `---`/`...`) or TOML (`+++` … `+++`) front matter opening at `start` (the first
// byte after any BOM). An unclosed fence is not front matter.
std::optional<FrontMatter> find_front_matter(std::string_view source, uint32_t start);

}  // namespace hanmark
