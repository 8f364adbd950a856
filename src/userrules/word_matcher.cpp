#include "userrules/word_matcher.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "core/utf8.h"
#include "spell/typo_table.h"
#include "userrules/text_classes.h"

namespace hanmark::userrules {

namespace {

constexpr uint32_t kNone = UINT32_MAX;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string normalize(std::string_view word) {
  std::string out;
  bool pending_space = false;
  for (char c : word) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ', pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (d.code_point < 0x80) {
      const char c = text[i];
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (d.code_point == utf8::kInvalid) {
      out += text[i];
    } else {
      std::string folded;
      utf8::append(folded, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(d.code_point),
                                                            U_FOLD_CASE_DEFAULT)));
      out += folded.size() == d.length ? std::string_view(folded) : text.substr(i, d.length);
    }
    i += d.length;
  }
  return out;
}

void WordMatcher::add(std::string_view word, uint32_t id) {
  std::string key = normalize(word);
  if (key.empty()) return;
  if (ignore_case_) key = fold_case(key);
  uint32_t node = 0;
  for (unsigned char byte : key) {
    uint32_t next = child(node, byte);
    if (next == kNone) {
      next = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      auto& edges = nodes_[node].next;
      edges.insert(std::lower_bound(edges.begin(), edges.end(), std::pair{byte, 0u},
                                    [](const auto& a, const auto& b) { return a.first < b.first; }),
                   {byte, next});
    }
    node = next;
  }
  if (nodes_[node].word >= 0) return;  // the same word twice: the first one counts
  nodes_[node].word = static_cast<int32_t>(words_.size());
  words_.push_back({id, static_cast<uint8_t>(char_class(utf8::decode(key, 0).code_point)),
                    static_cast<uint8_t>(char_class(last_code_point(key, key.size())))});
}

uint32_t WordMatcher::child(uint32_t node, unsigned char byte) const {
  const auto& edges = nodes_[node].next;
  auto it = std::lower_bound(edges.begin(), edges.end(), std::pair{byte, 0u},
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  return it != edges.end() && it->first == byte ? it->second : kNone;
}

bool WordMatcher::fits(std::string_view text, uint32_t begin, uint32_t end,
                       const Word& word) const {
  if (word.first_class != kOther && !starts_word(text, begin)) return false;
  if (word.last_class == kOther) return true;
  if (word.last_class == kAlnum && !ends_alnum_word(text, end)) return false;
  const std::string_view suffix = hangul_run_at(text, end);
  switch (suffix_) {
    case Suffix::any:
      return true;
    case Suffix::none:
      return suffix.empty();
    case Suffix::particles:
      return is_particle_sequence(suffix);
  }
  return false;
}

std::vector<WordMatch> WordMatcher::find(std::string_view text) const {
  std::vector<WordMatch> out;
  if (words_.empty()) return out;
  std::string folded;
  if (ignore_case_) folded = fold_case(text);
  const std::string_view hay = ignore_case_ ? std::string_view(folded) : text;
  const auto size = static_cast<uint32_t>(text.size());
  std::vector<std::pair<uint32_t, int32_t>> candidates;  // (end, word) along one trie walk
  CharClass previous = kOther;
  for (uint32_t p = 0; p < size;) {
    const utf8::Decoded d = utf8::decode(text, p);
    const CharClass current = char_class(d.code_point);
    // Only the start of a word (or punctuation) can start a match.
    if (current == kOther || current != previous) {
      candidates.clear();
      uint32_t node = 0, i = p;
      for (;;) {
        if (nodes_[node].word >= 0) candidates.emplace_back(i, nodes_[node].word);
        if (i >= size) break;
        if (is_space(hay[i])) {
          const uint32_t next = child(node, ' ');
          if (next == kNone) break;
          while (i < size && is_space(hay[i])) ++i;
          node = next;
          continue;
        }
        const uint32_t next = child(node, static_cast<unsigned char>(hay[i]));
        if (next == kNone) break;
        node = next, ++i;
      }
      bool matched = false;
      for (auto it = candidates.rbegin(); it != candidates.rend() && !matched; ++it) {
        const Word& word = words_[static_cast<size_t>(it->second)];
        if (it->first <= p || !fits(text, p, it->first, word)) continue;
        out.push_back({p, it->first, word.id});
        matched = true;
        p = it->first;
      }
      if (matched) {
        previous = char_class(last_code_point(text, p));
        continue;
      }
    }
    previous = current;
    p += d.length;
  }
  return out;
}

}  // namespace hanmark::userrules
