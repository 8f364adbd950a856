// EditScreen: it must never reject an edit WordCheck accepts (spell_edits' tests compare it with
// spell() edit by edit), and it is worth having only if it rejects most of the others.
#include <doctest/doctest.h>

#include "lexicon_test_support.h"
#include "spell/affix_lexicon.h"
#include "spell/affix_lexicon_data.h"
#include "spell/edit_screen.h"
#include "spell/word_check.h"
#include "text/hangul.h"

namespace hanmark {

namespace {

using namespace test;

UnitsView units_of(const AffixLexicon::Data& data, char32_t syllable) {
  const uint32_t* offsets = data.syllable_offsets.data() + (syllable - 0xAC00);
  return UnitsView(data.syllable_units.data() + offsets[0], offsets[1] - offsets[0]);
}

struct Counts {
  size_t accepted = 0, rejected = 0, screened_out = 0, accepted_screened_out = 0;
};

// Every one-jamo edit of `words`, checked by WordCheck and by the screen.
Counts screen_edits(const AffixLexicon& lexicon, const std::vector<std::string>& words) {
  Counts counts;
  lexicon.read_data([&](const AffixLexicon::Data& data) {
    WordCheck check;
    for (const std::string& text : words) {
      const std::u32string syllables = hangul::syllables_of(text);
      Units word;
      std::vector<size_t> starts;
      for (char32_t s : syllables) {
        starts.push_back(word.size());
        word.append(units_of(data, s));
      }
      starts.push_back(word.size());
      const WordCheck::SuffixScope scope = check.suffix_scope(data, word);
      EditScreen screen(data, word, scope);
      for (const hangul::SyllableEdit& edit : hangul::one_jamo_edits(syllables)) {
        const UnitsView middle = units_of(data, edit.syllable);
        Units edited = word.substr(0, starts[edit.at]);
        edited.append(middle);
        edited.append(word.substr(starts[edit.at + 1]));
        const bool accepted = check.accepts(data, edited);
        const bool passes = screen.may_accept(starts[edit.at], starts[edit.at + 1], middle);
        (accepted ? counts.accepted : counts.rejected)++;
        if (!passes) ++counts.screened_out;
        if (accepted && !passes) ++counts.accepted_screened_out;
      }
    }
  });
  return counts;
}

}  // namespace

TEST_CASE("edit screen: rejects no accepted edit and most of the others (test dictionary)") {
  const TestDictionary files(test_aff(), test_dic());
  const auto lexicon = AffixLexicon::load(files.aff, files.dic, nullptr);
  REQUIRE(lexicon != nullptr);
  const Counts counts = screen_edits(*lexicon, test_words(2, 500));
  CHECK(counts.accepted > 100);
  CHECK(counts.accepted_screened_out == 0);
  CHECK(counts.screened_out * 2 > counts.rejected);
}

TEST_CASE("edit screen: rejects no accepted edit and many of the others (hunspell-ko)") {
  const auto [aff, dic] = hunspell_ko_files();
  if (dic.empty()) return;
  const auto lexicon = AffixLexicon::load(aff, dic, nullptr);
  REQUIRE(lexicon != nullptr);
  // Unknown compounds and loanwords such as those near misses are searched for, and real words.
  const Counts counts = screen_edits(
      *lexicon, {"시간복잡도", "퀵정렬과", "버블정렬은", "소흘히", "사람들이", "먹었다",
                 "데이터베이스", "설정하였습니다", "프라미스와는", "렌더링하는"});
  CHECK(counts.accepted > 10);
  CHECK(counts.accepted_screened_out == 0);
  // Edits of a word's last syllables, which the suffix searches read, all pass (40% rejected).
  CHECK(counts.screened_out * 3 > counts.rejected);
}

}  // namespace hanmark
