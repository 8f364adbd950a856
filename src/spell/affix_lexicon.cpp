#include "spell/affix_lexicon.h"

#include <mutex>

#include "core/utf8.h"
#include "spell/affix_lexicon_data.h"
#include "spell/word_check.h"

namespace hanmark {

namespace {

// hunspell refuses UTF-8 input of this many bytes or more (MAXWORDUTF8LEN).
constexpr size_t kMaxInputBytes = 300;

bool is_conjoining_jamo(char32_t cp) {
  return cp >= 0x1100 && cp <= 0x11FF;
}

}  // namespace

AffixLexicon::AffixLexicon(std::unique_ptr<Data> data) : data_(std::move(data)) {}
AffixLexicon::~AffixLexicon() = default;

bool AffixLexicon::handles(char32_t cp) {
  return utf8::is_hangul_syllable(cp) || is_conjoining_jamo(cp);
}

bool AffixLexicon::handles(std::string_view word) {
  if (word.empty()) return false;
  for (size_t i = 0; i < word.size();) {
    const utf8::Decoded d = utf8::decode(word, i);
    if (!handles(d.code_point)) return false;
    i += d.length;
  }
  return true;
}

bool AffixLexicon::spell(std::string_view word) const {
  if (word.size() >= kMaxInputBytes) return false;
  thread_local Units units;  // no allocation per check
  units.clear();
  for (size_t i = 0; i < word.size();) {
    const utf8::Decoded d = utf8::decode(word, i);
    i += d.length;
    if (utf8::is_hangul_syllable(d.code_point)) {
      units.append(data_->syllable_conversion[d.code_point - 0xAC00]);
      continue;
    }
    const auto converted = data_->input_conversion.find(d.code_point);
    if (converted != data_->input_conversion.end()) {
      units.append(converted->second);
    } else if (d.code_point < 0x10000) {
      units.push_back(static_cast<char16_t>(d.code_point));
    } else {
      return false;  // handles() admits no such character
    }
  }
  thread_local WordCheck check;  // its buffers are kept from one check to the next
  {
    std::shared_lock lock(mutex_);
    if (!data_->word_trie_stale) return check.accepts(*data_, units);
  }
  std::unique_lock rebuild(mutex_);
  if (data_->word_trie_stale) data_->build_word_trie();
  return check.accepts(*data_, units);
}

namespace {

// hunspell's remove_forbidden_flag(): an added word is no longer forbidden. False when the word
// is not in the dictionary.
bool clear_forbidden(AffixLexicon::Data& data, UnitsView word) {
  const std::vector<uint32_t>* homonyms = data.homonyms_of(word);
  if (homonyms == nullptr) return false;
  for (uint32_t index : *homonyms)
    if (data.has(data.roots[index], data.forbidden)) data.roots[index].flags = 0;
  return true;
}

}  // namespace

void AffixLexicon::add(std::string_view word) {
  const Units units = to_units(word);
  std::unique_lock lock(mutex_);
  // hunspell adds a word it already has only by lifting its FORBIDDENWORD flag.
  if (!clear_forbidden(*data_, units)) data_->add_root(units, 0, false);
}

bool AffixLexicon::add_with_affix(std::string_view word, std::string_view model) {
  const Units units = to_units(word);
  std::unique_lock lock(mutex_);
  const std::vector<uint32_t>* homonyms = data_->homonyms_of(to_units(model));
  const uint32_t example = homonyms != nullptr ? homonyms->front() : UINT32_MAX;
  clear_forbidden(*data_, units);
  if (example == UINT32_MAX || !data_->roots[example].had_flags) return false;
  data_->add_root(units, data_->roots[example].flags, true);
  return true;
}

size_t AffixLexicon::root_count() const {
  std::shared_lock lock(mutex_);
  return data_->roots.size();
}

size_t AffixLexicon::suffix_count() const {
  return data_->suffixes.size();
}

}  // namespace hanmark
