// The output formats of `hanmark check` behind one interface (docs/output-formats.md): each
// linted file's report in path order, the paths that could not be read, then end().
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "output/report.h"
#include "output/source_root.h"
#include "output/text_renderer.h"

namespace hanmark {

class Renderer {
 public:
  virtual ~Renderer() = default;
  virtual void begin() {}
  virtual void add(const FileReport& report) = 0;
  // A path that could not be read or written; `path` is empty when the message has no single
  // file. Already reported on stderr: only formats that record the run (SARIF) keep it.
  virtual void file_error(const std::string& path, const std::string& message) {
    (void)path, (void)message;
  }
  virtual void end() {}
};

// A rule as `--format sarif` lists it: every rule the run knows, selected or not.
struct DescribedRule {
  const RuleInfo* info;
  std::optional<std::string> doc;  // Markdown: the rule's doc, or a user rule's description
  std::optional<std::string> doc_url;
};

struct OutputSettings {
  std::string format = "text";  // text, json, sarif, github
  TextStyle style;
  SourceRoot root;                   // sarif, github: paths are relative to it
  std::vector<DescribedRule> rules;  // sarif
};

std::unique_ptr<Renderer> make_renderer(const OutputSettings& settings, std::ostream& out);

// The text format: compiler-style findings, then the summary line.
class TextReport final : public Renderer {
 public:
  TextReport(std::ostream& out, TextStyle style) : out_(out), style_(style) {}
  void add(const FileReport& report) override;
  void end() override;

 private:
  std::ostream& out_;
  TextStyle style_;
  Summary summary_;
};

}  // namespace hanmark
