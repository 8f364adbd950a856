// A speller's answers by key (a word, or a word and the question's options), shared by all
// threads and dropped all at once when the speller learns words. An answer computed while words
// were being added belongs to the old vocabulary and is not kept (the generation). The entries
// are spread over shards with a lock each: with one lock, the threads of `hanmark check` waited
// on each other's insertions thousands of times a run.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
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
    Shard& shard = shards_[std::hash<std::string>{}(key) % kShards];
    uint64_t generation;
    {
      std::shared_lock lock(shard.mutex);
      if (auto it = shard.entries.find(key); it != shard.entries.end()) return it->second;
      generation = shard.generation;
    }
    Value value = compute();
    std::unique_lock lock(shard.mutex);
    if (generation == shard.generation) shard.entries.emplace(key, value);
    return value;
  }

  // Forgets every answer, and those being computed now.
  void clear() {
    for (Shard& shard : shards_) {
      std::unique_lock lock(shard.mutex);
      shard.entries.clear();
      ++shard.generation;
    }
  }

 private:
  static constexpr size_t kShards = 16;
  struct alignas(64) Shard {  // a cache line each: threads on other shards do not share it
    std::shared_mutex mutex;
    uint64_t generation = 0;
    std::unordered_map<std::string, Value> entries;
  };
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace hanmark
