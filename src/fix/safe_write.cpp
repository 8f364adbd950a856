#include "fix/safe_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "core/file_io.h"

namespace hanmark {

namespace {

std::string last_error() {
  return std::strerror(errno);
}

bool read_all(int fd, std::string& bytes) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    bytes.append(buffer, static_cast<size_t>(n));
  }
}

bool same_metadata(const struct stat& info, const FileSnapshot& read) {
  return info.st_dev == read.device && info.st_ino == read.inode && info.st_size == read.size &&
         info.st_mtim.tv_sec == read.mtime.tv_sec && info.st_mtim.tv_nsec == read.mtime.tv_nsec;
}

// Whether `path` still holds what was read: same inode, size, mtime and bytes.
bool unchanged_since(const std::string& path, const FileSnapshot& read) {
  FileSnapshot now;
  std::string ignored;
  if (!read_snapshot(path, now, ignored)) return false;
  return now.device == read.device && now.inode == read.inode && now.size == read.size &&
         now.mtime.tv_sec == read.mtime.tv_sec && now.mtime.tv_nsec == read.mtime.tv_nsec &&
         now.bytes == read.bytes;
}

void sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // best effort: the rename itself already happened
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

bool read_snapshot(const std::string& path, FileSnapshot& out, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = last_error();
    return false;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    error = S_ISDIR(info.st_mode) ? "is a directory" : last_error();
    ::close(fd);
    return false;
  }
  out.bytes.clear();
  if (!read_all(fd, out.bytes)) {
    error = last_error();
    ::close(fd);
    return false;
  }
  ::close(fd);
  out.device = info.st_dev;
  out.inode = info.st_ino;
  out.size = info.st_size;
  out.mtime = info.st_mtim;
  if (static_cast<off_t>(out.bytes.size()) != info.st_size) out.size = -1;  // grew while read
  return true;
}

WriteStatus replace_file(const std::string& path, const FileSnapshot& read, std::string_view text,
                         std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target = fs::canonical(path, ec);  // a symlink's target, not the link
  if (ec) {
    error = ec.message();
    return WriteStatus::failed;
  }
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) {
    error = last_error();
    return WriteStatus::failed;
  }
  if (!same_metadata(info, read) || !unchanged_since(target, read)) {
    error = "changed on disk since it was read";
    return WriteStatus::changed_on_disk;
  }
  // Judged by the mode bits, not access(2): root may write anything, but a file its owner made
  // read-only is a request not to change it.
  if ((info.st_mode & S_IWUSR) == 0 || ::access(target.c_str(), W_OK) != 0) {
    error = "file is read-only";
    return WriteStatus::read_only;
  }
  ignore_file_size_signal();
  const std::string pattern =
      (target.parent_path() / ("." + target.filename().string() + ".hanmark-XXXXXX")).string();
  std::vector<char> temp(pattern.begin(), pattern.end());
  temp.push_back('\0');
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = "cannot create a temporary file next to it: " + last_error();
    return WriteStatus::failed;
  }
  auto fail = [&](const std::string& what) {
    error = what + ": " + last_error();
    ::close(fd);
    ::unlink(temp.data());
    return WriteStatus::failed;
  };
  if (!write_all(fd, text)) return fail("cannot write the temporary file");
  if (::fchmod(fd, info.st_mode & 07777) != 0) return fail("cannot set the file mode");
  if (::fchown(fd, info.st_uid, info.st_gid) != 0 && errno != EPERM)
    return fail("cannot set the owner");
  if (::fsync(fd) != 0) return fail("cannot flush the temporary file");
  if (::close(fd) != 0) {
    error = "cannot close the temporary file: " + last_error();
    ::unlink(temp.data());
    return WriteStatus::failed;
  }
  // Last look right before the swap, to keep the window for a concurrent edit small.
  if (!unchanged_since(target, read)) {
    ::unlink(temp.data());
    error = "changed on disk since it was read";
    return WriteStatus::changed_on_disk;
  }
  if (::rename(temp.data(), target.c_str()) != 0) {
    error = "cannot replace the file: " + last_error();
    ::unlink(temp.data());
    return WriteStatus::failed;
  }
  sync_directory(target.parent_path());
  return WriteStatus::written;
}

}  // namespace hanmark
