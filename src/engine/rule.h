// The rule interface: static metadata plus a const check over a Document.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/rule_options.h"
#include "markdown/document.h"

namespace hanmark {

// `custom` is the category of declarative user rules loaded from TOML at run time.
enum class Category {
  markdown,
  spelling,
  korean,
  bilingual,
  typography,
  unicode,
  editorial,
  custom
};
enum class FixAvailability { none, sometimes, always };

std::string_view to_string(Category category);
std::string_view to_string(FixAvailability fix);

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

  // A copy of this rule with `values` for its options (info().options; values unset keep their
  // defaults). The configuration has checked names, types and ranges. A rule that declares
  // options must override this; the default, for rules without options, returns nullptr: "use
  // the rule as it is".
  virtual std::unique_ptr<Rule> configure(const RuleOptionValues& values) const {
    (void)values;
    return nullptr;
  }
};

}  // namespace hanmark
