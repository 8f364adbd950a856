// Remembers the results of a pure function of a text (a paragraph, a heading): several rules of
// one lint ask for the same analysis of the same paragraph (ICU word segmentation, the non-prose
// chunks), and the language server lints a document again after each keystroke with nearly all
// of its paragraphs unchanged. Keyed by the text itself, so a result is never used for other
// text. Thread-safe; bounded: each of its shards forgets its texts when it gets full.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

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

// A list a TextMemo holds, shared with it rather than copied out (rules ask for the same
// paragraph's list several times). Read-only; an empty one holds nothing.
template <typename Item>
class SharedList {
 public:
  SharedList() = default;
  explicit SharedList(std::shared_ptr<const std::vector<Item>> items) : items_(std::move(items)) {}

  const std::vector<Item>& list() const { return items_ ? *items_ : empty_list(); }
  // Implicit, for functions that take the vector.
  operator const std::vector<Item>&() const { return list(); }  // NOLINT
  auto begin() const { return list().begin(); }
  auto end() const { return list().end(); }
  size_t size() const { return list().size(); }
  bool empty() const { return list().empty(); }
  const Item& operator[](size_t i) const { return list()[i]; }
  const Item& front() const { return list().front(); }
  const Item& back() const { return list().back(); }

 private:
  static const std::vector<Item>& empty_list() {
    static const std::vector<Item> empty;
    return empty;
  }

  std::shared_ptr<const std::vector<Item>> items_;
};

// The hash a TextMemo finds texts by: text_hash() of core/strings.h.
struct TextMemoHash {
  uint64_t operator()(std::string_view text) const { return text_hash(text); }
};

template <typename Value, typename Hash = TextMemoHash>
class TextMemo {
 public:
  using Result = std::shared_ptr<const Value>;
  // The texts are spread over shards with a lock each by their hash: with one lock, the two
  // threads of `hanmark check` on 2 cores waited on each other ~7,000 times a corpus run.
  static constexpr size_t kShards = 16;

  // At most `max_entries` texts of `max_bytes` in all, split evenly among `shards` shards; a
  // shard forgets its texts when it gets full.
  explicit TextMemo(Keep keep = Keep::always, size_t max_entries = 4096,
                    size_t max_bytes = 4u << 20, size_t shards = kShards)
      : keep_(keep),
        max_entries_((max_entries + shards - 1) / shards),
        max_bytes_(max_bytes / shards),
        shards_(shards) {}
  TextMemo(const TextMemo&) = delete;
  TextMemo& operator=(const TextMemo&) = delete;

  // compute() for `text`, or its result remembered from an earlier call with the same text. The
  // text is hashed once per call.
  template <typename Compute>
  Result get(std::string_view text, Compute&& compute) {
    const uint64_t hash = Hash{}(text) | 1;  // 0 marks an empty slot
    // The shard from the high bits, the slot from the low ones.
    Shard& shard = shards_[(hash >> 32) % shards_.size()];
    bool keep = keep_ == Keep::always;
    {
      const std::lock_guard lock(shard.mutex);
      if (Slot* slot = shard.find(hash)) {
        if (slot->entry && slot->entry->text == text)
          return Result(slot->entry, &slot->entry->value);
        keep = true;  // asked before (or another text with the same hash, which is kept instead)
      } else if (!keep) {
        shard.make_room(0, max_entries_, max_bytes_);
        shard.find_or_add(hash, max_entries_);  // noted, not kept
      }
    }
    if (!keep || text.size() > max_bytes_) return std::make_shared<const Value>(compute());
    // Computed unlocked: other threads go on meanwhile.
    auto entry = std::make_shared<const Entry>(Entry{std::string(text), compute()});
    Result result(entry, &entry->value);
    const std::lock_guard lock(shard.mutex);
    shard.make_room(text.size(), max_entries_, max_bytes_);
    if (Slot* slot = shard.find_or_add(hash, max_entries_); !slot->entry) {
      slot->entry = std::move(entry);
      shard.bytes += text.size();
    }
    return result;
  }

 private:
  struct Entry {
    std::string text;
    Value value;
  };
  // An open-addressing slot: empty (hash 0), a text asked for once (no entry) or a result.
  struct Slot {
    uint64_t hash = 0;
    std::shared_ptr<const Entry> entry;
  };

  struct alignas(64) Shard {  // a cache line each: threads on other shards do not share it
    std::mutex mutex;
    std::vector<Slot> slots;  // a power of two of them, allocated when first needed
    size_t used = 0;          // slots with a hash
    size_t bytes = 0;         // of the texts kept

    // The slot with `hash`, or nullptr (under the lock).
    Slot* find(uint64_t hash) {
      if (slots.empty()) return nullptr;
      const size_t mask = slots.size() - 1;
      for (size_t i = hash & mask;; i = (i + 1) & mask) {
        if (slots[i].hash == hash) return &slots[i];
        if (slots[i].hash == 0) return nullptr;
      }
    }

    // The slot with `hash`, claimed if new (under the lock, after make_room()).
    Slot* find_or_add(uint64_t hash, size_t max_entries) {
      if (slots.empty()) {
        size_t size = 16;
        while (size < 2 * max_entries) size *= 2;  // never more than half full
        slots.resize(size);
      }
      const size_t mask = slots.size() - 1;
      for (size_t i = hash & mask;; i = (i + 1) & mask) {
        if (slots[i].hash == hash) return &slots[i];
        if (slots[i].hash == 0) {
          ++used;
          slots[i].hash = hash;
          return &slots[i];
        }
      }
    }

    // Forgets everything when one more text of `size` bytes would not fit (under the lock).
    void make_room(size_t size, size_t max_entries, size_t max_bytes) {
      if (used < max_entries && bytes + size <= max_bytes) return;
      for (Slot& slot : slots) slot = Slot();
      used = 0;
      bytes = 0;
    }
  };

  Keep keep_;
  size_t max_entries_;  // per shard
  size_t max_bytes_;    // per shard
  std::vector<Shard> shards_;
};

}  // namespace hanmark::text
