// Compiler-style text: "path:line:col: severity: message [rule]", the source line with a gutter,
// a caret/tilde underline placed by display width, and help lines.
#pragma once

#include <ostream>

#include "output/report.h"

namespace hanmark {

struct TextStyle {
  bool color = false;
};

void render_text(std::ostream& out, const FileReport& report, const TextStyle& style);

struct Summary {
  size_t files = 0;
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
  void add(const FileReport& report);
};

void render_summary(std::ostream& out, const Summary& summary, const TextStyle& style);

}  // namespace hanmark
