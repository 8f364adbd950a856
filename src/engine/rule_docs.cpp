#include "core/data_files.h"
#include "engine/registry.h"

namespace hanmark {

std::string rule_doc_path(const RuleInfo& info) {
  std::string stem(info.id);
  for (char& c : stem)
    if (c == '-') c = '_';
  return "rules/" + std::string(to_string(info.category)) + "/" + stem + ".md";
}

std::string rule_doc_url(const RuleInfo& info) {
  return std::string(HANMARK_HOMEPAGE) + "/blob/v" + HANMARK_VERSION + "/" + rule_doc_path(info);
}

std::optional<std::string_view> rule_doc(const RuleInfo& info) {
  if (info.category == Category::custom) return std::nullopt;
  const std::optional<DataFile> doc = data_file(rule_doc_path(info));
  if (!doc) return std::nullopt;
  return doc->text;
}

}  // namespace hanmark
