// speech-level: sentences whose ending is in another speech level (합니다체, 해요체, 해라체) than
// the clear majority of the post's sentences of the same kind (body, list items, headings).
#include <cmark-gfm.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "rules/all_rules.h"
#include "text/hangul.h"
#include "text/sentences.h"
#include "text/speech_levels.h"
#include "text/text_memo.h"

namespace hanmark {

namespace {

constexpr RuleOption kOptions[] = {
    {.name = "min-sentences",
     .default_value = "5",
     .description = "sentences with a clear ending (of one kind: body, list items or headings) "
                    "needed before their majority sets the post's speech level",
     .min = 1},
    {.name = "majority",
     .default_value = "70",
     .description =
         "percentage of those sentences that must share one speech level for it to be the post's",
     .min = 51,
     .max = 100},
};

constexpr RuleInfo kInfo{
    .id = "speech-level",
    .category = Category::korean,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "sentence endings in another speech level than the rest of the post",
    .options = kOptions,
};

struct Options {
  int min_sentences = 5;
  int majority_percent = 70;
};

using speech::Level;

// What a sentence is compared with: sentences of the same kind only. Headings and list items are
// often written in another style than the body on purpose ("설치하기", "- 캐시를 비운다").
enum class Group { body, list_item, heading };
constexpr size_t kGroups = 3;

struct Ending {
  Group group;
  Level level;
  const ProseRun* run;
  uint32_t begin;  // the final word, in run->text()
  uint32_t end;
};

// The levels that set and break a majority; seyo and question mix with every polite style.
constexpr std::array<Level, 3> kCounted = {Level::hapnida, Level::haeyo, Level::haera};

size_t index_of(Level level) {
  return level == Level::hapnida ? 0 : level == Level::haeyo ? 1 : 2;
}

bool counted(Level level) {
  return level == Level::hapnida || level == Level::haeyo || level == Level::haera;
}

// Whether a sentence of `level` breaks a majority of `majority`. The 해요체 requests and
// questions that 합니다체 prose uses (-세요, -ㄹ까요, -나요?) are out of place only in 해라체 body
// text and list items; a question as a heading ("**왜 필요한가요?**") is rhetorical.
bool breaks(Level level, Level majority, Group group) {
  if (counted(level)) return level != majority;
  if (level == Level::seyo || level == Level::question)
    return majority == Level::haera && group != Group::heading;
  return false;
}

// The only inline of a paragraph that holds nothing else (besides spaces and line breaks).
cmark_node* only_inline(cmark_node* paragraph) {
  if (cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) return nullptr;
  cmark_node* only = nullptr;
  for (cmark_node* child = cmark_node_first_child(paragraph); child;
       child = cmark_node_next(child)) {
    const cmark_node_type type = cmark_node_get_type(child);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) continue;
    if (type == CMARK_NODE_TEXT) {
      const char* literal = cmark_node_get_literal(child);
      if (std::string_view(literal ? literal : "").find_first_not_of(" \t") ==
          std::string_view::npos)
        continue;
    }
    if (only) return nullptr;
    only = child;
  }
  return only;
}

// The kind of text a prose run is, or nothing for text the rule leaves alone: table cells,
// block quotes (quoted material and call-outs), footnote definitions, link-only paragraphs.
std::optional<Group> group_of(const ProseRun& run) {
  if (run.kind() == ProseRun::Block::table_cell) return std::nullopt;
  bool in_item = false;
  for (cmark_node* node = cmark_node_parent(run.block()); node; node = cmark_node_parent(node)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_BLOCK_QUOTE:
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        return std::nullopt;
      case CMARK_NODE_ITEM:
        in_item = true;
        break;
      default:
        break;
    }
  }
  // A paragraph that is one bold or italic span stands for a heading ("**왜 필요한가요?**" above
  // its answer); one that is a link names another page (a table of contents entry).
  cmark_node* only = only_inline(run.block());
  const cmark_node_type only_type = only ? cmark_node_get_type(only) : CMARK_NODE_NONE;
  if (only_type == CMARK_NODE_LINK) return std::nullopt;
  if (run.kind() == ProseRun::Block::heading || only_type == CMARK_NODE_STRONG ||
      only_type == CMARK_NODE_EMPH)
    return Group::heading;
  return in_item ? Group::list_item : Group::body;
}

std::string_view what(Group group) {
  switch (group) {
    case Group::body:
      return "sentence";
    case Group::list_item:
      return "list item";
    case Group::heading:
      return "heading";
  }
  return "";
}

std::string_view written_in(Group group) {
  switch (group) {
    case Group::body:
      return "the post is written in ";
    case Group::list_item:
      return "the post's list items are written in ";
    case Group::heading:
      return "the post's headings are written in ";
  }
  return "";
}

std::string_view plural(Group group) {
  switch (group) {
    case Group::body:
      return "body sentences";
    case Group::list_item:
      return "list-item sentences";
    case Group::heading:
      return "headings";
  }
  return "";
}

std::string_view example_endings(Level level) {
  switch (level) {
    case Level::hapnida:
      return "-ㅂ니다/-습니다";
    case Level::haeyo:
      return "-어요/-에요";
    case Level::haera:
      return "-다";
    default:
      return "";
  }
}

// "…합\n니다": the rest of a word broken by a line wrap is not a word of its own.
bool broken_by_wrap(std::string_view text, const text::FinalWord& word) {
  if (word.before != '\n' || word.begin == 0) return false;
  std::string_view head = text.substr(0, word.begin - 1);
  if (head.ends_with('\r')) head.remove_suffix(1);
  return hangul::is_syllable(hangul::last_code_point(head));
}

// A sentence's final word with a speech level, in a paragraph's text.
struct FinalEnding {
  Level level;
  uint32_t begin;
  uint32_t end;
  bool verb_name;  // the word ends in -하다/-되다
};

// The final words of a paragraph's sentences that have a speech level: a function of the text
// alone, remembered, since the language server lints mostly unchanged paragraphs again
// (text/text_memo.h).
text::SharedList<FinalEnding> endings_of(std::string_view text) {
  if (!speech::may_have_level(text)) return {};
  static text::TextMemo<std::vector<FinalEnding>> memo(text::Keep::when_asked_again);
  return text::SharedList<FinalEnding>(memo.get(text, [&] {
    std::vector<FinalEnding> out;
    const std::string masked = text::mask_quotations(text);
    for (const text::Sentence& s : text::sentences(masked)) {
      const text::FinalWord word = text::final_word(masked, s.begin, s.end);
      if (word.empty()) continue;
      if (broken_by_wrap(text, word)) continue;
      const std::string_view final = text.substr(word.begin, word.size());
      const hangul::Run as_run{word.begin, word.end, word.before, 0};
      const Level level = speech::classify(final, as_run.attached_to_non_hangul(), s.terminator);
      if (level == Level::none) continue;
      // A line that ends without punctuation ends a sentence only where the ending cannot be
      // anything else: "-다" also closes "-다 보니" and the adverb 다 in hard-wrapped text.
      if (s.at_line_break && level == Level::haera) continue;
      out.push_back(
          {level, word.begin, word.end, final.ends_with("하다") || final.ends_with("되다")});
    }
    return out;
  }));
}

void collect(const ProseRun& run, Group group, std::vector<Ending>& out) {
  if (run.text().empty()) return;
  for (const FinalEnding& e : endings_of(run.text())) {
    // A heading that ends in -하다/-되다 names a verb ("render = 렌더링하다"); 해라체 would be
    // "렌더링한다".
    if (group == Group::heading && e.level == Level::haera && e.verb_name) continue;
    out.push_back({group, e.level, &run, e.begin, e.end});
  }
}

class SpeechLevel final : public Rule {
 public:
  explicit SpeechLevel(Options options) : options_(options) {}

  const RuleInfo& info() const override { return kInfo; }

  std::unique_ptr<Rule> configure(const RuleOptionValues& values) const override {
    Options options;
    options.min_sentences =
        static_cast<int>(values.get<int64_t>("min-sentences", options.min_sentences));
    options.majority_percent =
        static_cast<int>(values.get<int64_t>("majority", options.majority_percent));
    return std::make_unique<SpeechLevel>(options);
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    std::vector<Ending> endings;
    for (const ProseRun& run : doc.prose())
      if (auto group = group_of(run)) collect(run, *group, endings);

    std::array<std::array<int, 3>, kGroups> counts{};
    for (const Ending& e : endings)
      if (counted(e.level)) ++counts[static_cast<size_t>(e.group)][index_of(e.level)];

    std::array<Level, kGroups> majority{};
    std::array<int, kGroups> totals{};
    for (size_t g = 0; g < kGroups; ++g) {
      const auto& c = counts[g];
      totals[g] = c[0] + c[1] + c[2];
      majority[g] = Level::none;
      if (totals[g] < options_.min_sentences) continue;
      for (Level level : kCounted)
        if (c[index_of(level)] * 100 >= options_.majority_percent * totals[g]) majority[g] = level;
    }

    for (const Ending& e : endings) {
      const size_t g = static_cast<size_t>(e.group);
      const Level major = majority[g];
      if (major == Level::none || !breaks(e.level, major, e.group)) continue;
      if (!e.run->is_verbatim(e.begin, e.end)) continue;
      const std::string_view word =
          std::string_view(e.run->text()).substr(e.begin, e.end - e.begin);
      const std::string_view kind = e.level == Level::seyo       ? " request"
                                    : e.level == Level::question ? " question"
                                                                 : "";
      Diagnostic& d = sink.report(
          e.run->to_source(e.begin, e.end),
          std::string(what(e.group)) + " ends in " + std::string(speech::name(e.level)) +
              std::string(kind) + " ('" + std::string(word) + "'); " +
              std::string(written_in(e.group)) + std::string(speech::name(major)));
      d.notes.push_back(std::to_string(counts[g][index_of(major)]) + " of " +
                        std::to_string(totals[g]) + " " + std::string(plural(e.group)) +
                        " with a clear ending are in " + std::string(speech::name(major)) + " (" +
                        std::string(example_endings(major)) + "); write this one in " +
                        std::string(speech::name(major)) + " too");
      d.notes.push_back("한 글 안에서는 문장 끝의 높임 등급을 하나로 맞추세요 (" +
                        std::string(speech::name(major)) + ")");
    }
  }

 private:
  Options options_;
};

}  // namespace

std::unique_ptr<Rule> make_speech_level() {
  return std::make_unique<SpeechLevel>(Options{});
}

}  // namespace hanmark
