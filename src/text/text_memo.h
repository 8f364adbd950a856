// Remembers the results of a pure function of a text (a paragraph, a heading): several rules of
// one lint ask for the same analysis of the same paragraph (ICU word segmentation, the non-prose
// chunks), and the language server lints a document again after each keystroke with nearly all
// of its paragraphs unchanged. Keyed by the text itself, so a result is never used for other
// text. Thread-safe; bounded: it forgets everything when it gets full.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"

namespace hanmark::text {

// When a TextMemo starts remembering a text's result.
enum class Keep {
  // From the first request: for analyses that several rules of one lint ask for.
  always,
  // From the second request for the same text: for analyses that one rule asks for once per
  // lint, which pay only when the text comes back (the language server); `hanmark check` then
  // copies no text into the memo, only notes its hash.
  when_asked_again,
};

template <typename Value>
class TextMemo {
 public:
  explicit TextMemo(Keep keep = Keep::always, size_t max_entries = 4096,
                    size_t max_bytes = 4u << 20)
      : keep_(keep), max_entries_(max_entries), max_bytes_(max_bytes) {}
  TextMemo(const TextMemo&) = delete;
  TextMemo& operator=(const TextMemo&) = delete;

  // compute() for `text`, or its result remembered from an earlier call with the same text.
  template <typename Compute>
  Value get(std::string_view text, Compute&& compute) {
    bool keep = keep_ == Keep::always;
    {
      const std::lock_guard lock(mutex_);
      if (const auto it = entries_.find(text); it != entries_.end()) return it->second;
      if (!keep) {
        make_room(text.size());
        keep = !asked_.insert(std::hash<std::string_view>{}(text)).second;
      }
    }
    Value value = compute();  // unlocked: other threads go on meanwhile
    if (!keep || text.size() > max_bytes_) return value;
    const std::lock_guard lock(mutex_);
    make_room(text.size());
    if (entries_.try_emplace(std::string(text), value).second) bytes_ += text.size();
    return value;
  }

 private:
  // Forgets everything when one more text of `size` bytes would not fit (under the lock).
  void make_room(size_t size) {
    if (entries_.size() + asked_.size() < max_entries_ && bytes_ + size <= max_bytes_) return;
    entries_.clear();
    asked_.clear();
    bytes_ = 0;
  }

  Keep keep_;
  size_t max_entries_;
  size_t max_bytes_;
  std::mutex mutex_;
  std::unordered_map<std::string, Value, StringHash, std::equal_to<>> entries_;
  std::unordered_set<size_t> asked_;  // hashes of texts asked for once (Keep::when_asked_again)
  size_t bytes_ = 0;                  // of the keys
};

}  // namespace hanmark::text
