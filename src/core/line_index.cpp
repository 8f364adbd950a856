#include "core/line_index.h"

#include <algorithm>

#include "core/utf8.h"

namespace hanmark {

LineIndex::LineIndex(std::string_view source) : source_(source) {
  starts_.push_back(0);
  if (source.find('\r') == std::string_view::npos) {
    // Most files end their lines with LF alone: memchr finds them.
    for (size_t i = source.find('\n'); i != std::string_view::npos; i = source.find('\n', i + 1))
      starts_.push_back(static_cast<uint32_t>(i + 1));
  } else {
    add_mixed_line_starts();
  }
  // A final terminator does not open a new, empty line.
  if (starts_.size() > 1 && starts_.back() == source.size()) starts_.pop_back();
}

void LineIndex::add_mixed_line_starts() {
  const std::string_view source = source_;
  for (uint32_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (source[i] == '\r') {
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

uint32_t LineIndex::line_of(uint32_t offset) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin());
}

ByteSpan LineIndex::line_content(uint32_t line) const {
  const uint32_t begin = starts_[line - 1];
  uint32_t end = line < starts_.size() ? starts_[line] : static_cast<uint32_t>(source_.size());
  if (end > begin && source_[end - 1] == '\n') --end;
  if (end > begin && source_[end - 1] == '\r') --end;
  return {begin, end};
}

uint32_t LineIndex::offset_of_byte_column(uint32_t line, uint32_t byte_column) const {
  line = std::clamp<uint32_t>(line, 1, line_count());
  const ByteSpan content = line_content(line);
  return std::min(content.begin + (byte_column > 0 ? byte_column - 1 : 0), content.end);
}

namespace {

// Walks code points of [begin, end) calling `f(code_point)`.
template <typename F>
void for_each_code_point(std::string_view source, uint32_t begin, uint32_t end, F f) {
  for (uint32_t i = begin; i < end;) {
    const utf8::Decoded d = utf8::decode(source, i);
    f(d.code_point);
    i += d.length;
  }
}

}  // namespace

Position LineIndex::position(uint32_t offset) const {
  const uint32_t line = line_of(offset);
  uint32_t column = 1;
  for_each_code_point(source_, starts_[line - 1], offset, [&](char32_t) { ++column; });
  return {line, column};
}

uint32_t LineIndex::utf16_column(uint32_t offset) const {
  uint32_t units = 0;
  for_each_code_point(source_, starts_[line_of(offset) - 1], offset,
                      [&](char32_t cp) { units += cp != utf8::kInvalid && cp >= 0x10000 ? 2 : 1; });
  return units;
}

uint32_t LineIndex::display_column(uint32_t offset) const {
  uint32_t cells = 0;
  uint32_t i = starts_[line_of(offset) - 1];
  while (i < offset) {
    // Printable ASCII, most of any line, without decoding.
    const auto byte = static_cast<unsigned char>(source_[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++cells, ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(source_, i);
    cells = d.code_point == '\t' ? (cells / 8 + 1) * 8 : cells + utf8::display_width(d.code_point);
    i += d.length;
  }
  return cells;
}

uint32_t LineIndex::offset_of(Position position) const {
  const uint32_t line = std::clamp<uint32_t>(position.line, 1, line_count());
  const ByteSpan content = line_content(line);
  uint32_t offset = content.begin;
  for (uint32_t column = 1; column < position.column && offset < content.end; ++column)
    offset += utf8::decode(source_, offset).length;
  return offset;
}

}  // namespace hanmark
