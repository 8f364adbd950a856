// Known English misspellings with one correction each (dictionaries/typos-en.tsv).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hanmark {

// Gives `replacement` the case pattern of `word`: "Enginner" + "engineer" → "Engineer",
// "ENGINNER" → "ENGINEER"; a lower-case or mixed-case word keeps `replacement` as written.
// Only ASCII letters change case.
std::string match_case(std::string_view word, std::string_view replacement);

class TypoTable {
 public:
  // Parses `misspelling<TAB>correction` lines; '#' starts a comment line, blank lines are
  // ignored. Keys are matched case-insensitively (ASCII). A malformed line (no tab, empty
  // field) is skipped and described in problems().
  static TypoTable parse(std::string_view tsv);

  // The correction of `word` in `word`'s case, or nothing when `word` is not a known misspelling.
  std::optional<std::string> lookup(std::string_view word) const;
  bool contains(std::string_view word) const;

  size_t size() const { return corrections_.size(); }
  bool empty() const { return corrections_.empty(); }
  // "line N: ..." for each skipped line.
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  const std::string* find(std::string_view word) const;

  std::unordered_map<std::string, std::string> corrections_;  // lower-case misspelling → fix
  std::vector<std::string> problems_;
};

}  // namespace hanmark
