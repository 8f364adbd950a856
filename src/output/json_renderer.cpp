#include "output/json_renderer.h"

#include <nlohmann/json.hpp>

namespace hanmark {

namespace {

using json = nlohmann::ordered_json;

void put_span(json& object, SpanPosition at) {
  object["line"] = at.begin.line;
  object["column"] = at.begin.column;
  object["end_line"] = at.end.line;
  object["end_column"] = at.end.column;
}

// Strings from documents may hold invalid UTF-8; replace it rather than fail the whole report.
std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

void JsonRenderer::begin() {
  out_ << "{\"version\": 1, \"diagnostics\": [";
}

void JsonRenderer::add(const FileReport& report) {
  PositionCursor cursor(*report.doc);
  PositionCursor edit_cursor(*report.doc);  // edits mostly follow their findings' order too
  for (const Diagnostic& d : report.diagnostics) {
    json item;
    item["path"] = report.doc->path();
    const SpanPosition at = cursor.locate(d.span);
    put_span(item, at);
    item["severity"] = to_string(d.severity);
    item["rule"] = d.rule;
    item["message"] = d.message;
    item["suggestions"] = d.suggestions;
    item["notes"] = d.notes;
    item["fixes"] = json::array();
    for (const Fix& fix : d.fixes) {
      json edits = json::array();
      for (const Edit& edit : fix.edits) {
        json e;
        put_span(e, edit.span == d.span ? at : edit_cursor.locate(edit.span));
        e["replacement"] = edit.replacement;
        edits.push_back(std::move(e));
      }
      item["fixes"].push_back({{"title", fix.title}, {"safe", fix.safe}, {"edits", edits}});
    }
    out_ << (first_ ? "\n  " : ",\n  ") << dump(item);
    first_ = false;
  }
}

void JsonRenderer::end() {
  out_ << (first_ ? "]}\n" : "\n]}\n");
}

}  // namespace hanmark
