#include "spell/typo_table.h"

#include <algorithm>

namespace hanmark {

namespace {

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string match_case(std::string_view word, std::string_view replacement) {
  size_t upper = 0, lowercase = 0;
  for (char c : word) upper += is_upper(c), lowercase += is_lower(c);
  std::string out(replacement);
  if (upper >= 2 && lowercase == 0) {
    std::transform(out.begin(), out.end(), out.begin(), ascii_upper);
  } else if (!word.empty() && is_upper(word.front()) && upper == 1) {
    if (!out.empty()) out.front() = ascii_upper(out.front());
  }
  return out;
}

TypoTable TypoTable::parse(std::string_view tsv) {
  TypoTable table;
  size_t line_number = 0;
  while (!tsv.empty()) {
    const size_t newline = tsv.find('\n');
    std::string_view line = tsv.substr(0, newline);
    tsv.remove_prefix(newline == std::string_view::npos ? tsv.size() : newline + 1);
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (trim(line).empty() || trim(line).starts_with('#')) continue;
    const size_t tab = line.find('\t');
    const std::string_view key = tab == std::string_view::npos ? line : trim(line.substr(0, tab));
    const std::string_view value =
        tab == std::string_view::npos ? std::string_view() : trim(line.substr(tab + 1));
    if (tab == std::string_view::npos || key.empty() || value.empty() ||
        value.find('\t') != std::string_view::npos) {
      table.problems_.push_back("line " + std::to_string(line_number) +
                                ": expected 'misspelling<TAB>correction'");
      continue;
    }
    std::string lower_key = lower(key);
    if (lower_key == lower(value)) {
      table.problems_.push_back("line " + std::to_string(line_number) +
                                ": correction equals the misspelling");
      continue;
    }
    table.corrections_.insert_or_assign(std::move(lower_key), std::string(value));
  }
  return table;
}

const std::string* TypoTable::find(std::string_view word) const {
  if (corrections_.empty()) return nullptr;
  auto it = corrections_.find(lower(word));
  return it == corrections_.end() ? nullptr : &it->second;
}

bool TypoTable::contains(std::string_view word) const {
  return find(word) != nullptr;
}

std::optional<std::string> TypoTable::lookup(std::string_view word) const {
  const std::string* correction = find(word);
  if (!correction) return std::nullopt;
  return match_case(word, *correction);
}

}  // namespace hanmark
