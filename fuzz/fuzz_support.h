// What the fuzz target bodies share: the default Linter, a private scratch directory and a
// muted std::cerr.
#pragma once

#include <filesystem>
#include <streambuf>
#include <string>
#include <string_view>

#include "engine/linter.h"

namespace hanmark::fuzz {

// The Linter of `hanmark check --no-config`, built once (its dictionaries load on first use).
const Linter& default_linter();

// A directory of this process's own under the system's temporary directory, made once and
// removed at exit.
const std::filesystem::path& scratch_dir();

// Writes `bytes` to `path`, replacing it.
void write_file(const std::filesystem::path& path, std::string_view bytes);

// Silences std::cerr while alive (the server and the configuration report a lot; the fuzzer's
// own output stays readable). Not for use while other threads write to std::cerr.
class QuietCerr {
 public:
  QuietCerr();
  ~QuietCerr();
  QuietCerr(const QuietCerr&) = delete;
  QuietCerr& operator=(const QuietCerr&) = delete;

 private:
  std::streambuf* saved_;
};

// `bytes` shortened for a message: printable ASCII kept, the rest as \xNN.
std::string escaped(std::string_view bytes, size_t limit = 200);

}  // namespace hanmark::fuzz
