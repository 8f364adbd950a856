// The explicit list of built-in rules (rules/registry.cpp) and what they share.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace hanmark {

class SpellResources;

// Shared, thread-safe services rules are built with; loaded lazily on first use.
struct RuleResources {
  std::shared_ptr<const SpellResources> spelling;
};

// Resources from hanmark's dictionaries (core/data_files.h) and the system hunspell dictionaries.
RuleResources default_rule_resources();

std::vector<std::unique_ptr<Rule>> make_all_rules(const RuleResources& resources);

// Where a rule's doc lives in the repository: rules/<category>/<rule_name>.md.
std::string rule_doc_path(const RuleInfo& info);
// The rule's doc on the web, as of this version: HANMARK_HOMEPAGE/blob/v<version>/<doc path>.
std::string rule_doc_url(const RuleInfo& info);
// The rule's doc: installed or built in (core/data_files.h); nullopt for user rules.
std::optional<std::string_view> rule_doc(const RuleInfo& info);

}  // namespace hanmark
