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

// Where a JSON text that starts at `text`'s start fails within `text` (the 1-based position of
// the offending byte), or nullopt when it is whole or may go on after `text`'s end.
std::optional<size_t> json_error_at(std::string_view text) {
  struct FirstError final : nlohmann::json_sax<nlohmann::json> {
    size_t position = 0;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(size_t at, const std::string&, const nlohmann::detail::exception&) override {
      position = at;  // bytes read, the end of input counting as one more
      return false;
    }
  } sax;
  if (nlohmann::json::sax_parse(text.begin(), text.end(), &sax) || sax.position > text.size())
    return std::nullopt;
  return sax.position;
}

// A run of header lines ("Content-Type: …\r\n") before Content-Length: not garbage.
bool is_header_lines(std::string_view text) {
  if (text.empty() || text.back() != '\n') return false;
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = text.find('\n', begin);
    const std::string_view line = text.substr(begin, end - begin);
    const size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) return false;
    for (char c : line.substr(0, colon))
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    begin = end + 1;
  }
  return true;
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

void MessageReader::skip(size_t count) {
  constexpr size_t kSample = 80;
  if (skipped_.sample.size() < kSample)
    skipped_.sample.append(buffer_, 0, std::min(count, kSample - skipped_.sample.size()));
  skipped_.bytes += count;
  buffer_.erase(0, count);
}

std::optional<size_t> MessageReader::take_header() {
  for (;;) {
    const size_t at = find_length_header(buffer_);
    if (at == std::string::npos) {
      // Garbage; keep a tail that may be the start of a header.
      if (buffer_.size() > kLengthHeader.size()) skip(buffer_.size() - kLengthHeader.size());
      return std::nullopt;
    }
    if (is_header_lines(std::string_view(buffer_).substr(0, at)))
      buffer_.erase(0, at);
    else
      skip(at);
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
    if (need_more) return std::nullopt;  // wait for the rest of the header block
    skip(kLengthHeader.size());          // not a usable header: look for the next one
  }
}

std::optional<bool> MessageReader::header_ends_body(size_t at, size_t length) const {
  // A real header is never part of a JSON text: outside a string its first letter is no JSON,
  // inside one its raw line end is not allowed. Header-like text inside a message's string (its
  // line ends escaped) leaves the JSON before it able to go on: no cut there.
  const std::string_view body(buffer_);
  if (const auto error = json_error_at(body.substr(0, at + 1)); error && *error <= at + 1)
    return true;  // after a whole value, or a broken one (an empty body too)
  const size_t line_end = body.find_first_of("\r\n", at);
  if (line_end == std::string_view::npos) return std::nullopt;  // not come yet
  if (line_end >= length) return false;
  // Inside a string that the body left open: the string fails exactly at the raw line end.
  const auto error = json_error_at(body.substr(0, line_end + 1));
  return error && *error == line_end + 1;
}

std::optional<std::string> MessageReader::take_body(size_t length) {
  size_t scanned = 0;  // bytes already searched for an early header
  for (;;) {
    // A Content-Length that is too long swallows the next message's header: cut there, so that a
    // wrong length never holds the messages after it back.
    const size_t from = scanned > kLengthHeader.size() ? scanned - kLengthHeader.size() : 0;
    scanned = buffer_.size();
    for (size_t at = find_length_header(buffer_, from); at != std::string::npos && at < length;
         at = find_length_header(buffer_, at + 1)) {
      const std::optional<bool> cut = header_ends_body(at, length);
      if (!cut) scanned = std::min(scanned, at);  // look at it again when its line is here
      if (!cut || !*cut) continue;
      std::string body = buffer_.substr(0, at);
      buffer_.erase(0, at);
      return body;
    }
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
    if (!fill()) {           // waits for bytes: false only at the end of input
      skip(buffer_.size());  // a partial header, or the tail of garbage
      return std::nullopt;
    }
  }
}

std::string describe(const MessageReader::Skipped& skipped) {
  std::string out = "skipped " + std::to_string(skipped.bytes) + " bytes that are no message: \"";
  for (const char c : skipped.sample) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20 || byte >= 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  out += skipped.bytes > skipped.sample.size() ? "\"..." : "\"";
  return out;
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
