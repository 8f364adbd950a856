// hanmark as a real child process: fork and exec, no shell, so that the pid is hanmark's own.
// For the tests that kill it, limit its resources, talk to it over pipes or measure it; the
// others use run_hanmark() (cli/run.h).
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hanmark::testing {

// Sanitizer builds (CMakePresets.json "asan") need more time and memory: bounds relax.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

struct ChildSpec {
  std::vector<std::string> args;         // hanmark's arguments
  std::vector<std::string> wrapper;      // a command that runs hanmark (GNU time's words)
  std::vector<std::string> environment;  // "NAME=value", replacing the test's own NAME
  std::filesystem::path cwd;             // empty: the test's
  // The standard streams: a descriptor (a pipe's end) when >= 0, else the file, opened for
  // reading (stdin) or created (stdout, stderr).
  std::filesystem::path in = "/dev/null", out = "/dev/null", err = "/dev/null";
  int in_fd = -1, out_fd = -1, err_fd = -1;
  bool own_process_group = false;       // so that kill(-pid) reaches hanmark under a wrapper
  std::optional<rlim_t> address_space;  // RLIMIT_AS
  std::optional<rlim_t> file_size;      // RLIMIT_FSIZE: what a full disk looks like to write()
  bool ignore_sigxfsz = false;          // else its default action, as under `ulimit -f`
};

// Starts the child (GITHUB_ACTIONS, which changes the default format, is not passed on). After
// the fork the child makes only async-signal-safe calls. Fails the test when fork fails.
pid_t spawn_child(const ChildSpec& spec);

// The exit code of a wait status; 128 + the signal for a child that was killed.
int exit_code(int status);

// The wait status of `pid` once it ends; nullopt when it still runs after `timeout` (it is then
// left running). Without a timeout, waits as long as it takes.
std::optional<int> wait_status(pid_t pid,
                               std::optional<std::chrono::milliseconds> timeout = std::nullopt);

}  // namespace hanmark::testing
