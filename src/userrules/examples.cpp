#include "userrules/examples.h"

#include "fix/apply_fixes.h"

namespace hanmark::userrules {

namespace {

// An example as quoted in a message: one line, not too long.
std::string excerpt(std::string_view text) {
  std::string out;
  size_t code_points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++code_points > 60) {
      out += "…";
      break;
    }
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

}  // namespace

std::vector<Problem> check_examples(const UserRule& rule) {
  std::vector<Problem> failures;
  const RuleSpec& spec = rule.spec();
  for (const Example& example : spec.examples) {
    const auto doc = Document::parse("<example>", example.text);
    std::vector<Diagnostic> found;
    DiagnosticSink sink(rule.info(), found);
    rule.check(*doc, sink);
    auto fail = [&](std::string message) {
      failures.push_back({spec.source, example.pos, "rule '" + spec.id + "': " + message});
    };
    if (!example.bad) {
      if (!found.empty())
        fail("good example '" + excerpt(example.text) + "' draws a finding at '" +
             excerpt(doc->slice(found.front().span)) + "': " + found.front().message);
      continue;
    }
    if (found.empty()) {
      fail("bad example '" + excerpt(example.text) + "' draws no finding");
      continue;
    }
    if (example.fixed) {
      size_t applied = 0;
      const std::string fixed = apply_fixes(doc->source(), found, FixMode::include_unsafe, applied);
      if (fixed != *example.fixed)
        fail("bad example '" + excerpt(example.text) + "' is fixed to '" + excerpt(fixed) +
             "', not '" + excerpt(*example.fixed) + "'");
    }
  }
  return failures;
}

}  // namespace hanmark::userrules
