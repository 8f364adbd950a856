// heading-bilingual: in a post whose headings pair Korean with English ("한국어 - English"), the
// headings that have only one language, or pair them in another order or with another separator.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/headings.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleOption kOptions[] = {
    {.name = "min-headings",
     .default_value = "2",
     .description =
         "bilingual headings (besides the title) needed before their majority sets the convention",
     .min = 1},
    {.name = "convention",
     .default_value = "auto",
     .description = "what makes a post bilingual: 'auto' (a bilingual title, or a majority of "
                    "bilingual headings), 'title' (only a bilingual title, whose style is the "
                    "convention) or 'headings' (only a majority of bilingual headings)",
     .choices = "auto|title|headings"},
    {.name = "front-matter-title",
     .default_value = "title",
     .description = "the front matter key that holds the post's title; empty: none"},
};

constexpr RuleInfo kInfo{
    .id = "heading-bilingual",
    .category = Category::bilingual,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "headings that break the post's Korean/English heading convention",
    .options = kOptions,
};

enum class Convention { automatic, title, headings };

struct Options {
  Convention convention = Convention::automatic;
  int min_headings = 2;
  std::string front_matter_title = "title";
};

// Separators between the halves, as written in the heading; "()" is a parenthesised gloss.
constexpr std::string_view kParen = "()";
constexpr std::array<std::string_view, 5> kSeparators = {" - ", " \xE2\x80\x94 " /* — */,
                                                         " \xE2\x80\x93 " /* – */, " / ", " | "};

enum class Language { none, korean, english, both };

struct Style {
  bool korean_first = true;
  std::string_view separator = " - ";
  friend bool operator==(const Style&, const Style&) = default;
};

struct Parsed {
  Language language = Language::none;
  Style style;  // when language == both
};

bool is_latin_letter(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

struct Scripts {
  bool hangul = false;
  bool latin = false;
};

Scripts scripts_of(std::string_view text) {
  Scripts s;
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (d.code_point != utf8::kInvalid) {
      s.hangul = s.hangul || utf8::is_hangul(d.code_point);
      s.latin = s.latin || is_latin_letter(d.code_point);
    }
    i += d.length;
  }
  return s;
}

// The halves form a pair when one has Hangul and the other has Latin letters and no Hangul.
std::optional<bool> korean_first(std::string_view first, std::string_view second) {
  const Scripts a = scripts_of(first), b = scripts_of(second);
  if (a.hangul && !b.hangul && b.latin) return true;
  if (b.hangul && !a.hangul && a.latin) return false;
  return std::nullopt;
}

// Drops a trailing custom anchor: "{#intro}" or MDX "{/*intro*/}".
std::string_view without_anchor(std::string_view text) {
  text = trim(text);
  if (!text.ends_with('}')) return text;
  const size_t open = text.rfind('{');
  if (open == std::string_view::npos) return text;
  const std::string_view anchor = text.substr(open);
  if (anchor.starts_with("{#") || anchor.starts_with("{/*")) return trim(text.substr(0, open));
  return text;
}

Parsed parse(std::string_view heading) {
  const std::string_view text = without_anchor(heading);
  Parsed parsed;
  // "한국어 - English": the first separator that splits the text into a Korean and an English
  // half ("1장 - 소개 - Introduction" splits at the second).
  struct Split {
    size_t at;
    std::string_view separator;
  };
  std::vector<Split> splits;
  for (std::string_view separator : kSeparators)
    for (size_t at = text.find(separator); at != std::string_view::npos;
         at = text.find(separator, at + 1))
      splits.push_back({at, separator});
  std::sort(splits.begin(), splits.end(),
            [](const Split& a, const Split& b) { return a.at < b.at; });
  for (const Split& split : splits) {
    if (auto order = korean_first(text.substr(0, split.at),
                                  text.substr(split.at + split.separator.size()))) {
      parsed.language = Language::both;
      parsed.style = {*order, split.separator};
      return parsed;
    }
  }
  // "한국어 (English)", "한국어(English)", "English (한국어)".
  if (text.ends_with(')')) {
    int depth = 0;
    for (size_t i = text.size(); i-- > 0;) {
      if (text[i] == ')') ++depth;
      if (text[i] == '(' && --depth == 0) {
        const std::string_view outer = trim(text.substr(0, i));
        const std::string_view inner = text.substr(i + 1, text.size() - i - 2);
        // Each half of a gloss must be in one language: "DB 트랜잭션(Transaction)" and
        // "참조자(References)와 빌림(Borrowing)" are Korean headings that gloss a term.
        const Scripts outer_scripts = scripts_of(outer);
        if (!outer.empty() && !(outer_scripts.hangul && outer_scripts.latin))
          if (auto order = korean_first(outer, inner)) {
            parsed.language = Language::both;
            parsed.style = {*order, kParen};
            return parsed;
          }
        break;
      }
    }
  }
  const Scripts s = scripts_of(text);
  parsed.language = s.hangul ? Language::korean : s.latin ? Language::english : Language::none;
  return parsed;
}

bool is_gloss(const Parsed& parsed) {
  return parsed.style.separator == kParen;
}

std::string describe(const Style& style) {
  const std::string_view first = style.korean_first ? "Korean" : "English";
  const std::string_view second = style.korean_first ? "English" : "Korean";
  if (style.separator == kParen) return std::string(first) + " (" + std::string(second) + ")";
  return std::string(first) + std::string(style.separator) + std::string(second);
}

std::string separator_name(std::string_view separator) {
  return separator == kParen ? "'(…)'" : "'" + std::string(trim(separator)) + "'";
}

// The heading with its missing half shown as "…", in the post's style.
std::string with_counterpart(std::string_view text, bool text_is_korean, const Style& style) {
  const bool text_first = text_is_korean == style.korean_first;
  const std::string own(text), other = "\xE2\x80\xA6";
  if (style.separator == kParen)
    return text_first ? own + " (" + other + ")" : other + " (" + own + ")";
  return text_first ? own + std::string(style.separator) + other
                    : other + std::string(style.separator) + own;
}

// `title:` (YAML) or `title =` (TOML) of the front matter, unquoted; `key` instead of "title".
std::optional<std::string_view> front_matter_title(const Document& doc, std::string_view key) {
  if (!doc.front_matter() || key.empty()) return std::nullopt;
  std::string_view content = doc.slice(doc.front_matter()->content);
  while (!content.empty()) {
    const size_t end = content.find('\n');
    std::string_view line = content.substr(0, end);
    content = end == std::string_view::npos ? std::string_view() : content.substr(end + 1);
    if (!line.starts_with(key)) continue;
    line = trim(line.substr(key.size()));
    if (line.empty() || (line.front() != ':' && line.front() != '=')) continue;
    line = trim(line.substr(1));
    if (line.size() >= 2 && (line.front() == '"' || line.front() == '\'') &&
        line.back() == line.front())
      line = line.substr(1, line.size() - 2);
    return line;
  }
  return std::nullopt;
}

class HeadingBilingual final : public Rule {
 public:
  explicit HeadingBilingual(Options options) : options_(std::move(options)) {}

  const RuleInfo& info() const override { return kInfo; }

  std::unique_ptr<Rule> configure(const RuleOptionValues& values) const override {
    Options options;
    const std::string convention = values.get<std::string>("convention", "auto");
    options.convention = convention == "title"      ? Convention::title
                         : convention == "headings" ? Convention::headings
                                                    : Convention::automatic;
    options.min_headings =
        static_cast<int>(values.get<int64_t>("min-headings", options.min_headings));
    options.front_matter_title =
        values.get<std::string>("front-matter-title", options.front_matter_title);
    return std::make_unique<HeadingBilingual>(std::move(options));
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::vector<Heading> headings = section_headings(doc);
    std::vector<Parsed> parsed;
    parsed.reserve(headings.size());
    for (const Heading& heading : headings) parsed.push_back(parse(heading.text));

    // The title: the first level-1 heading; the front matter title counts as well.
    std::optional<size_t> title;
    for (size_t i = 0; i < headings.size() && !title; ++i)
      if (headings[i].level == 1) title = i;
    std::optional<Parsed> matter_title;
    if (auto text = front_matter_title(doc, options_.front_matter_title))
      matter_title = parse(*text);

    // Only separated headings ("딥 러닝 - Deep Learning") set a convention. A parenthesised gloss
    // is how Korean prose introduces a term ("트랜잭션(Transaction)", "OSI 7 계층" among
    // "물리(Physical)" headings): on 2,600 real posts, glosses as a convention were wrong nearly
    // every time. A gloss still counts as having both languages.
    int others = 0, separated = 0;
    for (size_t i = 0; i < headings.size(); ++i) {
      if (title == i || parsed[i].language == Language::none) continue;
      ++others;
      separated += parsed[i].language == Language::both && !is_gloss(parsed[i]);
    }
    const auto is_separated = [](const std::optional<Parsed>& p) {
      return p && p->language == Language::both && !is_gloss(*p);
    };
    const bool title_bilingual =
        is_separated(title ? std::optional<Parsed>(parsed[*title]) : std::nullopt) ||
        is_separated(matter_title);
    const bool majority = separated >= options_.min_headings && separated * 2 > others;
    const bool by_title = title_bilingual && options_.convention != Convention::headings;
    const bool by_headings = majority && options_.convention != Convention::title;
    if (!by_title && !by_headings) return;

    // The post's style: the most common separated one; ties go to the title's, then the earliest.
    std::vector<std::pair<Style, int>> counts;
    auto count = [&](const Parsed& p) {
      if (p.language != Language::both || is_gloss(p)) return;
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const auto& c) { return c.first == p.style; });
      if (it == counts.end()) {
        counts.push_back({p.style, 1});
      } else {
        ++it->second;
      }
    };
    if (title) count(parsed[*title]);
    if (matter_title) count(*matter_title);
    for (size_t i = 0; i < headings.size(); ++i)
      if (title != i) count(parsed[i]);
    const auto by_count = [](const auto& a, const auto& b) {
      return a.second < b.second;  // the first of equal counts wins
    };
    Style style = std::max_element(counts.begin(), counts.end(), by_count)->first;
    // Under convention = "title", the title is the convention.
    if (options_.convention == Convention::title)
      style = is_separated(title ? std::optional<Parsed>(parsed[*title]) : std::nullopt)
                  ? parsed[*title].style
                  : matter_title->style;
    const std::string convention = describe(style);

    for (size_t i = 0; i < headings.size(); ++i) {
      const Heading& heading = headings[i];
      const Parsed& p = parsed[i];
      if (p.language == Language::none) continue;
      if (p.language == Language::korean || p.language == Language::english) {
        const bool korean = p.language == Language::korean;
        Diagnostic& d = sink.report(
            heading.text_span, std::string("heading has ") + (korean ? "Korean" : "English") +
                                   " only; the post's headings are bilingual (" + convention + ")");
        const std::string_view text = doc.slice(heading.text_span);
        d.notes.push_back(
            std::string("add the ") + (korean ? "English" : "Korean") + " counterpart: '" +
            with_counterpart(text.substr(0, text.find_first_of("\r\n")), korean, style) + "'");
        continue;
      }
      if (p.style == style) continue;
      std::string message;
      if (p.style.korean_first != style.korean_first) {
        message = "heading is " + describe(p.style) + "; the post's headings are " + convention;
      } else {
        message = "heading separates Korean and English with " + separator_name(p.style.separator) +
                  "; the post's headings use " + separator_name(style.separator);
      }
      sink.report(heading.text_span, std::move(message))
          .notes.push_back("write it as " + convention + ", like the post's other headings");
    }
  }

 private:
  Options options_;
};

}  // namespace

std::unique_ptr<Rule> make_heading_bilingual() {
  return std::make_unique<HeadingBilingual>(Options{});
}

}  // namespace hanmark
