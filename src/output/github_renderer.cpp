#include "output/github_renderer.h"

namespace hanmark {

namespace {

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view command_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "notice";
  }
  return "warning";
}

}  // namespace

std::string escape_command_data(std::string_view text) {
  return escape(text, false);
}

std::string escape_command_property(std::string_view text) {
  return escape(text, true);
}

void GithubRenderer::add(const FileReport& report) {
  summary_.add(report);
  if (report.diagnostics.empty()) return;
  // Repository-relative, as the runner needs; it only rewrites absolute paths under the workspace.
  const std::string file =
      root_.relative(report.doc->path()).value_or(root_.absolute(report.doc->path()).string());
  PositionCursor cursor(*report.doc);
  for (const Diagnostic& d : report.diagnostics) {
    const SpanPosition at = cursor.locate(d.span);
    std::string message = d.message;
    for (const std::string& help : help_lines(d)) message += "\nhelp: " + help;
    out_ << "::" << command_of(d.severity)
         << " title=" << escape_command_property("hanmark (" + d.rule + ")")
         << ",file=" << escape_command_property(file) << ",line=" << at.begin.line
         << ",endLine=" << at.end.line;
    // The runner drops columns of an annotation over several lines: they are left out.
    if (at.begin.line == at.end.line)
      out_ << ",col=" << at.begin.column << ",endColumn=" << at.end.column;
    out_ << "::" << escape_command_data(message) << '\n';
  }
}

void GithubRenderer::end() {
  render_summary(out_, summary_, style_);
}

}  // namespace hanmark
