// Arbitrary bytes as text whose Hangul words go to both the Korean lexicon and libhunspell on
// hunspell-ko (docs/korean-lexicon.md). Property: for every run of Hangul syllables and
// conjoining jamo in the input, the two give the same answer. With no hunspell-ko installed
// there is nothing to compare, and every input passes.
#include <hunspell/hunspell.hxx>

#include <memory>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_targets.h"
#include "spell/affix_lexicon.h"
#include "spell/spell_resources.h"

namespace {

using namespace hanmark;

struct Spellers {
  std::unique_ptr<Hunspell> hunspell;
  std::unique_ptr<AffixLexicon> lexicon;
};

// Both loaded once, from the first hunspell-ko of the standard paths.
const Spellers& spellers() {
  static const Spellers loaded = [] {
    Spellers s;
    const auto found =
        SpellResources::dictionary_files(SpellResources::default_search_paths(), "ko");
    if (found.empty()) return s;
    s.lexicon = AffixLexicon::load(found.front().aff, found.front().dic, nullptr);
    if (s.lexicon)
      s.hunspell = std::make_unique<Hunspell>(found.front().aff.c_str(), found.front().dic.c_str());
    return s;
  }();
  return loaded;
}

void compare(const Spellers& s, std::string_view word) {
  if (word.empty()) return;
  const std::string text(word);
  const bool actual = s.lexicon->spell(text);
  bool expected = s.hunspell->spell(text);
  // libhunspell gives up a compound search after its TIMELIMIT, which hanmark's clock() makes
  // wall time (spell/hunspell_clock.h): a fuzzer descheduled mid-search gets a spurious "no".
  // Asked again, libhunspell agrees if that was all; the lexicon's answer never depends on load.
  for (int again = 0; again < 3 && expected != actual && !expected; ++again)
    expected = s.hunspell->spell(text);
  if (expected != actual)
    fuzz::violation("lexicon: libhunspell says " + std::string(expected ? "yes" : "no") +
                    ", the lexicon " + (actual ? "yes" : "no") + ", for '" +
                    fuzz::escaped(text, 400) + "'");
}

}  // namespace

int hanmark_fuzz_lexicon(const uint8_t* data, size_t size) {
  const Spellers& s = spellers();
  if (!s.lexicon || !s.hunspell) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t word_start = 0;
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (!AffixLexicon::handles(d.code_point)) {
      compare(s, text.substr(word_start, i - word_start));
      word_start = i + d.length;
    }
    i += d.length;
  }
  compare(s, text.substr(word_start));
  return 0;
}
