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
#include <ctime>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "core/utf8.h"
#include "spell/affix_lexicon.h"
#include "spell/korean_speller.h"
#include "text/hangul.h"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of the process (all threads): steadier than wall time on a shared machine. Not
// std::clock(): hanmark replaces clock() with a wall clock for libhunspell (hunspell_clock.h).
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
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
  double cpu_start = cpu_seconds();
  std::string why_not;
  auto lexicon = hanmark::AffixLexicon::load(aff, dic, &why_not);
  if (!lexicon) {
    std::fprintf(stderr, "AffixLexicon cannot load: %s\n", why_not.c_str());
    return 2;
  }
  std::printf("AffixLexicon load: %.3f s, CPU %.3f s (%zu roots, %zu suffixes)\n",
              seconds_since(start), cpu_seconds() - cpu_start, lexicon->root_count(),
              lexicon->suffix_count());

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
        const std::string word = hanmark::hangul::to_nfd(line.substr(0, slash));
        const std::string model =
            slash == std::string::npos ? "" : hanmark::hangul::to_nfd(line.substr(slash + 1));
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
    for (const hanmark::hangul::Run& run : hanmark::hangul::runs(text)) words.emplace(run.in(text));
  }
  std::vector<std::string> all(words.begin(), words.end());
  // Every spelling one jamo away, as korean-spelling's near-miss search asks.
  for (const std::string& w : words)
    if (w.size() <= 3 * hanmark::KoreanSpeller::kMaxNearMissSyllables)
      for (std::string& variant : hanmark::hangul::one_jamo_variants(w))
        all.push_back(std::move(variant));
  std::mt19937 random(12345);
  for (size_t n = 0; n < random_words; ++n) {
    std::string word;
    for (size_t i = 0, length = 1 + random() % 6; i < length; ++i)
      hanmark::utf8::append(word, 0xAC00 + random() % 11172);
    all.push_back(std::move(word));
  }
  std::printf("%zu corpus words, %zu checks\n", words.size(), all.size());

  std::vector<char> expected(all.size()), actual(all.size());
  start = Clock::now();
  for (size_t i = 0; i < all.size() && !lexicon_only; ++i) expected[i] = hunspell->spell(all[i]);
  const double hunspell_time = seconds_since(start);
  start = Clock::now();
  cpu_start = cpu_seconds();
  for (size_t i = 0; i < all.size(); ++i) actual[i] = lexicon->spell(all[i]);
  const double lexicon_time = seconds_since(start), lexicon_cpu = cpu_seconds() - cpu_start;
  size_t accepted = 0, disagreements = 0;
  if (lexicon_only) {
    std::printf("AffixLexicon: %.3f s (%.2f us a check), CPU %.3f s (%.2f us a check)\n",
                lexicon_time, lexicon_time * 1e6 / all.size(), lexicon_cpu,
                lexicon_cpu * 1e6 / all.size());
    return 0;
  }
  for (size_t i = 0; i < all.size(); ++i) {
    accepted += expected[i];
    if (expected[i] == actual[i]) continue;
    if (++disagreements <= 50)
      std::printf("disagree: %s hunspell=%d lexicon=%d\n", all[i].c_str(), expected[i], actual[i]);
  }
  std::printf(
      "checks: libhunspell %.3f s (%.2f us each), AffixLexicon %.3f s (%.2f us each, CPU %.2f "
      "us)\n",
      hunspell_time, hunspell_time * 1e6 / all.size(), lexicon_time,
      lexicon_time * 1e6 / all.size(), lexicon_cpu * 1e6 / all.size());
  std::printf("accepted by libhunspell: %zu of %zu; disagreements: %zu\n", accepted, all.size(),
              disagreements);
  return disagreements == 0 ? 0 : 1;
}
