// `--format github`: one GitHub Actions workflow command per finding, which the runner turns into
// an annotation on the file and line, then the summary line of the text format.
//
//   ::warning title=hanmark (typo),file=docs/a.md,line=9,endLine=9,col=12,endColumn=19::…
//
// Byte for byte what @actions/core's error()/warning()/notice() print for the same properties:
// the same order (title, file, line, endLine, col, endColumn) and escaping
// (docs/output-formats.md).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "output/renderer.h"

namespace hanmark {

// The runner's escaping of a command's message: '%', CR and LF.
std::string escape_command_data(std::string_view text);
// Of a property value: also ':' and ',', which would end the value or the header.
std::string escape_command_property(std::string_view text);

class GithubRenderer final : public Renderer {
 public:
  GithubRenderer(std::ostream& out, SourceRoot root, TextStyle style)
      : out_(out), root_(std::move(root)), style_(style) {}
  void add(const FileReport& report) override;
  void end() override;

 private:
  std::ostream& out_;
  SourceRoot root_;
  TextStyle style_;
  Summary summary_;
};

}  // namespace hanmark
