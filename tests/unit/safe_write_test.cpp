// Replacing a file safely: content and mode kept, nothing touched when the file changed on disk
// or is read-only, no temporary file left behind.
#include "fix/safe_write.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/run.h"

using namespace hanmark;
namespace fs = std::filesystem;

namespace {

std::string contents(const fs::path& path) {
  std::ostringstream text;
  text << std::ifstream(path, std::ios::binary).rdbuf();
  return text.str();
}

size_t entries(const fs::path& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

FileSnapshot snapshot_of(const fs::path& path) {
  FileSnapshot snapshot;
  std::string error;
  REQUIRE(read_snapshot(path.string(), snapshot, error));
  return snapshot;
}

}  // namespace

TEST_CASE("safe_write: replaces the content, keeps the mode, leaves no temporary file") {
  hanmark::testing::TempDir dir;
  const fs::path file = dir.write("post.md", "old\r\n");
  fs::permissions(file, fs::perms(0640));
  const FileSnapshot read = snapshot_of(file);
  CHECK(read.bytes == "old\r\n");
  std::string error;
  CHECK(replace_file(file.string(), read, "new\r\n", error) == WriteStatus::written);
  CHECK(contents(file) == "new\r\n");
  CHECK((fs::status(file).permissions() & fs::perms::all) == fs::perms(0640));
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("safe_write: a file changed since it was read is not overwritten") {
  hanmark::testing::TempDir dir;
  const fs::path file = dir.write("post.md", "first\n");
  const FileSnapshot read = snapshot_of(file);
  std::ofstream(file, std::ios::binary) << "edited meanwhile\n";  // same size or not: caught
  std::string error;
  CHECK(replace_file(file.string(), read, "fixed\n", error) == WriteStatus::changed_on_disk);
  CHECK(error.find("changed on disk") != std::string::npos);
  CHECK(contents(file) == "edited meanwhile\n");
  CHECK(entries(dir.path()) == 1);

  // Same bytes and size, only a newer mtime: still treated as changed.
  const fs::path other = dir.write("other.md", "abc\n");
  const FileSnapshot other_read = snapshot_of(other);
  fs::last_write_time(other, fs::last_write_time(other) + std::chrono::seconds(5));
  CHECK(replace_file(other.string(), other_read, "xyz\n", error) == WriteStatus::changed_on_disk);
  CHECK(contents(other) == "abc\n");
}

TEST_CASE("safe_write: a read-only file is reported, not forced") {
  hanmark::testing::TempDir dir;
  const fs::path file = dir.write("post.md", "keep\n");
  fs::permissions(file, fs::perms(0444));
  const FileSnapshot read = snapshot_of(file);
  std::string error;
  CHECK(replace_file(file.string(), read, "changed\n", error) == WriteStatus::read_only);
  CHECK(error == "file is read-only");
  CHECK(contents(file) == "keep\n");
  fs::permissions(file, fs::perms(0644));
}

TEST_CASE("safe_write: a symbolic link keeps pointing at the replaced file") {
  hanmark::testing::TempDir dir;
  const fs::path target = dir.write("real.md", "old\n");
  const fs::path link = dir.path() / "link.md";
  fs::create_symlink(target, link);
  const FileSnapshot read = snapshot_of(link);
  std::string error;
  CHECK(replace_file(link.string(), read, "new\n", error) == WriteStatus::written);
  CHECK(fs::is_symlink(link));
  CHECK(contents(target) == "new\n");
}
