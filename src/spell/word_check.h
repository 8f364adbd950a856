// One Hunspell::spell() evaluation over AffixLexicon::Data: the dictionary lookup, suffixes
// (single and twofold) and COMPOUNDRULE compounds, in libhunspell 1.7's order and with its
// first-match commitments, for a word already converted by ICONV.
//
// hunspell searches the suffixes of the word, then of every rest of it that a compound could
// end with, each search from scratch. All those rests end where the word ends, so the suffixes
// whose appended text ends them, and whether their conditions hold, are the same for each: they
// are found once per word (Candidate), and the dictionary trie's nodes of the word's substrings
// are kept (SubstringNodes), so that a search on a rest only looks up roots.
#pragma once

#include <iterator>
#include <memory>
#include <optional>
#include <vector>

#include "spell/affix_lexicon_data.h"
#include "spell/compound_rule.h"

namespace hanmark {

// The dictionary trie's nodes for the substrings of one word, walked as far as they are asked
// for.
class SubstringNodes {
 public:
  void reset(const UnitsTrie& trie, UnitsView word);
  // For `word`, of the size of the last one, that differs from it only in [begin, end): the
  // nodes of substrings outside that range are kept.
  void edit(UnitsView word, size_t begin, size_t end);
  // The node of word[start, start + length), or kNone when no dictionary word begins so.
  uint32_t at(size_t start, size_t length) {
    const uint32_t* row = nodes_ + row_offset(start);
    const size_t known = known_[start];
    if (length < known) return row[length];
    // Past a length no dictionary word begins with, none does.
    if (known > 0 && row[known - 1] == UnitsTrie::kNone) return UnitsTrie::kNone;
    return extend(start, length);
  }

  // Words are shorter than hunspell's 300-byte limit, so of fewer units; a word pair has a
  // space more.
  static constexpr size_t kMaxUnits = 301;

 private:
  static constexpr size_t kInlineUnits = 63;  // near-miss candidates have at most 30 jamo
  // Rows of size + 1, size, … nodes.
  size_t row_offset(size_t start) const {
    return start * (word_.size() + 1) - start * (start - 1) / 2;
  }
  uint32_t extend(size_t start, size_t length);
  const UnitsTrie* trie_ = nullptr;
  UnitsView word_;
  uint32_t* nodes_ = nullptr;           // row `start` holds the nodes of lengths 0 … size - start
  uint16_t known_[kMaxUnits + 1] = {};  // per start: the lengths computed, from 0
  uint32_t inline_[(kInlineUnits + 1) * (kInlineUnits + 2) / 2];
  std::unique_ptr<uint32_t[]> heap_;  // for longer words, kept for the next
  size_t heap_size_ = 0;
};

class WordCheck {
 public:
  // hunspell's checkword(): true when `word` is accepted by `data`.
  bool accepts(const AffixLexicon::Data& data, UnitsView word);
  // accepts() for `word`, of the size of the word this checked last (with the same `data`,
  // unchanged since), that differs from it only in [begin, end): what was found about the rest
  // of the word is kept (near misses change one syllable of a word after another).
  bool accepts_edited(UnitsView word, size_t begin, size_t end);

  // What the suffixes of `word` tell an EditScreen: the first position of the word their
  // searches read (single, outer and inner suffixes), and where each suffix found begins (the
  // end of its stem in the word). A word of the same size differing from `word` only before
  // `reach` has the same suffixes.
  struct SuffixScope {
    size_t reach = 0;
    std::vector<uint32_t> stem_ends;
  };
  SuffixScope suffix_scope(const AffixLexicon::Data& data, UnitsView word);

  // Words are shorter than hunspell's 300-byte limit, so of fewer units: accepts() refuses more.
  static constexpr size_t kMaxUnits = 300;

 private:
  // A suffix whose appended text ends the searched text, whose condition holds there, and the
  // rests of the text it applies to: the root is text[start, stem_end) followed by the strip
  // text, for rests starting at `start` <= last_start (the stem is not empty and the condition
  // reads no further back than the rest).
  struct Candidate {
    uint32_t suffix;
    uint32_t stem_end;
    int64_t last_start;
  };
  // The suffixes of `index` that end `text`, in the order hunspell tries them; returns the first
  // position of `text` read to find them.
  size_t collect(const SuffixIndex& index, UnitsView text, std::vector<Candidate>& out) const;
  const std::vector<Candidate>& suffix_candidates();
  const std::vector<Candidate>& outer_candidates();
  // For outer candidate `outer`, the inner suffixes allowing it that end the word without the
  // outer suffix's appended text, with its strip text: positions past the word's stem_end are
  // in the outer strip text.
  std::pair<const Candidate*, const Candidate*> inner_candidates(size_t outer);

  void reset(const AffixLexicon::Data& data, UnitsView word);
  bool decide();  // accepts() on the word set by reset()
  std::optional<Homonyms> homonyms_at(uint32_t node) const;
  // The homonyms of word_[start, end) followed by `tail` and then `more`.
  std::optional<Homonyms> homonyms_of(size_t start, size_t end, UnitsView tail,
                                      UnitsView more = {});

  // hunspell's affix_check() on the word from `start` on: the root of the first suffix parse, or
  // null.
  // In a compound's last part, roots flagged ONLYINCOMPOUND count and suffixes carrying that
  // flag may be used.
  const Root* affixed_root(size_t start, bool in_compound);
  const Root* suffixed_root(size_t start, bool in_compound);
  // An outer suffix whose flag is some suffix's continuation class, then an inner suffix that
  // allows it. hunspell checks the inner one as outside compounds even in a compound's last part.
  const Root* twofold_suffixed_root(size_t start);

  // hunspell's compound_check() with COMPOUNDRULE only, on the word from `start` on: the first
  // part's root, or null.
  const Root* compound(size_t start, int part_number, int position);
  // affixed_root(start, true), which compounds ask for again and again.
  const Root* affixed_last_part(size_t start);
  // Whether `word` with a space put between two of its characters is a dictionary word: such
  // compounds are refused (hunspell's cpdwordpair_check).
  bool is_word_pair(UnitsView word) const;

  // hunspell gives up a compound search that runs past its TIMELIMIT (a fraction of a second)
  // and rejects the word; this gives up after this many split positions (a real word needs tens).
  static constexpr size_t kMaxCompoundSteps = size_t{1} << 20;
  size_t compound_steps_ = 0;

  const AffixLexicon::Data* data_ = nullptr;
  UnitsView word_;
  SubstringNodes nodes_;
  std::optional<CompoundParts> parts_;
  static_assert(kMaxUnits < SubstringNodes::kMaxUnits);
  const Root* last_parts_[kMaxUnits + 1];  // by start
  bool last_part_known_[kMaxUnits + 1];

  bool candidates_known_ = false, outer_known_ = false;
  size_t candidates_reach_ = 0, outer_reach_ = 0;  // what collect() returned for them
  std::vector<Candidate> candidates_, outer_;
  // Per outer candidate: its inner candidates' range in inner_ once known.
  struct InnerRange {
    uint32_t first = UINT32_MAX, last = 0;  // in inner_; first == UINT32_MAX: not known
    uint32_t reach = 0;                     // the first position of the word read for them
  };
  std::vector<InnerRange> inner_ranges_;
  std::vector<Candidate> inner_;
  Units inner_text_;
};

}  // namespace hanmark
