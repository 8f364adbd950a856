#include "harness/fixture.h"
#include "core/strings.h"

#include <cctype>
#include <string_view>

namespace hanmark::testing {

namespace {

// Parses the body after "<!-- expect"; returns false when malformed.
bool parse_expectation(std::string_view body, int stripped_count, Expectation& e) {
  int up = 1;
  if (body.starts_with("@-")) {
    body.remove_prefix(2);
    up = 0;
    while (!body.empty() && std::isdigit(static_cast<unsigned char>(body.front()))) {
      up = up * 10 + (body.front() - '0');
      body.remove_prefix(1);
    }
    if (up < 1) return false;
  }
  if (body.empty() || body.front() != ' ') return false;
  body = trim(body);
  const size_t rule_end = body.find_first_of(" :");
  e.rule = std::string(body.substr(0, rule_end));
  body = rule_end == std::string_view::npos ? std::string_view() : trim(body.substr(rule_end));
  if (!body.empty() && body.front() == '"') {
    std::string text;
    size_t i = 1;
    for (; i < body.size() && body[i] != '"'; ++i) {
      if (body[i] == '\\' && i + 1 < body.size()) ++i;
      text += body[i];
    }
    if (i >= body.size()) return false;
    e.text = std::move(text);
    body.remove_prefix(i + 1);
    if (!body.empty() && body.front() == '#') {
      body.remove_prefix(1);
      e.occurrence = 0;
      while (!body.empty() && std::isdigit(static_cast<unsigned char>(body.front()))) {
        e.occurrence = e.occurrence * 10 + (body.front() - '0');
        body.remove_prefix(1);
      }
      if (e.occurrence < 1) return false;
    }
    body = trim(body);
  }
  if (!body.empty()) {
    if (body.front() != ':') return false;
    e.message_part = std::string(trim(body.substr(1)));
  }
  e.target_line = stripped_count - up + 1;
  return !e.rule.empty() && e.target_line >= 1;
}

}  // namespace

Fixture parse_fixture(const std::string& text) {
  Fixture fixture;
  int fixture_line = 0;
  int stripped_count = 0;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    end = end == std::string::npos ? text.size() : end + 1;
    const std::string_view line(text.data() + begin, end - begin);
    ++fixture_line;
    const std::string_view content = trim(line);
    if (content.starts_with("<!-- also-run ") && content.ends_with("-->")) {
      std::string_view names = trim(content.substr(14, content.size() - 14 - 3));
      while (!names.empty()) {
        const size_t end = names.find_first_of(" ,");
        if (end != 0) fixture.also_run.emplace_back(names.substr(0, end));
        names = end == std::string_view::npos ? std::string_view() : trim(names.substr(end + 1));
      }
    } else if (content.starts_with("<!-- expect") && content.ends_with("-->")) {
      std::string_view body = content.substr(11, content.size() - 11 - 3);
      while (!body.empty() && body.back() == ' ') body.remove_suffix(1);
      if (body.starts_with("-none")) {
        // documents an intentional negative line; strict matching already checks it
      } else {
        Expectation e;
        e.fixture_line = fixture_line;
        if (parse_expectation(body, stripped_count, e)) {
          fixture.expectations.push_back(std::move(e));
        } else {
          fixture.errors.push_back("line " + std::to_string(fixture_line) +
                                   ": malformed expectation: " + std::string(content));
        }
      }
    } else {
      fixture.stripped.append(line);
      ++stripped_count;
      fixture.original_line.push_back(fixture_line);
    }
    begin = end;
  }
  return fixture;
}

}  // namespace hanmark::testing
