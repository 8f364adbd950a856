// A map from views of text to numbers, for sets built and asked once per post.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/strings.h"

namespace hanmark {

// Views of prose text by their hash, with open addressing: the set of every stem of every word
// of a post, filled and asked once per word, needs no allocation per element. A view maps to a
// number.
class ViewMap {
 public:
  static constexpr uint32_t kAbsent = ~0u;

  explicit ViewMap(size_t capacity) {
    size_t size = 16;
    while (size < 2 * capacity) size *= 2;
    slots_.resize(size);
  }
  static size_t hash(std::string_view view) { return text_hash(view); }

  // Adds `view` with `value` unless it is there already.
  void insert(std::string_view view, size_t hash, uint32_t value) {
    Slot& slot = slots_[slot_of(view, hash)];
    if (!slot.data) slot = {hash, view.data(), static_cast<uint32_t>(view.size()), value};
  }
  uint32_t find(std::string_view view, size_t hash) const {
    const Slot& slot = slots_[slot_of(view, hash)];
    return slot.data ? slot.value : kAbsent;
  }

 private:
  struct Slot {
    size_t hash = 0;
    const char* data = nullptr;  // nullptr: empty
    uint32_t size = 0;
    uint32_t value = 0;
  };

  // The slot holding `view`, or the empty slot where it would go (the table is never full).
  size_t slot_of(std::string_view view, size_t hash) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (!slot.data || (slot.hash == hash && std::string_view(slot.data, slot.size) == view))
        return i;
    }
  }

  std::vector<Slot> slots_;
};

}  // namespace hanmark
