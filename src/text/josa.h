// Korean particles (josa) whose form depends on the sound before them (을/를, 이/가, 으로/로 …),
// and how the things they attach to are read aloud: Hangul syllables, Arabic numbers (in
// Sino-Korean), units, English words, acronyms, identifiers and file names.
//
// The readers are conservative: they return nothing when the reading is uncertain (a vowel + t
// ending reads 세트 or 커밋; "Python 3" may be 삼 or 쓰리), so a rule can abstain.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hanmark::josa {

// How the reading ends: no final consonant (받침), final ㄹ, another final consonant, or some
// final consonant that may or may not be ㄹ (good enough for every pair but 으로/로).
enum class Coda { none, rieul, other, some };

struct Reading {
  Coda coda;
  // How the end is read, for messages ("삼", "퍼센트", "엠"); empty when only the class is known.
  std::string spoken;
};

// The coda of a precomposed Hangul syllable (nullopt for anything else).
std::optional<Coda> coda_of_syllable(char32_t syllable);

// A pair of particle forms: the one used after a final consonant and the one used after a vowel.
struct Pair {
  std::string_view after_consonant;  // 을, 이, 은, 과, 으로 …
  std::string_view after_vowel;      // 를, 가, 는, 와, 로 …
  // 으로/로 family: a final ㄹ takes the vowel form (파일로).
  bool rieul_takes_vowel_form;
  // Forms with the copula's 이 (이나, 이며, 이라고 …) keep 이 after a vowel without being wrong
  // (GPU이며): only the vowel form after a consonant is an error.
  bool vowel_may_keep_i;
};

// A particle found at the start of a Hangul run.
struct Found {
  const Pair* pair;
  bool consonant_form;      // the run uses pair->after_consonant
  std::string_view form;    // the form as written
  std::string_view suffix;  // what follows it in the run (의, 는, 도 …), possibly empty
};

// The particle the Hangul run consists of: exactly one form of a pair, optionally followed by a
// particle that may stack on it (와의, 으로는, 로도 …). Nothing else counts: "가속" or "로그" is a
// word, not 가/로 + something.
std::optional<Found> particle_run(std::string_view run);

// When `found` does not agree with a word read as `coda`, the form to use instead. Nullopt when
// it agrees or when the reading does not decide (Coda::some before 으로/로).
std::optional<std::string_view> correction(const Found& found, Coda coda);

// The pair one of whose forms starts `tail` while the other form starts `fixed_tail`, with the
// same text after both (for mapping a speller's whole-word correction back to its particle).
struct Swap {
  const Pair* pair;
  std::string_view from;
  std::string_view to;
};
std::optional<Swap> find_swap(std::string_view tail, std::string_view fixed_tail);

// True when `word` ends with something that may be one of the particles (a cheap pre-filter).
bool may_end_with_particle(std::string_view word);

// --- Readings -----------------------------------------------------------------------------------

// An Arabic number in Sino-Korean: "3" 삼, "10" 십, "1,000" 천, "3.5" 오, "2024-01-15" 오.
// `version` marks a number that may be read in English (after a Latin word: "Python 3", "GPT-4",
// "v2"); only readings that agree in both languages are returned then. "0" alone is 영/공/제로:
// nothing.
std::optional<Reading> read_number(std::string_view number, bool version);

// A unit written after a number: "%" 퍼센트, "GB" 기가바이트, "ms" 밀리초 …; nullopt when unknown
// or ambiguous ("px" 픽셀/피엑스, "K" 케이/천, ordinals "st", "nd").
std::optional<Reading> read_unit(std::string_view unit);

// Tells whether a word is an English (or known tech) word. Short words that are neither are taken
// for abbreviations and not read (`func` 펑크 or 펑션, `expr`, `Vec` 벡 or 벡터).
using IsWord = std::function<bool(std::string_view)>;

// The name of one ASCII letter: 'L' 엘 (final ㄹ), 'M' 엠, 'N' 엔, 'R' 알; others have none.
Reading read_letter(char letter);

// An English word, acronym or identifier made only of ASCII letters: "GPU", "LLM", "Docker",
// "Kubernetes", "ProductTable" (its last camelCase part), "macOS".
std::optional<Reading> read_latin(std::string_view word, const IsWord& is_word = {});

// A token of letters, digits and . - _ ~ , % (as written before a particle): numbers with units
// ("50%", "3GB"), versions ("GPT-4", "v2"), dotted names ("Node.js", "config.toml"),
// snake_case and kebab-case identifiers. `version` as for read_number.
std::optional<Reading> read_token(std::string_view token, bool version, const IsWord& is_word = {});

// The content of a code span (`ProductTable`, `useState`, `npm install`, `main.py`): the last
// word, identifier part or file extension is read; anything with operators or quotes is not.
std::optional<Reading> read_code(std::string_view code, const IsWord& is_word = {});

}  // namespace hanmark::josa
