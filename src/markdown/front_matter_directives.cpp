#include "markdown/front_matter_directives.h"

#include <optional>

#include "core/nearest_name.h"

namespace hanmark {

namespace {

constexpr std::string_view kKey = "hanmark";

// One `key: value` of the hanmark settings.
struct Entry {
  ByteSpan key;
  ByteSpan span;  // key through value
  std::vector<DirectiveArg> items;
};

// A scanner over the front matter's bytes; every position is a source offset.
class Scanner {
 public:
  Scanner(const Document& doc, ByteSpan region)
      : doc_(doc), src_(doc.source()), begin_(region.begin), end_(region.end) {}

  void read(Directives& out) {
    const FrontMatter& fm = *doc_.front_matter();
    if (fm.format == FrontMatter::Format::yaml) {
      read_yaml();
    } else {
      read_toml();
    }
    for (Entry& entry : entries_) to_directive(entry, out);
    for (auto& [span, message, help] : errors_) out.problems.push_back({span, message, "", help});
  }

 private:
  char at(uint32_t i) const { return i < end_ ? src_[i] : '\n'; }
  static bool is_space(char c) { return c == ' ' || c == '\t'; }
  static bool is_newline(char c) { return c == '\n' || c == '\r'; }

  uint32_t line_end(uint32_t i) const {
    while (i < end_ && !is_newline(src_[i])) ++i;
    return i;
  }
  uint32_t next_line(uint32_t i) const {
    i = line_end(i);
    if (i < end_ && src_[i] == '\r') ++i;
    if (i < end_ && src_[i] == '\n') ++i;
    return i;
  }
  uint32_t skip_spaces(uint32_t i) const {
    while (i < end_ && is_space(src_[i])) ++i;
    return i;
  }
  // Spaces, line breaks and '#' comments, as between the items of a flow collection.
  uint32_t skip_gap(uint32_t i) const {
    while (i < end_) {
      if (is_space(src_[i]) || is_newline(src_[i])) {
        ++i;
      } else if (src_[i] == '#') {
        i = line_end(i);
      } else {
        break;
      }
    }
    return i;
  }
  bool rest_is_empty(uint32_t i) const {
    i = skip_spaces(i);
    return i >= end_ || is_newline(src_[i]) || src_[i] == '#';
  }

  void error(ByteSpan span, std::string message, std::string help = {}) {
    errors_.push_back({span, std::move(message), std::move(help)});
  }

  // A quoted or plain scalar at `i`, ending before any of `stops` or the line's end.
  std::optional<DirectiveArg> scalar(uint32_t& i, std::string_view stops) {
    if (at(i) == '"' || at(i) == '\'') {
      const char quote = src_[i];
      uint32_t close = i + 1;
      while (close < end_ && !is_newline(src_[close]) && src_[close] != quote) {
        if (quote == '"' && src_[close] == '\\') ++close;
        ++close;
      }
      if (close >= end_ || src_[close] != quote) {
        error({i, close}, "unclosed quote in the front matter 'hanmark' settings");
        i = close;
        return std::nullopt;
      }
      DirectiveArg arg{std::string(src_.substr(i + 1, close - i - 1)), {i + 1, close}};
      i = close + 1;
      return arg;
    }
    uint32_t end = i;
    while (end < end_ && !is_newline(src_[end]) &&
           stops.find(src_[end]) == std::string_view::npos &&
           !(src_[end] == '#' && end > i && is_space(src_[end - 1])))
      ++end;
    uint32_t trimmed = end;
    while (trimmed > i && is_space(src_[trimmed - 1])) --trimmed;
    const uint32_t begin = i;
    i = end;
    if (trimmed == begin) return std::nullopt;
    return DirectiveArg{std::string(src_.substr(begin, trimmed - begin)), {begin, trimmed}};
  }

  // `[a, "b", 'c']` at `i` (YAML flow sequence or TOML array), possibly over several lines.
  bool sequence(uint32_t& i, std::vector<DirectiveArg>& items) {
    const uint32_t open = i++;
    while (true) {
      i = skip_gap(i);
      if (i >= end_) {
        error({open, open + 1}, "unclosed '[' in the front matter 'hanmark' settings");
        return false;
      }
      if (src_[i] == ']') {
        ++i;
        return true;
      }
      if (src_[i] == ',') {
        ++i;
        continue;
      }
      const uint32_t before = i;
      if (auto item = scalar(i, ",]")) items.push_back(std::move(*item));
      if (i == before) ++i;  // a stray character: never loop in place
    }
  }

  // A value after "key:" or "key =": a sequence, or a scalar naming one or more names
  // ("typo, josa").
  void value(uint32_t& i, std::string_view stops, Entry& entry) {
    i = skip_spaces(i);
    if (at(i) == '[') {
      sequence(i, entry.items);
    } else if (at(i) == '"' || at(i) == '\'') {
      if (auto item = scalar(i, stops)) split_into(*item, entry.items);
    } else if (auto item = scalar(i, stops)) {
      split_into(*item, entry.items);
    }
    entry.span.end = std::max(entry.span.end, i);
  }

  // "typo, josa" written as one scalar names two rules.
  static void split_into(const DirectiveArg& text, std::vector<DirectiveArg>& items) {
    uint32_t i = 0;
    while (i < text.text.size()) {
      if (text.text[i] == ',' || is_space(text.text[i])) {
        ++i;
        continue;
      }
      uint32_t end = i;
      while (end < text.text.size() && text.text[end] != ',' && !is_space(text.text[end])) ++end;
      items.push_back({text.text.substr(i, end - i), {text.span.begin + i, text.span.begin + end}});
      i = end;
    }
  }

  // `{ key: value, … }` (YAML flow mapping) or `{ key = value, … }` (TOML inline table).
  void mapping(uint32_t& i, char separator) {
    const uint32_t open = i++;
    while (true) {
      i = skip_gap(i);
      if (i >= end_) {
        error({open, open + 1}, "unclosed '{' in the front matter 'hanmark' settings");
        return;
      }
      if (src_[i] == '}') {
        ++i;
        return;
      }
      if (src_[i] == ',') {
        ++i;
        continue;
      }
      const uint32_t before = i;
      const std::string stops = std::string(1, separator) + ",}";
      auto key = scalar(i, stops);
      i = skip_spaces(i);
      if (!key || at(i) != separator) {
        if (key)
          error(key->span, "expected '" + std::string(1, separator) + "' after '" + key->text +
                               "' in the front matter 'hanmark' settings");
        if (i == before) ++i;
        continue;
      }
      Entry entry{key->span, key->span, {}};
      ++i;
      value(i, ",}", entry);
      entries_.push_back(std::move(entry));
    }
  }

  // The key at `i` when it is `hanmark` (plain or quoted) followed by `separator`; returns the
  // position after the separator.
  std::optional<uint32_t> hanmark_key(uint32_t i, char separator) const {
    for (const std::string_view quote : {"", "\"", "'"}) {
      const std::string key = std::string(quote) + std::string(kKey) + std::string(quote);
      if (src_.substr(i, key.size()) != key) continue;
      const uint32_t after = skip_spaces(i + static_cast<uint32_t>(key.size()));
      if (at(after) != separator) continue;
      // YAML needs a space (or the line's end) after the colon.
      if (separator == ':' && !is_space(at(after + 1)) && !is_newline(at(after + 1))) continue;
      return after + 1;
    }
    return std::nullopt;
  }

  uint32_t indent_of(uint32_t line) const { return skip_spaces(line) - line; }

  void read_yaml() {
    for (uint32_t line = begin_; line < end_; line = next_line(line)) {
      const auto after = hanmark_key(line, ':');
      if (!after) continue;
      uint32_t i = skip_spaces(*after);
      if (at(i) == '{') {
        mapping(i, ':');
      } else if (rest_is_empty(i)) {
        yaml_block(next_line(i));
      } else {
        error({line, line + static_cast<uint32_t>(kKey.size())},
              "front matter 'hanmark' must be a mapping",
              "write hanmark: { disable: [rule-id], words: [word] }");
      }
      return;
    }
  }

  // The indented lines under `hanmark:`: `key: value` lines, each value inline or as `- item`
  // lines below it.
  void yaml_block(uint32_t line) {
    // Index in entries_ of the key that takes `- item` lines.
    constexpr size_t kNone = static_cast<size_t>(-1);
    size_t current = kNone;
    for (; line < end_; line = next_line(line)) {
      const uint32_t i = skip_spaces(line);
      if (rest_is_empty(i)) continue;
      if (indent_of(line) == 0) return;
      if (src_[i] == '-' && (is_space(at(i + 1)) || is_newline(at(i + 1)))) {
        if (current == kNone) {
          error({i, i + 1}, "a list item without a key in the front matter 'hanmark' settings");
          continue;
        }
        uint32_t item_at = skip_spaces(i + 1);
        if (auto item = scalar(item_at, "")) {
          entries_[current].items.push_back(std::move(*item));
          entries_[current].span.end = item_at;
        }
        continue;
      }
      uint32_t j = i;
      auto key = scalar(j, ":");
      if (!key || at(j) != ':') {
        error({i, line_end(i)}, "expected 'key: value' in the front matter 'hanmark' settings");
        current = kNone;
        continue;
      }
      entries_.push_back(Entry{key->span, key->span, {}});
      current = entries_.size() - 1;
      ++j;
      if (!rest_is_empty(j)) {
        value(j, "", entries_.back());
        // A multi-line sequence continues past this line.
        if (j > line_end(line)) line = j;
      }
    }
  }

  void read_toml() {
    bool top_level = true;
    for (uint32_t line = begin_; line < end_; line = next_line(line)) {
      uint32_t i = skip_spaces(line);
      if (at(i) == '[') {
        const std::string_view header = src_.substr(i, line_end(i) - i);
        top_level = false;
        if (header.starts_with("[hanmark]")) {
          toml_table(next_line(line));
          return;
        }
        continue;
      }
      if (!top_level) continue;
      if (auto after = hanmark_key(i, '=')) {
        uint32_t j = skip_spaces(*after);
        if (at(j) == '{') mapping(j, '=');
        if (j > line_end(line)) line = j;
        continue;
      }
      // Dotted keys: hanmark.disable = [...]
      const std::string dotted = std::string(kKey) + ".";
      if (src_.substr(i, dotted.size()) == dotted) toml_key_value(i + dotted.size(), line);
    }
  }

  void toml_table(uint32_t line) {
    for (; line < end_; line = next_line(line)) {
      const uint32_t i = skip_spaces(line);
      if (rest_is_empty(i)) continue;
      if (at(i) == '[') return;
      toml_key_value(i, line);
    }
  }

  // `key = value` at `i`; moves `line` past a value that spans several lines.
  void toml_key_value(uint32_t i, uint32_t& line) {
    auto key = scalar(i, "=");
    i = skip_spaces(i);
    if (!key || at(i) != '=') {
      error({line, line_end(line)},
            "expected 'key = value' in the front matter 'hanmark' settings");
      return;
    }
    Entry entry{key->span, key->span, {}};
    ++i;
    value(i, "", entry);
    if (i > line_end(line)) line = i;
    entries_.push_back(std::move(entry));
  }

  void to_directive(Entry& entry, Directives& out) {
    const std::string key(doc_.slice(entry.key));
    DirectiveKind kind;
    if (key == "disable") {
      kind = DirectiveKind::disable_file;
    } else if (key == "words") {
      kind = DirectiveKind::words;
    } else {
      const std::string hint = nearest_name(key, {"disable", "words"});
      out.problems.push_back({entry.key,
                              "unknown key '" + key + "' in the front matter 'hanmark' settings",
                              hint, hint.empty() ? "the keys are 'disable' and 'words'" : ""});
      return;
    }
    // An empty list names nothing (it does not mean "every rule").
    if (entry.items.empty()) return;
    Directive d;
    d.kind = kind;
    d.span = entry.span;
    d.keyword = entry.key;
    d.args = std::move(entry.items);
    d.first_line = doc_.lines().line_of(entry.span.begin);
    d.last_line = doc_.lines().line_of(entry.span.end > entry.span.begin ? entry.span.end - 1
                                                                         : entry.span.begin);
    d.in_front_matter = true;
    out.items.push_back(std::move(d));
  }

  struct Error {
    ByteSpan span;
    std::string message;
    std::string help;
  };

  const Document& doc_;
  std::string_view src_;
  uint32_t begin_;
  uint32_t end_;
  std::vector<Entry> entries_;
  std::vector<Error> errors_;
};

}  // namespace

void read_front_matter_directives(const Document& doc, Directives& out) {
  const auto& fm = doc.front_matter();
  if (!fm || doc.slice(fm->content).find(kKey) == std::string_view::npos) return;
  Scanner(doc, fm->content).read(out);
}

}  // namespace hanmark
