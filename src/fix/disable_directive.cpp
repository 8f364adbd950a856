#include "fix/disable_directive.h"

#include <algorithm>
#include <string>

#include "markdown/directives.h"

namespace hanmark {

namespace {

// True when the edited text has a directive of `kind` naming `rule` whose comment starts at
// `comment` and which applies to the line `line` (1-based, in the edited text).
bool directive_works(const Document& doc, const Edit& edit, uint32_t comment, DirectiveKind kind,
                     std::string_view rule, uint32_t line) {
  std::string text(doc.source());
  text.replace(edit.span.begin, edit.span.size(), edit.replacement);
  const std::unique_ptr<Document> edited = Document::parse(doc.path(), std::move(text));
  for (const Directive& d : parse_directives(*edited).items) {
    if (d.kind != kind || d.span.begin != comment) continue;
    const bool names_rule = std::any_of(d.args.begin(), d.args.end(),
                                        [&](const DirectiveArg& arg) { return arg.text == rule; });
    const bool covers = kind == DirectiveKind::disable_next_line
                            ? d.last_line + 1 == line
                            : d.first_line <= line && line <= d.last_line;
    if (names_rule && covers) return true;
  }
  return false;
}

}  // namespace

std::optional<Edit> disable_line_edit(const Document& doc, uint32_t offset, std::string_view rule) {
  const LineIndex& lines = doc.lines();
  const uint32_t line = lines.line_of(offset);
  const ByteSpan content = lines.line_content(line);
  const std::string_view text = doc.source();

  // At the end of the line, before trailing blanks (a two-space hard break stays one).
  uint32_t end = content.end;
  while (end > content.begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  const std::string comment = "<!-- hanmark-disable-line " + std::string(rule) + " -->";
  const std::string separator = end > content.begin ? " " : "";
  Edit at_end{{end, end}, separator + comment};
  if (directive_works(doc, at_end, end + static_cast<uint32_t>(separator.size()),
                      DirectiveKind::disable_line, rule, line))
    return at_end;

  // On a line of its own above, indented and quoted like the line.
  uint32_t prefix_end = content.begin;
  while (prefix_end < content.end &&
         (text[prefix_end] == ' ' || text[prefix_end] == '\t' || text[prefix_end] == '>'))
    ++prefix_end;
  const std::string prefix(text.substr(content.begin, prefix_end - content.begin));
  const bool crlf =
      content.end + 1 < text.size() && text[content.end] == '\r' && text[content.end + 1] == '\n';
  Edit above{{content.begin, content.begin},
             prefix + "<!-- hanmark-disable-next-line " + std::string(rule) + " -->" +
                 (crlf ? "\r\n" : "\n")};
  if (directive_works(doc, above, content.begin + static_cast<uint32_t>(prefix.size()),
                      DirectiveKind::disable_next_line, rule, line + 1))
    return above;
  return std::nullopt;
}

}  // namespace hanmark
