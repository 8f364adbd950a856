// The real `hanmark lsp` as a child process on pipes: raw bytes in, framed messages out, stderr
// kept, the child's peak resident memory while it runs, and its exit code. For what only the real
// stdio transport shows (framing, waiting on a pipe, memory); the in-process ServerHarness is
// the tool for everything else.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/child_process.h"
#include "lsp/transport.h"

namespace hanmark::testing {

class LspProcess {
 public:
  using Clock = std::chrono::steady_clock;

  // Starts `hanmark lsp` with HOME and XDG_CONFIG_HOME in `home` (the tester's own word list and
  // configuration must not take part).
  explicit LspProcess(const std::filesystem::path& home) {
    ::signal(SIGPIPE, SIG_IGN);  // a server that died must fail the test, not kill it
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
      throw std::runtime_error("pipe2 failed");
    ChildSpec spec{{"lsp"}};
    spec.environment = {"HOME=" + home.string(), "XDG_CONFIG_HOME=" + (home / "config").string()};
    spec.in_fd = in[0];
    spec.out_fd = out[1];
    spec.err_fd = err[1];
    pid_ = spawn_child(spec);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    in_ = in[1];
    out_reader_ = std::thread([this, fd = out[0]] { read_messages(fd); });
    err_reader_ = std::thread([this, fd = err[0]] { read_stderr(fd); });
  }

  ~LspProcess() {
    close_input();
    if (!wait_exit(std::chrono::seconds(10))) {
      ::kill(pid_, SIGKILL);
      wait_exit(std::chrono::seconds(10));
    }
    if (out_reader_.joinable()) out_reader_.join();
    if (err_reader_.joinable()) err_reader_.join();
  }
  LspProcess(const LspProcess&) = delete;
  LspProcess& operator=(const LspProcess&) = delete;

  // Writes all of `bytes` to the server's stdin; false when the server no longer reads them.
  bool write(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(in_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }
  bool send(const nlohmann::json& message) { return write(lsp::frame(message.dump())); }
  bool notify(const std::string& method, nlohmann::json params) {
    return send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  bool request(int id, const std::string& method, nlohmann::json params = nullptr) {
    return send(
        {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }

  // The first message (in order of arrival) that `wanted` accepts, waiting up to `timeout`.
  std::optional<nlohmann::json> wait_for(const std::function<bool(const nlohmann::json&)>& wanted,
                                         std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    std::optional<nlohmann::json> found;
    arrived_.wait_for(lock, timeout, [&] {
      for (const nlohmann::json& message : messages_)
        if (wanted(message)) return found = message, true;
      return output_closed_;
    });
    return found;
  }
  // The response to request `id` (never a request of the server's with the same id).
  std::optional<nlohmann::json> response(const nlohmann::json& id,
                                         std::chrono::milliseconds timeout) {
    return wait_for(
        [&](const nlohmann::json& m) {
          return m.contains("id") && m["id"] == id && !m.contains("method");
        },
        timeout);
  }

  std::vector<nlohmann::json> messages() {
    const std::lock_guard lock(mutex_);
    return messages_;
  }
  // Whether the server wrote anything that is not a well-framed JSON message.
  bool badly_framed() {
    const std::lock_guard lock(mutex_);
    return badly_framed_;
  }
  std::string stderr_text() {
    const std::lock_guard lock(mutex_);
    return stderr_;
  }

  void close_input() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }
  // The exit code (128 + signal when killed), or nullopt when still running after `timeout`.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout) {
    if (!status_) {
      if (const std::optional<int> status = wait_status(pid_, timeout))
        status_ = exit_code(*status);
    }
    return status_;
  }
  // The server's peak resident set so far in KiB (VmHWM), while it runs; 0 when unknown. Not
  // wait4's ru_maxrss: that counts the test process's pages the child had between fork and exec.
  long peak_rss_kb() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    for (std::string line; std::getline(status, line);)
      if (line.starts_with("VmHWM:")) return std::strtol(line.c_str() + 6, nullptr, 10);
    return 0;
  }

 private:
  void read_messages(int fd) {
    std::string buffer;
    char chunk[1 << 16];
    for (;;) {
      const ssize_t n = ::read(fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      buffer.append(chunk, static_cast<size_t>(n));
      // The server's own output must be strictly framed: parse it strictly.
      for (;;) {
        const size_t header_end = buffer.find("\r\n\r\n");
        if (header_end == std::string::npos) break;
        const std::string prefix = "Content-Length: ";
        size_t length = 0;
        if (buffer.starts_with(prefix))
          length = std::strtoul(buffer.c_str() + prefix.size(), nullptr, 10);
        if (buffer.size() < header_end + 4 + length) break;
        nlohmann::json message =
            nlohmann::json::parse(buffer.substr(header_end + 4, length), nullptr, false);
        const bool well_formed = buffer.starts_with(prefix) && !message.is_discarded();
        buffer.erase(0, header_end + 4 + length);
        const std::lock_guard lock(mutex_);
        if (!well_formed) {
          badly_framed_ = true;  // tests check it: the server's own output must be exact
          continue;
        }
        messages_.push_back(std::move(message));
        arrived_.notify_all();
      }
    }
    ::close(fd);
    const std::lock_guard lock(mutex_);
    output_closed_ = true;
    arrived_.notify_all();
  }

  void read_stderr(int fd) {
    char chunk[4096];
    for (;;) {
      const ssize_t n = ::read(fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      const std::lock_guard lock(mutex_);
      stderr_.append(chunk, static_cast<size_t>(n));
    }
    ::close(fd);
  }

  pid_t pid_ = -1;
  int in_ = -1;
  std::optional<int> status_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<nlohmann::json> messages_;
  std::string stderr_;
  bool output_closed_ = false;
  bool badly_framed_ = false;
  std::thread out_reader_, err_reader_;
};

}  // namespace hanmark::testing
