// A problem in a configuration file, at the line and column of the key or value at fault.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hanmark {

struct ConfigError {
  std::string path;     // the configuration file, as it was found
  uint32_t line = 0;    // 1-based; 0 when the problem has no place in the file
  uint32_t column = 0;  // 1-based, in code points
  std::string message;  // lower-case start, no final period

  // "path:line:col: error: message", like a compiler.
  std::string format() const;

  friend auto operator<=>(const ConfigError&, const ConfigError&) = default;
};

// Sorted by path, line and column, without duplicates.
void sort_unique(std::vector<ConfigError>& errors);

}  // namespace hanmark
