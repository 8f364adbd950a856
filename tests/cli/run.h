// Runs the built hanmark binary for CLI tests.
#pragma once

#include <filesystem>
#include <string>

namespace hanmark::testing {

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `hanmark <args>` through the shell (args are shell words, quote as needed).
// `env` is shell text put before the command ("NO_COLOR=1", "cd dir &&").
RunResult run_hanmark(const std::string& args, const std::string& env = "");

// A fresh, empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

std::string shell_quote(const std::string& word);

// The bytes of a file; empty when it cannot be read.
std::string read_text(const std::filesystem::path& path);

}  // namespace hanmark::testing
