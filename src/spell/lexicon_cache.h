// The per-user cache of compiled lexicons (lexicon_image.h): the first run that loads a
// dictionary pair writes its image, later runs read it instead of parsing the .aff and .dic.
// One file per pair, named by a hash of their canonical paths, so the cache stays bounded; its
// key (the files' paths, sizes and modification times, the words added) says when it is stale,
// and then the pair is parsed and the image rewritten. The cache is an optimisation only: any
// failure (no home, a read-only or full disk, a damaged file) means parsing as without it.
// docs/korean-lexicon.md#the-compiled-lexicon-cache explains the choices.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "spell/affix_lexicon.h"

namespace hanmark {

// $HANMARK_CACHE_DIR, else $XDG_CACHE_HOME/hanmark, else $HOME/.cache/hanmark, each only when
// absolute; nullopt when HANMARK_NO_CACHE is set to anything but "" or "0", or none is.
std::optional<std::filesystem::path> lexicon_cache_directory();

// The lexicon of `aff_path` and `dic_path` after `add_words(lexicon)`, which adds the words
// that `words` (their text, part of the key) names. Read from the image in `directory` when
// it is current; else loaded by AffixLexicon::load, added to, and its image written there
// (best effort, atomically). No directory: no cache. Null when AffixLexicon::load is.
std::unique_ptr<AffixLexicon> load_lexicon(const std::string& aff_path, const std::string& dic_path,
                                           std::string_view words,
                                           const std::function<void(AffixLexicon&)>& add_words,
                                           const std::optional<std::filesystem::path>& directory);

// What a cached file made from a dictionary pair and added words is valid for: both files as
// they are now (canonical path, size, modification time) and the words. Empty when a file
// cannot be looked at: then nothing is cached.
std::string dictionary_cache_key(const std::string& aff_path, const std::string& dic_path,
                                 std::string_view words);
// Writes a cache file atomically (a temporary file and a rename), best effort.
void write_cache_file(const std::filesystem::path& file, std::string_view bytes);
// A name for files made from the pair: a hash of their canonical paths, as 16 hex digits.
std::string dictionary_pair_name(const std::string& aff_path, const std::string& dic_path);
// text_hash(text) as 16 hex digits, for names of cache files.
std::string hash_name(std::string_view text);

// The file of the pair's image in `directory` (for tests and for clearing one entry).
std::filesystem::path lexicon_image_path(const std::filesystem::path& directory,
                                         const std::string& aff_path, const std::string& dic_path);

}  // namespace hanmark
