#pragma once

#include <string_view>

#include "markdown/prose_run.h"

namespace hanmark {

class Document;

// Builds the prose run of a paragraph, heading or table cell by re-aligning cmark's inline
// literals against the raw source (cmark's inline positions and literals are not source offsets:
// escapes, entities, soft breaks and container prefixes change lengths).
// `parsed` is the text cmark parsed: the source with the same byte offsets (see Document).
ProseRun build_prose_run(const Document& doc, std::string_view parsed, cmark_node* block,
                         ProseRun::Block kind);

}  // namespace hanmark
