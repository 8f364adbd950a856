#include "spell/affix_lexicon.h"

#include <algorithm>
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
  // Per thread, so that a check allocates nothing.
  struct Scratch {
    char16_t units[WordCheck::kMaxUnits + 1];
    WordCheck check;
  };
  thread_local Scratch scratch;
  const Data& data = *data_;
  size_t size = 0;
  const auto append = [&](const char16_t* units, size_t count) {
    // Longer words are refused (WordCheck::accepts), and need not be converted further.
    if (size + count > WordCheck::kMaxUnits) return false;
    std::copy_n(units, count, scratch.units + size);
    size += count;
    return true;
  };
  for (size_t i = 0; i < word.size();) {
    const utf8::Decoded d = utf8::decode(word, i);
    i += d.length;
    bool fits;
    if (utf8::is_hangul_syllable(d.code_point)) {
      const uint32_t* offsets = data.syllable_offsets.data() + (d.code_point - 0xAC00);
      fits = append(data.syllable_units.data() + offsets[0], offsets[1] - offsets[0]);
    } else if (const auto converted = data.input_conversion.find(d.code_point);
               converted != data.input_conversion.end()) {
      fits = append(converted->second.data(), converted->second.size());
    } else if (d.code_point < 0x10000) {
      const auto unit = static_cast<char16_t>(d.code_point);
      fits = append(&unit, 1);
    } else {
      return false;  // handles() admits no such character
    }
    if (!fits) return false;
  }
  const UnitsView units(scratch.units, size);
  {
    std::shared_lock lock(mutex_);
    if (!data.word_trie_stale) return scratch.check.accepts(data, units);
  }
  std::unique_lock rebuild(mutex_);
  if (data_->word_trie_stale) data_->build_word_trie();
  return scratch.check.accepts(data, units);
}

namespace {

// hunspell's remove_forbidden_flag(): an added word is no longer forbidden. False when the word
// is not in the dictionary.
bool clear_forbidden(AffixLexicon::Data& data, UnitsView word) {
  const Homonyms homonyms = data.homonyms_of(word);
  if (homonyms.empty()) return false;
  for (uint32_t index : homonyms)
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
  const Homonyms homonyms = data_->homonyms_of(to_units(model));
  const uint32_t example = homonyms.empty() ? UINT32_MAX : homonyms.front();
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
