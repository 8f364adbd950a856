#include "output/text_renderer.h"

#include <algorithm>
#include <initializer_list>
#include <string>

#include "core/strings.h"
#include "core/utf8.h"

namespace hanmark {

namespace {

constexpr uint32_t kContextBytes = 160;  // of a long line, how much to show around the span
constexpr int kTabStop = 8;

struct Colors {
  const char* bold = "";
  const char* reset = "";
  const char* gutter = "";
  const char* help = "";
  const char* underline = "";
  const char* severity = "";
};

Colors colors_for(const TextStyle& style, Severity severity) {
  if (!style.color) return {};
  const char* by_severity = severity == Severity::error     ? "\x1b[1;31m"
                            : severity == Severity::warning ? "\x1b[1;35m"
                                                            : "\x1b[1;36m";
  return {"\x1b[1m", "\x1b[0m", "\x1b[1;34m", "\x1b[1;32m", "\x1b[1;32m", by_severity};
}

// A window of one source line, made printable: tabs expanded, control and invalid bytes shown as
// U+FFFD, and the display column of every byte boundary remembered for the underline.
struct PrintedLine {
  std::string text;
  uint32_t caret_column = 0;
  uint32_t caret_width = 1;
};

PrintedLine print_line(const Document& doc, ByteSpan line, ByteSpan span) {
  const std::string_view src = doc.source();
  uint32_t begin = line.begin;
  uint32_t end = line.end;
  bool cut_front = false, cut_back = false;
  if (span.begin > line.begin + kContextBytes) {
    begin = span.begin - kContextBytes / 2;
    while (begin > line.begin && (static_cast<unsigned char>(src[begin]) & 0xC0) == 0x80) --begin;
    cut_front = true;
  }
  if (end > std::max(span.end, span.begin) + kContextBytes) {
    end = std::max(span.end, span.begin) + kContextBytes / 2;
    while (end < line.end && (static_cast<unsigned char>(src[end]) & 0xC0) == 0x80) ++end;
    cut_back = true;
  }
  PrintedLine printed;
  uint32_t column = 0;
  if (cut_front) printed.text += "…", column = 1;
  const uint32_t span_end = std::min(span.end, line.end);
  uint32_t underline_end = column;
  uint32_t copied = begin;  // printable bytes from here to i are copied in one go
  for (uint32_t i = begin; i < end;) {
    if (i == span.begin) printed.caret_column = column;
    const utf8::Decoded d = utf8::decode(src, i);
    if (d.code_point == '\t' || d.code_point == utf8::kInvalid || d.code_point < 0x20 ||
        d.code_point == 0x7F) {
      printed.text.append(src.substr(copied, i - copied));
      copied = i + d.length;
      if (d.code_point == '\t') {
        const uint32_t next = (column / kTabStop + 1) * kTabStop;
        printed.text.append(next - column, ' ');
        column = next;
      } else {
        printed.text += "\xEF\xBF\xBD";
        column += 1;
      }
    } else {
      column += static_cast<uint32_t>(utf8::display_width(d.code_point));
    }
    i += d.length;
    if (i <= span_end) underline_end = column;
  }
  printed.text.append(src.substr(copied, end - std::min(end, copied)));
  if (span.begin >= end) printed.caret_column = column;
  if (cut_back) printed.text += "…";
  printed.caret_width =
      std::max<uint32_t>(1, underline_end - std::min(underline_end, printed.caret_column));
  return printed;
}

}  // namespace

void render_text(std::ostream& out, const FileReport& report, const TextStyle& style) {
  const Document& doc = *report.doc;
  PositionCursor cursor(doc);
  // A file's findings are put together in one string and written at once: an ostream insertion
  // per piece cost more than the rest of the rendering.
  std::string text;
  const auto add = [&](std::initializer_list<std::string_view> pieces) {
    for (std::string_view piece : pieces) text.append(piece);
  };
  for (const Diagnostic& d : report.diagnostics) {
    const Colors c = colors_for(style, d.severity);
    const SpanPosition at = cursor.locate(d.span);
    const std::string number = std::to_string(at.begin.line);
    add({c.bold,     doc.path(),
         ":",        number,
         ":",        std::to_string(at.begin.column),
         ": ",       c.reset,
         c.severity, to_string(d.severity),
         ":",        c.reset,
         " ",        c.bold,
         d.message,  " [",
         d.rule,     "]",
         c.reset,    "\n"});

    const ByteSpan line = doc.lines().line_content(at.begin.line);
    const PrintedLine printed = print_line(doc, line, d.span);
    const std::string pad(number.size() + 1, ' ');
    add({c.gutter, " ", number, " |", c.reset, " ", printed.text, "\n"});
    add({c.gutter, pad, " |", c.reset, " "});
    text.append(printed.caret_column, ' ');
    add({c.underline, "^"});
    text.append(printed.caret_width - 1, '~');
    add({c.reset, "\n"});
    for (const std::string& help : help_lines(d))
      add({c.gutter, pad, " = ", c.reset, c.help, "help:", c.reset, " ", help, "\n"});
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void Summary::add(const FileReport& report) {
  ++files;
  for (const Diagnostic& d : report.diagnostics) {
    errors += d.severity == Severity::error;
    warnings += d.severity == Severity::warning;
    infos += d.severity == Severity::info;
  }
}

void render_summary(std::ostream& out, const Summary& s, const TextStyle& style) {
  const std::string files = plural(s.files, "file");
  const char* bold = style.color ? "\x1b[1m" : "";
  const char* reset = style.color ? "\x1b[0m" : "";
  if (s.errors + s.warnings + s.infos == 0) {
    out << bold << "no problems found in " << files << reset << '\n';
    return;
  }
  out << bold << plural(s.errors, "error") << ", " << plural(s.warnings, "warning") << ", "
      << s.infos << " info in " << files << reset << '\n';
}

}  // namespace hanmark
