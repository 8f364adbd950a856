// The base protocol's framing, and how the reader gets past garbage and wrong lengths.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "lsp/transport.h"

using namespace hanmark::lsp;

namespace {

std::vector<std::string> read_all(const std::string& bytes, size_t chunk = 4096) {
  StringSource source(bytes, chunk);
  MessageReader reader(source, std::chrono::milliseconds(0));
  std::vector<std::string> out;
  while (const auto body = reader.next()) out.push_back(*body);
  return out;
}

const std::string kOne = R"({"jsonrpc":"2.0","method":"a"})";
const std::string kTwo = R"({"jsonrpc":"2.0","id":2,"method":"b","params":{"text":"한국어 😀"}})";

}  // namespace

TEST_CASE("lsp transport: frames round-trip, whatever the chunking") {
  const std::string bytes = frame(kOne) + frame(kTwo);
  for (const size_t chunk : {size_t{1}, size_t{7}, size_t{4096}})
    CHECK(read_all(bytes, chunk) == std::vector<std::string>{kOne, kTwo});
  CHECK(frame("{}") == "Content-Length: 2\r\n\r\n{}");
}

TEST_CASE("lsp transport: other headers, any case, LF-only line ends") {
  const std::string bytes = "content-length: " + std::to_string(kOne.size()) +
                            "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" +
                            kOne + "Content-Length: " + std::to_string(kTwo.size()) + "\n\n" + kTwo;
  CHECK(read_all(bytes) == std::vector<std::string>{kOne, kTwo});
}

TEST_CASE("lsp transport: garbage before, between and glued to headers is skipped") {
  const std::string bytes = "hello from a wrapper script\n" + frame(kOne) + "\r\n\r\nstray" +
                            frame(kTwo) + "Content-Length: abc\r\n\r\n" + "Content-Length: 99";
  CHECK(read_all(bytes) == std::vector<std::string>{kOne, kTwo});
}

TEST_CASE("lsp transport: a Content-Length too short yields a broken body, then reading goes on") {
  const std::string bytes = "Content-Length: 10\r\n\r\n" + kOne + frame(kTwo);
  const auto bodies = read_all(bytes);
  REQUIRE(bodies.size() == 2);
  CHECK(bodies[0] == kOne.substr(0, 10));
  CHECK(bodies[1] == kTwo);
}

TEST_CASE("lsp transport: a Content-Length too long stops at the next message's header") {
  const std::string bytes =
      "Content-Length: " + std::to_string(kOne.size() + 40) + "\r\n\r\n" + kOne + frame(kTwo);
  CHECK(read_all(bytes) == std::vector<std::string>{kOne, kTwo});
  // A header-like string inside a JSON string is text, not a cut.
  const std::string tricky = R"({"text":"Content-Length: 5"})";
  CHECK(read_all(frame(tricky) + frame(kOne)) == std::vector<std::string>{tricky, kOne});
}

TEST_CASE("lsp transport: a Content-Length too long on the last message, with input still open") {
  // The source answers "nothing yet" after the bytes instead of the end of input: the reader
  // takes the buffered whole JSON value after its patience runs out.
  class QuietSource final : public ByteSource {
   public:
    explicit QuietSource(std::string bytes) : bytes_(std::move(bytes)) {}
    long read(char* buffer, size_t size, std::chrono::milliseconds timeout) override {
      if (at_ < bytes_.size()) {
        const size_t n = std::min(size, bytes_.size() - at_);
        bytes_.copy(buffer, n, at_);
        at_ += n;
        return static_cast<long>(n);
      }
      return timeout.count() < 0 ? 0 : -1;
    }

   private:
    std::string bytes_;
    size_t at_ = 0;
  };
  QuietSource source("Content-Length: 500\r\n\r\n" + kOne);
  MessageReader reader(source, std::chrono::milliseconds(1));
  CHECK(reader.next() == kOne);
}

TEST_CASE("lsp transport: the end of input mid-body gives what came") {
  CHECK(read_all("Content-Length: 100\r\n\r\n{\"a\":") == std::vector<std::string>{"{\"a\":"});
  CHECK(read_all("").empty());
  CHECK(read_all("Content-Length: 5\r\n").empty());
}

TEST_CASE("lsp transport: the writer frames UTF-8 and replaces invalid bytes") {
  std::ostringstream out;
  MessageWriter writer(out);
  writer.write({{"text", "한"}});
  writer.write({{"text", std::string("a\xff")}});
  const auto bodies = read_all(out.str());
  REQUIRE(bodies.size() == 2);
  CHECK(bodies[0] == "{\"text\":\"한\"}");
  CHECK(bodies[1] == "{\"text\":\"a\xEF\xBF\xBD\"}");
}
