#include "core/file_io.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hanmark {

namespace {

// Offsets into a Document are 32-bit; a post is never near this size.
constexpr size_t kMaxFileBytes = size_t{1} << 30;

}  // namespace

bool read_file(const std::string& path, std::string& bytes, std::string& error) {
  // Devices (/dev/zero, /dev/urandom) would be read without end, sockets cannot be opened:
  // only regular files and pipes (`<(command)`, a FIFO, read as `cat` reads it) are read.
  struct stat kind {};
  if (::stat(path.c_str(), &kind) == 0 &&
      (S_ISCHR(kind.st_mode) || S_ISBLK(kind.st_mode) || S_ISSOCK(kind.st_mode))) {
    error = "not a regular file";
    return false;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    ::close(fd);
    error = "is a directory";
    return false;
  }
  bytes.clear();
  if (info.st_size > 0 && static_cast<size_t>(info.st_size) <= kMaxFileBytes)
    bytes.reserve(static_cast<size_t>(info.st_size));
  const bool read = read_all(fd, bytes, error);
  ::close(fd);
  return read;
}

bool read_all(int fd, std::string& bytes, std::string& error) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    if (bytes.size() + static_cast<size_t>(n) > kMaxFileBytes) {
      bytes = std::string();
      error = "larger than 1 GiB";
      return false;
    }
    bytes.append(buffer, static_cast<size_t>(n));
  }
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    text.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

void ignore_file_size_signal() {
  static const bool ignored = [] { return ::signal(SIGXFSZ, SIG_IGN) != SIG_ERR; }();
  (void)ignored;
}

}  // namespace hanmark
