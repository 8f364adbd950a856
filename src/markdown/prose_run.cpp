#include "markdown/prose_run.h"

#include <algorithm>

namespace hanmark {

void ProseRun::append(std::string_view text, ByteSpan source, bool verbatim) {
  if (text.empty()) return;
  const auto text_begin = static_cast<uint32_t>(text_.size());
  // Merge adjacent verbatim pieces so lookups stay short.
  if (verbatim && !pieces_.empty() && pieces_.back().verbatim &&
      pieces_.back().source.end == source.begin) {
    pieces_.back().source.end = source.end;
  } else {
    pieces_.push_back({text_begin, source, verbatim});
  }
  text_.append(text);
}

ProseRun::Mark ProseRun::mark() const {
  return {text_.size(), pieces_.size(), pieces_.empty() ? Piece{} : pieces_.back()};
}

void ProseRun::rollback(const Mark& mark) {
  text_.resize(mark.text_size);
  pieces_.resize(mark.piece_count);
  if (!pieces_.empty()) pieces_.back() = mark.last;
}

const ProseRun::Piece& ProseRun::piece_at(uint32_t text_offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), text_offset,
                             [](uint32_t offset, const Piece& p) { return offset < p.text_begin; });
  return *(it - 1);
}

ByteSpan ProseRun::to_source(uint32_t begin, uint32_t end) const {
  if (pieces_.empty()) return {};
  const Piece& first = piece_at(begin);
  const uint32_t source_begin =
      first.verbatim ? first.source.begin + (begin - first.text_begin) : first.source.begin;
  if (end <= begin) return {source_begin, source_begin};
  const Piece& last = piece_at(end - 1);
  const uint32_t source_end =
      last.verbatim ? last.source.begin + (end - last.text_begin) : last.source.end;
  return {source_begin, source_end};
}

bool ProseRun::is_verbatim(uint32_t begin, uint32_t end) const {
  if (pieces_.empty() || end <= begin) return true;
  const Piece& first = piece_at(begin);
  return &first == &piece_at(end - 1) && first.verbatim;
}

}  // namespace hanmark
