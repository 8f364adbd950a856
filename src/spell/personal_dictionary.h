// Writing the hunspell personal-dictionary format that `[spelling] dictionaries` reads
// (docs/configuration.md): one `word` or `word/model` a line. For the editor's "add to
// dictionary" action.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace hanmark {

// The model word a Korean entry gets: a noun hunspell-ko knows, so that the new word takes
// particles again (컴포넌트/토너먼트 accepts 컴포넌트를, 컴포넌트가).
inline constexpr std::string_view kKoreanNounModel = "토너먼트";

// The entry that makes `word`, as written in a post, a known word: a Hangul word without the
// particles at its end and with the noun model (`쿠버네티스를` → `쿠버네티스/토너먼트`); any other
// word as it is.
std::string dictionary_entry(std::string_view word);

// Appends `entry` as a line of the dictionary at `path`, creating the file and its directories,
// unless a line already holds it. False, with the reason in `error`, when it cannot be written.
bool add_dictionary_entry(const std::filesystem::path& path, std::string_view entry,
                          std::string& error);

}  // namespace hanmark
