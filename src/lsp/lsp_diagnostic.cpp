#include "lsp/lsp_diagnostic.h"

#include <charconv>
#include <unordered_map>

#include "core/utf8.h"
#include "engine/registry.h"

namespace hanmark::lsp {

int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return severity::kError;
    case Severity::warning:
      return severity::kWarning;
    case Severity::info:
      break;
  }
  return severity::kInformation;
}

const RuleInfo* rule_info(const Linter* linter, std::string_view rule_id) {
  if (!linter) return nullptr;
  const Rule* rule = linter->find(rule_id);
  return rule ? &rule->info() : nullptr;
}

json to_lsp_diagnostic(const Diagnostic& diagnostic, const PositionMapper& mapper,
                       const Linter* linter) {
  // The CLI's `help:` lines follow the message, one a line, as editors show them in full.
  std::string message = diagnostic.message;
  for (const std::string& note : diagnostic.notes) message += "\n" + note;
  json out = {{"range", to_json(mapper.range(diagnostic.span))},
              {"severity", lsp_severity(diagnostic.severity)},
              {"code", diagnostic.rule},
              {"source", kSource},
              {"message", message}};
  if (const RuleInfo* info = rule_info(linter, diagnostic.rule); info && rule_doc(*info))
    out["codeDescription"] = {{"href", rule_doc_url(*info)}};
  return out;
}

json publish_params(const std::string& uri, std::optional<int64_t> version, json diagnostics) {
  json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
  if (version) params["version"] = *version;
  return params;
}

namespace {

// Appends `text` as a JSON string, escaped as nlohmann's dump() escapes it (ensure_ascii off).
// Text with invalid UTF-8 goes through nlohmann, whose replacement characters it then matches.
void append_string(std::string& out, std::string_view text) {
  if (utf8::find_invalid(text) != std::string_view::npos) {
    out += json(text).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  out += '"';
  size_t plain = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
  }
  out.append(text, plain, text.size() - plain);
  out += '"';
}

void append_number(std::string& out, int64_t value) {
  char digits[24];
  const auto [end, ec] = std::to_chars(std::begin(digits), std::end(digits), value);
  out.append(digits, end);
}

void append_position(std::string& out, LspPosition position) {
  out += "{\"character\":";
  append_number(out, position.character);
  out += ",\"line\":";
  append_number(out, position.line);
  out += '}';
}

}  // namespace

std::string publish_diagnostics_json(const std::string& uri, std::optional<int64_t> version,
                                     const std::vector<Diagnostic>& diagnostics,
                                     const PositionMapper& mapper, const Linter* linter) {
  // Keys in nlohmann's (sorted) order. Each rule's codeDescription is looked up once.
  std::unordered_map<std::string_view, std::string> code_descriptions;
  std::string out;
  out.reserve(128 + diagnostics.size() * 400);
  out += "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{";
  out += "\"diagnostics\":[";
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    if (i) out += ',';
    out += "{\"code\":";
    append_string(out, d.rule);
    auto [description, inserted] = code_descriptions.try_emplace(d.rule);
    if (inserted) {
      if (const RuleInfo* info = rule_info(linter, d.rule); info && rule_doc(*info)) {
        description->second = ",\"codeDescription\":{\"href\":";
        append_string(description->second, rule_doc_url(*info));
        description->second += '}';
      }
    }
    out += description->second;
    // The CLI's `help:` lines follow the message, one a line (as in to_lsp_diagnostic).
    out += ",\"message\":";
    if (d.notes.empty()) {
      append_string(out, d.message);
    } else {
      std::string message = d.message;
      for (const std::string& note : d.notes) message += "\n" + note;
      append_string(out, message);
    }
    const LspRange range = mapper.range(d.span);
    out += ",\"range\":{\"end\":";
    append_position(out, range.end);
    out += ",\"start\":";
    append_position(out, range.start);
    out += "},\"severity\":";
    append_number(out, lsp_severity(d.severity));
    out += ",\"source\":";
    append_string(out, kSource);
    out += '}';
  }
  out += "],\"uri\":";
  append_string(out, uri);
  if (version) {
    out += ",\"version\":";
    append_number(out, *version);
  }
  out += "}}";
  return out;
}

}  // namespace hanmark::lsp
