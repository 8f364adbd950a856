#include "spell/short_words_cache.h"

#include <unistd.h>

#include <algorithm>
#include <vector>

#include "core/file_io.h"
#include "spell/lexicon_cache.h"

namespace hanmark {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "hanmark short words 1\n";
constexpr std::string_view kNoList = "no list\n";
constexpr size_t kListsKept = 8;  // per dictionary pair

// Keeps the kListsKept newest files whose names start with `prefix`.
void remove_oldest(const fs::path& directory, const std::string& prefix) {
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory, ec))
    if (entry.path().filename().string().starts_with(prefix))
      files.emplace_back(entry.last_write_time(ec), entry.path());
  if (files.size() <= kListsKept) return;
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = kListsKept; i < files.size(); ++i) fs::remove(files[i].second, ec);
}

// What a list's file begins with: the format and the key it is valid for.
std::string head_of(std::string_view key) {
  return std::string(kHeader) + std::string(key) + "--\n";
}

// The file's contents after its key, or nullopt when it is not current.
std::optional<std::string> read_body(const fs::path& file, std::string_view key) {
  std::string bytes, error;
  if (!read_file(file.string(), bytes, error)) return std::nullopt;
  const std::string head = head_of(key);
  if (!bytes.starts_with(head)) return std::nullopt;
  return bytes.substr(head.size());
}

}  // namespace

std::optional<ShortWords> load_short_words(const std::string& aff_path, const std::string& dic_path,
                                           std::string_view words,
                                           const std::function<const EnglishSpeller&()>& speller,
                                           const std::optional<fs::path>& directory) {
  // Without a cache the list would be made on every run, which costs more than hunspell.
  const std::string key = directory ? dictionary_cache_key(aff_path, dic_path, words) : "";
  if (key.empty()) return std::nullopt;
  // One file per word list: configurations with different words do not take turns rewriting
  // one file. The oldest beyond a few are removed, so that the cache stays bounded.
  const std::string prefix = "english-short-" + dictionary_pair_name(aff_path, dic_path) + "-";
  const fs::path file = *directory / (prefix + hash_name(words) + ".txt");
  if (const std::optional<std::string> body = read_body(file, key)) {
    if (*body == kNoList) return std::nullopt;
    if (std::optional<ShortWords> list = ShortWords::from_text(*body)) return list;
  }
  // A list that cannot be kept would be made again on every run: then hunspell answers.
  std::error_code ec;
  fs::create_directories(*directory, ec);
  if (ec || ::access(directory->c_str(), W_OK) != 0) return std::nullopt;
  std::string aff, dic, error;
  if (!read_file(aff_path, aff, error) || !read_file(dic_path, dic, error)) return std::nullopt;
  const EnglishSpeller& checker = speller();
  const std::optional<std::vector<std::string>> candidates =
      ShortWords::candidates(aff, dic, checker.tech_words());
  std::optional<ShortWords> list;
  if (candidates)
    list = ShortWords::of(*candidates,
                          [&](std::string_view word) { return checker.correct_uncached(word); });
  write_cache_file(file, head_of(key) + (list ? list->text() : std::string(kNoList)));
  remove_oldest(*directory, prefix);
  return list;
}

}  // namespace hanmark
