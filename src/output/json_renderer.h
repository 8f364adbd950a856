// `--format json`: {"version": 1, "diagnostics": [...]}, 1-based lines and code-point columns,
// end exclusive. Streams one file at a time.
#pragma once

#include <ostream>

#include "output/renderer.h"

namespace hanmark {

class JsonRenderer final : public Renderer {
 public:
  explicit JsonRenderer(std::ostream& out) : out_(out) {}
  void begin() override;
  void add(const FileReport& report) override;
  void end() override;

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace hanmark
