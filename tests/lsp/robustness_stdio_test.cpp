// LSP robustness through the real `hanmark lsp` on pipes (issue 9): garbage and wrong
// Content-Lengths between messages, a Content-Length that never comes, and a storm of 1,000
// didChange notifications: the server keeps answering, publishes the final text's diagnostics
// without linting every version, and its memory stays bounded. docs/lsp.md, "Robustness".
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cli/run.h"
#include "lsp/lsp_process.h"
#include "lsp/uri.h"

using namespace hanmark;
using namespace hanmark::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

// Sanitized builds are several times slower: every wait gets longer.
constexpr auto kSlow = kSanitized ? 5 : 1;
const std::chrono::milliseconds kAnswerTimeout = 10s * kSlow;

json body(const json& id, const std::string& method, json params = nullptr) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

std::string framed(const json& message) {
  return lsp::frame(message.dump());
}

json initialize_params(const TempDir& dir) {
  return {
      {"processId", nullptr},
      {"rootUri", lsp::uri_of_path(dir.path())},
      {"capabilities", json::object()},
      {"initializationOptions", {{"userDictionary", (dir.path() / "user-words.dic").string()}}}};
}

bool is_error(const std::optional<json>& answer, int code) {
  return answer && answer->contains("error") && (*answer)["error"]["code"] == code;
}

// Errors with a null id (ParseError, InvalidRequest) among the messages, by code.
size_t null_id_errors(LspProcess& server, int code) {
  size_t n = 0;
  for (const json& m : server.messages())
    n += m.contains("error") && m["id"].is_null() && m["error"]["code"] == code;
  return n;
}

// ---- The client's side of the text, in UTF-16 as an editor keeps it ----

std::u16string to_utf16(const std::string& text) {
  std::u16string out;
  for (size_t i = 0; i < text.size();) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    char32_t cp;
    size_t length;
    if (byte(0) < 0x80)
      cp = byte(0), length = 1;
    else if (byte(0) < 0xE0)
      cp = (byte(0) & 0x1F) << 6 | (byte(1) & 0x3F), length = 2;
    else if (byte(0) < 0xF0)
      cp = (byte(0) & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F), length = 3;
    else
      cp = (byte(0) & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 |
           (byte(3) & 0x3F),
      length = 4;
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
    i += length;
  }
  return out;
}

std::string to_utf8(const std::u16string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t cp = text[i];
    if (cp >= 0xD800 && cp < 0xDC00) cp = 0x10000 + ((cp - 0xD800) << 10) + (text[++i] - 0xDC00);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | cp >> 6);
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | cp >> 12);
      out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | cp >> 18);
      out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
      out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// Random edits to a UTF-16 text, as LSP changes; `text` follows them as an editor's buffer would.
class EditGenerator {
 public:
  EditGenerator(std::u16string text, uint32_t seed) : text_(std::move(text)), random_(seed) {}
  const std::u16string& text() const { return text_; }

  // One incremental change: an insertion, a deletion within a line, or a replacement across a
  // line break (which keeps the line count). Sized so that the text neither grows nor shrinks
  // much over 1,000 changes.
  json incremental() {
    static const std::vector<std::u16string> inserts = {u"Enginner ", u"한국어 ",  u"😀",  u"teh ",
                                                        u" 문장",     u"recieve ", u"가", u"\n"};
    const size_t kind = random_() % 6;
    auto [line, start] = random_position();
    size_t end = start;
    std::u16string insert = inserts[random_() % inserts.size()];
    if (kind == 3 || kind == 4) {  // delete up to 4 units within the line
      end = boundary(std::min(line_end(line), start + 1 + random_() % 4));
      insert.clear();
    } else if (kind == 5 && line + 1 < line_starts().size()) {  // across the line break
      const size_t next = line_starts()[line + 1];
      end = boundary(std::min(line_end(line + 1), next + random_() % 3));
      insert += u"\n";
    }
    const json change = {{"range", {{"start", position(start)}, {"end", position(end)}}},
                         {"text", to_utf8(insert)}};
    text_.replace(start, end - start, insert);
    return change;
  }
  // The whole text again, with a line added at the end.
  json full() {
    text_ += u"끝에 추가한 줄 Enginner\n";
    return {{"text", to_utf8(text_)}};
  }

 private:
  std::vector<size_t> line_starts() const {
    std::vector<size_t> starts{0};
    for (size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == u'\n') starts.push_back(i + 1);
    return starts;
  }
  size_t line_end(size_t line) const {
    const std::vector<size_t> starts = line_starts();
    return line + 1 < starts.size() ? starts[line + 1] - 1 : text_.size();
  }
  // Moves an index off the second half of a surrogate pair (editors never split one).
  size_t boundary(size_t index) const {
    return index > 0 && index < text_.size() && text_[index] >= 0xDC00 && text_[index] < 0xE000
               ? index - 1
               : index;
  }
  std::pair<size_t, size_t> random_position() {
    const std::vector<size_t> starts = line_starts();
    const size_t line = random_() % starts.size();
    const size_t index = starts[line] + random_() % (line_end(line) - starts[line] + 1);
    return {line, boundary(index)};
  }
  json position(size_t index) const {
    const std::vector<size_t> starts = line_starts();
    const size_t line = std::upper_bound(starts.begin(), starts.end(), index) - starts.begin() - 1;
    return {{"line", line}, {"character", index - starts[line]}};
  }

  std::u16string text_;
  std::mt19937 random_;
};

std::string storm_base_text() {
  std::string text = "---\ntitle: 폭풍 테스트\n---\n\n";
  for (int i = 0; i < 40; ++i)
    text += "## 제목 " + std::to_string(i) + "\n\n한국어 문장 " + std::to_string(i) +
            "번째 Enginner 입니다. 😀 emoji and teh English.\n\n";
  return text;
}

}  // namespace

TEST_CASE("lsp stdio: garbage and wrong Content-Lengths: the messages after them are answered") {
  TempDir dir;
  LspProcess server(dir.path());
  std::mt19937 random(4);
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>(random() & 0xff);
  const auto nothing = [](int id) { return framed(body(id, "hanmark/nothing")); };

  // Random bytes and a partial header before the first message.
  server.write(noise + "Content-Len" + framed(body(1, "initialize", initialize_params(dir))));
  const std::optional<json> initialized = server.response(1, kAnswerTimeout);
  REQUIRE(initialized);
  CHECK((*initialized)["result"]["capabilities"].is_object());
  server.write(framed({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}}));

  // A header line without a colon (its body is lost with it), then a message with LF line ends.
  const std::string lost = body(90, "hanmark/nothing").dump();
  const std::string two = body(2, "hanmark/nothing").dump();
  server.write("Content-Length " + std::to_string(lost.size()) + "\r\n\r\n" + lost +
               "Content-Length: " + std::to_string(two.size()) + "\n\n" + two);
  CHECK(is_error(server.response(2, kAnswerTimeout), -32601));

  // Too short: the body is cut mid-JSON (ParseError), its rest skipped, the next one read.
  const std::string three = body(3, "hanmark/nothing").dump();
  server.write("Content-Length: 10\r\n\r\n" + three + nothing(4));
  CHECK(is_error(server.response(4, kAnswerTimeout), -32601));

  // Too long, over a whole message: cut at the next header.
  const std::string five = body(5, "hanmark/nothing").dump();
  server.write("Content-Length: " + std::to_string(five.size() + 40) + "\r\n\r\n" + five +
               nothing(6));
  CHECK(is_error(server.response(5, kAnswerTimeout), -32601));
  CHECK(is_error(server.response(6, kAnswerTimeout), -32601));

  // Far too long with no body at all (200 MB announced): the next message is not held back.
  server.write("Content-Length: 200000000\r\n\r\n" + nothing(7));
  CHECK(is_error(server.response(7, kAnswerTimeout), -32601));

  // 10^12, negative, not a number: no length at all.
  server.write("Content-Length: 1000000000000\r\n\r\n" + nothing(8));
  CHECK(is_error(server.response(8, kAnswerTimeout), -32601));
  server.write("Content-Length: -5\r\n\r\nContent-Length: five\r\n\r\n" + nothing(9));
  CHECK(is_error(server.response(9, kAnswerTimeout), -32601));

  // Bodies that are no JSON or no JSON-RPC; a request with parameters of the wrong type; a
  // notification with them (never answered).
  server.write(lsp::frame(R"({"jsonrpc":"2.0","id":10,)") + lsp::frame("[]") + lsp::frame("5"));
  server.write(framed(body(11, "textDocument/hover", {{"position", "x"}})));
  CHECK(is_error(server.response(11, kAnswerTimeout), -32602));
  server.write(framed({{"jsonrpc", "2.0"},
                       {"method", "textDocument/didChange"},
                       {"params", {{"contentChanges", 5}}}}));

  server.write(framed(body(12, "shutdown")));
  const std::optional<json> shutdown = server.response(12, kAnswerTimeout);
  REQUIRE(shutdown);
  CHECK((*shutdown)["result"].is_null());
  const long peak_kb = server.peak_rss_kb();
  server.write(framed({{"jsonrpc", "2.0"}, {"method", "exit"}}));
  CHECK(server.wait_exit(kAnswerTimeout) == 0);

  // Exactly the answers expected: ids 3 and 90 were lost with their frames, the notification
  // got none; ParseError for the short body, the empty one and the broken one; InvalidRequest
  // for [] and 5.
  std::vector<json> ids;
  for (const json& m : server.messages())
    if (m.contains("id") && !m["id"].is_null()) ids.push_back(m["id"]);
  CHECK(ids == std::vector<json>{1, 2, 4, 5, 6, 7, 8, 9, 11, 12});
  CHECK(null_id_errors(server, -32700) == 3);
  CHECK(null_id_errors(server, -32600) == 2);
  CHECK_FALSE(server.badly_framed());
  // What was skipped is logged on stderr; nothing crashed.
  const std::string err = server.stderr_text();
  CAPTURE(err);
  CHECK(err.find("hanmark lsp: skipped 4") != std::string::npos);  // the noise, 4,107 bytes
  CHECK(err.find("bytes that are no message: \"Content-Length " + std::to_string(lost.size())) !=
        std::string::npos);
  CHECK(err.find("textDocument/didChange: ") != std::string::npos);
  // The 200 MB that were announced were never allocated.
  MESSAGE("peak RSS after the garbage: " << peak_kb / 1024 << " MiB");
  CHECK(peak_kb > 0);
  CHECK(peak_kb < (kSanitized ? 400 : 100) * 1024);
}

TEST_CASE("lsp stdio: the end of input in the middle of a body ends the server at once") {
  TempDir dir;
  LspProcess server(dir.path());
  server.write(framed(body(1, "initialize", initialize_params(dir))));
  REQUIRE(server.response(1, kAnswerTimeout));
  server.write("Content-Length: 200000000\r\n\r\n{\"jsonrpc\":\"2.0\",");
  const auto start = LspProcess::Clock::now();
  server.close_input();
  CHECK(server.wait_exit(kAnswerTimeout) == 1);  // no shutdown: 1, as the spec asks
  CHECK(LspProcess::Clock::now() - start < 5s * kSlow);
}

TEST_CASE("lsp stdio: 1,000 didChange in a burst: responsive, coalesced, correct, bounded") {
  TempDir dir;
  LspProcess server(dir.path());
  server.write(framed(body(1, "initialize", initialize_params(dir))));
  REQUIRE(server.response(1, kAnswerTimeout));
  server.write(framed({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}}));
  const std::string uri = lsp::uri_of_path(dir.path() / "storm.md");
  const auto published = [&](int version) {
    return [&uri, version](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"]["uri"] == uri && m["params"].value("version", -1) == version;
    };
  };
  const std::string base = storm_base_text();
  server.write(
      framed({{"jsonrpc", "2.0"},
              {"method", "textDocument/didOpen"},
              {"params",
               {{"textDocument",
                 {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", base}}}}}}));
  REQUIRE(server.wait_for(published(1), kAnswerTimeout * 3));  // the spellers load first
  const long opened_kb = server.peak_rss_kb();

  // The burst: 1,000 changes in one write, every 100th the whole text, the others 1-3 ranges.
  constexpr int kChanges = 1000;
  EditGenerator editor(to_utf16(base), 17);
  std::string burst;
  for (int version = 2; version < 2 + kChanges; ++version) {
    json changes = json::array();
    if (version % 100 == 0) {
      changes.push_back(editor.full());
    } else {
      for (int n = 1 + version % 3; n > 0; --n) changes.push_back(editor.incremental());
    }
    burst += framed({{"jsonrpc", "2.0"},
                     {"method", "textDocument/didChange"},
                     {"params",
                      {{"textDocument", {{"uri", uri}, {"version", version}}},
                       {"contentChanges", std::move(changes)}}}});
  }
  constexpr int kLast = 1 + kChanges;
  // Requests right behind the burst: answered after the 1,000 changes, within a bound. The first
  // needs no lint; the hover lints the final text first (the lint worker may be at it too).
  burst += framed(body(4, "hanmark/nothing"));
  burst += framed(
      body(2, "textDocument/hover",
           {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}}));
  const auto sent = LspProcess::Clock::now();
  REQUIRE(server.write(burst));
  REQUIRE(server.response(4, kAnswerTimeout));
  const auto read_through = LspProcess::Clock::now();
  const std::optional<json> hover = server.response(2, kAnswerTimeout);
  const auto answered = LspProcess::Clock::now();
  REQUIRE(hover);
  CHECK(hover->contains("result"));
  const std::optional<json> final_publish = server.wait_for(published(kLast), kAnswerTimeout);
  REQUIRE(final_publish);
  const auto final_at = LspProcess::Clock::now();
  const auto ms = [&](LspProcess::Clock::time_point at) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(at - sent).count();
  };
  MESSAGE("burst of " << kChanges << " changes (" << burst.size() / 1024
                      << " KiB): read through after " << ms(read_through)
                      << " ms, hover answered after " << ms(answered)
                      << " ms, final diagnostics after " << ms(final_at) << " ms, "
                      << (*final_publish)["params"]["diagnostics"].size() << " findings");
  CHECK(read_through - sent < 2s * kSlow);
  CHECK(answered - sent < 10s * kSlow);

  // Linted a few times, not 1,000: versions only go up, and the last one is the final text's.
  std::this_thread::sleep_for(300ms);  // anything late would come now (the delay is 50 ms)
  std::vector<int> versions;
  for (const json& m : server.messages())
    if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
      versions.push_back(m["params"].value("version", -1));
  CAPTURE(versions.size());
  REQUIRE(versions.size() >= 2);
  CHECK(versions.size() <= 12);  // open, maybe the first change, the last; slack for a slow CI
  CHECK(std::is_sorted(versions.begin(), versions.end()));
  CHECK(versions.back() == kLast);

  // The diagnostics of the final text are those of a fresh didOpen of the text the client has.
  server.write(framed({{"jsonrpc", "2.0"},
                       {"method", "textDocument/didClose"},
                       {"params", {{"textDocument", {{"uri", uri}}}}}}));
  server.write(framed({{"jsonrpc", "2.0"},
                       {"method", "textDocument/didOpen"},
                       {"params",
                        {{"textDocument",
                          {{"uri", uri},
                           {"languageId", "markdown"},
                           {"version", 5000},
                           {"text", to_utf8(editor.text())}}}}}}));
  const std::optional<json> fresh = server.wait_for(published(5000), kAnswerTimeout);
  REQUIRE(fresh);
  // The edits added typos (and broke some): there are many findings to compare.
  CHECK((*final_publish)["params"]["diagnostics"].size() > 150);
  CHECK((*final_publish)["params"]["diagnostics"] == (*fresh)["params"]["diagnostics"]);

  server.write(framed(body(3, "shutdown")));
  REQUIRE(server.response(3, kAnswerTimeout));
  const long peak_kb = server.peak_rss_kb();
  server.write(framed({{"jsonrpc", "2.0"}, {"method", "exit"}}));
  CHECK(server.wait_exit(kAnswerTimeout) == 0);
  CHECK_FALSE(server.badly_framed());
  MESSAGE("peak RSS of the server: " << opened_kb / 1024 << " MiB after the open, "
                                     << peak_kb / 1024 << " MiB after the storm");
  CHECK(opened_kb > 0);
  CHECK(peak_kb < (kSanitized ? 1200 : 400) * 1024);
  CHECK(peak_kb - opened_kb < (kSanitized ? 400 : 100) * 1024);  // the storm itself
}
