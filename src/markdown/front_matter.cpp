#include "markdown/front_matter.h"

namespace hanmark {

namespace {

// The line starting at `begin`: its content end (before the terminator) and the next line's start.
struct Line {
  uint32_t content_end;
  uint32_t next;
};

Line line_at(std::string_view source, uint32_t begin) {
  uint32_t end = begin;
  while (end < source.size() && source[end] != '\n' && source[end] != '\r') ++end;
  uint32_t next = end;
  if (next < source.size() && source[next] == '\r') ++next;
  if (next < source.size() && source[next] == '\n') ++next;
  return {end, next};
}

bool is_fence(std::string_view line, std::string_view fence) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == fence;
}

}  // namespace

std::optional<FrontMatter> find_front_matter(std::string_view source, uint32_t start) {
  const Line first = line_at(source, start);
  const std::string_view opening = source.substr(start, first.content_end - start);
  FrontMatter::Format format;
  if (is_fence(opening, "---")) {
    format = FrontMatter::Format::yaml;
  } else if (is_fence(opening, "+++")) {
    format = FrontMatter::Format::toml;
  } else {
    return std::nullopt;
  }
  if (first.next == first.content_end) return std::nullopt;  // the fence is the whole file
  for (uint32_t begin = first.next; begin < source.size();) {
    const Line line = line_at(source, begin);
    const std::string_view text = source.substr(begin, line.content_end - begin);
    const bool closes = format == FrontMatter::Format::yaml
                            ? is_fence(text, "---") || is_fence(text, "...")
                            : is_fence(text, "+++");
    if (closes) return FrontMatter{format, {start, line.next}, {first.next, begin}};
    if (line.next == begin) break;
    begin = line.next;
  }
  return std::nullopt;
}

}  // namespace hanmark
