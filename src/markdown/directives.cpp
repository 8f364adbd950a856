#include "markdown/directives.h"

#include <algorithm>

#include "core/nearest_name.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/front_matter_directives.h"
#include "markdown/html_comments.h"

namespace hanmark {

namespace {

constexpr std::string_view kPrefix = "hanmark-";

struct KindName {
  DirectiveKind kind;
  std::string_view keyword;
};
constexpr KindName kKinds[] = {
    {DirectiveKind::disable, "hanmark-disable"},
    {DirectiveKind::enable, "hanmark-enable"},
    {DirectiveKind::disable_next_line, "hanmark-disable-next-line"},
    {DirectiveKind::disable_line, "hanmark-disable-line"},
    {DirectiveKind::disable_file, "hanmark-disable-file"},
    {DirectiveKind::words, "hanmark-words"},
};

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_separator(char c) {
  return is_blank(c) || c == ',';
}

// A token of two or more dashes starts the reason, as in ESLint ("-- why").
bool is_reason_marker(std::string_view token) {
  return token.size() >= 2 && token.find_first_not_of('-') == std::string_view::npos;
}

// Splits the comment body after the keyword into names, up to a reason marker. Block quote
// markers that start a continuation line ("> ") belong to the container, not to the directive.
void read_args(const Document& doc, ByteSpan rest, Directive& directive) {
  const std::string_view src = doc.source();
  uint32_t at = rest.begin;
  bool line_start = false;
  while (at < rest.end) {
    const char c = src[at];
    if (c == '\n' || c == '\r') {
      line_start = true;
      ++at;
      continue;
    }
    if (is_separator(c) || (line_start && c == '>')) {
      ++at;
      continue;
    }
    line_start = false;
    uint32_t end = at;
    while (end < rest.end && !is_separator(src[end])) ++end;
    const std::string_view token = src.substr(at, end - at);
    if (is_reason_marker(token)) {
      uint32_t reason = end;
      while (reason < rest.end && is_blank(src[reason])) ++reason;
      uint32_t reason_end = rest.end;
      while (reason_end > reason && is_blank(src[reason_end - 1])) --reason_end;
      directive.reason = {reason, reason_end};
      return;
    }
    directive.args.push_back({std::string(token), {at, end}});
    at = end;
  }
}

std::vector<std::string> keyword_names() {
  std::vector<std::string> names;
  for (const KindName& k : kKinds) names.emplace_back(k.keyword);
  return names;
}

void read_comment(const Document& doc, const HtmlComment& comment, Directives& out) {
  const std::string_view src = doc.source();
  uint32_t at = comment.body.begin;
  while (at < comment.body.end && is_blank(src[at])) ++at;
  uint32_t keyword_end = at;
  while (keyword_end < comment.body.end && !is_separator(src[keyword_end])) ++keyword_end;
  const ByteSpan keyword{at, keyword_end};
  const std::string_view word = doc.slice(keyword);
  if (!word.starts_with(kPrefix)) return;
  if (!comment.closed) {
    out.problems.push_back(
        {keyword,
         "unclosed directive comment '" + std::string(word) + "' hides the rest of the file", "",
         "close it with '-->'"});
    return;
  }
  const auto kind = std::find_if(std::begin(kKinds), std::end(kKinds),
                                 [&](const KindName& k) { return k.keyword == word; });
  if (kind == std::end(kKinds)) {
    const std::string hint = nearest_name(word, keyword_names());
    out.problems.push_back({keyword, "unknown directive '" + std::string(word) + "'", hint,
                            hint.empty() ? "directives are hanmark-disable, hanmark-enable, "
                                           "hanmark-disable-next-line, hanmark-disable-line, "
                                           "hanmark-disable-file and hanmark-words"
                                         : ""});
    return;
  }
  Directive directive;
  directive.kind = kind->kind;
  directive.span = comment.span;
  directive.keyword = keyword;
  directive.first_line = doc.lines().line_of(comment.span.begin);
  directive.last_line = doc.lines().line_of(comment.span.end - 1);
  directive.inline_html = !comment.block;
  read_args(doc, {keyword_end, comment.body.end}, directive);
  if (directive.kind == DirectiveKind::words && directive.args.empty()) {
    out.problems.push_back({keyword, "'hanmark-words' lists no words", "",
                            "name the words after it: <!-- hanmark-words 딥러닝 Kubernetes -->"});
    return;
  }
  out.items.push_back(std::move(directive));
}

bool ends_in_hangul(std::string_view word) {
  if (word.size() < 3) return false;
  const utf8::Decoded d = utf8::decode(word, word.size() - 3);
  return d.length == 3 && utf8::is_hangul_syllable(d.code_point);
}

bool all_hangul(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (!utf8::is_hangul_syllable(d.code_point)) return false;
    i += d.length;
  }
  return true;
}

// "<!-- hanmark-…" that cmark-gfm (CommonMark 0.29) reads as text, not as a comment: inside a
// paragraph a comment may not contain "--" (so no "-- reason") nor end with "-". It would show
// in the rendered post and silence nothing, so it is a problem rather than nothing at all.
void read_literal_directives(const Document& doc, Directives& out) {
  for (const ProseRun& run : doc.prose()) {
    const std::string& text = run.text();
    for (size_t open = text.find("<!--"); open != std::string::npos;
         open = text.find("<!--", open + 4)) {
      size_t keyword = open + 4;
      while (keyword < text.size() && is_blank(text[keyword])) ++keyword;
      if (text.compare(keyword, kPrefix.size(), kPrefix) != 0) continue;
      const auto begin = static_cast<uint32_t>(open);
      // "\<!--" and "&lt;!--" are the author's way to show a directive: leave them alone.
      if (!run.is_verbatim(begin, begin + 4)) continue;
      const size_t close = text.find("-->", keyword);
      const auto end = static_cast<uint32_t>(close == std::string::npos ? keyword : close + 3);
      out.problems.push_back(
          {run.to_source(begin, end),
           "directive is not an HTML comment here, so it does nothing and shows in the post", "",
           "a comment inside a paragraph cannot contain '--' or end with '-': put the reason "
           "in a comment on its own line, or drop it"});
    }
  }
}

}  // namespace

std::string_view keyword_of(DirectiveKind kind) {
  for (const KindName& k : kKinds)
    if (k.kind == kind) return k.keyword;
  return "hanmark-disable";
}

Directives parse_directives(const Document& doc) {
  Directives out;
  // Most posts have none; the AST walk for comments is skipped for them.
  if (doc.source().find("hanmark") == std::string_view::npos) return out;
  read_front_matter_directives(doc, out);
  for (const HtmlComment& comment : html_comments(doc)) read_comment(doc, comment, out);
  read_literal_directives(doc, out);
  return out;
}

AcceptedWords::AcceptedWords(const Directives& directives) {
  for (const Directive& d : directives.items) {
    if (d.kind != DirectiveKind::words) continue;
    for (const DirectiveArg& arg : d.args) words_.push_back(ascii_lowered(arg.text));
  }
}

bool AcceptedWords::accepts(std::string_view word) const {
  if (words_.empty()) return false;  // nearly every post: no lower-cased copy of every word
  const std::string lowered = ascii_lowered(word);
  for (const std::string& accepted : words_) {
    if (lowered == accepted) return true;
    if (ends_in_hangul(accepted) && lowered.starts_with(accepted) &&
        all_hangul(std::string_view(lowered).substr(accepted.size())))
      return true;
  }
  return false;
}

void AcceptedWords::add(std::string_view word) {
  word = word.substr(0, word.find('/'));
  if (!word.empty()) words_.push_back(ascii_lowered(word));
}

AcceptedWords accepted_words(const Document& doc) {
  if (doc.source().find("hanmark") == std::string_view::npos) return {};
  return AcceptedWords(parse_directives(doc));
}

}  // namespace hanmark
