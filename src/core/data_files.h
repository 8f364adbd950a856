// hanmark's data files — dictionaries/* and rules/<category>/*.md — read from the data directory
// installed with the binary (<prefix>/share/hanmark), else the copies compiled into the binary
// (core/embedded_files.h), so a binary in the build tree or without its data still works.
// docs/install.md describes the layout and the lookup order.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace hanmark {

// One data file's text and where it came from.
struct DataFile {
  std::string_view text;
  std::string_view installed_path;  // the installed file that was read; empty: the built-in copy
};

// The data files under one directory, each read once on first use and kept, so the views stay
// valid as long as this object. Thread-safe. A file the directory lacks is the built-in copy; so
// is one that cannot be read or is not UTF-8, after a warning through `warn`.
class DataFiles {
 public:
  using Warn = std::function<void(const std::string& message)>;

  DataFiles(std::optional<std::filesystem::path> directory, Warn warn);

  const std::optional<std::filesystem::path>& directory() const { return directory_; }

  // `path` is relative to the data directory, as in the repository: "dictionaries/typos-en.tsv".
  // nullopt when neither the directory nor the binary has the file.
  std::optional<DataFile> find(std::string_view path);

 private:
  // A looked-up file. Map nodes never move, so views into `installed_text` stay valid.
  struct Entry {
    std::string installed_path;
    std::string installed_text;
    std::optional<DataFile> file;
  };

  void load(std::string_view path, Entry& entry) const;

  std::optional<std::filesystem::path> directory_;
  Warn warn_;
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> files_;
};

// The process's data directory: $HANMARK_DATA_DIR when set, else the executable's directory
// joined with the install layout's bindir-to-datadir path (../share/hanmark); nullopt when that
// is not a directory (a warning says so for $HANMARK_DATA_DIR).
std::optional<std::filesystem::path> data_directory();

// A data file of the process (data_directory(); warnings go to stderr), for its lifetime.
std::optional<DataFile> data_file(std::string_view path);

// Where the process's data comes from, as `hanmark --version` shows it: "data: <directory>" or
// "data: built in".
std::string data_source_line();

// Prints "hanmark: warning: <message>" on stderr: for data files found bad after reading.
void warn_about_data(const std::string& message);

}  // namespace hanmark
