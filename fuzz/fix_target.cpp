// Arbitrary bytes as a post, fixed as `hanmark check --fix` (safe fixes) and `--unsafe-fixes`
// fix it: fix_until_stable, then the file's line endings and BOM kept (keep_conventions).
// Properties: the fixes settle; a post that was valid UTF-8 stays valid UTF-8; the fixed text
// parses and lints; and fixing the fixed text again changes nothing (a second --fix run finds
// nothing to fix).
#include <string>

#include "cli/fix_run.h"
#include "fix/apply_fixes.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_targets.h"
#include "markdown/document.h"

namespace {

using namespace hanmark;

const char* name(FixMode mode) {
  return mode == FixMode::safe_only ? "--fix" : "--unsafe-fixes";
}

// What `check --fix` writes for `source`.
std::string fixed_text(const Linter& linter, const std::string& source, FixMode mode) {
  FixOutcome outcome = fix_until_stable(linter, "fuzz.md", source, mode);
  if (!outcome.converged)
    fuzz::violation(std::string("fix: ") + name(mode) + " did not settle on " +
                    fuzz::escaped(source));
  return keep_conventions(source, std::move(outcome.text));
}

void check(const Linter& linter, const std::string& source, FixMode mode) {
  const std::string once = fixed_text(linter, source, mode);
  if (once == source) return;
  const auto before = Document::parse("fuzz.md", source);
  const auto after = Document::parse("fuzz.md", once);
  if (before->encoding_problems().empty() && !after->encoding_problems().empty())
    fuzz::violation(std::string("fix: ") + name(mode) + " made valid UTF-8 invalid: " +
                    fuzz::escaped(source) + " -> " + fuzz::escaped(once));
  linter.lint(*after);
  const std::string twice = fixed_text(linter, once, mode);
  if (twice != once)
    fuzz::violation(std::string("fix: ") + name(mode) +
                    " is not idempotent: " + fuzz::escaped(source) + " -> " + fuzz::escaped(once) +
                    " -> " + fuzz::escaped(twice));
}

}  // namespace

int hanmark_fuzz_fix(const uint8_t* data, size_t size) {
  const Linter& linter = fuzz::default_linter();
  const std::string source(reinterpret_cast<const char*>(data), size);
  check(linter, source, FixMode::safe_only);
  check(linter, source, FixMode::include_unsafe);
  return 0;
}
