#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace hanmark {

namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
constexpr size_t kBarWidth = 24;

void write_stderr(const std::string& text) {
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(STDERR_FILENO, text.data() + written, text.size() - written);
    if (n <= 0) return;  // a broken terminal is no reason to stop linting
    written += static_cast<size_t>(n);
  }
}

}  // namespace

Progress::Progress(size_t total, bool wanted)
    : active_(wanted && total > kProgressMinFiles && ::isatty(STDERR_FILENO)),
      total_(total),
      start_(std::chrono::steady_clock::now()) {}

void Progress::clear() {
  if (!shown_) return;
  write_stderr("\r\x1b[K");
  shown_ = false;
}

void Progress::advance() {
  if (!active_) return;
  ++done_;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawInterval) return;  // also after clear(): at most 10 a second
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  const size_t filled = total_ == 0 ? kBarWidth : done_ * kBarWidth / total_;
  std::string bar(filled, '=');
  if (filled < kBarWidth) bar += '>' + std::string(kBarWidth - filled - 1, ' ');
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1fs", seconds);
  write_stderr("\r\x1b[Khanmark: [" + bar + "] " + std::to_string(done_) + "/" +
               std::to_string(total_) + " files, " + elapsed);
  shown_ = true;
}

}  // namespace hanmark
