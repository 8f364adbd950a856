// Known English misspellings with one correction each (dictionaries/typos-en.tsv).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/substring_filter.h"
#include "text/text_memo.h"

namespace hanmark {

// Gives `replacement` the case pattern of `word`: "Enginner" + "engineer" → "Engineer",
// "ENGINNER" → "ENGINEER"; a lower-case or mixed-case word keeps `replacement` as written.
// Only ASCII letters change case.
std::string match_case(std::string_view word, std::string_view replacement);

class TypoTable {
 public:
  // Parses `misspelling<TAB>correction` lines; '#' starts a comment line, blank lines are
  // ignored. Keys are matched case-insensitively (ASCII). A malformed line (no tab, empty
  // field) is skipped and described in problems().
  static TypoTable parse(std::string_view tsv);

  // The correction of `word` in `word`'s case, or nothing when `word` is not a known misspelling.
  std::optional<std::string> lookup(std::string_view word) const;
  bool contains(std::string_view word) const;
  // False when no word of `text` can be a known misspelling (none occurs in it, in any case):
  // one pass over the bytes, which spares segmenting most paragraphs into words.
  bool may_occur_in(std::string_view text) const { return misspellings_.found_in(text); }

  size_t size() const { return corrections_.size(); }
  bool empty() const { return corrections_.empty(); }
  // "line N: ..." for each skipped line.
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  const std::string* find(std::string_view word) const;

  std::unordered_map<std::string, std::string> corrections_;  // lower-case misspelling → fix
  text::SubstringFilter misspellings_;                        // the keys of corrections_
  std::vector<std::string> problems_;
};

// Known Korean misspellings (dictionaries/typos-ko.tsv): lines
// `misspelling<TAB>correction<TAB>mode<TAB>rule`. The rule column names the norm the misspelling
// breaks ("한글 맞춤법 제35항"); a correction may list alternatives separated by '|' (then no
// single correction is certain). The mode says where in a word (a maximal run of Hangul
// syllables) the misspelling may stand, so that it never matches inside a longer correct word:
//   word    the whole run, optionally followed by particles ("몇일", "몇일에", "역활을")
//   stem    the start of a run, anything may follow ("아니였" in "아니였거든요")
//   ending  the end of a run ("거에요" in "싶은거에요")
//   infix   anywhere in a run: syllables that are always wrong ("됬")
//   phrase  "A B": a run that is exactly A, one space, and a run that starts with B ("않 되")
// A misspelling that starts with the jamo 'ㄹ' (U+3139) matches only after a syllable whose final
// consonant is ㄹ, and the jamo is not part of the match ("ㄹ께요" matches "께요" in "할께요");
// its correction then starts with 'ㄹ' too.
class KoreanTypoTable {
 public:
  enum class Mode { word, stem, ending, infix, phrase };
  struct Entry {
    std::string misspelling;  // without a leading 'ㄹ'
    std::vector<std::string> corrections;
    Mode mode = Mode::word;
    std::string rule;
    bool after_rieul = false;
  };
  struct Match {
    uint32_t begin;  // the misspelled bytes of the text
    uint32_t end;
    uint32_t word_begin;  // the word (or the two words of a phrase) they are part of
    uint32_t word_end;
    const Entry* entry;
  };

  static KoreanTypoTable parse(std::string_view tsv);

  // Matches in `text`, sorted and non-overlapping (the longest match wins where two overlap).
  // A text that holds no misspelling is passed over in one scan of its bytes; the matches of one
  // that does are remembered (typo and korean-spelling both ask; text/text_memo.h).
  text::SharedList<Match> find(std::string_view text) const;

  const std::vector<Entry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // "line N: ..." for each skipped line.
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  void build_index();
  // The entries that may match in `word`, in table order, into `out`: find() looks at a handful
  // of entries per word instead of scanning the table (it runs on every word of a post).
  void candidates(std::string_view word, std::vector<uint32_t>& out) const;
  std::vector<Match> find_uncached(std::string_view text) const;

  std::vector<Entry> entries_;
  std::vector<std::string> problems_;
  // Entry indices by the first code point of the misspelling (word, stem, phrase), its last
  // (ending), or, for infix entries, its first, looked up for each code point of a word.
  std::unordered_map<char32_t, std::vector<uint32_t>> by_first_;
  std::unordered_map<char32_t, std::vector<uint32_t>> by_last_;
  std::unordered_map<char32_t, std::vector<uint32_t>> infix_by_first_;
  // Every misspelling (a phrase's with its space): a text holding none has no match.
  text::SubstringFilter misspellings_;
  // Behind a pointer so that the table can move (its matches point into entries_, which moves
  // along).
  std::unique_ptr<text::TextMemo<std::vector<Match>>> found_ =
      std::make_unique<text::TextMemo<std::vector<Match>>>();
};

// True if `rest` is empty or one or two Korean particles ("", "을", "에서는", "이라고").
bool is_particle_sequence(std::string_view rest);
// The particles is_particle_sequence knows.
std::span<const std::string_view> korean_particles();

}  // namespace hanmark
