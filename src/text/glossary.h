// A term glossary: for each term its preferred spelling and the variants that should be written
// that way, optionally paired with its English translation (딥 러닝 ⇔ Deep Learning). Read from
// TOML; hanmark ships one (dictionaries/glossary.toml, installed or built in) and a project may
// bring its own. The format is described in dictionaries/README.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/strings.h"

namespace hanmark {

// A problem in a glossary file, at a 1-based line and column (0 when unknown).
struct GlossaryError {
  std::string source;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;

  // "glossary.toml:3:12: message", as compilers print it.
  std::string to_string() const;
};

class Glossary {
 public:
  enum class Script { hangul, latin };

  struct Term {
    std::string preferred;              // NFC, words separated by one space
    std::vector<std::string> variants;  // as listed, normalised the same way
    Script script;
    std::optional<size_t> translation;  // index of the paired term: 딥 러닝 ⇔ Deep Learning
  };

  // A spelling the glossary knows.
  struct Spelling {
    size_t term;     // index into terms()
    bool preferred;  // the term's preferred spelling (in any letter case)
  };

  struct Loaded;

  // Parses glossary TOML. `source` names the text in errors (a path). Entries with errors are
  // left out; the rest still load.
  static Loaded parse(std::string_view toml, std::string_view source);

  // hanmark's glossary (dictionaries/glossary.toml; core/data_files.h), parsed on first use. An
  // installed copy with errors is warned about and the built-in one used.
  static const Glossary& shipped();

  // The form spellings are compared in: NFC, white space runs as one space, trimmed, ASCII
  // letters in lower case.
  static std::string fold(std::string_view spelling);

  const std::vector<Term>& terms() const { return terms_; }
  bool empty() const { return terms_.empty(); }
  // The spelling whose fold() is `folded`, or nullptr.
  const Spelling* find(std::string_view folded) const;
  // False when no spelling is `start` or begins with it, for `start` of three bytes, or fewer
  // when that is all it has (fold()ed like the spellings): a word whose first bytes are not a
  // spelling's cannot begin one, which spares a lookup per word and word count.
  // Inline: asked of every word of a post.
  bool may_begin(std::string_view start) const {
    if (start_bits_.empty()) return false;
    const uint32_t bit = start_hash(start);
    return start_bits_[bit / 64] >> (bit % 64) & 1;
  }
  // True when an all-capital spelling ("IOS") is listed as written: all-capital forms are
  // acronyms of their own unless the glossary names them.
  bool lists_exactly(std::string_view spelling) const {
    return exact_caps_.contains(std::string(spelling));
  }
  // The most words any spelling has (matching looks at no longer sequences).
  size_t max_words() const { return max_words_; }

 private:
  friend struct GlossaryBuilder;

  static constexpr unsigned kStartHashBits = 14;
  // A hash of the first three bytes of `text` (all of it when shorter, its length told apart),
  // below 2^kStartHashBits.
  static uint32_t start_hash(std::string_view text) {
    const size_t n = text.size() < 3 ? text.size() : 3;
    uint32_t value = static_cast<uint32_t>(n);
    for (size_t i = 0; i < n; ++i) value = value << 8 | static_cast<unsigned char>(text[i]);
    return (value * 0x9E3779B1u) >> (32 - kStartHashBits);
  }

  std::vector<Term> terms_;
  std::unordered_map<std::string, Spelling, StringHash, std::equal_to<>> spellings_;  // by fold()
  // Bits by start_hash() of the first three bytes (or fewer) of the keys of spellings_.
  std::vector<uint64_t> start_bits_;
  std::unordered_set<std::string> exact_caps_;
  size_t max_words_ = 0;
};

struct Glossary::Loaded {
  Glossary glossary;
  std::vector<GlossaryError> errors;
};

// True when every letter of `word` is an ASCII capital and it has two or more ("IOS", "API").
bool is_all_caps(std::string_view word);

}  // namespace hanmark
