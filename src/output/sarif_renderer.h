// `--format sarif`: a SARIF 2.1.0 log of one run, for GitHub code scanning and SARIF viewers.
// tool.driver.rules lists every rule the run knows (and the `encoding` diagnostic); results carry
// UTF-16 columns (run.columnKind), repository-relative URIs under %SRCROOT%, snippets and fixes;
// invocations[0] records the paths that could not be read. Streams one file at a time.
// See docs/output-formats.md.
#pragma once

#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "output/renderer.h"

namespace hanmark {

class SarifRenderer final : public Renderer {
 public:
  SarifRenderer(std::ostream& out, SourceRoot root, std::vector<DescribedRule> rules)
      : out_(out), root_(std::move(root)), rules_(std::move(rules)) {}
  void begin() override;
  void add(const FileReport& report) override;
  void file_error(const std::string& path, const std::string& message) override;
  void end() override;

 private:
  nlohmann::ordered_json artifact_location(const std::string& path) const;

  std::ostream& out_;
  SourceRoot root_;
  std::vector<DescribedRule> rules_;
  std::unordered_map<std::string, size_t> rule_index_;
  std::vector<nlohmann::ordered_json> notifications_;
  bool first_ = true;
};

// The first paragraph of a rule doc's prose (after its headings), lines joined; empty if none.
std::string first_paragraph(std::string_view markdown);

}  // namespace hanmark
