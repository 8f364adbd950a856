#include "output/sarif_renderer.h"

#include "core/file_uri.h"
#include "core/strings.h"
#include "engine/linter.h"

namespace hanmark {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kSourceRoot = "%SRCROOT%";
// A longer region gets no snippet: the log stays small when a finding spans a whole section.
constexpr uint32_t kMaxSnippetBytes = 4096;

// Strings from documents may hold invalid UTF-8; replace it rather than fail the whole log.
std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string_view level_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "warning";
}

// "trailing-space" → "TrailingSpace": SARIF's reportingDescriptor.name is a readable identifier.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    if (c == '-' || c == '_' || c == '.' || c == ' ') {
      upper = true;
    } else {
      out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return out;
}

json region(const Document& doc, ByteSpan span, SpanPosition at, bool snippet) {
  json r{{"startLine", at.begin.line},
         {"startColumn", at.begin.column},
         {"endLine", at.end.line},
         {"endColumn", at.end.column}};
  if (snippet && span.end - span.begin <= kMaxSnippetBytes)
    r["snippet"] = {{"text", doc.source().substr(span.begin, span.end - span.begin)}};
  return r;
}

json text_message(std::string_view text) {
  return {{"text", std::string(text)}};
}

json describe(const DescribedRule& rule) {
  const RuleInfo& info = *rule.info;
  std::string full = rule.doc ? first_paragraph(*rule.doc) : "";
  if (full.empty()) full = info.summary;
  json entry{{"id", info.id},
             {"name", pascal_case(info.id)},
             {"shortDescription", text_message(info.summary)},
             {"fullDescription", text_message(full)}};
  if (rule.doc) entry["help"] = {{"text", *rule.doc}, {"markdown", *rule.doc}};
  if (rule.doc_url) entry["helpUri"] = *rule.doc_url;
  json configuration{{"level", level_of(info.default_severity)}};
  if (!info.enabled_by_default) configuration["enabled"] = false;
  entry["defaultConfiguration"] = configuration;
  json tags = json::array({to_string(info.category)});
  if (info.category == Category::custom) tags.push_back("user-rule");
  entry["properties"] = {
      {"category", to_string(info.category)}, {"fix", to_string(info.fix)}, {"tags", tags}};
  return entry;
}

// Not a rule (it cannot be turned off), but results name it, so the driver lists it.
json encoding_descriptor() {
  const std::string summary = "bytes that are not UTF-8, and NUL bytes";
  return {{"id", kEncodingDiagnostic},
          {"name", pascal_case(kEncodingDiagnostic)},
          {"shortDescription", text_message(summary)},
          {"fullDescription",
           text_message("hanmark reports the first byte that is not UTF-8 and the first NUL "
                        "byte of a file, with a count of the rest; the file is still linted. "
                        "This is not a rule and cannot be disabled.")},
          {"defaultConfiguration", {{"level", "error"}}},
          {"properties", {{"fix", "none"}, {"tags", json::array({"encoding"})}}}};
}

}  // namespace

std::string first_paragraph(std::string_view markdown) {
  std::string out;
  bool in_fence = false;
  while (!markdown.empty()) {
    const size_t newline = markdown.find('\n');
    const std::string_view line = trim(markdown.substr(0, newline));
    markdown.remove_prefix(newline == std::string_view::npos ? markdown.size() : newline + 1);
    if (line.starts_with("```")) {
      if (!out.empty()) break;
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    if (line.empty() || line.starts_with('#')) {
      if (!out.empty()) break;
      continue;
    }
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

json SarifRenderer::artifact_location(const std::string& path) const {
  if (const auto relative = root_.relative(path))
    return {{"uri", percent_encode_path(*relative)}, {"uriBaseId", kSourceRoot}};
  return {{"uri", file_uri(root_.absolute(path))}};
}

void SarifRenderer::begin() {
  json rules = json::array();
  for (const DescribedRule& rule : rules_) {
    if (rule_index_.count(std::string(rule.info->id))) continue;
    rule_index_.emplace(rule.info->id, rules.size());
    rules.push_back(describe(rule));
  }
  if (!rule_index_.count(std::string(kEncodingDiagnostic))) {
    rule_index_.emplace(kEncodingDiagnostic, rules.size());
    rules.push_back(encoding_descriptor());
  }
  const json driver{{"name", "hanmark"},
                    {"version", HANMARK_VERSION},
                    {"semanticVersion", HANMARK_VERSION},
                    {"informationUri", HANMARK_HOMEPAGE},
                    {"rules", rules}};
  const json base_ids{{kSourceRoot, {{"uri", root_.uri()}}}};
  out_ << "{\n\"$schema\": " << dump(kSchema) << ",\n\"version\": \"2.1.0\",\n\"runs\": [{\n"
       << "\"tool\": " << dump(json{{"driver", driver}}) << ",\n"
       << "\"originalUriBaseIds\": " << dump(base_ids) << ",\n"
       << "\"columnKind\": \"utf16CodeUnits\",\n"
       << "\"results\": [";
}

void SarifRenderer::add(const FileReport& report) {
  if (report.diagnostics.empty()) return;
  const Document& doc = *report.doc;
  const json location = artifact_location(doc.path());
  PositionCursor cursor(doc, ColumnUnit::utf16_code_units);
  PositionCursor edit_cursor(doc, ColumnUnit::utf16_code_units);
  for (const Diagnostic& d : report.diagnostics) {
    const SpanPosition at = cursor.locate(d.span);
    std::string message = d.message;
    for (const std::string& help : help_lines(d)) message += "\n" + help;
    json result{{"ruleId", d.rule}};
    if (const auto it = rule_index_.find(d.rule); it != rule_index_.end())
      result["ruleIndex"] = it->second;
    result["level"] = level_of(d.severity);
    result["message"] = text_message(message);
    result["locations"] = json::array(
        {{{"physicalLocation",
           {{"artifactLocation", location}, {"region", region(doc, d.span, at, true)}}}}});
    if (!d.fixes.empty()) {
      json fixes = json::array();
      for (const Fix& fix : d.fixes) {
        json replacements = json::array();
        for (const Edit& edit : fix.edits) {
          const SpanPosition edit_at = edit.span == d.span ? at : edit_cursor.locate(edit.span);
          json replacement{{"deletedRegion", region(doc, edit.span, edit_at, false)}};
          if (!edit.replacement.empty())
            replacement["insertedContent"] = {{"text", edit.replacement}};
          replacements.push_back(std::move(replacement));
        }
        fixes.push_back({{"description", text_message(fix.title)},
                         {"artifactChanges", json::array({{{"artifactLocation", location},
                                                           {"replacements", replacements}}})},
                         {"properties", {{"safe", fix.safe}}}});
      }
      result["fixes"] = std::move(fixes);
    }
    out_ << (first_ ? "\n  " : ",\n  ") << dump(result);
    first_ = false;
  }
}

void SarifRenderer::file_error(const std::string& path, const std::string& message) {
  json notification{{"level", "error"}, {"message", text_message(message)}};
  if (!path.empty())
    notification["locations"] =
        json::array({{{"physicalLocation", {{"artifactLocation", artifact_location(path)}}}}});
  notifications_.push_back(std::move(notification));
}

void SarifRenderer::end() {
  json invocation{{"executionSuccessful", notifications_.empty()}};
  if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
  out_ << (first_ ? "],\n" : "\n],\n") << "\"invocations\": [" << dump(invocation) << "]\n}]\n}\n";
}

}  // namespace hanmark
