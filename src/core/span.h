// Byte ranges into a document's source: the only position type inside hanmark.
#pragma once

#include <cstdint>

namespace hanmark {

struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;  // exclusive

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  bool overlaps(ByteSpan other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(ByteSpan, ByteSpan) = default;
};

}  // namespace hanmark
