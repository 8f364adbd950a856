// single-title: more than one title (level-1 heading) in a post; a `title` in front matter is the
// post's title, so then every `#` heading is a second one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "markdown/headings.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleOption kOptions[] = {
    {.name = "front-matter-title",
     .default_value = "title",
     .description = "the front matter key that holds the post's title; empty: none"},
};

constexpr RuleInfo kInfo{
    .id = "single-title",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "more than one level-1 heading, or one beside a front matter 'title'",
    .options = kOptions,
};

// The lines of `text`, without terminators.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    out.push_back(line);
  }
  return out;
}

bool is_empty_value(std::string_view value) {
  value = trim(value);
  return value.empty() || value == "\"\"" || value == "''" || value == "~" || value == "null";
}

// True when the front matter sets a non-empty top-level `key` (YAML `title:`, TOML `title =`).
bool front_matter_has_title(const Document& doc, const std::string& key) {
  const std::optional<FrontMatter>& fm = doc.front_matter();
  if (!fm || key.empty()) return false;
  const std::vector<std::string_view> lines = split_lines(doc.slice(fm->content));
  const bool toml = fm->format == FrontMatter::Format::toml;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (toml && trim(line).starts_with('[')) return false;  // keys below belong to a table
    if (line.empty() || line.front() == ' ' || line.front() == '\t') continue;  // nested keys
    for (const std::string& written : {key, '"' + key + '"', "'" + key + "'"}) {
      if (!line.starts_with(written)) continue;
      std::string_view rest = line.substr(written.size());
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      if (rest.empty() || rest.front() != (toml ? '=' : ':')) continue;
      rest.remove_prefix(1);
      if (const size_t hash = rest.find(" #"); hash != std::string_view::npos)
        rest = rest.substr(0, hash);
      if (!is_empty_value(rest)) return true;
      // YAML `title:` with the value on indented lines below.
      return !toml && trim(rest).empty() && i + 1 < lines.size() && !lines[i + 1].empty() &&
             (lines[i + 1].front() == ' ' || lines[i + 1].front() == '\t') &&
             !trim(lines[i + 1]).empty();
    }
  }
  return false;
}

class SingleTitle final : public Rule {
 public:
  explicit SingleTitle(std::string title_key) : title_key_(std::move(title_key)) {}

  const RuleInfo& info() const override { return kInfo; }

  std::unique_ptr<Rule> configure(const RuleOptionValues& values) const override {
    return std::make_unique<SingleTitle>(values.get<std::string>("front-matter-title", "title"));
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::vector<Heading> headings = section_headings(doc);
    const bool in_front_matter = front_matter_has_title(doc, title_key_);
    const Heading* title = nullptr;
    for (const Heading& heading : headings) {
      if (heading.level != 1) continue;
      if (!in_front_matter && !title) {
        title = &heading;
        continue;
      }
      std::string message = "second title " + quoted_heading(doc, heading) + ": ";
      if (in_front_matter) {
        message += "the front matter '" + title_key_ + "' is the post's title";
      } else {
        message += "the post's title is " + quoted_heading(doc, *title) + " on line " +
                   std::to_string(doc.lines().line_of(title->text_span.begin));
      }
      Diagnostic& d = sink.report(heading.text_span, std::move(message));
      d.notes.emplace_back(
          "make it a level-2 heading ('##'), or remove it (제목은 글에 하나만 둡니다)");
    }
  }

 private:
  std::string title_key_;
};

}  // namespace

std::unique_ptr<Rule> make_single_title() {
  return std::make_unique<SingleTitle>("title");
}

}  // namespace hanmark
