// The rule interface: static metadata plus a const check over a Document.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "markdown/document.h"

namespace hanmark {

enum class Category { markdown, spelling, korean, bilingual, typography, unicode, editorial };
enum class FixAvailability { none, sometimes, always };

std::string_view to_string(Category category);
std::string_view to_string(FixAvailability fix);

struct RuleOption {
  std::string_view name;
  std::string_view default_value;
  std::string_view description;
};

struct RuleInfo {
  std::string_view id;  // stable kebab-case name: public API
  Category category;
  Severity default_severity;
  FixAvailability fix;
  std::string_view summary;  // one line, lower-case start, no final period
  std::span<const RuleOption> options = {};
  // Off-by-default rules run only when selected by id or category (--select, --extend-select).
  bool enabled_by_default = true;
};

// Collects one rule's findings for one document. Rules report spans and messages; the engine
// fills in the rule id and severity.
class DiagnosticSink {
 public:
  DiagnosticSink(const RuleInfo& rule, std::vector<Diagnostic>& out) : rule_(rule), out_(out) {}

  Diagnostic& report(ByteSpan span, std::string message);

 private:
  const RuleInfo& rule_;
  std::vector<Diagnostic>& out_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  // Must not keep per-file state: one rule object checks many documents, concurrently.
  virtual void check(const Document& doc, DiagnosticSink& sink) const = 0;
};

}  // namespace hanmark
