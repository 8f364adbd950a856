// Word segmentation of prose text (ICU word boundaries over UTF-8, so offsets are byte offsets)
// and the spell-checking view of it: which Latin letter runs are English words worth checking.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/text_memo.h"

namespace hanmark::text {

// One ICU word segment (a segment whose rule status is not UBRK_WORD_NONE).
struct Word {
  uint32_t begin;  // byte offsets into the segmented text
  uint32_t end;
  int status;  // ICU rule status: UBRK_WORD_NUMBER, UBRK_WORD_LETTER, UBRK_WORD_KANA, ...

  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Word segments of `text`, in order. Uses one cached ICU break iterator per thread; remembered
// (text_memo.h).
SharedList<Word> words(std::string_view text);

// The word segments of the stretches of `text` (cut at ASCII white space) that hold Latin
// letters, each stretch segmented on its own: every word of words(text) with a Latin letter is
// among them, with the same offsets and status, and the rest of the text costs no segmentation.
std::vector<Word> latin_stretch_words(std::string_view text);

// A byte range of `text`.
struct Range {
  uint32_t begin;
  uint32_t end;

  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Maximal runs of Latin letters inside text[begin, end): Latin-script letters (ASCII and the
// Latin supplements, e.g. "naïve") with internal apostrophes (' or ’) between letters. ICU keeps
// "Learning을" as one word; its only run is "Learning".
std::vector<Range> latin_runs(std::string_view text, uint32_t begin, uint32_t end);

// Whitespace-delimited chunks of `text` (U+FFFC, the stand-in for code and other non-prose
// inlines, also delimits) that are not prose: URLs ("://"), emails and mentions ('@'), Windows
// paths ('\'), absolute and relative paths ("/x", "./x", "../x", "~/x"), paths with two or more
// '/' ("src/main/java") and '/'-separated paths whose last segment has a '.' ("src/main.cpp").
// Surrounding brackets, quotes and trailing punctuation are ignored when classifying. Sorted and
// non-overlapping. Remembered (text_memo.h): several rules ask for those of each paragraph.
SharedList<Range> non_prose_chunks(std::string_view text);

// A Latin word of prose that spell checking should look at.
struct Candidate {
  uint32_t begin;  // byte offsets into the prose text
  uint32_t end;
  bool acronym;  // all capitals (2+ letters), optionally with a plural "s" or "'s": "API", "GPUs"
  // The hyphenated compound the word is part of ("Wi-Fi" for "Wi" and "Fi"), or the word itself.
  uint32_t compound_begin;
  uint32_t compound_end;

  bool in_compound() const { return compound_begin != begin || compound_end != end; }

  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

// The words of prose text that spell checking should look at. Skipped: URLs, emails and paths
// (see non_prose_chunks), words with digits or '_' (identifiers such as "snake_case", "h264"),
// words with an inner '.' (file and domain names such as "main.cpp", "node.js"; abbreviations
// such as "e.g."), camelCase identifiers (a capital after a lower-case letter: "useState",
// "iPhone"), names with mixed capitals ("SELinux", "OAuth"), single letters, and the Hangul (or
// other non-Latin) part of mixed words: in "Learning을" only "Learning" is a candidate. Acronyms
// are returned, marked, so each rule can decide.
SharedList<Candidate> spell_candidates(std::string_view text);

}  // namespace hanmark::text
