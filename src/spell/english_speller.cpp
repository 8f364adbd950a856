#include "spell/english_speller.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <thread>

#include "core/utf8.h"
#include "spell/typo_table.h"

namespace hanmark {

namespace {

std::vector<char32_t> folded_code_points(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    i += d.length;
    char32_t cp = d.code_point;
    if (cp == 0x2019) cp = '\'';
    if (cp != utf8::kInvalid) cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    out.push_back(cp);
  }
  return out;
}

bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// "Kubectl" for a list entry "kubectl": the word is the entry with a capital first letter.
std::string lower_first(std::string_view word) {
  std::string out(word);
  if (!out.empty() && is_ascii_upper(out.front()))
    out.front() = static_cast<char>(out.front() + 32);
  return out;
}

bool all_lower(std::string_view word) {
  return std::none_of(word.begin(), word.end(), is_ascii_upper);
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::string convert(const char* to, const char* from, const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(text.size() * 4 + 4, '\0');
  const int32_t n = ucnv_convert(to, from, out.data(), static_cast<int32_t>(out.size()),
                                 text.data(), static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return text;
  out.resize(static_cast<size_t>(n));
  return out;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Adds tech words (dictionary-encoded). The model word gives each plural and possessive forms
// ("GPUs", "Docker's") and lets hunspell offer tech words as suggestions ("Pytorch" → "PyTorch").
void add_to(Hunspell& hunspell, const std::vector<std::string>& words) {
  for (const std::string& word : words)
    if (hunspell.add_with_affix(word, "dog") != 0) hunspell.add(word);
}

}  // namespace

std::vector<std::string> list_words(std::string_view text) {
  std::vector<std::string> words;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    line = line.substr(0, line.find_first_of(" \t\r#"));
    if (!line.empty()) words.emplace_back(line);
  }
  return words;
}

size_t edit_distance(std::string_view a_text, std::string_view b_text) {
  const std::vector<char32_t> a = folded_code_points(a_text);
  const std::vector<char32_t> b = folded_code_points(b_text);
  const size_t n = a.size(), m = b.size();
  // Three rolling rows: two back (for transpositions), previous and current.
  std::vector<size_t> before(m + 1), previous(m + 1), current(m + 1);
  std::iota(previous.begin(), previous.end(), size_t{0});
  for (size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

EnglishSpeller::EnglishSpeller() = default;

EnglishSpeller::EnglishSpeller(const std::string& aff_path, const std::string& dic_path,
                               std::string_view tech_words, size_t max_suggesters)
    : aff_path_(aff_path), dic_path_(dic_path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(aff_path, ec) ||
      !std::filesystem::is_regular_file(dic_path, ec))
    return;
  for (std::string& word : list_words(tech_words)) tech_words_.insert(std::move(word));

  // The checker is loaded now: it tells the encoding and answers spell checks.
  checker_ = std::make_unique<Hunspell>(aff_path.c_str(), dic_path.c_str());
  if (const char* encoding = checker_->get_dic_encoding()) encoding_ = encoding;
  if (encoding_ == "UTF-8" || encoding_ == "utf-8") encoding_.clear();
  for (const std::string& word : tech_words_) added_words_.push_back(to_dictionary(word));
  std::sort(added_words_.begin(), added_words_.end());  // same order in every instance
  add_to(*checker_, added_words_);
  suggesters_ = std::make_unique<HunspellPool>(
      nullptr, [this] { return load(); },
      max_suggesters ? max_suggesters : std::max(1u, std::thread::hardware_concurrency()));
  available_ = true;
}

EnglishSpeller::~EnglishSpeller() = default;

std::unique_ptr<Hunspell> EnglishSpeller::load() const {
  auto hunspell = std::make_unique<Hunspell>(aff_path_.c_str(), dic_path_.c_str());
  add_to(*hunspell, added_words_);
  return hunspell;
}

void EnglishSpeller::add_words(std::string_view lines) {
  if (!available_) return;  // accepts every word already
  std::vector<std::string> words;
  {
    std::shared_lock lock(words_mutex_);
    for (std::string& word : list_words(lines))
      if (!tech_words_.contains(word)) words.push_back(std::move(word));
  }
  if (words.empty()) return;
  std::vector<std::string> encoded;
  for (const std::string& word : words) encoded.push_back(to_dictionary(word));
  std::sort(encoded.begin(), encoded.end());
  {
    std::lock_guard lock(checker_mutex_);
    add_to(*checker_, encoded);
  }
  suggesters_->change_all([encoded = std::move(encoded)](Hunspell& h) { add_to(h, encoded); });
  {
    std::unique_lock lock(words_mutex_);
    tech_words_.insert(words.begin(), words.end());
  }
  // Answers given before may be wrong now.
  correct_cache_.clear();
  near_miss_cache_.clear();
  suggest_cache_.clear();
}

size_t EnglishSpeller::suggester_count() const {
  return suggesters_ ? suggesters_->size() : 0;
}

size_t EnglishSpeller::tech_word_count() const {
  std::shared_lock lock(words_mutex_);
  return tech_words_.size();
}

std::string EnglishSpeller::to_dictionary(const std::string& utf8) const {
  if (encoding_.empty() || is_ascii(utf8)) return utf8;
  return convert(encoding_.c_str(), "UTF-8", utf8);
}

std::string EnglishSpeller::from_dictionary(const std::string& encoded) const {
  if (encoding_.empty() || is_ascii(encoded)) return encoded;
  return convert("UTF-8", encoding_.c_str(), encoded);
}

bool EnglishSpeller::is_tech_word(std::string_view word) const {
  const std::string key(word);
  std::shared_lock lock(words_mutex_);
  if (tech_words_.contains(key)) return true;
  if (word.empty() || !is_ascii_upper(word.front())) return false;
  const std::string lowered = lower_first(word);
  return all_lower(lowered) && tech_words_.contains(lowered);
}

bool EnglishSpeller::check_uncached(const std::string& word) const {
  if (checker_->spell(to_dictionary(word))) return true;
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (word.size() > suffix.size() && word.ends_with(suffix) &&
        is_tech_word(std::string_view(word).substr(0, word.size() - suffix.size())))
      return true;
  }
  return false;
}

bool EnglishSpeller::correct_uncached(std::string_view word) const {
  if (!available_ || word.empty() || is_tech_word(word)) return true;
  std::lock_guard lock(checker_mutex_);
  return check_uncached(std::string(word));
}

std::vector<std::string> EnglishSpeller::tech_words() const {
  std::shared_lock lock(words_mutex_);
  return {tech_words_.begin(), tech_words_.end()};
}

bool EnglishSpeller::correct(std::string_view word) const {
  if (!available_ || word.empty()) return true;
  if (is_tech_word(word)) return true;
  const std::string key(word);
  return correct_cache_.get(key, [&] {
    std::lock_guard lock(checker_mutex_);
    return check_uncached(key);
  });
}

std::vector<std::string> EnglishSpeller::suggest_uncached(const std::string& word) const {
  std::vector<std::string> raw;
  const std::string encoded = to_dictionary(word);
  // Until suggestions compete for hunspell, the idle checker serves them too: a run with a few
  // unknown words never loads a second dictionary.
  std::unique_lock checker(checker_mutex_, std::try_to_lock);
  if (checker.owns_lock() && suggester_count() == 0) {
    raw = checker_->suggest(encoded);
    checker.unlock();
  } else {
    if (checker.owns_lock()) checker.unlock();
    raw = suggesters_->acquire()->suggest(encoded);
  }
  const bool curly = word.find("\xE2\x80\x99") != std::string::npos;
  struct Ranked {
    std::string text;
    size_t distance;
    bool multiword;
    size_t order;
  };
  std::vector<Ranked> ranked;
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string text = from_dictionary(raw[i]);
    if (curly) text = replace_all(std::move(text), "'", "\xE2\x80\x99");
    // Keep the word's capitalization: "Enginner" → "Engineer", "ENGINNER" → "ENGINEER".
    if (!text.empty() && is_ascii_lower(text.front())) text = match_case(word, text);
    if (text == word) continue;
    if (std::any_of(ranked.begin(), ranked.end(), [&](const Ranked& r) { return r.text == text; }))
      continue;
    const bool multiword = text.find_first_of(" -") != std::string::npos;
    const size_t distance = edit_distance(word, text);
    ranked.push_back({std::move(text), distance, multiword, i});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.multiword != b.multiword) return !a.multiword;
    return a.order < b.order;
  });
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && out.size() < kMaxSuggestions; ++i)
    out.push_back(std::move(ranked[i].text));
  return out;
}

std::vector<std::string> EnglishSpeller::suggest(std::string_view word) const {
  if (!available_ || word.empty()) return {};
  const std::string key(word);
  return suggest_cache_.get(key, [&] { return suggest_uncached(key); });
}

}  // namespace hanmark
