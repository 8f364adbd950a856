// A speller's answers by key (a word, or a word and the question's options), shared by all
// threads and dropped all at once when the speller learns words. An answer computed while words
// were being added belongs to the old vocabulary and is not kept (the generation). The entries
// are spread over shards with a lock each: with one lock, the threads of `hanmark check` waited
// on each other's insertions thousands of times a run.
//
// A lookup is the hot path (the Korean rules ask for every word of every paragraph, and nearly
// all answers are known): each shard is an open-addressing table whose slots hold the key's hash
// and the key itself (inline when short), so a hit usually touches one slot and no other memory.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hanmark {

template <typename Value>
class AnswerCache {
 public:
  // The cached answer for `key`, else compute() (outside the lock: two threads may both compute
  // a missing answer, which is cheaper than making one wait for a hunspell call).
  template <typename Compute>
  Value get(std::string_view key, Compute compute) const {
    const size_t hash = std::hash<std::string_view>{}(key);
    Shard& shard = shards_[(hash >> kShardShift) % kShards];
    uint64_t generation;
    {
      std::shared_lock lock(shard.mutex);
      if (const Value* value = shard.table.find(key, hash)) return *value;
      generation = shard.generation;
    }
    Value value = compute();
    std::unique_lock lock(shard.mutex);
    if (generation == shard.generation) shard.table.insert(key, hash, value);
    return value;
  }

  // Forgets every answer, and those being computed now.
  void clear() {
    for (Shard& shard : shards_) {
      std::unique_lock lock(shard.mutex);
      shard.table = Table();
      ++shard.generation;
    }
  }

 private:
  static constexpr size_t kShards = 16;
  // The shard comes from the hash's high bits, the slot from its low bits.
  static constexpr int kShardShift = sizeof(size_t) * 8 - 8;

  // Linear probing over a power-of-two array, at most half full; entries are only added.
  class Table {
   public:
    const Value* find(std::string_view key, size_t hash) const {
      if (slots_.empty()) return nullptr;
      for (size_t i = hash & mask(); slots_[i].used; i = (i + 1) & mask())
        if (slots_[i].hash == hash && slots_[i].key == key) return &slots_[i].value;
      return nullptr;
    }

    // Keeps the answer already there, if another thread stored one meanwhile.
    void insert(std::string_view key, size_t hash, const Value& value) {
      if (find(key, hash)) return;
      if (2 * (count_ + 1) > slots_.size()) grow();
      place(Slot{hash, std::string(key), value, true});
      ++count_;
    }

   private:
    struct Slot {
      size_t hash = 0;
      std::string key;
      Value value{};
      bool used = false;
    };

    size_t mask() const { return slots_.size() - 1; }

    void place(Slot&& slot) {
      size_t i = slot.hash & mask();
      while (slots_[i].used) i = (i + 1) & mask();
      slots_[i] = std::move(slot);
    }

    void grow() {
      std::vector<Slot> old =
          std::exchange(slots_, std::vector<Slot>(slots_.empty() ? 64 : 2 * slots_.size()));
      for (Slot& slot : old)
        if (slot.used) place(std::move(slot));
    }

    std::vector<Slot> slots_;
    size_t count_ = 0;
  };

  struct alignas(64) Shard {  // a cache line each: threads on other shards do not share it
    std::shared_mutex mutex;
    uint64_t generation = 0;
    Table table;
  };
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace hanmark
