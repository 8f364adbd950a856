// cjk-emphasis: emphasis that cmark-gfm leaves as literal '*' or '_' because CommonMark's
// flanking rules count a Hangul letter outside the delimiters as a letter like any other:
// `**"엔지니어"**가`, `**딥 러닝(Deep Learning)**을`, ``**`code`**입니다``, `__엔지니어__가`.
//
// Found from the AST: delimiter runs that survive in text nodes are paired as CommonMark would
// pair them if a Hangul letter outside a run counted as a space (the markdown-cjk-friendly
// reading). Every pair and every fix is then confirmed by re-parsing the snippet with cmark-gfm,
// so a finding is reported only when the text really would render as emphasis once fixed.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/inline_probe.h"
#include "markdown/literal_delimiters.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "cjk-emphasis",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::sometimes,
    .summary =
        "emphasis left as literal '**' or '__' because a Hangul letter follows or precedes "
        "its delimiters (`**\"엔지니어\"**가`)",
};

// What the run could do if the Hangul letter outside it counted as a space (the reading of the
// markdown-cjk-friendly proposal).
bool blocked_close(const DelimiterRun& r) {
  return !r.can_close && !is_flanking_space(r.before) && utf8::is_hangul(r.after);
}
bool blocked_open(const DelimiterRun& r) {
  return !r.can_open && !is_flanking_space(r.after) && utf8::is_hangul(r.before);
}

struct Pair {
  const DelimiterRun* open;
  const DelimiterRun* close;
};

bool ascii_identifier(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Pairs the runs as CommonMark's delimiter stack would if a Hangul letter outside a run counted
// as a space; keeps the pairs that only that reading makes match.
std::vector<Pair> blocked_pairs(const Document& doc, const std::vector<DelimiterRun>& runs) {
  std::vector<Pair> pairs;
  for (const char marker : {'*', '_'}) {
    std::vector<const DelimiterRun*> openers;
    for (const DelimiterRun& r : runs) {
      if (r.marker != marker) continue;
      if (r.can_close || blocked_close(r)) {
        auto it = std::find_if(openers.rbegin(), openers.rend(),
                               [&](const DelimiterRun* o) { return o->parent == r.parent; });
        if (it != openers.rend()) {
          const DelimiterRun* o = *it;
          openers.erase(std::prev(it.base()), openers.end());
          const std::string_view inner =
              doc.source().substr(o->source.end, r.source.begin - o->source.end);
          // `_` pairs: a Hangul letter on one side only, and not a dunder name (`__init__은`).
          const bool plausible = marker == '*' || (!(blocked_open(*o) && blocked_close(r)) &&
                                                   !ascii_identifier(inner));
          if ((blocked_open(*o) || blocked_close(r)) && o->size() == r.size() && r.size() <= 3 &&
              plausible)
            pairs.push_back({o, &r});
          continue;
        }
      }
      if (r.can_open || blocked_open(r)) openers.push_back(&r);
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return a.open->source.begin < b.open->source.begin;
  });
  return pairs;
}

std::string quote_char(char32_t cp) {
  std::string out;
  utf8::append(out, cp);
  return out;
}

// The closing partner of an opening quote or bracket, or 0.
char32_t closing_partner(char32_t open) {
  switch (open) {
    case '"':
      return '"';
    case '\'':
      return '\'';
    case '(':
      return ')';
    case '[':
      return ']';
    case '{':
      return '}';
    case U'“':
      return U'”';
    case U'‘':
      return U'’';
    case U'「':
      return U'」';
    case U'『':
      return U'』';
    case U'《':
      return U'》';
    case U'〈':
      return U'〉';
    case U'（':
      return U'）';
    default:
      return 0;
  }
}

char32_t opening_partner(char32_t close) {
  for (const char32_t open :
       {U'"', U'\'', U'(', U'[', U'{', U'“', U'‘', U'「', U'『', U'《', U'〈', U'（'})
    if (closing_partner(open) == close) return open;
  return 0;
}

// Brackets close a gloss (`딥 러닝(Deep Learning)`) that may stand outside the emphasis; quotes
// in the middle of the text do not.
bool is_bracket(char32_t open) {
  return open == '(' || open == '[' || open == '{' || open == U'（' || open == U'「' ||
         open == U'『' || open == U'《' || open == U'〈';
}

// When `src[begin, end)` is wrapped in one HTML element (`<u>…</u>`), the end of its start tag
// and the start of its end tag; empty otherwise.
ByteSpan enclosing_tags(std::string_view src, uint32_t begin, uint32_t end) {
  const auto is_name = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (begin >= end || src[begin] != '<') return {};
  uint32_t name_end = begin + 1;
  while (name_end < end && is_name(src[name_end])) ++name_end;
  if (name_end == begin + 1) return {};
  const size_t open_end = src.substr(0, end).find('>', name_end);
  if (open_end == std::string_view::npos) return {};
  const std::string close = "</" + std::string(src.substr(begin + 1, name_end - begin - 1)) + ">";
  const std::string_view inner = src.substr(open_end + 1, end - open_end - 1);
  if (!inner.ends_with(close) || inner.size() == close.size()) return {};
  // One element: the end tag is the first one, and nothing breaks the start tag.
  const std::string_view start_tag = src.substr(begin, open_end + 1 - begin);
  if (inner.find(close) != inner.size() - close.size() ||
      start_tag.find_first_of("<\n", 1) != std::string_view::npos)
    return {};
  return {static_cast<uint32_t>(open_end + 1), static_cast<uint32_t>(end - close.size())};
}

std::string truncated(std::string_view text) {
  constexpr size_t kMaxCodePoints = 24;
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    if (count == kMaxCodePoints) return std::string(text.substr(0, i)) + "…";
    i += utf8::decode(text, i).length;
  }
  return std::string(text);
}

class CjkEmphasis final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    for (const ProseRun& run : doc.prose()) {
      if (!contains_any(run.text(), "*_")) continue;
      const InlineSource block(doc, run);
      const std::vector<DelimiterRun> runs = block.literal_delimiter_runs();
      for (const Pair& pair : blocked_pairs(doc, runs)) check_pair(doc, block, pair, sink);
    }
  }

 private:
  struct Candidate {
    std::string title;
    std::vector<SourceEdit> edits;
    bool html = false;
  };

  static void check_pair(const Document& doc, const InlineSource& block, const Pair& pair,
                         DiagnosticSink& sink) {
    const DelimiterRun& o = *pair.open;
    const DelimiterRun& c = *pair.close;
    const ByteSpan range{o.before_source.empty() ? o.source.begin : o.before_source.begin,
                         c.after_source.empty() ? c.source.end : c.after_source.end};
    // ASCII punctuation around the pair may be Markdown syntax of its own (`>`, a code span's
    // closing backtick): a plain ',' stands in for it, just as much punctuation to CommonMark.
    std::vector<SourceEdit> context;
    for (const auto& [cp, bytes] :
         {std::pair{o.before, o.before_source}, {c.after, c.after_source}})
      if (!bytes.empty() && cp < 0x80 && is_flanking_punct(cp)) context.push_back({bytes, ","});
    const auto shape = [&](std::vector<SourceEdit> edits) {
      edits.insert(edits.end(), context.begin(), context.end());
      const std::string text = block.snippet(range, std::move(edits));
      return text.empty() ? InlineShape{} : inline_shape(text);
    };
    const InlineShape before = shape({});
    const int delimiters = static_cast<int>(2 * o.size());
    if (!before.one_paragraph || before.literal_delimiters < delimiters) return;
    const auto renders = [&](const std::vector<SourceEdit>& edits, bool html) {
      const InlineShape after = shape(edits);
      return after.one_paragraph && after.links == before.links &&
             after.literal_delimiters <= before.literal_delimiters - delimiters &&
             (html ? after.raw_html > before.raw_html : after.emphasis > before.emphasis);
    };
    // Would the pair match if the Hangul letters outside it were spaces?
    std::vector<SourceEdit> spaced;
    if (blocked_open(o)) spaced.push_back({{o.source.begin, o.source.begin}, " "});
    if (blocked_close(c)) spaced.push_back({{c.source.end, c.source.end}, " "});
    if (!renders(spaced, false)) return;

    const ByteSpan span{o.source.begin, c.source.end};
    Diagnostic& d = sink.report(span, message(o, c));
    if (blocked_open(o) && blocked_close(c)) d.notes.push_back(opener_note(o));
    d.notes.emplace_back(
        "CommonMark (§6.2) treats a Hangul particle like any letter, so the delimiters show as "
        "typed (조사가 바로 붙으면 강조가 풀립니다)");
    for (Candidate& fix : candidates(doc, o, c)) {
      if (!renders(fix.edits, fix.html)) continue;
      std::string fixed(doc.slice(span));
      std::vector<Edit> edits;
      for (SourceEdit& edit : fix.edits) edits.push_back({edit.span, std::move(edit.replacement)});
      std::sort(edits.begin(), edits.end(),
                [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
      for (auto edit = edits.rbegin(); edit != edits.rend(); ++edit)
        fixed.replace(edit->span.begin - span.begin, edit->span.size(), edit->replacement);
      if (fixed.find('\n') == std::string::npos) d.suggestions.push_back(fixed);
      d.fixes.push_back(
          Fix{.title = std::move(fix.title), .safe = false, .edits = std::move(edits)});
      break;  // the first fix that renders is the least intrusive one
    }
  }

  static std::string message(const DelimiterRun& o, const DelimiterRun& c) {
    if (blocked_close(c))
      return single_quoted(c.text()) + " before " + single_quoted(quote_char(c.after)) +
             " does not close the emphasis: " + close_reason(c);
    return single_quoted(o.text()) + " after " + single_quoted(quote_char(o.before)) +
           " does not open the emphasis: " + open_reason(o);
  }

  static std::string close_reason(const DelimiterRun& c) {
    if (c.marker == '_') return "'_' cannot close inside a word";
    const std::string what =
        c.code_before ? std::string("a code span") : single_quoted(quote_char(c.before));
    return "after " + what + " it closes only before a space or punctuation";
  }

  static std::string open_reason(const DelimiterRun& o) {
    if (o.marker == '_') return "'_' cannot open inside a word";
    const std::string what =
        o.code_after ? std::string("a code span") : single_quoted(quote_char(o.after));
    return "before " + what + " it opens only after a space or punctuation";
  }

  static std::string opener_note(const DelimiterRun& o) {
    return "the " + single_quoted(o.text()) + " after " + single_quoted(quote_char(o.before)) +
           " does not open it either: " + open_reason(o);
  }

  // Fixes from the least to the most intrusive; the caller keeps the first that renders.
  static std::vector<Candidate> candidates(const Document& doc, const DelimiterRun& o,
                                           const DelimiterRun& c) {
    const std::string_view src = doc.source();
    const std::string stars(o.size(), '*');
    std::vector<Candidate> out;
    std::vector<SourceEdit> convert;
    if (o.marker == '_') {
      convert = {{o.source, stars}, {c.source, stars}};
      out.push_back({"replace '" + o.text() + "' with '" + stars + "'", convert});
    }
    const utf8::Decoded first = utf8::decode(src, o.source.end);
    uint32_t last_begin;
    const char32_t last = code_point_before(src, c.source.begin, last_begin);
    const uint32_t first_end = o.source.end + first.length;
    // The marks that open and close the whole text go outside the delimiters.
    const auto move_outside = [&](uint32_t open_end, uint32_t close_begin) {
      const std::string open_mark(src.substr(o.source.end, open_end - o.source.end));
      const std::string close_mark(src.substr(close_begin, c.source.begin - close_begin));
      out.push_back({"move '" + open_mark + "…" + close_mark + "' outside the '" + stars + "'",
                     {{{o.source.begin, open_end}, open_mark + stars},
                      {{close_begin, c.source.end}, stars + close_mark}}});
    };
    // `**"엔지니어"**가` → `"**엔지니어**"가` (not `**'협력'과 '피드백'**을`: the quotes close
    // earlier).
    if (closing_partner(first.code_point) != 0 && closing_partner(first.code_point) == last &&
        first_end < last_begin && src[last_begin - 1] != '\\' && !o.code_after && !c.code_before &&
        group_start(src, o.source.end, last_begin, first.code_point, last) == o.source.end)
      move_outside(first_end, last_begin);
    // `**<u>버퍼</u>**를` → `<u>**버퍼**</u>를`.
    if (const ByteSpan tags = enclosing_tags(src, o.source.end, c.source.begin); !tags.empty())
      move_outside(tags.begin, tags.end);
    // `**딥 러닝(Deep Learning)**을` → `**딥 러닝**(Deep Learning)을`: end before the last group.
    if (const char32_t open = opening_partner(last);
        is_bracket(open) && !c.code_before && src[last_begin - 1] != '\\') {
      const uint32_t group = group_start(src, o.source.end, last_begin, open, last);
      uint32_t end_at = group;
      while (end_at > o.source.end && (src[end_at - 1] == ' ' || src[end_at - 1] == '\t')) --end_at;
      // Not the destination of a link: `**[링크](https://…)**가`.
      if (group != 0 && end_at > o.source.end && src[group - 1] != ']' &&
          src.substr(end_at, c.source.begin - end_at).find('\n') == std::string_view::npos) {
        const std::string_view text = src.substr(group, c.source.begin - group);
        std::vector<SourceEdit> edits{{{end_at, end_at}, stars}, {c.source, ""}};
        if (o.marker == '_') edits.push_back(convert[0]);
        out.push_back({"end the emphasis before '" + truncated(text) + "'", std::move(edits)});
      }
    }
    static constexpr const char* kOpenTags[] = {"", "<em>", "<strong>", "<em><strong>"};
    static constexpr const char* kCloseTags[] = {"", "</em>", "</strong>", "</strong></em>"};
    out.push_back({"use '" + std::string(kOpenTags[o.size()]) + "…" + kCloseTags[o.size()] +
                       "' instead of '" + o.text() + "'",
                   {{o.source, kOpenTags[o.size()]}, {c.source, kCloseTags[o.size()]}},
                   true});
    return out;
  }

  // Where the group closed by `close` at `close_at` opens, searching back to `floor`; 0 when it
  // does not open there.
  static uint32_t group_start(std::string_view src, uint32_t floor, uint32_t close_at,
                              char32_t open, char32_t close) {
    int depth = 0;
    for (uint32_t p = close_at; p > floor;) {
      uint32_t begin;
      const char32_t cp = code_point_before(src, p, begin);
      if (cp == '`') return 0;  // a code span: its brackets are not text
      if (cp == open && (open == close || depth == 0) && !is_escaped(src, begin)) return begin;
      if (open != close && cp == close) ++depth;
      if (open != close && cp == open) --depth;
      p = begin;
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Rule> make_cjk_emphasis() {
  return std::make_unique<CjkEmphasis>();
}

}  // namespace hanmark
