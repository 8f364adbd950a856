// Checks AffixLexicon against libhunspell: both load the same dictionary, then spell every
// Hangul word of the given Markdown files and, for each word, every spelling one jamo away (what
// korean-spelling's near-miss search asks), plus random syllable strings. Prints the load times,
// the check times, the number of words compared and every disagreement; exits 1 on any.
//
// With --lexicon-only, libhunspell is not loaded and only AffixLexicon's time is measured (for
// profiling).
//
//     hanmark_lexicon_agreement [--aff ko.aff --dic ko.dic] [--random N] [--tech FILE]
//                               [--lexicon-only] FILE...
#include <hunspell/hunspell.hxx>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "core/utf8.h"
#include "spell/affix_lexicon.h"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::set<std::string> hangul_words(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  for (size_t i = 0; i <= text.size();) {
    const hanmark::utf8::Decoded d =
        i < text.size() ? hanmark::utf8::decode(text, i) : hanmark::utf8::Decoded{' ', 1};
    if (hanmark::utf8::is_hangul_syllable(d.code_point)) {
      word.append(text, i, d.length);
    } else if (!word.empty()) {
      words.insert(word);
      word.clear();
    }
    i += d.length;
  }
  return words;
}

std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) hanmark::utf8::append(out, cp);
  return out;
}

// Every word one initial, vowel or final away, as KoreanSpeller::near_misses generates them.
void add_near_misses(const std::string& word, std::vector<std::string>& out) {
  std::u32string syllables;
  for (size_t i = 0; i < word.size();) {
    const auto d = hanmark::utf8::decode(word, i);
    syllables.push_back(d.code_point);
    i += d.length;
  }
  if (syllables.size() > 10) return;
  for (size_t i = 0; i < syllables.size(); ++i) {
    const int index = static_cast<int>(syllables[i] - 0xAC00);
    const int l = index / 588, v = (index / 28) % 21, t = index % 28;
    for (int kind = 0; kind < 3; ++kind)
      for (int x = 0; x < (kind == 0 ? 21 : kind == 1 ? 28 : 19); ++x) {
        const int nl = kind == 2 ? x : l, nv = kind == 0 ? x : v, nt = kind == 1 ? x : t;
        if (nl == l && nv == v && nt == t) continue;
        std::u32string edited = syllables;
        edited[i] = 0xAC00 + static_cast<char32_t>((nl * 21 + nv) * 28 + nt);
        out.push_back(encode(edited));
      }
  }
}

// Syllables as conjoining jamo, as ko.dic stores its words.
std::string decomposed(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const auto d = hanmark::utf8::decode(text, i);
    i += d.length;
    if (!hanmark::utf8::is_hangul_syllable(d.code_point)) {
      hanmark::utf8::append(out, d.code_point);
      continue;
    }
    const int index = static_cast<int>(d.code_point - 0xAC00);
    hanmark::utf8::append(out, 0x1100 + index / 588);
    hanmark::utf8::append(out, 0x1161 + (index / 28) % 21);
    if (index % 28 != 0) hanmark::utf8::append(out, 0x11A7 + index % 28);
  }
  return out;
}

bool read_text(const std::string& path, std::string& text) {
  std::string error;
  return hanmark::read_file(path, text, error);
}

}  // namespace

int main(int argc, char** argv) {
  std::string aff = "/usr/share/hunspell/ko.aff", dic = "/usr/share/hunspell/ko.dic", tech;
  size_t random_words = 0;
  bool lexicon_only = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--aff" && i + 1 < argc)
      aff = argv[++i];
    else if (arg == "--dic" && i + 1 < argc)
      dic = argv[++i];
    else if (arg == "--tech" && i + 1 < argc)
      tech = argv[++i];
    else if (arg == "--random" && i + 1 < argc)
      random_words = std::stoul(argv[++i]);
    else if (arg == "--lexicon-only")
      lexicon_only = true;
    else
      files.push_back(arg);
  }

  auto start = Clock::now();
  std::unique_ptr<Hunspell> hunspell;
  if (!lexicon_only) {
    hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    std::printf("libhunspell load: %.3f s\n", seconds_since(start));
  }
  start = Clock::now();
  std::string why_not;
  auto lexicon = hanmark::AffixLexicon::load(aff, dic, &why_not);
  if (!lexicon) {
    std::fprintf(stderr, "AffixLexicon cannot load: %s\n", why_not.c_str());
    return 2;
  }
  std::printf("AffixLexicon load: %.3f s (%zu roots, %zu suffixes)\n", seconds_since(start),
              lexicon->root_count(), lexicon->suffix_count());

  if (!tech.empty()) {
    // Lines "word/model" or "word", as KoreanSpeller adds them (decomposed).
    std::string text;
    size_t added = 0;
    if (read_text(tech, text))
      for (size_t start_at = 0; start_at < text.size();) {
        size_t end = text.find('\n', start_at);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start_at, end - start_at);
        start_at = end + 1;
        line = line.substr(0, line.find('#'));
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (line.empty()) continue;
        const size_t slash = line.find('/');
        const std::string word = decomposed(line.substr(0, slash));
        const std::string model =
            slash == std::string::npos ? "" : decomposed(line.substr(slash + 1));
        if (hunspell && (model.empty() || hunspell->add_with_affix(word, model) != 0))
          hunspell->add(word);
        if (model.empty() || !lexicon->add_with_affix(word, model)) lexicon->add(word);
        ++added;
      }
    std::printf("added %zu entries from %s\n", added, tech.c_str());
  }

  std::set<std::string> words;
  for (const std::string& file : files) {
    std::string text;
    if (!read_text(file, text)) continue;
    for (const std::string& w : hangul_words(text)) words.insert(w);
  }
  std::vector<std::string> all(words.begin(), words.end());
  for (const std::string& w : words) add_near_misses(w, all);
  std::mt19937 random(12345);
  for (size_t n = 0; n < random_words; ++n) {
    std::u32string s(1 + random() % 6, U' ');
    for (char32_t& c : s) c = 0xAC00 + random() % 11172;
    all.push_back(encode(s));
  }
  std::printf("%zu corpus words, %zu checks\n", words.size(), all.size());

  std::vector<char> expected(all.size()), actual(all.size());
  start = Clock::now();
  for (size_t i = 0; i < all.size() && !lexicon_only; ++i) expected[i] = hunspell->spell(all[i]);
  const double hunspell_time = seconds_since(start);
  start = Clock::now();
  for (size_t i = 0; i < all.size(); ++i) actual[i] = lexicon->spell(all[i]);
  const double lexicon_time = seconds_since(start);
  size_t accepted = 0, disagreements = 0;
  if (lexicon_only) {
    std::printf("AffixLexicon: %.3f s (%.2f us a check)\n", lexicon_time,
                lexicon_time * 1e6 / all.size());
    return 0;
  }
  for (size_t i = 0; i < all.size(); ++i) {
    accepted += expected[i];
    if (expected[i] == actual[i]) continue;
    if (++disagreements <= 50)
      std::printf("disagree: %s hunspell=%d lexicon=%d\n", all[i].c_str(), expected[i], actual[i]);
  }
  std::printf("checks: libhunspell %.3f s (%.2f us each), AffixLexicon %.3f s (%.2f us each)\n",
              hunspell_time, hunspell_time * 1e6 / all.size(), lexicon_time,
              lexicon_time * 1e6 / all.size());
  std::printf("accepted by libhunspell: %zu of %zu; disagreements: %zu\n", accepted, all.size(),
              disagreements);
  return disagreements == 0 ? 0 : 1;
}
