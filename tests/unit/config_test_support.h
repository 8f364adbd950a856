// Shared by the config_*_test.cpp files: a temporary directory tree and a small rule catalog.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_chain.h"
#include "config/config_error.h"
#include "config/rule_catalog.h"
#include "engine/rule.h"

namespace hanmark::test {

// A fresh directory under the system's temporary directory, removed with everything in it.
class TempTree {
 public:
  TempTree() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    root_ = std::filesystem::temp_directory_path() /
            ("hanmark-config-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(root_);
    root_ = root_.lexically_normal();
  }
  ~TempTree() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path path(std::string_view relative) const {
    return (root_ / relative).lexically_normal();
  }
  std::filesystem::path write(std::string_view relative, std::string_view content) const {
    const std::filesystem::path file = path(relative);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path root_;
};

// Rules with the shapes that matter to configuration: options of each type, a rule named like
// its category ("spelling"), rules off by default.
inline constexpr RuleOption kBilingualOptions[] = {
    {.name = "convention",
     .default_value = "auto",
     .description = "what sets the convention",
     .choices = "auto|title|headings"},
    {.name = "min-headings", .default_value = "2", .description = "headings needed", .min = 1},
    {.name = "front-matter-title", .default_value = "title", .description = "title key"},
};
inline constexpr RuleOption kLineLengthOptions[] = {
    {.name = "max", .default_value = "80", .description = "longest line", .min = 1, .max = 1000},
    {.name = "code", .default_value = "false", .description = "also code blocks"},
    {.name = "allow",
     .default_value = "",
     .description = "words that may exceed",
     .type = OptionType::string_list},
};
inline const RuleInfo kTestRules[] = {
    {.id = "heading-bilingual",
     .category = Category::bilingual,
     .default_severity = Severity::warning,
     .fix = FixAvailability::none,
     .summary = "bilingual headings",
     .options = kBilingualOptions},
    {.id = "image-alt",
     .category = Category::markdown,
     .default_severity = Severity::warning,
     .fix = FixAvailability::none,
     .summary = "alt text"},
    {.id = "line-length",
     .category = Category::markdown,
     .default_severity = Severity::info,
     .fix = FixAvailability::none,
     .summary = "long lines",
     .options = kLineLengthOptions,
     .enabled_by_default = false},
    {.id = "josa",
     .category = Category::korean,
     .default_severity = Severity::warning,
     .fix = FixAvailability::always,
     .summary = "particles"},
    {.id = "spelling",
     .category = Category::spelling,
     .default_severity = Severity::warning,
     .fix = FixAvailability::sometimes,
     .summary = "English typos",
     .enabled_by_default = false},
    {.id = "typo",
     .category = Category::spelling,
     .default_severity = Severity::warning,
     .fix = FixAvailability::always,
     .summary = "known misspellings"},
};

inline std::vector<const RuleInfo*> test_rule_infos() {
  std::vector<const RuleInfo*> infos;
  for (const RuleInfo& info : kTestRules) infos.push_back(&info);
  return infos;
}

inline RuleCatalog test_catalog() {
  return RuleCatalog(test_rule_infos());
}

// "line:col: message" of each error, sorted, one a line: what the tests compare (doctest shows
// strings, not vectors, when they differ).
inline std::string located(std::vector<ConfigError> errors) {
  sort_unique(errors);
  std::string out;
  for (const ConfigError& e : errors)
    out += std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
  return out;
}

inline std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += item + "\n";
  return out;
}

// The errors of loading the config file `name` of `tree` (which may extend others).
inline std::string load_errors(const TempTree& tree, std::string_view name,
                               RuleCatalog catalog = test_catalog()) {
  ConfigLoader loader(std::move(catalog));
  std::vector<ConfigError> errors;
  loader.load(tree.path(name), errors);
  return located(errors);
}

}  // namespace hanmark::test
