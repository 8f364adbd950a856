// Replacing a file's content without ever losing data: the new bytes go to a temporary file in
// the same directory, which is flushed to disk and renamed over the original, keeping its mode.
// A file that changed since it was read, or that is read-only, is left alone.
#pragma once

#include <sys/types.h>

#include <ctime>
#include <string>
#include <string_view>

namespace hanmark {

// A file's bytes and the metadata that tell whether it changed since.
struct FileSnapshot {
  std::string bytes;
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  timespec mtime{};
};

// Reads `path`; on failure returns false with the reason in `error`.
bool read_snapshot(const std::string& path, FileSnapshot& out, std::string& error);

enum class WriteStatus {
  written,
  changed_on_disk,  // the file is no longer what `read_snapshot` saw: not overwritten
  read_only,        // no write permission for its owner: not forced
  failed,           // an I/O error; the original is untouched
};

// Replaces the content of `path` (read as `read`) with `text`. `error` explains any status but
// `written`. Symbolic links are followed: the file they point to is replaced.
WriteStatus replace_file(const std::string& path, const FileSnapshot& read, std::string_view text,
                         std::string& error);

}  // namespace hanmark
