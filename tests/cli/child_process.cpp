#include "cli/child_process.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>
#include <thread>

namespace hanmark::testing {

namespace {

std::string_view name_of(std::string_view assignment) {
  return assignment.substr(0, assignment.find('='));
}

// The test's environment with `overrides` in place of the same names, without GITHUB_ACTIONS.
std::vector<std::string> environment_with(const std::vector<std::string>& overrides) {
  std::vector<std::string> env = overrides;
  for (char** var = environ; *var; ++var) {
    const std::string_view assignment(*var);
    const std::string_view name = name_of(assignment);
    bool replaced = name == "GITHUB_ACTIONS";
    for (const std::string& o : overrides) replaced = replaced || name_of(o) == name;
    if (!replaced) env.emplace_back(assignment);
  }
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& words) {
  std::vector<char*> out;
  for (std::string& word : words) out.push_back(word.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

pid_t spawn_child(const ChildSpec& spec) {
  // Everything the child needs is prepared before fork.
  std::vector<std::string> words = spec.wrapper;
  words.push_back(HANMARK_BINARY);
  words.insert(words.end(), spec.args.begin(), spec.args.end());
  std::vector<std::string> env = environment_with(spec.environment);
  const std::vector<char*> argv = pointers(words), envp = pointers(env);
  const std::string in = spec.in.string(), out = spec.out.string(), err = spec.err.string();
  const std::string cwd = spec.cwd.string();
  struct sigaction xfsz {};
  xfsz.sa_handler = spec.ignore_sigxfsz ? SIG_IGN : SIG_DFL;

  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid != 0) return pid;
  if (spec.own_process_group) ::setpgid(0, 0);
  if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
  const int in_fd = spec.in_fd >= 0 ? spec.in_fd : ::open(in.c_str(), O_RDONLY);
  const int out_fd =
      spec.out_fd >= 0 ? spec.out_fd : ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err_fd =
      spec.err_fd >= 0 ? spec.err_fd : ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in_fd < 0 || out_fd < 0 || err_fd < 0) ::_exit(126);
  ::dup2(in_fd, 0);
  ::dup2(out_fd, 1);
  ::dup2(err_fd, 2);
  if (spec.address_space) {
    const rlimit limit{*spec.address_space, *spec.address_space};
    ::setrlimit(RLIMIT_AS, &limit);
  }
  if (spec.file_size) {
    const rlimit limit{*spec.file_size, *spec.file_size};
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ::sigaction(SIGXFSZ, &xfsz, nullptr);
  ::execve(argv[0], argv.data(), envp.data());
  ::_exit(127);
}

int exit_code(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::optional<int> wait_status(pid_t pid, std::optional<std::chrono::milliseconds> timeout) {
  const auto give_up = std::chrono::steady_clock::now() + timeout.value_or(std::chrono::hours(1));
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, timeout ? WNOHANG : 0);
    if (done == pid) return status;
    if (done < 0 && errno != EINTR) return std::nullopt;
    if (timeout) {
      if (std::chrono::steady_clock::now() > give_up) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

}  // namespace hanmark::testing
