// What a post's inline directives do to its diagnostics (docs/directives.md): suppression by
// line, region and file, and the findings about the directives themselves (unknown-directive,
// unused-directive).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/rule.h"
#include "markdown/directives.h"

namespace hanmark {

// Findings about directives. They come from the engine (only it knows which rules exist, which
// run and what was suppressed); the two rules exist for their metadata, docs and selection.
inline constexpr std::string_view kUnknownDirective = "unknown-directive";
inline constexpr std::string_view kUnusedDirective = "unused-directive";

// A rule hanmark knows, whether or not it runs: directives may name any of them.
struct KnownRule {
  std::string id;
  Category category;
};

struct DirectiveContext {
  const std::vector<KnownRule>& known;
  const std::vector<std::unique_ptr<Rule>>& running;  // the selected rules
  const Rule* unknown_directive = nullptr;            // set when that rule runs
  const Rule* unused_directive = nullptr;
};

// Drops the diagnostics the directives suppress and adds the directive findings of the rules
// that run. `encoding` diagnostics are never suppressed.
void apply_directives(const Document& doc, const Directives& directives,
                      const DirectiveContext& context, std::vector<Diagnostic>& diagnostics);

}  // namespace hanmark
