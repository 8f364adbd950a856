// paired-punctuation: brackets and quotes without their partner in one paragraph, heading or
// table cell, and straight and curly double quotes mixed in one post (option mixed-quotes).
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "rules/all_rules.h"
#include "text/words.h"

namespace hanmark {

namespace {

constexpr RuleOption kOptions[] = {
    {.name = "mixed-quotes",
     .default_value = "true",
     .description = "report the double quotes of the post's minority style when it uses both "
                    "straight (\"…\") and curly (“…”) double quotes in prose"},
};

constexpr RuleInfo kInfo{
    .id = "paired-punctuation",
    .category = Category::typography,
    .default_severity = Severity::warning,
    .fix = FixAvailability::sometimes,
    .summary = "brackets and quotes without their partner in a paragraph, heading or table cell",
    .options = kOptions,
};

struct Options {
  bool mixed_quotes = true;
};

struct Pair {
  char32_t open;
  char32_t close;
};

// Straight double quotes are handled apart: the same mark opens and closes.
constexpr std::array<Pair, 10> kPairs = {{
    {U'(', U')'},
    {U'[', U']'},
    {U'{', U'}'},
    {U'\u201C', U'\u201D'},  // “ ”
    {U'\u2018', U'\u2019'},  // ‘ ’
    {U'\u300C', U'\u300D'},  // 「 」
    {U'\u300E', U'\u300F'},  // 『 』
    {U'\u300A', U'\u300B'},  // 《 》
    {U'\u3008', U'\u3009'},  // 〈 〉
    {U'\u3010', U'\u3011'},  // 【 】
}};

constexpr size_t kParen = 0;
constexpr size_t kCurlyDouble = 3;
constexpr size_t kCurlySingle = 4;
constexpr char32_t kObject = 0xFFFC;

using Char = utf8::CodePoint;
using utf8::decode_all;

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000;
}
// Code, HTML and URLs (U+FFFC in prose text) end a label like a space does.
bool is_boundary(char32_t cp) {
  return is_space(cp) || cp == kObject;
}
bool is_digit(char32_t cp) {
  return cp >= '0' && cp <= '9';
}
bool is_ascii_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}
bool is_latin_letter(char32_t cp) {
  return is_ascii_letter(cp) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

// A character of `chars`, or a space beyond either end.
char32_t at(const std::vector<Char>& chars, ptrdiff_t i) {
  return i < 0 || i >= static_cast<ptrdiff_t>(chars.size()) ? U' ' : chars[i].cp;
}

// One bracket or quote of a pair type. A soft mark may match a partner but is never reported on
// its own: marks inside URLs and paths, marks with spaces on both sides, closers of emoticons
// (":)") and of labels ("1)"), and apostrophes that could be closing quotes ("students’").
struct Mark {
  size_t index;  // into the run's chars
  bool open;
  bool soft;
  bool matched = false;
};

// Words that label an example: "예) …", "ex) …", and inside a parenthesis "(예) …)".
bool is_example_label(std::u32string_view word) {
  for (std::u32string_view w : {U"예", U"예시", U"예제", U"ex", U"Ex", U"EX", U"eg", U"e.g"})
    if (word == w) return true;
  return false;
}

// True when only spaces stand between chars[at] and the start of its line.
bool starts_line(const std::vector<Char>& chars, size_t at) {
  while (at > 0 && is_space(chars[at - 1].cp) && chars[at - 1].cp != '\n') --at;
  return at == 0 || chars[at - 1].cp == '\n';
}

bool is_label_char(char32_t c) {
  return is_digit(c) || is_ascii_letter(c) || utf8::is_hangul_syllable(c);
}

// The ')' of a label rather than of a parenthesis: items numbered in running text ("1)", "a)",
// "iv)", "가)", "ㄱ)", "①)"), a short word that labels a line ("Q1) …", "힌트) …", "ex) …") and
// example labels ("(예) …)").
bool closes_label(const std::vector<Char>& chars, size_t close) {
  size_t start = close;
  while (start > 0 && close - start <= 5 && !is_boundary(chars[start - 1].cp) &&
         chars[start - 1].cp != '(')
    --start;
  if (start == close || close - start > 5) return false;
  std::u32string word;
  for (size_t i = start; i < close; ++i) word += chars[i].cp;
  if (is_example_label(word)) return true;
  if (start > 0 && chars[start - 1].cp == '(') return false;  // "(1)" pairs on its own
  if (starts_line(chars, start) && std::all_of(word.begin(), word.end(), is_label_char))
    return true;
  if (word.size() > 4) return false;
  if (is_digit(word[0]) &&
      std::all_of(word.begin(), word.end(), [](char32_t c) { return is_digit(c) || c == '.'; }))
    return true;
  if (word.find_first_not_of(U"ivxIVX") == std::u32string::npos) return true;
  if (word.size() != 1) return false;
  const char32_t c = word[0];
  return is_ascii_letter(c) || utf8::is_hangul_syllable(c) || (c >= 0x3131 && c <= 0x314E) ||
         (c >= 0x2460 && c <= 0x2473);
}

// The ')' or '(' of an emoticon: ":)", ";-)", "=)", "^^)", ":(", ";-(".
bool in_emoticon(const std::vector<Char>& chars, size_t i) {
  const auto p = static_cast<ptrdiff_t>(i);
  char32_t before = at(chars, p - 1);
  if (before == '-') before = at(chars, p - 2);
  const bool eyes = before == ':' || before == ';' || before == '=';
  if (chars[i].cp == ')') return eyes || at(chars, p - 1) == '^';
  return eyes && (is_space(at(chars, p + 1)) || at(chars, p + 1) == ')');
}

// "[0, 1)" and "(0, 1]": a half-open interval, whose brackets are of two pair types on purpose.
// Returns the index of the closer when `open` starts one.
std::optional<size_t> interval_end(const std::vector<Char>& chars, size_t open) {
  const char32_t want = chars[open].cp == '[' ? U')' : U']';
  int commas = 0;
  for (size_t i = open + 1; i < chars.size() && i - open <= 40; ++i) {
    const char32_t c = chars[i].cp;
    if (c == want) return commas == 1 && i > open + 3 ? std::optional<size_t>(i) : std::nullopt;
    if (c == ',') ++commas;
    if (c == '(' || c == ')' || c == '[' || c == ']' || c == '\n' || utf8::is_hangul(c))
      return std::nullopt;
  }
  return std::nullopt;
}

// What a curly single quote is when it is not a quote: "don’t", "rock ’n’ roll", "’90s", "‘90s".
bool is_apostrophe(const std::vector<Char>& chars, size_t i) {
  const auto p = static_cast<ptrdiff_t>(i);
  const char32_t before = at(chars, p - 1);
  const char32_t after = at(chars, p + 1);
  if (is_latin_letter(after) &&
      (is_latin_letter(before) || (chars[i].cp == U'\u2019' && is_space(before))))
    return true;
  return is_digit(after) && is_digit(at(chars, p + 2)) && !is_digit(at(chars, p + 3)) &&
         (is_space(before) || before == '(');
}

// True when `offset` is inside one of `ranges` (sorted, not overlapping).
bool in_ranges(const std::vector<text::Range>& ranges, uint32_t offset) {
  const auto after = std::upper_bound(ranges.begin(), ranges.end(), offset,
                                      [](uint32_t o, const text::Range& r) { return o < r.begin; });
  return after != ranges.begin() && offset < std::prev(after)->end;
}

// Matches one pair type's marks: hard closers take the nearest open mark before them; then soft
// closers take the nearest opener still open before them (so "1) 설치 (참고 2) 빌드)" pairs its
// real brackets first).
void match(std::vector<Mark>& marks) {
  std::vector<size_t> stack;
  for (size_t m = 0; m < marks.size(); ++m) {
    if (marks[m].open) {
      stack.push_back(m);
    } else if (!marks[m].soft && !stack.empty()) {
      marks[stack.back()].matched = marks[m].matched = true;
      stack.pop_back();
    }
  }
  stack.clear();
  for (size_t m = 0; m < marks.size(); ++m) {
    if (marks[m].matched) continue;
    if (marks[m].open) {
      stack.push_back(m);
    } else if (!stack.empty()) {  // only soft closers are left unmatched with openers before
      marks[stack.back()].matched = marks[m].matched = true;
      stack.pop_back();
    }
  }
}

// A straight double quote pair, or one left unpaired, in text offsets (chars indexes).
struct StraightQuotes {
  std::vector<std::pair<size_t, size_t>> pairs;
  std::optional<size_t> unpaired;
  bool unpaired_opens = false;
};

// A straight double quote that stands alone: a ditto mark, or the character named in text
// (큰따옴표 ", 큰따옴표(")) rather than a quote.
bool stands_alone(const std::vector<Char>& chars, size_t i) {
  const auto p = static_cast<ptrdiff_t>(i);
  const char32_t before = at(chars, p - 1);
  char32_t after = at(chars, p + 1);
  if (is_space(before)) {
    if (after == ',' || after == '.') after = at(chars, p + 2);
    return is_space(after);
  }
  for (const auto& [open, close] : {std::pair<char32_t, char32_t>{'(', ')'},
                                    {'[', ']'},
                                    {'\'', '\''},
                                    {U'\u2018', U'\u2019'},
                                    {U'\u201C', U'\u201D'}})
    if (before == open && after == close) return true;
  return false;
}

// Pairs straight double quotes left to right. Not quotes: a mark after a digit while none is
// open (inches, seconds: 5") and a mark that stands alone. A mark that looks like a closer (after
// a word, before a space or punctuation) while none is open is the stray one. Marks inside URLs
// and paths pair like others, but are not reported when left unpaired.
StraightQuotes pair_straight_quotes(const std::vector<Char>& chars,
                                    const std::vector<text::Range>& non_prose) {
  constexpr size_t kNone = static_cast<size_t>(-1);
  StraightQuotes out;
  size_t open = kNone;
  for (size_t i = 0; i < chars.size(); ++i) {
    if (chars[i].cp != '"' || stands_alone(chars, i)) continue;
    const auto p = static_cast<ptrdiff_t>(i);
    const char32_t before = at(chars, p - 1);
    const char32_t after = at(chars, p + 1);
    if (open != kNone) {
      out.pairs.emplace_back(open, i);
      open = kNone;
      continue;
    }
    if (is_digit(before)) continue;
    const bool looks_closing = !is_space(before) && before != '(' && before != '[' &&
                               (is_space(after) || after == '.' || after == ',');
    if (looks_closing && in_ranges(non_prose, chars[i].begin)) continue;
    if (looks_closing && !out.unpaired) {
      out.unpaired = i;
      out.unpaired_opens = false;
      continue;
    }
    open = i;
  }
  if (open != kNone && !out.unpaired) {
    out.unpaired = open;
    out.unpaired_opens = true;
  }
  if (out.unpaired && in_ranges(non_prose, chars[*out.unpaired].begin)) out.unpaired.reset();
  return out;
}

std::string_view block_name(ProseRun::Block kind) {
  switch (kind) {
    case ProseRun::Block::heading:
      return "heading";
    case ProseRun::Block::table_cell:
      return "table cell";
    case ProseRun::Block::paragraph:
      break;
  }
  return "paragraph";
}

std::string encode(char32_t cp) {
  std::string s;
  utf8::append(s, cp);
  return s;
}

// The first character of a run after leading spaces.
std::optional<char32_t> first_char(const ProseRun& run) {
  const std::string& text = run.text();
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (!is_space(d.code_point)) return d.code_point;
    i += d.length;
  }
  return std::nullopt;
}

// A quotation that runs over several paragraphs reopens at each paragraph and closes only at its
// last: an opening quote that starts its paragraph is not reported when the next paragraph also
// starts with one.
bool continues_quotation(const std::vector<Char>& chars, size_t open, const ProseRun* next) {
  size_t before = open;
  while (before > 0 && is_space(chars[before - 1].cp)) --before;
  return before == 0 && next && first_char(*next) == chars[open].cp;
}

// A quote pair of one style, for the mixed-style check.
struct QuotePair {
  const ProseRun* run;
  uint32_t open_begin, open_end, close_begin, close_end;  // text offsets
};

// One run's marks after matching, and what it reports.
class RunChecker {
 public:
  RunChecker(const ProseRun& run, const ProseRun* next, DiagnosticSink& sink)
      : run_(run), next_(next), sink_(sink), chars_(decode_all(run.text())) {}

  void check(std::vector<QuotePair>& straight, std::vector<QuotePair>& curly) {
    const text::SharedList<text::Range> skip = text::non_prose_chunks(run_.text());
    collect_marks(skip);
    for (std::vector<Mark>& m : marks_) match(m);
    quotes_ = pair_straight_quotes(chars_, skip);
    collect_curly_pairs(curly);
    for (const auto& [open, close] : quotes_.pairs) straight.push_back(pair_of(open, close));
    report_wrong_direction(kCurlyDouble);
    report_wrong_direction(kCurlySingle);
    report_straight_with_curly();
    report_unmatched();
    report_unpaired_straight();
  }

 private:
  void collect_marks(const std::vector<text::Range>& skip) {
    std::vector<bool> ignored(chars_.size(), false);
    for (size_t i = 0; i < chars_.size(); ++i) {
      const char32_t c = chars_[i].cp;
      if ((c == '[' || c == '(') && !ignored[i]) {
        if (const auto end = interval_end(chars_, i)) ignored[i] = ignored[*end] = true;
      }
      if (ignored[i]) continue;
      for (size_t t = 0; t < kPairs.size(); ++t) {
        const bool open = c == kPairs[t].open;
        if (!open && c != kPairs[t].close) continue;
        if (t == kCurlySingle && is_apostrophe(chars_, i)) break;
        if (t == kParen && open && in_emoticon(chars_, i)) break;
        // "`code`](/docs/page)" is a link that lost its '[': report its ']' even in a path.
        const bool link_residue = c == ']' && at(chars_, static_cast<ptrdiff_t>(i) + 1) == '(';
        bool soft = in_ranges(skip, chars_[i].begin) && !link_residue;
        // A mark with spaces on both sides is named rather than used ("괄호 ( 를"), or spaced
        // out ("( 선택 )").
        soft = soft || (is_space(at(chars_, static_cast<ptrdiff_t>(i) - 1)) &&
                        is_space(at(chars_, static_cast<ptrdiff_t>(i) + 1)));
        if (t == kParen && !open) soft = soft || in_emoticon(chars_, i) || closes_label(chars_, i);
        // "students’ work": a possessive apostrophe or a closing quote.
        if (t == kCurlySingle && !open)
          soft = soft || is_latin_letter(at(chars_, static_cast<ptrdiff_t>(i) - 1));
        marks_[t].push_back({i, open, soft});
        break;
      }
    }
  }

  // Curly pairs around some text, for the mixed-style check ("큰따옴표 “ ”" names the marks).
  void collect_curly_pairs(std::vector<QuotePair>& out) const {
    std::vector<const Mark*> stack;
    for (const Mark& m : marks_[kCurlyDouble]) {
      if (!m.matched) continue;
      if (m.open) {
        stack.push_back(&m);
      } else if (!stack.empty()) {
        if (!m.soft && !stack.back()->soft && m.index > stack.back()->index + 1)
          out.push_back(pair_of(stack.back()->index, m.index));
        stack.pop_back();
      }
    }
  }

  QuotePair pair_of(size_t open, size_t close) const {
    return {&run_, chars_[open].begin, chars_[open].end, chars_[close].begin, chars_[close].end};
  }

  // “…“ and ”…”: two unmatched quotes of one direction in a row are one quotation with one mark
  // turned the wrong way (quotes of one kind do not nest).
  void report_wrong_direction(size_t t) {
    std::vector<Mark>& marks = marks_[t];
    for (size_t m = 0; m + 1 < marks.size(); ++m) {
      Mark& a = marks[m];
      Mark& b = marks[m + 1];
      if (a.matched || b.matched || a.soft || b.soft || a.open != b.open) continue;
      a.matched = b.matched = true;
      const Mark& wrong = a.open ? b : a;
      const char32_t right = a.open ? kPairs[t].close : kPairs[t].open;
      const std::string mark = encode(chars_[wrong.index].cp);
      const std::string use = encode(right);
      std::string message = "'";
      message.append(mark).append(a.open ? "' closes" : "' opens");
      message.append(" a quotation; use '").append(use).append("'");
      report_replaceable(wrong.index, std::move(message), use);
      ++m;
    }
  }

  // “…" and "…”: a curly quote paired with a straight one. The straight quote closes when the
  // nearest curly mark before it is an unclosed “ (so “엔지니어"라는, where the straight quote
  // does not look like a closer, is one finding), and opens when the nearest after it is a
  // stray ”.
  void report_straight_with_curly() {
    if (!quotes_.unpaired) return;
    const size_t straight = *quotes_.unpaired;
    std::vector<Mark>& marks = marks_[kCurlyDouble];
    const auto after = std::lower_bound(marks.begin(), marks.end(), straight,
                                        [](const Mark& m, size_t i) { return m.index < i; });
    const auto unpaired = [](const Mark& m) { return !m.matched && !m.soft; };
    if (after != marks.begin() && std::prev(after)->open && unpaired(*std::prev(after))) {
      std::prev(after)->matched = true;
      quotes_.unpaired.reset();
      report_replaceable(straight, "'\"' closes a quotation opened by '“'; use '”'", "”");
    } else if (quotes_.unpaired_opens && after != marks.end() && !after->open && unpaired(*after)) {
      after->matched = true;
      quotes_.unpaired.reset();
      report_replaceable(straight, "'\"' opens a quotation closed by '”'; use '“'", "“");
    }
  }

  void report_unmatched() {
    const std::string block(block_name(run_.kind()));
    for (size_t t = 0; t < kPairs.size(); ++t) {
      for (const Mark& m : marks_[t]) {
        if (m.matched || m.soft) continue;
        if (m.open && (t == kCurlyDouble || t == kCurlySingle) &&
            continues_quotation(chars_, m.index, next_))
          continue;
        const std::string mark = encode(chars_[m.index].cp);
        const std::string partner = encode(m.open ? kPairs[t].close : kPairs[t].open);
        Diagnostic& d = report(m.index, m.open ? "'" + mark + "' is never closed in this " + block
                                               : "'" + mark + "' has no opening '" + partner + "'");
        d.notes.push_back("add the " + std::string(m.open ? "closing" : "opening") + " '" +
                          partner + "' where it belongs, or remove this '" + mark + "'");
      }
    }
  }

  void report_unpaired_straight() {
    if (!quotes_.unpaired) return;
    const size_t i = *quotes_.unpaired;
    if (quotes_.unpaired_opens && continues_quotation(chars_, i, next_)) return;
    const std::string block(block_name(run_.kind()));
    Diagnostic& d = report(i, quotes_.unpaired_opens ? "'\"' is never closed in this " + block
                                                     : "'\"' has no opening '\"' in this " + block);
    d.notes.push_back(
        "straight double quotes come in pairs: add the missing one where it "
        "belongs, or remove this one");
  }

  Diagnostic& report(size_t i, std::string message) {
    return sink_.report(run_.to_source(chars_[i].begin, chars_[i].end), std::move(message));
  }

  // A mark that should be another one, with an unsafe fix when it is written as itself in the
  // source (not as an entity or escape).
  void report_replaceable(size_t i, std::string message, std::string replacement) {
    Diagnostic& d = report(i, std::move(message));
    d.suggestions.push_back(replacement);
    if (run_.is_verbatim(chars_[i].begin, chars_[i].end))
      d.fixes.push_back(Fix{.title = "replace with '" + replacement + "'",
                            .safe = false,
                            .edits = {Edit{.span = run_.to_source(chars_[i].begin, chars_[i].end),
                                           .replacement = replacement}}});
  }

  const ProseRun& run_;
  const ProseRun* next_;
  DiagnosticSink& sink_;
  std::vector<Char> chars_;
  std::array<std::vector<Mark>, kPairs.size()> marks_;
  StraightQuotes quotes_;
};

class PairedPunctuation final : public Rule {
 public:
  explicit PairedPunctuation(Options options) : options_(options) {}

  const RuleInfo& info() const override { return kInfo; }

  std::unique_ptr<Rule> configure(const RuleOptionValues& values) const override {
    Options options;
    options.mixed_quotes = values.get<bool>("mixed-quotes", options.mixed_quotes);
    return std::make_unique<PairedPunctuation>(options);
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    std::vector<QuotePair> straight, curly;
    const std::vector<ProseRun>& runs = doc.prose();
    for (size_t r = 0; r < runs.size(); ++r) {
      // Cheap filter: every mark is ASCII or a three-byte sequence starting 0xE2 or 0xE3.
      if (!contains_any(runs[r].text(), "()[]{}\"\xE2\xE3")) continue;
      const ProseRun* next = r + 1 < runs.size() ? &runs[r + 1] : nullptr;
      RunChecker(runs[r], next, sink).check(straight, curly);
    }
    if (options_.mixed_quotes) report_mixed_quotes(straight, curly, sink);
  }

 private:
  // Reports each pair of the minority style, with an unsafe fix to the majority style. No
  // report on a tie: neither style is the post's.
  static void report_mixed_quotes(const std::vector<QuotePair>& straight,
                                  const std::vector<QuotePair>& curly, DiagnosticSink& sink) {
    if (straight.empty() || curly.empty() || straight.size() == curly.size()) return;
    const bool curly_wins = curly.size() > straight.size();
    const std::vector<QuotePair>& minority = curly_wins ? straight : curly;
    const size_t majority = curly_wins ? curly.size() : straight.size();
    const std::string open = curly_wins ? "“" : "\"";
    const std::string close = curly_wins ? "”" : "\"";
    for (const QuotePair& q : minority) {
      const ByteSpan open_span = q.run->to_source(q.open_begin, q.open_end);
      const ByteSpan close_span = q.run->to_source(q.close_begin, q.close_end);
      Diagnostic& d = sink.report(ByteSpan{open_span.begin, close_span.end},
                                  std::string(curly_wins ? "straight" : "curly") +
                                      " double quotes in a post that uses " +
                                      (curly_wins ? "curly '“…”'" : "straight '\"…\"'") +
                                      " quotes " + std::to_string(majority) + " times");
      if (q.run->is_verbatim(q.open_begin, q.open_end) &&
          q.run->is_verbatim(q.close_begin, q.close_end)) {
        d.fixes.push_back(Fix{.title = "use '" + open + "…" + close + "'",
                              .safe = false,
                              .edits = {Edit{.span = open_span, .replacement = open},
                                        Edit{.span = close_span, .replacement = close}}});
      }
    }
  }

  Options options_;
};

}  // namespace

std::unique_ptr<Rule> make_paired_punctuation() {
  return std::make_unique<PairedPunctuation>(Options{});
}

}  // namespace hanmark
