#include "config/glob.h"

#include "core/utf8.h"

namespace hanmark {

namespace {

std::u32string decode(std::string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    out.push_back(d.code_point);
    i += d.length;
  }
  return out;
}

std::vector<std::u32string> split_components(std::u32string_view path) {
  std::vector<std::u32string> parts;
  while (true) {
    const size_t slash = path.find(U'/');
    parts.emplace_back(path.substr(0, slash));
    if (slash == std::u32string_view::npos) return parts;
    path.remove_prefix(slash + 1);
  }
}

// The end of the class that opens at pattern[at] ('['), or npos when it is not closed. A ']'
// right after "[", "[!" or "[^" is a member, as in POSIX.
size_t class_end(std::u32string_view pattern, size_t at) {
  size_t i = at + 1;
  if (i < pattern.size() && (pattern[i] == U'!' || pattern[i] == U'^')) ++i;
  if (i < pattern.size() && pattern[i] == U']') ++i;
  for (; i < pattern.size(); ++i) {
    if (pattern[i] == U'\\') {
      ++i;
    } else if (pattern[i] == U']') {
      return i;
    }
  }
  return std::u32string_view::npos;
}

// Whether `c` is in the class pattern[open..close] ("[a-z]").
bool class_matches(std::u32string_view pattern, size_t open, size_t close, char32_t c) {
  size_t i = open + 1;
  const bool negated = pattern[i] == U'!' || pattern[i] == U'^';
  if (negated) ++i;
  bool found = false;
  while (i < close) {
    if (pattern[i] == U'\\' && i + 1 < close) ++i;
    const char32_t low = pattern[i++];
    char32_t high = low;
    if (i + 1 < close && pattern[i] == U'-') {
      high = pattern[i + 1] == U'\\' && i + 2 < close ? pattern[i + 2] : pattern[i + 1];
      i += pattern[i + 1] == U'\\' && i + 2 < close ? 3 : 2;
    }
    found = found || (low <= c && c <= high);
  }
  return found != negated;
}

// Matches one pattern element at pattern[p] against c; sets `next` to the element's end.
bool element_matches(std::u32string_view pattern, size_t p, char32_t c, size_t& next) {
  if (pattern[p] == U'?') {
    next = p + 1;
    return true;
  }
  if (pattern[p] == U'[') {
    const size_t close = class_end(pattern, p);
    if (close != std::u32string_view::npos) {
      next = close + 1;
      return class_matches(pattern, p, close, c);
    }
  }
  if (pattern[p] == U'\\' && p + 1 < pattern.size()) {
    next = p + 2;
    return pattern[p + 1] == c;
  }
  next = p + 1;
  return pattern[p] == c;
}

bool components_match(const std::vector<std::u32string>& pattern, size_t p,
                      const std::vector<std::u32string>& path, size_t s) {
  if (p == pattern.size()) return s == path.size();
  if (pattern[p] == U"**") {
    // Zero or more whole components.
    for (size_t skip = s; skip <= path.size(); ++skip)
      if (components_match(pattern, p + 1, path, skip)) return true;
    return false;
  }
  return s < path.size() && glob_component_matches(pattern[p], path[s]) &&
         components_match(pattern, p + 1, path, s + 1);
}

}  // namespace

bool glob_component_matches(std::u32string_view pattern, std::u32string_view name) {
  // Greedy matching with one backtrack point: the last '*' seen.
  size_t p = 0, s = 0;
  size_t star = std::u32string_view::npos, star_s = 0;
  while (s < name.size()) {
    size_t next = 0;
    if (p < pattern.size() && pattern[p] == U'*') {
      while (p < pattern.size() && pattern[p] == U'*') ++p;
      star = p, star_s = s;
    } else if (p < pattern.size() && element_matches(pattern, p, name[s], next)) {
      p = next, ++s;
    } else if (star != std::u32string_view::npos) {
      p = star, s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == U'*') ++p;
  return p == pattern.size();
}

std::optional<Glob> Glob::parse(std::string_view pattern, std::string& error) {
  if (pattern.empty()) {
    error = "empty glob";
    return std::nullopt;
  }
  Glob glob;
  glob.text_ = std::string(pattern);
  const std::u32string decoded = decode(pattern);
  for (size_t i = 0; i < decoded.size(); ++i) {
    if (decoded[i] == U'\\') {
      ++i;
    } else if (decoded[i] == U'[' && class_end(decoded, i) == std::u32string::npos) {
      error = "unclosed '[' in glob '" + glob.text_ + "'";
      return std::nullopt;
    }
  }
  glob.components_ = split_components(decoded);
  return glob;
}

bool Glob::matches(std::string_view path) const {
  return components_match(components_, 0, split_components(decode(path)), 0);
}

}  // namespace hanmark
