#include "output/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace hanmark {

namespace fs = std::filesystem;

namespace {

std::string last_error() {
  return std::strerror(errno);
}

unsigned default_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

OutputFile::~OutputFile() {
  if (temp_.empty()) return;
  stream_.close();
  ::unlink(temp_.c_str());
}

bool OutputFile::open(const std::string& path, std::string& error) {
  std::error_code ec;
  fs::path target = path;
  if (fs::is_symlink(target, ec)) {
    target = fs::weakly_canonical(target, ec);
    if (ec) {
      error = ec.message();
      return false;
    }
  }
  target_ = target.string();
  mode_ = default_mode();
  struct stat info {};
  if (::stat(target_.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      error = "is a directory";
      return false;
    }
    if (!S_ISREG(info.st_mode)) {  // a device or a FIFO: nothing to replace atomically
      stream_.open(target_, std::ios::binary | std::ios::trunc);
      if (!stream_) error = last_error();
      return static_cast<bool>(stream_);
    }
    if (::access(target_.c_str(), W_OK) != 0) {
      error = last_error();
      return false;
    }
    mode_ = info.st_mode & 07777;
  }
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string pattern =
      (dir / ("." + target.filename().string() + ".hanmark-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = last_error();
    return false;
  }
  ::close(fd);
  temp_ = name.data();
  stream_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!stream_) {
    error = last_error();
    return false;
  }
  return true;
}

bool OutputFile::commit(std::string& error) {
  stream_.flush();
  const bool written = static_cast<bool>(stream_);
  stream_.close();
  if (!written || stream_.fail()) {
    error = "write failed";
    return false;
  }
  if (temp_.empty()) return true;
  if (::chmod(temp_.c_str(), mode_) != 0 || ::rename(temp_.c_str(), target_.c_str()) != 0) {
    error = last_error();
    return false;
  }
  temp_.clear();
  return true;
}

}  // namespace hanmark
