#include "spell/korean_speller.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "core/strings.h"
#include "core/utf8.h"
#include "spell/lexicon_cache.h"
#include "text/hangul.h"

namespace hanmark {

namespace {

std::string nfc_of(std::string_view word) {
  return hangul::is_nfc(word) ? std::string(word) : hangul::to_nfc(word);
}

// The particle pairs whose two forms depend on the final consonant of the noun before them,
// longest first so that "이나" is seen before "나".
struct ParticlePair {
  std::string_view with_final;     // after a final consonant
  std::string_view without_final;  // after a vowel
};
constexpr ParticlePair kParticlePairs[] = {
    {"이에요", "예요"}, {"이랑", "랑"}, {"이나", "나"}, {"으로", "로"},
    {"을", "를"},       {"이", "가"},   {"은", "는"},   {"과", "와"},
};

// Word list entries: (word in NFC, model as written); the model is empty for a bare word.
using Entries = std::vector<std::pair<std::string, std::string>>;

// The entries of a word list (lines `word/model` or `word`, '#' comments); `words` gets each
// word in NFC.
Entries parse_entries(std::string_view text, std::vector<std::string>& words) {
  Entries entries;
  for_each_data_line(text, [&](size_t, std::string_view line) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) return;
    const size_t slash = line.find('/');
    const std::string word = nfc_of(trim(line.substr(0, slash)));
    if (word.empty()) return;
    entries.emplace_back(word, slash == std::string_view::npos
                                   ? std::string()
                                   : std::string(trim(line.substr(slash + 1))));
    words.push_back(word);
  });
  return entries;
}

// Entries as hunspell-ko takes them: decomposed like ko.dic's own entries (spell() converts its
// input with ICONV). Decomposed only here: a run that reads the lexicon's image adds none of the
// shipped list, and the decomposition would be most of its parse. A word whose model is unknown
// is still accepted as written.
void add_to(Hunspell& hunspell, const Entries& entries) {
  for (const auto& [word, model] : entries) {
    const std::string decomposed = hangul::to_nfd(word);
    if (model.empty() || hunspell.add_with_affix(decomposed, hangul::to_nfd(model)) != 0)
      hunspell.add(decomposed);
  }
}

void add_to(AffixLexicon& lexicon, const Entries& entries) {
  for (const auto& [word, model] : entries) {
    const std::string decomposed = hangul::to_nfd(word);
    if (model.empty() || !lexicon.add_with_affix(decomposed, hangul::to_nfd(model)))
      lexicon.add(decomposed);
  }
}

}  // namespace

KoreanSpeller::KoreanSpeller() = default;

KoreanSpeller::KoreanSpeller(const std::string& aff_path, const std::string& dic_path,
                             std::string_view tech_words, std::string_view extra_words) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(aff_path, ec) ||
      !std::filesystem::is_regular_file(dic_path, ec))
    return;
  std::vector<std::string> words;
  const Entries tech = parse_entries(tech_words, words);
  const Entries extra = parse_entries(extra_words, words);
  auto load = [aff_path, dic_path, tech, extra] {
    auto hunspell = std::make_unique<Hunspell>(aff_path.c_str(), dic_path.c_str());
    add_to(*hunspell, tech);
    add_to(*hunspell, extra);
    return hunspell;
  };
  tech_words_.insert(words.begin(), words.end());
  // The compiled image holds the tech vocabulary too (adding it and rebuilding the word trie
  // would cost more than reading the image): the same for every project, where a project's own
  // words would make one image per configuration. Those are added after.
  lexicon_ = load_lexicon(
      aff_path, dic_path, tech_words, [&](AffixLexicon& lexicon) { add_to(lexicon, tech); },
      lexicon_cache_directory());
  if (lexicon_) add_to(*lexicon_, extra);
  // With the lexicon, libhunspell loads on first need (a suggestion, a word of other letters).
  std::unique_ptr<Hunspell> first = lexicon_ ? nullptr : load();
  pool_ = std::make_unique<HunspellPool>(std::move(first), load,
                                         std::max(1u, std::thread::hardware_concurrency()));
  available_ = true;
}

KoreanSpeller::~KoreanSpeller() = default;

void KoreanSpeller::add_entries(std::string_view lines) {
  if (!available_) return;  // accepts every word already
  std::vector<std::string> words;
  Entries entries = parse_entries(lines, words);
  if (entries.empty()) return;
  if (lexicon_) add_to(*lexicon_, entries);
  pool_->change_all([entries = std::move(entries)](Hunspell& h) { add_to(h, entries); });
  {
    std::unique_lock lock(words_mutex_);
    tech_words_.insert(words.begin(), words.end());
  }
  // Answers given before may be wrong now.
  correct_cache_.clear();
  near_miss_cache_.clear();
  suggest_cache_.clear();
}

bool KoreanSpeller::is_tech_word(std::string_view word) const {
  const std::string nfc = nfc_of(word);
  std::shared_lock lock(words_mutex_);
  return tech_words_.contains(nfc);
}

size_t KoreanSpeller::tech_word_count() const {
  std::shared_lock lock(words_mutex_);
  return tech_words_.size();
}

bool KoreanSpeller::check(std::string_view nfc) const {
  if (lexicon_ && AffixLexicon::handles(nfc)) return lexicon_->spell(nfc);
  return pool_->acquire()->spell(std::string(nfc));
}

bool KoreanSpeller::correct_nfc(std::string_view nfc) const {
  return correct_cache_.get(nfc, [&] { return check(nfc); });
}

bool KoreanSpeller::correct(std::string_view word) const {
  // A "word" of hundreds of bytes is a broken or hostile file: accept it rather than cache it.
  if (!available_ || word.empty() || word.size() > kMaxWordBytes) return true;
  // Most words are NFC already: asked as they are, without a copy.
  return hangul::is_nfc(word) ? correct_nfc(word) : correct_nfc(hangul::to_nfc(word));
}

bool KoreanSpeller::correct_syllables(std::string_view word) const {
  if (!available_ || word.empty() || word.size() > kMaxWordBytes) return true;
  return correct_nfc(word);
}

std::optional<std::string> KoreanSpeller::particle_fix(std::string_view word) const {
  if (!available_ || word.empty()) return std::nullopt;
  return hangul::is_nfc(word) ? particle_fix_nfc(word) : particle_fix_nfc(hangul::to_nfc(word));
}

std::optional<std::string> KoreanSpeller::particle_fix_nfc(std::string_view nfc) const {
  if (correct_nfc(nfc)) return std::nullopt;
  std::string candidate;
  for (const ParticlePair& pair : kParticlePairs) {
    for (const auto& [from, to] : {std::pair{pair.with_final, pair.without_final},
                                   std::pair{pair.without_final, pair.with_final}}) {
      if (nfc.size() <= from.size() || !nfc.ends_with(from)) continue;
      const std::string_view stem = nfc.substr(0, nfc.size() - from.size());
      // "…이나" ends with "나" too: the longer particle was already tried.
      if (from == pair.without_final && stem.ends_with("이") && pair.with_final.starts_with("이"))
        continue;
      if (from == "로" && stem.ends_with("으")) continue;
      candidate.assign(stem).append(to);
      if (correct_nfc(candidate)) return candidate;
    }
  }
  return std::nullopt;
}

std::vector<std::string> KoreanSpeller::near_misses(std::string_view word, size_t limit,
                                                    uint32_t syllables) const {
  if (!available_ || word.empty()) return {};
  limit = std::min(limit, kMaxSuggestions);
  const std::string nfc = nfc_of(word);
  const std::string key = nfc + '\0' + std::to_string(limit) + '/' + std::to_string(syllables);
  return near_miss_cache_.get(key, [&] { return search_near_misses(nfc, limit, syllables); });
}

std::vector<std::string> KoreanSpeller::search_near_misses(const std::string& nfc, size_t limit,
                                                           uint32_t syllables) const {
  std::vector<std::string> out;
  // Syllables are three bytes each; a word of anything else has no variants.
  if (nfc.size() > 3 * kMaxNearMissSyllables) return out;
  if (!lexicon_) {
    const std::vector<std::string> candidates = hangul::one_jamo_variants(nfc, syllables);
    for (size_t i = 0; i < candidates.size() && out.size() < limit; ++i)
      if (check(candidates[i])) out.push_back(candidates[i]);
    return out;
  }
  // The variants are Hangul syllables only, which the lexicon always handles: they go to it as
  // edits of the word, which it checks sharing the work on their unchanged parts.
  const std::u32string word = hangul::syllables_of(nfc);
  const std::vector<hangul::SyllableEdit> edits = hangul::one_jamo_edits(word, syllables);
  for (size_t e : lexicon_->spell_edits(word, edits, limit))
    out.push_back(hangul::edited(word, edits[e]));
  return out;
}

std::vector<std::string> KoreanSpeller::suggest_uncached(const std::string& nfc) const {
  if (suggestion_calls_.load() >= kMaxSuggestionCalls ||
      suggestion_micros_.load() >=
          std::chrono::duration_cast<std::chrono::microseconds>(kSuggestionBudget).count())
    return {};
  ++suggestion_calls_;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> raw;
  raw = pool_->acquire()->suggest(nfc);
  suggestion_micros_ += std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
  std::vector<std::string> single, spaced;
  for (std::string& s : raw) {
    // ko.dic stores decomposed jamo; hunspell usually converts back, but be sure.
    std::string text = nfc_of(s);
    if (text == nfc || text.empty()) continue;
    auto& bucket = text.find(' ') == std::string::npos ? single : spaced;
    if (std::find(bucket.begin(), bucket.end(), text) == bucket.end())
      bucket.push_back(std::move(text));
  }
  std::vector<std::string> out;
  for (auto* bucket : {&single, &spaced})
    for (std::string& s : *bucket)
      if (out.size() < kMaxSuggestions) out.push_back(std::move(s));
  return out;
}

std::vector<std::string> KoreanSpeller::suggest(std::string_view word) const {
  if (!available_ || word.empty()) return {};
  const std::string key = nfc_of(word);
  return suggest_cache_.get(key, [&] { return suggest_uncached(key); });
}

}  // namespace hanmark
