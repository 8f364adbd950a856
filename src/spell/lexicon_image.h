// A compiled hunspell dictionary: AffixLexicon::Data as one block of bytes that reads back in a
// few milliseconds, where parsing hunspell-ko's .aff and .dic takes ~60 ms (Chromium keeps its
// hunspell dictionaries as .bdic files for the same reason). An image is a header (magic, format
// version, a tag of the build that wrote it, the caller's key), the payload, its checksum and an
// end marker; read() refuses anything but a whole, intact image of this build under that key, so
// that the caller parses instead. Where images live and what their key is: lexicon_cache.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "spell/affix_lexicon_data.h"

namespace hanmark::lexicon_image {

// Bump whenever what an image stores changes: a field of AffixLexicon::Data, UnitsTrie or their
// parts added, removed or given another meaning (lexicon_image.cpp asserts Data's size, so that
// a new field is not forgotten silently).
inline constexpr uint32_t kFormatVersion = 2;

// The image of `data` under `key`. `data`'s word trie must be built (AffixLexicon::read_data).
std::string write(const AffixLexicon::Data& data, std::string_view key);

// The Data of `bytes` when they are an image written by a build like this one under `key`,
// intact and consistent; else null. The largest arrays (the tries, the words' units) are used
// where they are, not copied: `owner` keeps `bytes` alive and readable, and the Data keeps it.
std::unique_ptr<AffixLexicon::Data> read(std::shared_ptr<const void> owner, std::string_view bytes,
                                         std::string_view key);

// The checksum an image's header holds for its payload (for tests that forge images, to reach
// the checks behind it).
uint64_t payload_checksum(std::string_view payload);

}  // namespace hanmark::lexicon_image
