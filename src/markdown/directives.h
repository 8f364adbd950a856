// Inline directives of a post, read with exact spans: `<!-- hanmark-disable … -->` comments and
// the front matter's `hanmark:` settings (docs/directives.md). This module only reads them; what
// they do to diagnostics is the engine's business (engine/directive_filter.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "markdown/document.h"

namespace hanmark {

enum class DirectiveKind { disable, enable, disable_next_line, disable_line, disable_file, words };

// "hanmark-disable", "hanmark-disable-next-line", …
std::string_view keyword_of(DirectiveKind kind);

struct DirectiveArg {
  std::string text;  // as written, without quotes
  ByteSpan span;     // the text's exact source bytes
};

struct Directive {
  DirectiveKind kind;
  ByteSpan span;     // the whole comment "<!-- … -->", or the front matter entry (key to value)
  ByteSpan keyword;  // "hanmark-disable…" in a comment, the key ("disable") in front matter
  std::vector<DirectiveArg> args;  // rule names or words; a disable without names means all rules
  ByteSpan reason;                 // the text after " -- ", empty when there is none
  uint32_t first_line = 0;         // 1-based lines of `span`
  uint32_t last_line = 0;
  bool in_front_matter = false;
  bool inline_html = false;  // raw HTML inside a paragraph, heading or table cell
};

// Text that means to be a directive but is none: an unknown keyword ("hanmark-disabel"), an
// unclosed directive comment, an unknown key or a bad value in the front matter settings.
struct DirectiveProblem {
  ByteSpan span;
  std::string message;
  std::string suggestion;  // the likely intended text for `span` ("hanmark-disable"), or empty
  std::string help;        // advice when there is no suggestion, or empty
};

struct Directives {
  std::vector<Directive> items;  // front matter first, then comments in source order
  std::vector<DirectiveProblem> problems;

  bool empty() const { return items.empty() && problems.empty(); }
};

// Every directive of `doc`. Comments in code spans and code blocks are text, not directives; a
// directive in a list item, block quote, heading or table cell works like any other.
Directives parse_directives(const Document& doc);

// Words a post declares correct for itself (`<!-- hanmark-words … -->`, front matter
// `hanmark: { words: [...] }`), for the spelling rules.
class AcceptedWords {
 public:
  AcceptedWords() = default;
  explicit AcceptedWords(const Directives& directives);

  bool empty() const { return words_.empty(); }
  // True for an accepted word as written in prose: ASCII letters compare case-insensitively, and
  // an accepted Hangul word may be followed by more Hangul (its particle or ending: '딥러닝을').
  bool accepts(std::string_view word) const;
  // Accepts one more word; a dictionary-style `word/model` entry accepts `word`.
  void add(std::string_view word);

 private:
  std::vector<std::string> words_;  // ASCII letters lower-cased
};

AcceptedWords accepted_words(const Document& doc);

}  // namespace hanmark
