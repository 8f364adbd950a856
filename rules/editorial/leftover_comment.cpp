// leftover-comment: HTML comments left in a post (notes to self, TODOs, drafted sections).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>

#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/html_comments.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "leftover-comment",
    .category = Category::editorial,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "HTML comments left in a post: hidden notes, TODO markers and drafted text",
};

// Comments that are instructions to a tool, not leftovers (compared at the start of the trimmed
// body, ASCII case-insensitively). A whole-body match is needed for the short ones.
constexpr std::string_view kToolPrefixes[] = {
    "hanmark-", "markdownlint-",  "prettier-ignore", "textlint-", "eslint-",
    "cspell:",  "spell-checker:", "vale ",           "lint ",
};
// "more": the Jekyll/Hexo excerpt separator; "ignore": the Rust book's link-tooling marker.
constexpr std::string_view kToolComments[] = {"more", "ignore",  "toc",
                                              "/toc", "tocstop", "omit in toc"};

constexpr size_t kQuoteLimit = 40;  // code points of a comment quoted in a message
constexpr size_t kProseWords = 6;   // words on one line that make it drafted prose
constexpr int kProseLines = 2;      // or this many lines of text

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_word_byte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool is_tool_directive(std::string_view body) {
  const std::string text = lowered(trim(body));
  for (std::string_view prefix : kToolPrefixes)
    if (text.starts_with(prefix)) return true;
  return std::find(std::begin(kToolComments), std::end(kToolComments), text) !=
         std::end(kToolComments);
}

struct Contents {
  std::string marker;  // the first TODO-like marker, as written
  int headings = 0;    // ATX heading lines
  int text_lines = 0;  // other non-blank lines
  size_t longest_line_words = 0;
  std::string first_line;  // the first non-blank line, trimmed
};

// An ASCII marker as a whole word: "TODO", "TODO:", "(FIXME)", "TODO로" but not "TODOS".
size_t find_ascii_marker(std::string_view line, std::string_view marker, bool any_case) {
  const std::string haystack = any_case ? lowered(line) : std::string(line);
  const std::string needle = any_case ? lowered(marker) : std::string(marker);
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    const size_t end = at + needle.size();
    if ((at == 0 || !is_word_byte(line[at - 1])) &&
        (end == line.size() || !is_word_byte(line[end])))
      return at;
  }
  return std::string_view::npos;
}

// A Korean marker ("할 일", "할일", "메모") must stand as a label: the whole line, or followed by a
// colon, or in brackets. "해야 할 일이" and "메모리" are prose.
size_t find_korean_marker(std::string_view line, std::string_view marker) {
  for (size_t at = line.find(marker); at != std::string_view::npos;
       at = line.find(marker, at + 1)) {
    std::string_view before = line.substr(0, at);
    std::string_view after = line.substr(at + marker.size());
    while (!after.empty() && (after.front() == ' ' || after.front() == '\t'))
      after.remove_prefix(1);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
      before.remove_suffix(1);
    const bool label_start = before.empty() || before.back() == '[' || before.back() == '(' ||
                             before.back() == '-' || before.back() == '*' || before.back() == '#';
    const bool label_end = after.empty() || after.starts_with(":") ||
                           after.starts_with("\xEF\xBC\x9A") /* ： */ || after.starts_with("]") ||
                           after.starts_with(")");
    if (label_start && label_end) return at;
    if (after.starts_with(":") || after.starts_with("\xEF\xBC\x9A")) {
      // "메모:" after other words still labels what follows, unless glued to a word.
      if (at == 0 || line[at - 1] == ' ' || line[at - 1] == '\t') return at;
    }
  }
  return std::string_view::npos;
}

// Blank-separated words with at least one letter (Korean eojeol or English words).
size_t count_words(std::string_view text) {
  size_t words = 0;
  bool in_word = false, letter = false;
  for (size_t i = 0; i <= text.size();) {
    if (i == text.size() || is_blank(text[i])) {
      if (in_word && letter) ++words;
      in_word = letter = false;
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    in_word = true;
    letter =
        letter || (d.code_point != utf8::kInvalid && u_isalpha(static_cast<UChar32>(d.code_point)));
    i += d.length;
  }
  return words;
}

bool is_atx_heading(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == '#') ++i;
  return i >= 1 && i <= 6 && i < line.size() && (line[i] == ' ' || line[i] == '\t') &&
         !trim(line.substr(i)).empty();
}

Contents read_contents(std::string_view body) {
  Contents contents;
  size_t marker_at = std::string_view::npos;  // position of the first marker in the body
  size_t line_begin = 0;
  while (line_begin <= body.size()) {
    size_t line_end = body.find_first_of("\r\n", line_begin);
    if (line_end == std::string_view::npos) line_end = body.size();
    const std::string_view line = trim(body.substr(line_begin, line_end - line_begin));
    if (!line.empty()) {
      if (contents.first_line.empty()) contents.first_line = line;
      struct Marker {
        std::string_view text;
        bool ascii;
        bool any_case;
      };
      static constexpr Marker kMarkers[] = {
          {"TODO", true, true},   {"FIXME", true, true},   {"XXX", true, false},
          {"TBD", true, false},   {"할 일", false, false}, {"할일", false, false},
          {"메모", false, false},
      };
      for (const Marker& marker : kMarkers) {
        const size_t at = marker.ascii ? find_ascii_marker(line, marker.text, marker.any_case)
                                       : find_korean_marker(line, marker.text);
        if (at == std::string_view::npos) continue;
        const size_t in_body = static_cast<size_t>(line.data() - body.data()) + at;
        if (in_body < marker_at) {
          marker_at = in_body;
          contents.marker = std::string(line.substr(at, marker.text.size()));
        }
      }
      if (is_atx_heading(line)) {
        ++contents.headings;
      } else {
        ++contents.text_lines;
        contents.longest_line_words = std::max(contents.longest_line_words, count_words(line));
      }
    }
    if (line_end == body.size()) break;
    line_begin = line_end + 1;
  }
  return contents;
}

// `text` cut to kQuoteLimit code points, with "…" when cut.
std::string shorten(std::string_view text) {
  size_t i = 0, count = 0;
  while (i < text.size() && count < kQuoteLimit) {
    i += utf8::decode(text, i).length;
    ++count;
  }
  if (i >= text.size()) return std::string(text);
  return std::string(trim(text.substr(0, i))) + "\xE2\x80\xA6";
}

std::string join_and(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

class LeftoverComment final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const LineIndex& lines = doc.lines();
    const std::string_view src = doc.source();
    for (const HtmlComment& comment : html_comments(doc)) {
      const std::string_view body = doc.slice(comment.body);
      if (comment.is_directive(doc) || is_tool_directive(body)) continue;

      const uint32_t first_line = lines.line_of(comment.span.begin);
      const uint32_t last_line = lines.line_of(std::max(comment.span.end, 1u) - 1);
      const uint32_t line_count = last_line - first_line + 1;

      // The span: the comment's opening line, from "<!--", without trailing blanks.
      ByteSpan span{comment.span.begin,
                    std::min(comment.span.end, lines.line_content(first_line).end)};
      while (span.end > span.begin + 4 && is_blank(src[span.end - 1])) --span.end;

      const Contents contents = read_contents(body);
      std::vector<std::string> holds;
      if (!contents.marker.empty()) holds.push_back("a '" + contents.marker + "' marker");
      const bool prose = line_count > 1 && (contents.text_lines >= kProseLines ||
                                            contents.longest_line_words >= kProseWords);
      if (contents.headings > 0) {
        std::string drafted = contents.headings == 1 ? "a drafted heading" : "drafted headings";
        if (prose) drafted += " and prose";
        holds.push_back(std::move(drafted));
      } else if (prose) {
        holds.push_back("drafted prose");
      }

      std::string message;
      if (!comment.closed) {
        message = "unclosed HTML comment hides the rest of the file (" +
                  std::to_string(line_count) + (line_count == 1 ? " line)" : " lines)");
        if (!holds.empty()) message += " and holds " + join_and(holds);
      } else {
        message = "leftover HTML comment";
        if (line_count > 1) message += " spans " + std::to_string(line_count) + " lines";
        if (!holds.empty()) {
          message += (line_count > 1 ? " and holds " : " holds ") + join_and(holds);
        } else if (contents.first_line.empty()) {
          message = line_count > 1 ? message + " and is empty" : "leftover empty HTML comment";
        } else {
          message += " '" + shorten(contents.first_line) + "'";
        }
      }

      Diagnostic& d = sink.report(span, std::move(message));
      if (!comment.closed) {
        d.notes.emplace_back("nothing after line " + std::to_string(first_line) +
                             " is shown; close the comment with '-->' or delete it");
      } else {
        if (line_count > 1)
          d.notes.emplace_back("the comment runs from line " + std::to_string(first_line) +
                               " to line " + std::to_string(last_line));
        d.notes.emplace_back(
            "delete it, or move the draft out of the post: readers do not see comments, but "
            "they ship in the page's HTML");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_leftover_comment() {
  return std::make_unique<LeftoverComment>();
}

}  // namespace hanmark
