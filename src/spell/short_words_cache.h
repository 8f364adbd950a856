// The short-word list (short_words.h) of an English dictionary, kept in the compiled-lexicon
// cache beside the Korean lexicon's image.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "spell/english_speller.h"
#include "spell/short_words.h"

namespace hanmark {

// The list for `aff_path`/`dic_path` and the tech words `words` (their text, part of the key):
// read from `directory` when current; else made, `speller()` (loaded on demand) answering for
// the candidates, and written there. Nullopt without a cache, or with one that cannot be written
// (making the list costs more than loading hunspell, so it is made only to be kept), and when
// the dictionary can have no list (which is remembered in the cache too, so that later runs do
// not try again).
std::optional<ShortWords> load_short_words(const std::string& aff_path, const std::string& dic_path,
                                           std::string_view words,
                                           const std::function<const EnglishSpeller&()>& speller,
                                           const std::optional<std::filesystem::path>& directory);

}  // namespace hanmark
