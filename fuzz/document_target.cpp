// Arbitrary bytes as a post: build the Document, run every default rule, render the findings in
// every output format. Properties: nothing crashes, the findings' spans lie inside the source,
// and the JSON and SARIF outputs are valid JSON (also for posts that are not UTF-8).
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_targets.h"
#include "markdown/document.h"
#include "output/renderer.h"

namespace {

using namespace hanmark;

void check_spans(const Document& doc, const std::vector<Diagnostic>& diagnostics) {
  const size_t size = doc.source().size();
  for (const Diagnostic& d : diagnostics) {
    if (d.span.begin > d.span.end || d.span.end > size)
      fuzz::violation("document: " + d.rule + " reports a span outside the source");
    for (const Fix& fix : d.fixes)
      for (const Edit& edit : fix.edits)
        if (edit.span.begin > edit.span.end || edit.span.end > size)
          fuzz::violation("document: a fix of " + d.rule + " edits outside the source");
  }
}

std::string render(const FileReport& report, const std::string& format) {
  std::ostringstream out;
  OutputSettings settings;
  settings.format = format;
  const std::unique_ptr<Renderer> renderer = make_renderer(settings, out);
  renderer->begin();
  renderer->add(report);
  renderer->end();
  return out.str();
}

}  // namespace

int hanmark_fuzz_document(const uint8_t* data, size_t size) {
  const Linter& linter = fuzz::default_linter();
  FileReport report;
  report.doc = Document::parse("fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  report.diagnostics = linter.lint(*report.doc);
  check_spans(*report.doc, report.diagnostics);
  for (const char* format : {"json", "sarif"}) {
    const std::string text = render(report, format);
    if (!nlohmann::json::accept(text))
      fuzz::violation(std::string("document: --format ") + format +
                      " output is not valid JSON: " + fuzz::escaped(text, 400));
  }
  render(report, "text");
  render(report, "github");
  return 0;
}
