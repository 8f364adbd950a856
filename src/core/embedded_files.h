// Files compiled into the binary: rule docs (rules/**.md) and dictionaries (dictionaries/*).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace hanmark {

struct EmbeddedFile {
  std::string_view path;  // relative to the repository root, e.g. "rules/markdown/image_alt.md"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();
std::optional<std::string_view> embedded_file(std::string_view path);

}  // namespace hanmark
