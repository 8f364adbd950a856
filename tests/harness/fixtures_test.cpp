// Runs every fixture under tests/fixtures/<category>/<rule_name>/ with only that rule enabled.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/registry.h"
#include "fix/apply_fixes.h"
#include "harness/fixture.h"

namespace fs = std::filesystem;
using namespace hanmark;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const fs::path& fixtures_root() {
  static const fs::path root = fs::path(HANMARK_SOURCE_DIR) / "tests" / "fixtures";
  return root;
}

std::string rule_id_of(const fs::path& folder) {
  std::string id = folder.filename().string();
  std::replace(id.begin(), id.end(), '_', '-');
  return id;
}

// The folder's rule (and the fixture's also-run rules), knowing every rule as the CLI does, so
// that fixtures go through inline directives.
Linter linter_for(const std::string& rule_id, const std::vector<std::string>& also_run) {
  static const RuleResources resources = default_rule_resources();
  std::vector<std::string> unknown;
  std::vector<std::string> select = also_run;
  select.push_back(rule_id);
  Linter linter = make_linter(make_all_rules(resources), {.select = select}, unknown);
  for (const std::string& name : unknown)
    FAIL_CHECK("fixture names unknown rule '" << name << "' (folder or also-run)");
  return linter;
}

std::vector<fs::path> fixture_cases() {
  std::vector<fs::path> cases;
  if (!fs::exists(fixtures_root())) return cases;
  for (const auto& entry : fs::recursive_directory_iterator(fixtures_root())) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && entry.path().extension() == ".md" &&
        !name.ends_with(".fixed.md"))
      cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string describe(const Document& doc, const Diagnostic& d) {
  const Position p = doc.lines().position(d.span.begin);
  return std::to_string(p.line) + ":" + std::to_string(p.column) + " " + d.rule + " \"" +
         std::string(doc.slice(d.span)) + "\" : " + d.message;
}

bool matches(const Document& doc, const Diagnostic& d, const testing::Expectation& e) {
  if (d.rule != e.rule || doc.lines().line_of(d.span.begin) != static_cast<uint32_t>(e.target_line))
    return false;
  if (!e.message_part.empty() && d.message.find(e.message_part) == std::string::npos) return false;
  if (!e.text) return true;
  if (doc.slice(d.span) != *e.text) return false;
  // The span must be the k-th occurrence of the text on its line.
  const ByteSpan line = doc.lines().line_content(e.target_line);
  size_t at = line.begin;
  for (int k = 0; k < e.occurrence; ++k) {
    at = doc.source().find(*e.text, k == 0 ? at : at + 1);
    if (at == std::string_view::npos) return false;
  }
  return at == d.span.begin;
}

void check_case(const fs::path& path) {
  const fs::path folder = path.parent_path();
  const std::string rule_id = rule_id_of(folder);
  const testing::Fixture fixture = testing::parse_fixture(read_file(path));
  for (const std::string& error : fixture.errors) FAIL_CHECK(error);

  const Linter linter = linter_for(rule_id, fixture.also_run);
  REQUIRE_MESSAGE(linter.find(rule_id), "no rule '" << rule_id << "' for folder " << folder);
  const auto doc = Document::parse(path.filename().string(), fixture.stripped);
  const std::vector<Diagnostic> diagnostics = linter.lint(*doc);

  // Anchored expectations first, so a line-only expectation cannot steal their diagnostic.
  std::vector<const testing::Expectation*> order;
  for (const auto& e : fixture.expectations) order.push_back(&e);
  std::stable_partition(order.begin(), order.end(), [](auto* e) { return e->text.has_value(); });
  std::vector<bool> used(diagnostics.size(), false);
  for (const testing::Expectation* e : order) {
    bool found = false;
    for (size_t i = 0; i < diagnostics.size() && !found; ++i) {
      if (!used[i] && matches(*doc, diagnostics[i], *e)) used[i] = found = true;
    }
    CHECK_MESSAGE(found, "expected but not reported (fixture line "
                             << e->fixture_line << "): " << e->rule << " on line "
                             << e->target_line);
  }
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const uint32_t line = doc->lines().line_of(diagnostics[i].span.begin);
    CHECK_MESSAGE(used[i], "reported but not expected (fixture line "
                               << fixture.original_line.at(line - 1)
                               << "): " << describe(*doc, diagnostics[i]));
  }

  const bool has_safe_fix = std::any_of(diagnostics.begin(), diagnostics.end(), [](const auto& d) {
    return std::any_of(d.fixes.begin(), d.fixes.end(), [](const Fix& f) { return f.safe; });
  });
  fs::path fixed_path = path;
  fixed_path.replace_extension(".fixed.md");
  if (!fs::exists(fixed_path)) {
    CHECK_MESSAGE(!has_safe_fix, "safe fixes are offered but " << fixed_path << " is missing");
    return;
  }
  const FixOutcome fixed =
      fix_until_stable(linter, path.filename().string(), fixture.stripped, FixMode::safe_only);
  CHECK(fixed.converged);
  CHECK_MESSAGE(fixed.text == read_file(fixed_path), "fixed text differs from " << fixed_path);
  const FixOutcome again =
      fix_until_stable(linter, path.filename().string(), fixed.text, FixMode::safe_only);
  CHECK_MESSAGE(again.fixes == 0, "fixing the fixed text changed it again (not idempotent)");
}

}  // namespace

TEST_CASE("fixtures: every case matches its inline expectations") {
  const auto cases = fixture_cases();
  for (const fs::path& path : cases) {
    SUBCASE(fs::relative(path, fixtures_root()).string().c_str()) {
      check_case(path);
    }
  }
}
