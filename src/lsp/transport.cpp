#include "lsp/transport.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace hanmark::lsp {

namespace {

constexpr std::string_view kLengthHeader = "content-length:";
// A header block longer than this is no header block: give up on it and look further.
constexpr size_t kMaxHeaderBlock = 4096;

// Offset of the first "Content-Length:" (any case) at or after `from`, or npos.
size_t find_length_header(std::string_view text, size_t from = 0) {
  const auto it =
      std::search(text.begin() + static_cast<std::ptrdiff_t>(std::min(from, text.size())),
                  text.end(), kLengthHeader.begin(), kLengthHeader.end(),
                  [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it == text.end() ? std::string_view::npos : static_cast<size_t>(it - text.begin());
}

// The value of "Content-Length: N" at the start of `line`, if it is a sane number.
std::optional<size_t> parse_length(std::string_view line) {
  line.remove_prefix(kLengthHeader.size());
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
    line.remove_suffix(1);
  if (line.empty() || line.size() > 12) return std::nullopt;
  size_t value = 0;
  for (char c : line) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<size_t>(c - '0');
  }
  if (value > MessageReader::kMaxBody) return std::nullopt;
  return value;
}

bool is_json(std::string_view text) {
  return !text.empty() && nlohmann::json::accept(text);
}

}  // namespace

long FdSource::read(char* buffer, size_t size, std::chrono::milliseconds timeout) {
  for (;;) {
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(timeout.count() < 0 ? -1 : timeout.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return -1;
    const ssize_t n = ::read(fd_, buffer, size);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    return n < 0 ? 0 : static_cast<long>(n);  // a read error ends the input like EOF
  }
}

long StringSource::read(char* buffer, size_t size, std::chrono::milliseconds) {
  const size_t n = std::min({size, chunk_, bytes_.size() - at_});
  std::memcpy(buffer, bytes_.data() + at_, n);
  at_ += n;
  return static_cast<long>(n);
}

bool MessageReader::fill(std::chrono::milliseconds timeout) {
  if (eof_) return false;
  char chunk[1 << 16];
  const long n = source_.read(chunk, sizeof chunk, timeout);
  if (n == 0) eof_ = true;
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

std::optional<size_t> MessageReader::take_header() {
  for (;;) {
    const size_t at = find_length_header(buffer_);
    if (at == std::string::npos) {
      // Garbage; keep a tail that may be the start of a header.
      if (buffer_.size() > kLengthHeader.size())
        buffer_.erase(0, buffer_.size() - kLengthHeader.size());
      return std::nullopt;
    }
    buffer_.erase(0, at);
    // Header lines up to an empty line; only the first one, Content-Length, matters.
    std::optional<size_t> length;
    size_t line_begin = 0;
    bool need_more = false;
    for (;;) {
      const size_t line_end = buffer_.find('\n', line_begin);
      need_more = line_end == std::string::npos && buffer_.size() < kMaxHeaderBlock;
      if (line_end == std::string::npos || line_end > kMaxHeaderBlock) break;
      std::string_view line(buffer_.data() + line_begin, line_end - line_begin);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line_begin == 0) {
        length = parse_length(line);
        if (!length) break;
      } else if (line.empty()) {
        buffer_.erase(0, line_end + 1);
        return length;
      }
      line_begin = line_end + 1;
    }
    if (need_more) return std::nullopt;      // wait for the rest of the header block
    buffer_.erase(0, kLengthHeader.size());  // not a usable header: look for the next one
  }
}

std::optional<std::string> MessageReader::take_body(size_t length) {
  size_t scanned = 1;  // bytes already searched for an early header (none at 0: that is garbage)
  for (;;) {
    // A Content-Length that is too long swallows the next message's header: cut there when what
    // comes before it is a whole JSON value (a header inside a JSON string leaves it unfinished).
    const size_t from = scanned > kLengthHeader.size() ? scanned - kLengthHeader.size() : 1;
    for (size_t at = find_length_header(buffer_, from); at != std::string::npos && at < length;
         at = find_length_header(buffer_, at + 1)) {
      if (!is_json(std::string_view(buffer_).substr(0, at))) continue;
      std::string body = buffer_.substr(0, at);
      buffer_.erase(0, at);
      return body;
    }
    scanned = std::max<size_t>(buffer_.size(), 1);
    if (buffer_.size() >= length || eof_) break;
    if (!fill(patience_) && !eof_ && is_json(buffer_)) break;  // quiet, and a whole value is here
  }
  std::string body = buffer_.substr(0, std::min(length, buffer_.size()));
  buffer_.erase(0, body.size());
  return body;
}

std::optional<std::string> MessageReader::next() {
  for (;;) {
    if (const std::optional<size_t> length = take_header()) return take_body(*length);
    if (!fill()) return std::nullopt;  // waits for bytes: false only at the end of input
  }
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

void MessageWriter::write(const nlohmann::json& message) {
  // Text from documents and files may hold invalid UTF-8; replace it rather than fail.
  write_body(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void MessageWriter::write_body(std::string_view body) {
  // Header and body go out separately: no copy of a body of hundreds of kilobytes.
  const std::string header = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  const std::lock_guard lock(mutex_);
  out_.write(header.data(), static_cast<std::streamsize>(header.size()));
  out_.write(body.data(), static_cast<std::streamsize>(body.size()));
  out_.flush();
}

}  // namespace hanmark::lsp
