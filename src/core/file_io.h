// Reading a whole file, for every front end (CLI, LSP) and the configuration's rule files.
#pragma once

#include <string>
#include <string_view>

namespace hanmark {

// Reads a whole regular file or pipe, of at most 1 GiB; on failure returns false and sets `error`
// (the reason: strerror's text, "is a directory", "not a regular file" for a device or socket,
// "larger than 1 GiB").
bool read_file(const std::string& path, std::string& bytes, std::string& error);

// Reads `fd` (standard input: 0) to its end under the same 1 GiB limit; on failure returns false
// and sets `error`.
bool read_all(int fd, std::string& bytes, std::string& error);

// Writes all of `text` to `fd`, retrying short writes; false on an error (errno says which).
bool write_all(int fd, std::string_view text);

// Makes a write past the file size limit (`ulimit -f`) fail with EFBIG instead of killing the
// process with SIGXFSZ, which would leave its temporary file behind. Idempotent.
void ignore_file_size_signal();

}  // namespace hanmark
