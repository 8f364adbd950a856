// The progress line of `hanmark check` on a terminal: "hanmark: [=====>    ] 1200/5000 files,
// 3.1s" on stderr, redrawn at most 10 times a second and erased at the end. Shown only when
// stderr is a terminal and more than kProgressMinFiles files are linted, so logs, pipes and
// editors never see it.
#pragma once

#include <chrono>
#include <cstddef>

namespace hanmark {

inline constexpr size_t kProgressMinFiles = 200;

class Progress {
 public:
  // `wanted`: false for --no-progress.
  Progress(size_t total, bool wanted);
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool active() const { return active_; }
  // Erases the line; call before anything else is printed to the terminal (stdout or stderr).
  void clear();
  // One more file done: redraws when the last drawing is old enough.
  void advance();

 private:
  void draw();

  bool active_;
  bool shown_ = false;
  size_t total_;
  size_t done_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace hanmark
