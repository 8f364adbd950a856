// ICU regular expressions over UTF-8 prose text: compiled once per rule, matched over UTF-16
// with offsets mapped back to exact UTF-8 byte offsets (std::regex does not understand UTF-8).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hanmark::userrules {

struct RegexError {
  uint32_t offset;  // code-point index in the pattern of the character ICU complains about
  std::string message;
};

class Regex {
 public:
  // Compiles an ICU regex (case-insensitive for every cased script when `ignore_case`); on
  // failure returns null and describes the problem in `error`.
  static std::unique_ptr<Regex> compile(std::string_view pattern, bool ignore_case,
                                        RegexError& error);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  int group_count() const;

  struct Impl;

 private:
  explicit Regex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  friend class RegexScanner;
};

inline constexpr uint32_t kNoGroup = UINT32_MAX;

struct RegexMatch {
  uint32_t begin;  // byte offsets into the scanned text
  uint32_t end;
  // Byte ranges of group 0..n ({kNoGroup, kNoGroup} for a group that did not take part).
  std::vector<std::pair<uint32_t, uint32_t>> groups;
};

// Runs regexes over texts. Holds ICU matchers, which are not thread-safe: make one per check.
class RegexScanner {
 public:
  explicit RegexScanner(const std::vector<const Regex*>& regexes);
  ~RegexScanner();
  RegexScanner(const RegexScanner&) = delete;
  RegexScanner& operator=(const RegexScanner&) = delete;

  // Calls `found(i, match)` for each non-empty match of regex i in `text`, in order. A regex that
  // runs too long on one text (catastrophic backtracking) stops there.
  void scan(std::string_view text,
            const std::function<void(size_t, const RegexMatch&)>& found) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hanmark::userrules
