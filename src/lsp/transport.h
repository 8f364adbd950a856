// LSP base protocol framing over byte streams: "Content-Length: N\r\n\r\n" then N bytes of JSON.
// The reader is forgiving, because a stray print in a client's or wrapper's pipe must not end an
// editing session: it skips bytes that are not a header, finds a header glued to garbage, and
// notices a Content-Length that is too long when the next message's header shows up early outside
// any JSON string (or the input goes quiet with a complete JSON value buffered). A Content-Length
// that is too short yields a broken body, which the server answers with ParseError, and reading
// goes on. What it skips it reports (take_skipped), for the server's log.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace hanmark::lsp {

// Where the reader's bytes come from.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `size` bytes into `buffer`: the count read, 0 at the end of input, or -1 when nothing
  // arrived within `timeout` (never returned with a negative timeout, which waits forever).
  virtual long read(char* buffer, size_t size, std::chrono::milliseconds timeout) = 0;
};

// A file descriptor (stdin).
class FdSource final : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  long read(char* buffer, size_t size, std::chrono::milliseconds timeout) override;

 private:
  int fd_;
};

// Fixed bytes (tests), delivered in chunks of at most `chunk` bytes.
class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string bytes, size_t chunk = 4096)
      : bytes_(std::move(bytes)), chunk_(chunk) {}
  long read(char* buffer, size_t size, std::chrono::milliseconds timeout) override;

 private:
  std::string bytes_;
  size_t chunk_;
  size_t at_ = 0;
};

class MessageReader {
 public:
  // `patience`: how long a partial body may wait before a complete JSON value in it is taken.
  explicit MessageReader(ByteSource& source,
                         std::chrono::milliseconds patience = std::chrono::milliseconds(300))
      : source_(source), patience_(patience) {}

  // The next message body (not yet parsed), or nullopt at the end of input.
  std::optional<std::string> next();

  // Bytes dropped as garbage since the last call: how many, and the first of them (for a log).
  struct Skipped {
    size_t bytes = 0;
    std::string sample;
  };
  Skipped take_skipped() { return std::exchange(skipped_, {}); }

  // Bodies larger than this are skipped as garbage (a 5 MB document is fine).
  static constexpr size_t kMaxBody = 256u << 20;

 private:
  // Reads more bytes into buffer_; false at the end of input or, with a timeout, when none came.
  bool fill(std::chrono::milliseconds timeout = std::chrono::milliseconds(-1));
  // The Content-Length of a complete header block at the start of buffer_, consumed; nullopt
  // after dropping garbage when no header is there yet (more bytes are needed).
  std::optional<size_t> take_header();
  std::optional<std::string> take_body(size_t length);
  // Whether a header found `at` inside a body of `length` bytes starts the next message (the
  // length is wrong); nullopt until the header's line has come.
  std::optional<bool> header_ends_body(size_t at, size_t length) const;
  // Drops the first `count` bytes of buffer_ as garbage.
  void skip(size_t count);

  ByteSource& source_;
  std::chrono::milliseconds patience_;
  std::string buffer_;
  bool eof_ = false;
  Skipped skipped_;
};

// One log line about skipped garbage: its size and its first bytes, escaped.
std::string describe(const MessageReader::Skipped& skipped);

// Writes framed messages; safe to call from several threads.
class MessageWriter {
 public:
  explicit MessageWriter(std::ostream& out) : out_(out) {}
  void write(const nlohmann::json& message);
  // A message already written as JSON text (valid UTF-8).
  void write_body(std::string_view body);

 private:
  std::ostream& out_;
  std::mutex mutex_;
};

// The frame of one body, for tests and the writer.
std::string frame(std::string_view body);

}  // namespace hanmark::lsp
