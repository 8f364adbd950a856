// The fields of a line of a hunspell .aff file, as hunspell splits them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace hanmark {

// The first fields of a line, split at blanks (hunspell reads no more than these).
struct AffFields {
  static constexpr size_t kMax = 6;
  std::string_view at[kMax];
  size_t count = 0;
  size_t size() const { return count; }
  bool empty() const { return count == 0; }
  std::string_view operator[](size_t i) const { return at[i]; }
};

inline AffFields aff_fields(std::string_view line) {
  // Suffix conditions run to a hundred bytes and more: the blank after a field is found by
  // memchr, and tabs, rare, are looked for only in lines that have one.
  const bool tabs = line.find('\t') != std::string_view::npos;
  const auto is_blank = [&](char c) { return c == ' ' || (tabs && c == '\t'); };
  AffFields fields;
  size_t i = 0;
  while (i < line.size() && fields.count < AffFields::kMax) {
    while (i < line.size() && is_blank(line[i])) ++i;
    if (i == line.size()) break;
    const size_t end =
        std::min(tabs ? line.find_first_of(" \t", i) : line.find(' ', i), line.size());
    fields.at[fields.count++] = line.substr(i, end - i);
    i = end;
  }
  return fields;
}

}  // namespace hanmark
