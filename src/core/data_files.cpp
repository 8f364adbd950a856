#include "core/data_files.h"

#include <cstdlib>
#include <iostream>

#include "core/embedded_files.h"
#include "core/file_io.h"
#include "core/utf8.h"

// Set by cmake/packaging.cmake from GNUInstallDirs: the data directory relative to the binary's.
#ifndef HANMARK_DATA_RELATIVE_DIR
#define HANMARK_DATA_RELATIVE_DIR "../share/hanmark"
#endif

namespace hanmark {

namespace fs = std::filesystem;

namespace {

// Whether the data directory has an entry at `path`; a dangling symlink counts (it is broken,
// not absent).
bool installed_entry_exists(const fs::path& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

fs::path executable_directory() {
  std::error_code ec;
  std::string exe = fs::read_symlink("/proc/self/exe", ec).string();
  // A binary replaced while running (a package upgrade) reads as "/usr/bin/hanmark (deleted)".
  constexpr std::string_view kDeleted = " (deleted)";
  if (exe.ends_with(kDeleted)) exe.resize(exe.size() - kDeleted.size());
  return ec ? fs::path() : fs::path(exe).parent_path();
}

std::optional<fs::path> find_data_directory() {
  std::error_code ec;
  if (const char* env = std::getenv("HANMARK_DATA_DIR"); env != nullptr && *env != '\0') {
    const fs::path dir = fs::absolute(env, ec).lexically_normal();
    if (fs::is_directory(dir, ec)) return dir;
    warn_about_data(std::string("HANMARK_DATA_DIR '") + env +
                    "' is not a directory; using the built-in data");
    return std::nullopt;
  }
  const fs::path exe_dir = executable_directory();
  if (exe_dir.empty()) return std::nullopt;
  const fs::path dir = (exe_dir / HANMARK_DATA_RELATIVE_DIR).lexically_normal();
  if (fs::is_directory(dir, ec)) return dir;
  return std::nullopt;
}

DataFiles& process_data_files() {
  static DataFiles files(data_directory(), warn_about_data);
  return files;
}

}  // namespace

DataFiles::DataFiles(std::optional<fs::path> directory, Warn warn)
    : directory_(std::move(directory)), warn_(std::move(warn)) {}

std::optional<DataFile> DataFiles::find(std::string_view path) {
  std::lock_guard lock(mutex_);
  auto it = files_.find(path);
  if (it == files_.end()) {
    it = files_.emplace(std::string(path), Entry{}).first;
    load(path, it->second);
  }
  return it->second.file;
}

void DataFiles::load(std::string_view path, Entry& entry) const {
  const std::optional<std::string_view> embedded = embedded_file(path);
  if (embedded) entry.file = DataFile{*embedded, {}};
  if (!directory_) return;
  const fs::path installed = *directory_ / path;
  if (!installed_entry_exists(installed)) return;

  std::string text, error;
  if (read_file(installed.string(), text, error)) {
    const size_t invalid = utf8::find_invalid(text);
    if (invalid == std::string::npos) {
      entry.installed_path = installed.string();
      entry.installed_text = std::move(text);
      entry.file = DataFile{entry.installed_text, entry.installed_path};
      return;
    }
    error = "byte " + std::to_string(invalid + 1) + " is not UTF-8";
  }
  warn_("cannot use data file '" + installed.string() + "': " + error +
        (embedded ? "; using the built-in copy" : ""));
}

std::optional<fs::path> data_directory() {
  static const std::optional<fs::path> directory = find_data_directory();
  return directory;
}

std::optional<DataFile> data_file(std::string_view path) {
  return process_data_files().find(path);
}

std::string data_source_line() {
  const std::optional<fs::path> directory = data_directory();
  if (!directory) return "data: built in";
  const char* env = std::getenv("HANMARK_DATA_DIR");
  const bool from_env = env != nullptr && *env != '\0';
  return "data: " + directory->string() + (from_env ? " (HANMARK_DATA_DIR)" : "");
}

void warn_about_data(const std::string& message) {
  std::cerr << "hanmark: warning: " << message << '\n';
}

}  // namespace hanmark
