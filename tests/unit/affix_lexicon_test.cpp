// AffixLexicon against libhunspell: a small dictionary that uses every feature the lexicon
// implements (run everywhere: libhunspell is a build dependency), and hunspell-ko itself on real
// words and their near misses when it is installed.
#include <doctest/doctest.h>

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "lexicon_test_support.h"
#include "spell/affix_lexicon.h"
#include "spell/spell_resources.h"
#include "text/hangul.h"

using namespace hanmark;
using namespace hanmark::test;

namespace {

size_t disagreements(Hunspell& hunspell, const AffixLexicon& lexicon,
                     const std::vector<std::string>& words, size_t& accepted) {
  size_t count = 0;
  accepted = 0;
  for (const std::string& word : words) {
    const bool expected = hunspell.spell(word);
    accepted += expected;
    if (expected != lexicon.spell(word)) {
      if (++count <= 10) MESSAGE("disagreement on '" << word << "': hunspell says " << expected);
    }
  }
  return count;
}

}  // namespace

TEST_CASE("affix lexicon: agrees with libhunspell on a dictionary using every supported feature") {
  TestDictionary files(test_aff(), test_dic());
  Hunspell hunspell(files.aff.c_str(), files.dic.c_str());
  std::string why_not;
  const auto lexicon = AffixLexicon::load(files.aff, files.dic, &why_not);
  REQUIRE_MESSAGE(lexicon != nullptr, why_not);
  CHECK(lexicon->suffix_count() == 9);
  CHECK(lexicon->root_count() == 11);

  const std::vector<std::string> words = test_words(3, 20000);
  size_t accepted = 0;
  CHECK(disagreements(hunspell, *lexicon, words, accepted) == 0);
  // The comparison means something only if both answers occur, through each feature. "가나"
  // is a two-part compound although "가 나" is a dictionary word pair: hunspell checks pairs
  // only for compounds of three parts or more ("가나가가").
  CHECK(accepted > 50);
  CHECK(words.size() - accepted > 50000);
  for (const char* word :
       {"가는", "근", "익을", "익을다", "가가가나", "다다가다", "아아", "악", "아다", "가나"})
    CHECK_MESSAGE(lexicon->spell(word), std::string(word));
  for (const char* word : {"가다", "나다", "가나가가", "다다다", "익다다"})
    CHECK_MESSAGE(!lexicon->spell(word), std::string(word));

  // Words added as hunspell adds them: bare, like a model, a forbidden word allowed again.
  const std::string bare = hangul::to_nfd("긱"), like = hangul::to_nfd("닉"),
                    forbidden = N + A + D + A;
  hunspell.add(bare);
  lexicon->add(bare);
  CHECK(hunspell.add_with_affix(like, G + A) == 0);
  CHECK(lexicon->add_with_affix(like, G + A));
  CHECK(hunspell.add_with_affix(hangul::to_nfd("낙"), hangul::to_nfd("낙낙")) != 0);
  CHECK_FALSE(lexicon->add_with_affix(hangul::to_nfd("낙"), hangul::to_nfd("낙낙")));
  hunspell.add(forbidden);
  lexicon->add(forbidden);
  CHECK(lexicon->spell("닉가"));  // "닉" takes 가's suffixes
  CHECK(lexicon->spell("나다"));
  CHECK(disagreements(hunspell, *lexicon, words, accepted) == 0);

  // Homonyms added to dictionary words, one word again after another (its homonyms move).
  const std::string geun = G + EU + NF, ik = O + I + K;
  for (const auto& [word, model] : {std::pair{geun, G + A}, {ik, O + A}, {geun, D + A}}) {
    CHECK(hunspell.add_with_affix(word, model) == 0);
    CHECK(lexicon->add_with_affix(word, model));
  }
  CHECK(lexicon->root_count() == 16);
  CHECK(lexicon->spell("근가"));  // 근 takes 가's suffixes
  CHECK(disagreements(hunspell, *lexicon, words, accepted) == 0);
}

TEST_CASE("affix lexicon: agrees with libhunspell when flags are written out, not aliased") {
  // test_aff()'s AF aliases, written out where they are used: hunspell then makes the .dic's
  // flag sets as it reads the .dic, after the .aff.
  const std::vector<std::string> aliases = {"1,2,10,11", "3,4,10",    "5,8,10",
                                            "9",         "6,7,10,12", "13"};
  const auto written_out = [&](const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      out += text[i];
      if (text[i] != '/' || i + 1 >= text.size() || !std::isdigit(text[i + 1])) continue;
      size_t end = i + 1;
      while (end < text.size() && std::isdigit(text[end])) ++end;
      out += aliases[std::stoul(text.substr(i + 1, end - i - 1)) - 1];
      i = end - 1;
    }
    return out;
  };
  std::string aff = written_out(test_aff());
  const size_t af = aff.find("AF 6\n");
  REQUIRE(af != std::string::npos);
  aff.erase(af, aff.find("ICONV") - af);
  TestDictionary files(aff, written_out(test_dic()));
  Hunspell hunspell(files.aff.c_str(), files.dic.c_str());
  std::string why_not;
  const auto lexicon = AffixLexicon::load(files.aff, files.dic, &why_not);
  REQUIRE_MESSAGE(lexicon != nullptr, why_not);
  size_t accepted = 0;
  CHECK(disagreements(hunspell, *lexicon, test_words(3, 5000), accepted) == 0);
  CHECK(accepted > 50);
  CHECK(lexicon->spell("가가가나"));  // a compound: the rules see the .dic's flags
}

TEST_CASE("affix lexicon: dictionaries with directives it does not implement are refused") {
  const std::string base = "SET UTF-8\nFLAG num\n";
  for (const auto& [extra, named] : std::vector<std::pair<std::string, std::string>>{
           {"PFX 1 Y 1\nPFX 1 0 x .\n", "PFX"},
           {"COMPOUNDFLAG 3\n", "COMPOUNDFLAG"},
           {"NEEDAFFIX 4\n", "NEEDAFFIX"},
           {"CHECKCOMPOUNDDUP\n", "CHECKCOMPOUNDDUP"},
           {"ICONV 1\nICONV ab c\n", "ICONV"},
           {"IGNORE x\n", "IGNORE"},
           {"BREAK 1\nBREAK -\n", "BREAK"},
           {"LANG hu_HU\n", "LANG hu"},
       }) {
    CAPTURE(named);
    TestDictionary files(base + extra, "1\n" + G + A + "\n");
    std::string why_not;
    CHECK(AffixLexicon::load(files.aff, files.dic, &why_not) == nullptr);
    CHECK(why_not.find(named) != std::string::npos);
  }
  TestDictionary long_flags("SET UTF-8\nFLAG long\n", "1\nab\n");
  std::string why_not;
  CHECK(AffixLexicon::load(long_flags.aff, long_flags.dic, &why_not) == nullptr);
  CHECK(why_not == "unsupported: FLAG other than num");
  CHECK(AffixLexicon::load("/nonexistent.aff", "/nonexistent.dic", &why_not) == nullptr);
  CHECK(why_not.starts_with("cannot read the dictionary"));
}

TEST_CASE("affix lexicon: only Hangul syllables and jamo are handled") {
  CHECK(AffixLexicon::handles("사람"));
  CHECK(AffixLexicon::handles(hangul::to_nfd("사람")));
  CHECK_FALSE(AffixLexicon::handles(""));
  CHECK_FALSE(AffixLexicon::handles("3사람"));
  CHECK_FALSE(AffixLexicon::handles("사람-"));
  CHECK_FALSE(AffixLexicon::handles("ㅋㅋ"));  // compatibility jamo
}

TEST_CASE("affix lexicon: hunspell-ko's answers on real words and their near misses") {
  const auto [aff, dic] = hunspell_ko_files();
  if (dic.empty()) return;
  Hunspell hunspell(aff.c_str(), dic.c_str());
  std::string why_not;
  const auto lexicon = AffixLexicon::load(aff, dic, &why_not);
  REQUIRE_MESSAGE(lexicon != nullptr, why_not);
  // Nouns with particles, verbs, twofold endings (시었), compounds, misspellings, a forbidden
  // word, words longer than hunspell accepts.
  std::vector<std::string> words = {
      "사람",       "사람들이",     "컴퓨터를",       "먹었다",     "먹었었다",     "가시었다",
      "하셨습니다", "소흘히",       "소홀히",         "아니였다",   "아니었다",     "됬다",
      "됐다",       "딥러닝",       "엔지니어가",     "학습시키는", "데이터베이스", "오픈소스로",
      "맛있는",     "돼지고기",     "않됩니다",       "몇일",       "며칠",         "할께요",
      "할게요",     "사람사람사람", "가나다라마바사",
  };
  std::string longest;  // 297 bytes: checked; 300: refused by hunspell
  for (int i = 0; i < 99; ++i) longest += "가";
  words.push_back(longest);
  words.push_back(longest + "가");
  std::vector<std::string> all = words;
  for (const std::string& word : words) {
    if (word.size() > 30) continue;
    std::u32string syllables;
    for (size_t i = 0; i < word.size();) {
      const utf8::Decoded d = utf8::decode(word, i);
      syllables.push_back(d.code_point);
      i += d.length;
    }
    for (size_t s = 0; s < syllables.size(); ++s)
      for (int vowel = 0; vowel < 21; ++vowel)
        for (int final = 0; final < 28; final += 3) {
          std::u32string edited = syllables;
          const int index = static_cast<int>(syllables[s] - 0xAC00);
          edited[s] = 0xAC00 + static_cast<char32_t>(((index / 588) * 21 + vowel) * 28 + final);
          std::string text;
          for (char32_t cp : edited) utf8::append(text, cp);
          all.push_back(text);
        }
  }
  size_t accepted = 0;
  CHECK(disagreements(hunspell, *lexicon, all, accepted) == 0);
  CHECK(accepted > 100);
  CHECK(all.size() > 10000);
}

TEST_CASE("affix lexicon: the Korean speller loads libhunspell only for suggestions") {
  const auto resources = SpellResources::create();
  if (resources->korean_dictionary_path().empty()) {
    MESSAGE("skipped: hunspell-ko is not installed");
    return;
  }
  const KoreanSpeller& ko = resources->korean();
  REQUIRE(ko.uses_lexicon());
  CHECK(ko.correct("사람들이"));
  CHECK_FALSE(ko.correct("소흘히"));
  CHECK(ko.near_misses("소흘히", 2) == std::vector<std::string>{"소홀히"});
  CHECK(ko.hunspell_instances() == 0);
  CHECK_FALSE(ko.suggest("소흘히").empty());
  CHECK(ko.hunspell_instances() == 1);
}

namespace {

// How many of `words`' one-syllable edits spell_edits() answers otherwise than spell() on each
// edited word, asked with every limit up to all; `accepted` counts those spell() accepts.
size_t edit_disagreements(const AffixLexicon& lexicon, const std::vector<std::string>& words,
                          const std::vector<std::u32string>& replacements, size_t& accepted) {
  size_t count = 0;
  accepted = 0;
  std::mt19937 random(11);
  for (const std::string& word : words) {
    const std::u32string syllables = hangul::syllables_of(word);
    // The near misses' edits, then every replacement at each syllable, then all of them
    // shuffled, so that runs of one syllable's edits, of changing sizes, and single ones come.
    std::vector<hangul::SyllableEdit> edits = hangul::one_jamo_edits(syllables);
    for (uint32_t at = 0; at < syllables.size(); ++at)
      for (char32_t replacement : replacements[random() % replacements.size()])
        edits.push_back({at, replacement});
    std::vector<hangul::SyllableEdit> shuffled = edits;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    edits.insert(edits.end(), shuffled.begin(), shuffled.end());
    std::vector<size_t> expected;
    for (size_t e = 0; e < edits.size(); ++e)
      if (lexicon.spell(hangul::edited(syllables, edits[e]))) expected.push_back(e);
    accepted += expected.size();
    for (size_t limit : {size_t{1}, size_t{2}, expected.size() + 1}) {
      const std::vector<size_t> first(expected.begin(),
                                      expected.begin() + std::min(limit, expected.size()));
      if (lexicon.spell_edits(syllables, edits, limit) != first && ++count <= 10)
        MESSAGE("spell_edits disagrees with spell() on the edits of '" << word << "', limit "
                                                                       << limit);
    }
  }
  return count;
}

std::u32string test_syllable_string() {
  std::u32string out;
  for (const std::string& s : test_syllables()) out += hangul::syllables_of(s);
  return out;
}

}  // namespace

TEST_CASE("affix lexicon: spell_edits answers as spell() on each edited word") {
  const TestDictionary files(test_aff(), test_dic());
  const auto lexicon = AffixLexicon::load(files.aff, files.dic, nullptr);
  REQUIRE(lexicon != nullptr);
  const std::vector<std::u32string> replacements = {test_syllable_string()};
  std::vector<std::string> words = test_words(2, 3000);
  size_t accepted = 0;
  CHECK(edit_disagreements(*lexicon, words, replacements, accepted) == 0);
  CHECK(accepted > 1000);
  // After words are added (the trie is rebuilt on the next check).
  lexicon->add(hangul::to_nfd("가근"));
  CHECK(lexicon->add_with_affix(hangul::to_nfd("근나"), hangul::to_nfd("가")));
  CHECK(edit_disagreements(*lexicon, words, replacements, accepted) == 0);
}

TEST_CASE("affix lexicon: spell_edits answers as spell() with hunspell-ko") {
  const auto [aff, dic] = hunspell_ko_files();
  if (dic.empty()) return;
  const auto lexicon = AffixLexicon::load(aff, dic, nullptr);
  REQUIRE(lexicon != nullptr);
  // Real words, slips, compounds and endings, and random words of common syllables.
  const std::u32string common = hangul::syllables_of(
      "가나다라마바사아자차카타파하이의는을를에서고었했습니다된되지않게로으한수있것들사람"
      "컴퓨터데이베스개발자프로그램코드함수값변환");
  std::vector<std::string> words = {
      "사람들이",     "컴퓨터를",   "먹었다",     "가시었다",     "하셨습니다",   "소흘히",
      "아니였다",     "됬다",       "딥러닝",     "엔지니어가",   "학습시키는",   "데이터베이스",
      "오픈소스로",   "않됩니다",   "몇일",       "할께요",       "사람사람사람", "가나다라마바사",
      "구현해야하는", "렌더링하는", "컴포넌트를", "프라미스와는", "개발자들에게", "설정하였습니다",
  };
  std::mt19937 random(5);
  for (int n = 0; n < 300; ++n) {
    std::u32string w;
    for (size_t i = 0, length = 2 + random() % 6; i < length; ++i)
      w += common[random() % common.size()];
    words.push_back(hangul::edited(w, {0, w[0]}));
  }
  size_t accepted = 0;
  CHECK(edit_disagreements(*lexicon, words, {common}, accepted) == 0);
  CHECK(accepted > 300);
}
