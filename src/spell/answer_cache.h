// A speller's answers by key (a word, or a word and the question's options), shared by all
// threads and dropped all at once when the speller learns words. An answer computed while words
// were being added belongs to the old vocabulary and is not kept (the generation).
#pragma once

#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace hanmark {

template <typename Value>
class AnswerCache {
 public:
  // The cached answer for `key`, else compute() (outside the lock: two threads may both compute
  // a missing answer, which is cheaper than making one wait for a hunspell call).
  template <typename Compute>
  Value get(const std::string& key, Compute compute) const {
    uint64_t generation;
    {
      std::shared_lock lock(mutex_);
      if (auto it = entries_.find(key); it != entries_.end()) return it->second;
      generation = generation_;
    }
    Value value = compute();
    std::unique_lock lock(mutex_);
    if (generation == generation_) entries_.emplace(key, value);
    return value;
  }

  // Forgets every answer, and those being computed now.
  void clear() {
    std::unique_lock lock(mutex_);
    entries_.clear();
    ++generation_;
  }

 private:
  mutable std::shared_mutex mutex_;
  uint64_t generation_ = 0;
  mutable std::unordered_map<std::string, Value> entries_;
};

}  // namespace hanmark
