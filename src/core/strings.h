// Small string helpers shared across modules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

namespace hanmark {

// `text` in the single quotes diagnostics quote source text with: 'recieve'.
inline std::string single_quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

// `c` in lower case when it is an ASCII capital; every other byte as it is.
inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `text` with its ASCII capitals in lower case; every other byte as it is.
inline std::string ascii_lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// A hash for maps with std::string keys that are looked up by std::string_view (with
// std::equal_to<>), without a std::string per lookup.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// A 64-bit hash of `text` for texts as long as paragraphs, at about half an instruction a byte
// (std::hash takes twice as many): two lanes of 8 bytes, each step a bijection of its lane, so
// that a difference is not lost along a lane.
inline uint64_t text_hash(std::string_view text) {
  constexpr uint64_t kA = 0x9E3779B97F4A7C15u, kB = 0xC2B2AE3D27D4EB4Fu;
  uint64_t a = (text.size() + 1) * kA, b = kB;
  const char* p = text.data();
  const char* const end = p + text.size();
  const auto load = [](const char* at) {
    uint64_t word;
    std::memcpy(&word, at, 8);
    return word;
  };
  for (; end - p >= 16; p += 16) {
    a = (a ^ load(p)) * kA;
    b = (b ^ load(p + 8)) * kB;
  }
  if (end - p > 8) {
    a = (a ^ load(p)) * kA;
    p += 8;
  }
  if (text.size() >= 8) {
    if (p != end) b = (b ^ load(end - 8)) * kB;  // the last 8 bytes, some of them again
  } else {
    uint64_t tail = 0;
    for (; p != end; ++p) tail = tail << 8 | static_cast<unsigned char>(*p);
    b = (b ^ tail) * kB;
  }
  uint64_t h = a ^ (b << 32 | b >> 32);
  h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDu;  // murmur3's finish: every bit moves every bit
  h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53u;
  return h ^ (h >> 33);
}

// CommonMark's ASCII punctuation: the characters a backslash can escape.
inline bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// True when `text` has any byte of `bytes`. For the quick "can this paragraph matter?" checks of
// rules: std::string_view::find_first_of calls memchr over `bytes` once per byte of `text`.
inline bool contains_any(std::string_view text, std::string_view bytes) {
  bool wanted[256] = {};
  for (char b : bytes) wanted[static_cast<unsigned char>(b)] = true;
  for (char c : text)
    if (wanted[static_cast<unsigned char>(c)]) return true;
  return false;
}

// "1 file", "3 files": `count` and the noun, with an s unless there is one; `plural_form` for
// the nouns that take another ("1 fix", "2 fixes").
inline std::string plural(size_t count, std::string_view noun, std::string_view plural_form = {}) {
  std::string out = std::to_string(count) + ' ';
  if (count == 1) return out.append(noun);
  if (!plural_form.empty()) return out.append(plural_form);
  return out.append(noun).append("s");
}

// `s` without leading and trailing ASCII white space.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// Calls `f(line_number, line)` for each line of a data file (word lists, tables) that is neither
// blank nor a '#' comment; a trailing CR is dropped.
template <typename F>
void for_each_data_line(std::string_view text, F f) {
  size_t line_number = 0;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (trim(line).empty() || trim(line).starts_with('#')) continue;
    f(line_number, line);
  }
}

}  // namespace hanmark
