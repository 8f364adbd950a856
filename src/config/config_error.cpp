#include "config/config_error.h"

#include <algorithm>

namespace hanmark {

std::string ConfigError::format() const {
  std::string out = path;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
    out += ':';
    out += std::to_string(column);
  }
  out += ": error: ";
  out += message;
  return out;
}

void sort_unique(std::vector<ConfigError>& errors) {
  std::sort(errors.begin(), errors.end());
  errors.erase(std::unique(errors.begin(), errors.end()), errors.end());
}

}  // namespace hanmark
