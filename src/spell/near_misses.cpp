// Near misses: the dictionary words one typing slip away from an unknown word.
#include <algorithm>
#include <mutex>

#include "core/strings.h"
#include "spell/english_speller.h"
#include "spell/typo_table.h"

namespace hanmark {

namespace {

bool is_ascii_word(std::string_view word) {
  return !word.empty() && word.size() <= 64 && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

// Lower-case spellings one edit from `w`, grouped by edit kind in the order typists slip most.
std::vector<std::string> one_edit_spellings(const std::string& w) {
  std::vector<std::string> out;
  for (size_t i = 0; i + 1 < w.size(); ++i) {  // transposition: "recieve" → "receive"
    if (w[i] == w[i + 1]) continue;
    std::string t = w;
    std::swap(t[i], t[i + 1]);
    out.push_back(std::move(t));
  }
  for (size_t i = 0; i < w.size(); ++i) {  // substitution: "enginner" → "engineer"
    for (char c = 'a'; c <= 'z'; ++c) {
      if (c == w[i]) continue;
      std::string t = w;
      t[i] = c;
      out.push_back(std::move(t));
    }
  }
  for (size_t i = 0; i < w.size(); ++i) {  // deletion: "beautifull" → "beautiful"
    if (i > 0 && w[i] == w[i - 1]) continue;
    out.push_back(w.substr(0, i) + w.substr(i + 1));
  }
  for (size_t i = 0; i <= w.size(); ++i) {  // insertion: "learnig" → "learning"
    for (char c = 'a'; c <= 'z'; ++c) {
      if (i > 0 && w[i - 1] == c) continue;  // the same word as inserting after the twin
      out.push_back(w.substr(0, i) + c + w.substr(i));
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> EnglishSpeller::near_misses(std::string_view word) const {
  if (!available_ || !is_ascii_word(word)) return {};
  return near_miss_cache_.get(std::string(word), [&] {
    std::vector<std::string> found;
    std::lock_guard lock(checker_mutex_);
    for (const std::string& spelling : one_edit_spellings(ascii_lowered(word))) {
      if (spelling.size() < 2) continue;
      const std::string candidate = match_case(word, spelling);
      if (std::find(found.begin(), found.end(), candidate) != found.end()) continue;
      // The lower-case spelling must be a word: "Zhang" is one slip from the name "Chang", but a
      // capitalised unknown word near another name is most likely a name itself.
      if (is_tech_word(candidate) || check_uncached(spelling)) found.push_back(candidate);
      if (found.size() == kMaxSuggestions) break;
    }
    return found;
  });
}

}  // namespace hanmark
