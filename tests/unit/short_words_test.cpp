// ShortWords must answer exactly as EnglishSpeller::correct on every word it covers: a word the
// list misses would turn an English word into an abbreviation for josa, one too many the other
// way. Checked exhaustively on small dictionaries that use each affix feature, and on en_US.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "lexicon_test_support.h"
#include "spell/english_speller.h"
#include "spell/short_words.h"
#include "spell/short_words_cache.h"
#include "spell/spell_resources.h"

namespace hanmark {

namespace {

namespace fs = std::filesystem;

std::string text_of(const std::string& path) {
  std::string bytes, error;
  REQUIRE(read_file(path, bytes, error));
  return bytes;
}

ShortWords list_of(const test::TestDictionary& files, const EnglishSpeller& speller) {
  const auto candidates =
      ShortWords::candidates(text_of(files.aff), text_of(files.dic), speller.tech_words());
  REQUIRE(candidates.has_value());
  return ShortWords::of(*candidates,
                        [&](std::string_view w) { return speller.correct_uncached(w); });
}

// Every word of up to `length` letters over `letters`, in lower case, capitalised and capitals.
std::vector<std::string> all_words(std::string_view letters, size_t length) {
  std::vector<std::string> out, level = {""};
  for (size_t n = 1; n <= length; ++n) {
    std::vector<std::string> next;
    for (const std::string& w : level)
      for (char c : letters) next.push_back(w + c);
    for (const std::string& w : next) {
      out.push_back(w);
      std::string cap = w, up = w;
      cap[0] = static_cast<char>(cap[0] - 32);
      for (char& c : up) c = static_cast<char>(c - 32);
      out.push_back(cap);
      out.push_back(up);
    }
    level = std::move(next);
  }
  return out;
}

size_t disagreements(const ShortWords& list, const EnglishSpeller& speller,
                     const std::vector<std::string>& words) {
  size_t count = 0;
  for (const std::string& w : words)
    if (list.accepts(w) != speller.correct(w) && ++count <= 10)
      MESSAGE("'" << w << "': list " << list.accepts(w) << ", speller " << speller.correct(w));
  return count;
}

// Prefixes and suffixes with strip text and conditions, cross products, a suffix that allows a
// second one (continuation), a prefix that allows a suffix, KEEPCASE, NEEDAFFIX, FORBIDDENWORD
// and a root in mixed case.
constexpr char kAff[] =
    "SET UTF-8\nTRY abcde\nKEEPCASE K\nNEEDAFFIX N\nFORBIDDENWORD F\n"
    "PFX A Y 2\nPFX A 0 e .\nPFX A a d a\n"
    "PFX B Y 1\nPFX B 0 a/S .\n"
    "SFX S Y 3\nSFX S 0 s [^s]\nSFX S 0 es s\nSFX S e ed e\n"
    "SFX D Y 2\nSFX D 0 d/S [^d]\nSFX D c bb c\n"
    "SFX G N 1\nSFX G 0 ca .\n";
constexpr char kDic[] =
    "12\nab/AS\nbad/SG\ncab/ASD\ndace/S\nbe/K\ncede/N\nAbe/S\neBa\nbead/ASG\ndeb/BD\ncdc/F\n"
    "acc/D\n";

}  // namespace

TEST_CASE("short words: the list answers as the speller on every short word (affix features)") {
  const test::TestDictionary files(kAff, kDic);
  const EnglishSpeller speller(files.aff, files.dic, "dab\nCabd\nbb\n");
  REQUIRE(speller.available());
  const ShortWords list = list_of(files, speller);
  CHECK(list.size() > 30);
  CHECK(disagreements(list, speller, all_words("abcdes", 5)) == 0);
}

TEST_CASE("short words: dictionaries that could accept words otherwise have no list") {
  const std::vector<std::string> tech;
  CHECK(ShortWords::candidates("SET UTF-8\nCOMPOUNDFLAG X\n", "1\nab/X\n", tech) == std::nullopt);
  CHECK(ShortWords::candidates("SET UTF-8\nFLAG long\n", "1\nab/XY\n", tech) == std::nullopt);
  CHECK(ShortWords::candidates("SET UTF-8\nIGNORE e\n", "1\nab\n", tech) == std::nullopt);
  CHECK(ShortWords::candidates("SET UTF-8\nICONV 1\nICONV a b\n", "1\nab\n", tech) == std::nullopt);
  // Compound rules over entries of letters only; en_US's are over numbers, which is fine.
  CHECK(ShortWords::candidates("COMPOUNDRULE 1\nCOMPOUNDRULE xy\n", "1\nab/x\n", tech) ==
        std::nullopt);
  CHECK(ShortWords::candidates("COMPOUNDRULE 1\nCOMPOUNDRULE n*t\n", "2\n1/n\n1th/t\n", tech)
            .has_value());
}

TEST_CASE("short words: the list's text reads back, and damaged text does not") {
  const ShortWords list = ShortWords::of({"Ab", "ab", "bad", "x1", "toolongword"},
                                         [](std::string_view w) { return w != "bad"; });
  CHECK(list.accepts("ab"));
  CHECK(list.accepts("Ab"));
  CHECK_FALSE(list.accepts("bad"));
  CHECK_FALSE(list.accepts("x1"));  // not a short word of letters: never in the list
  const std::optional<ShortWords> back = ShortWords::from_text(list.text());
  REQUIRE(back.has_value());
  CHECK(back->text() == list.text());
  CHECK(ShortWords::from_text("ab\nAb\n") == std::nullopt);  // not sorted
  CHECK(ShortWords::from_text("Ab\nab") == std::nullopt);    // torn
}

TEST_CASE("short words: the list answers as the speller with en_US") {
  const std::string dic = "/usr/share/hunspell/en_US.dic";
  const std::string aff = "/usr/share/hunspell/en_US.aff";
  if (!fs::exists(dic)) {
    MESSAGE("skipped: hunspell en_US is not installed");
    return;
  }
  const EnglishSpeller speller(aff, dic, "kubectl\nnpm\nGPU\nPyTorch\nyaml\n");
  const auto candidates = ShortWords::candidates(text_of(aff), text_of(dic), speller.tech_words());
  REQUIRE(candidates.has_value());
  const ShortWords list =
      ShortWords::of(*candidates, [&](std::string_view w) { return speller.correct_uncached(w); });
  CHECK(list.accepts("code"));
  CHECK(list.accepts("Code"));
  CHECK(list.accepts("CODE"));
  CHECK(list.accepts("npms"));  // a tech word with the model's plural
  CHECK_FALSE(list.accepts("gpux"));
  // Every word of up to three letters in three cases, every four-letter lower-case word, and
  // random longer ones.
  std::vector<std::string> words = all_words("abcdefghijklmnopqrstuvwxyz", 3);
  for (const std::string& w : all_words("abcdefghijklmnopqrstuvwxyz", 4))
    if (w.size() == 4 && w[0] >= 'a') words.push_back(w);
  std::mt19937 random(3);
  for (int n = 0; n < 100000; ++n) {
    std::string w;
    for (size_t i = 0, length = 5 + random() % 2; i < length; ++i)
      w += static_cast<char>((random() % 8 == 0 ? 'A' : 'a') + random() % 26);
    words.push_back(w);
  }
  // And the short words the dictionary forms, with a letter changed, in each case.
  for (size_t i = 0; i < candidates->size(); i += 7) {
    std::string w = (*candidates)[i];
    w[random() % w.size()] = static_cast<char>('a' + random() % 26);
    words.push_back((*candidates)[i]);
    words.push_back(w);
  }
  CHECK(disagreements(list, speller, words) == 0);
}

TEST_CASE("short words: the cache keeps the list, keyed by the dictionary and the words") {
  const test::TestDictionary files(kAff, kDic);
  const fs::path cache = files.dir / "cache";
  int loads = 0;
  const EnglishSpeller speller(files.aff, files.dic, "dab\n");
  const auto get = [&]() -> const EnglishSpeller& {
    ++loads;
    return speller;
  };
  const auto first = load_short_words(files.aff, files.dic, "dab\n", get, cache);
  REQUIRE(first.has_value());
  CHECK(loads == 1);
  const auto again = load_short_words(files.aff, files.dic, "dab\n", get, cache);
  REQUIRE(again.has_value());
  CHECK(loads == 1);  // read back: no speller needed
  CHECK(again->text() == first->text());
  // Other words: made again. No cache: no list (hunspell answers).
  CHECK(load_short_words(files.aff, files.dic, "dab\ncab\n", get, cache).has_value());
  CHECK(loads == 2);
  CHECK_FALSE(load_short_words(files.aff, files.dic, "dab\n", get, std::nullopt).has_value());
  CHECK(loads == 2);
  // A cache that cannot be written (here: under a file): no list either, nothing made.
  CHECK_FALSE(load_short_words(files.aff, files.dic, "dab\n", get, fs::path(files.dic) / "cache")
                  .has_value());
  CHECK(loads == 2);
}

}  // namespace hanmark

namespace hanmark {

TEST_CASE("short words: words added to the resources join the list (the language server's)") {
  const auto resources = SpellResources::create();
  if (resources->english_dictionary_path().empty()) {
    MESSAGE("skipped: hunspell en_US is not installed");
    return;
  }
  CHECK(resources->english_correct("code"));
  CHECK_FALSE(resources->english_correct("zorbx"));
  SpellOptions more = resources->options();
  more.extra_words = {"zorbx"};
  const auto extended = resources->extended(more);
  REQUIRE(extended != nullptr);
  for (std::string_view w : {"zorbx", "Zorbx", "zorbxs", "ZORBX", "zorb", "code", "gpux"})
    CHECK_MESSAGE(extended->english_correct(w) == extended->english().correct(w), w);
  CHECK(extended->english_correct("zorbx"));
}

}  // namespace hanmark
