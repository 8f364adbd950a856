#include "spell/lexicon_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/file_io.h"
#include "core/strings.h"
#include "spell/lexicon_image.h"

namespace hanmark {

namespace fs = std::filesystem;

namespace {

// Images are a few tens of megabytes; anything far larger is not one.
constexpr off_t kMaxImageBytes = off_t{1} << 30;

std::string_view environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string_view(value) : std::string_view();
}

// The image's Data when `file` holds a current one. Mapped, not read: its pages come from the
// page cache without a copy (and are shared by the hanmark processes running at once), and
// MAP_POPULATE maps them all in one call instead of a fault each. Images are only ever replaced
// by rename, never truncated in place, so the mapping stays valid while the Data uses it.
std::unique_ptr<AffixLexicon::Data> read_image(const fs::path& file, std::string_view key) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0 ||
      info.st_size > kMaxImageBytes) {
    ::close(fd);
    return nullptr;
  }
  const auto size = static_cast<size_t>(info.st_size);
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) return nullptr;
  // Unmapped when the Data that views it goes, or now when it is not an image.
  const std::shared_ptr<const void> owner(
      mapped, [size](const void* at) { ::munmap(const_cast<void*>(at), size); });
  return lexicon_image::read(owner, std::string_view(static_cast<const char*>(mapped), size), key);
}

// Temporary files of a process killed while writing: removed once surely abandoned, so that the
// cache stays bounded.
void remove_abandoned(const fs::path& directory, std::string_view temp_prefix) {
  constexpr auto kAbandoned = std::chrono::minutes(10);
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory, ec)) {
    if (!entry.path().filename().string().starts_with(temp_prefix)) continue;
    const auto written = entry.last_write_time(ec);
    if (!ec && fs::file_time_type::clock::now() - written > kAbandoned) fs::remove(entry, ec);
  }
}

}  // namespace

// A new package version changes a file's size or modification time, a replaced file either or
// its path.
std::string dictionary_cache_key(const std::string& aff_path, const std::string& dic_path,
                                 std::string_view words) {
  std::string key;
  for (const std::string& path : {aff_path, dic_path}) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(path, ec);
    struct stat info {};
    if (ec || ::stat(canonical.c_str(), &info) != 0) return {};
    key += canonical.string() + '\n' + std::to_string(info.st_size) + ' ' +
           std::to_string(info.st_mtim.tv_sec) + '.' + std::to_string(info.st_mtim.tv_nsec) + '\n';
  }
  return key + "words " + std::to_string(words.size()) + ' ' + hash_name(words) + '\n';
}

// Writes `bytes` to `file` through a temporary file beside it and a rename, so that processes
// running at once (pre-commit starts several) never read a half-written image. No fsync: after
// a crash a torn image fails its checksum and is rebuilt, which costs less than a flush on
// every first run.
void write_cache_file(const fs::path& file, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) return;
  const std::string temp_prefix = "." + file.filename().string() + ".";
  remove_abandoned(file.parent_path(), temp_prefix);
  ignore_file_size_signal();
  std::string temp = (file.parent_path() / (temp_prefix + "XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return;
  const bool written = write_all(fd, bytes);
  if (::close(fd) != 0 || !written || ::rename(temp.c_str(), file.c_str()) != 0)
    ::unlink(temp.c_str());
}

std::optional<fs::path> lexicon_cache_directory() {
  const std::string_view disabled = environment("HANMARK_NO_CACHE");
  if (!disabled.empty() && disabled != "0") return std::nullopt;
  // Relative paths are ignored (as the XDG specification says of its variables): they would
  // put the cache in whatever directory hanmark runs in, which is the user's project.
  if (const fs::path dir(environment("HANMARK_CACHE_DIR")); dir.is_absolute()) return dir;
  if (const fs::path xdg(environment("XDG_CACHE_HOME")); xdg.is_absolute()) return xdg / "hanmark";
  if (const fs::path home(environment("HOME")); home.is_absolute())
    return home / ".cache" / "hanmark";
  return std::nullopt;
}

std::string hash_name(std::string_view text) {
  char digits[17];
  std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(text_hash(text)));
  return digits;
}

std::string dictionary_pair_name(const std::string& aff_path, const std::string& dic_path) {
  std::error_code ec;
  const std::string pair = fs::weakly_canonical(aff_path, ec).string() + '\n' +
                           fs::weakly_canonical(dic_path, ec).string();
  return hash_name(pair);
}

fs::path lexicon_image_path(const fs::path& directory, const std::string& aff_path,
                            const std::string& dic_path) {
  return directory / ("lexicon-" + dictionary_pair_name(aff_path, dic_path) + ".bin");
}

std::unique_ptr<AffixLexicon> load_lexicon(const std::string& aff_path, const std::string& dic_path,
                                           std::string_view words,
                                           const std::function<void(AffixLexicon&)>& add_words,
                                           const std::optional<fs::path>& directory) {
  const std::string key =
      directory ? dictionary_cache_key(aff_path, dic_path, words) : std::string();
  const fs::path file =
      key.empty() ? fs::path() : lexicon_image_path(*directory, aff_path, dic_path);
  if (!key.empty())
    if (auto data = read_image(file, key)) return AffixLexicon::from_data(std::move(data));
  auto lexicon = AffixLexicon::load(aff_path, dic_path, nullptr);
  if (!lexicon) return nullptr;
  add_words(*lexicon);
  if (!key.empty())
    lexicon->read_data([&](const AffixLexicon::Data& data) {
      write_cache_file(file, lexicon_image::write(data, key));
    });
  return lexicon;
}

}  // namespace hanmark
