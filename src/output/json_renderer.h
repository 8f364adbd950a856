// `--format json`: {"version": 1, "diagnostics": [...]}, 1-based lines and code-point columns,
// end exclusive. Streams one file at a time.
#pragma once

#include <ostream>

#include "output/report.h"

namespace hanmark {

class JsonRenderer {
 public:
  explicit JsonRenderer(std::ostream& out) : out_(out) {}
  void begin();
  void add(const FileReport& report);
  void end();

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace hanmark
