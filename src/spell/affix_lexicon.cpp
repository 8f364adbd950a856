#include "spell/affix_lexicon.h"

#include <algorithm>
#include <mutex>

#include "core/utf8.h"
#include "spell/affix_lexicon_data.h"
#include "spell/edit_screen.h"
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

namespace {

// Per thread, so that a check allocates nothing.
struct Scratch {
  char16_t units[WordCheck::kMaxUnits + 1];
  WordCheck check;
};

Scratch& scratch() {
  thread_local Scratch scratch;
  return scratch;
}

// `check(data)` with the dictionary trie up to date: shared with other checks, unless words
// were added since the trie was built.
template <class Check>
auto with_word_trie(std::shared_mutex& mutex, AffixLexicon::Data& data, Check check) {
  {
    std::shared_lock lock(mutex);
    if (!data.word_trie_stale) return check(data);
  }
  std::unique_lock rebuild(mutex);
  if (data.word_trie_stale) data.build_word_trie();
  return check(data);
}

UnitsView syllable_units(const AffixLexicon::Data& data, char32_t syllable) {
  const uint32_t* offsets = data.syllable_offsets.data() + (syllable - 0xAC00);
  return UnitsView(data.syllable_units.data() + offsets[0], offsets[1] - offsets[0]);
}

}  // namespace

bool AffixLexicon::spell(std::string_view word) const {
  if (word.size() >= kMaxInputBytes) return false;
  Scratch& scratch = hanmark::scratch();
  const Data& data = *data_;
  size_t size = 0;
  const auto append = [&](UnitsView units) {
    // Longer words are refused (WordCheck::accepts), and need not be converted further.
    if (size + units.size() > WordCheck::kMaxUnits) return false;
    std::copy(units.begin(), units.end(), scratch.units + size);
    size += units.size();
    return true;
  };
  for (size_t i = 0; i < word.size();) {
    const utf8::Decoded d = utf8::decode(word, i);
    i += d.length;
    bool fits;
    if (utf8::is_hangul_syllable(d.code_point)) {
      fits = append(syllable_units(data, d.code_point));
    } else if (const auto converted = data.input_conversion.find(d.code_point);
               converted != data.input_conversion.end()) {
      fits = append(converted->second);
    } else if (d.code_point < 0x10000) {
      const auto unit = static_cast<char16_t>(d.code_point);
      fits = append(UnitsView(&unit, 1));
    } else {
      return false;  // handles() admits no such character
    }
    if (!fits) return false;
  }
  const UnitsView units(scratch.units, size);
  return with_word_trie(mutex_, *data_,
                        [&](const Data& data) { return scratch.check.accepts(data, units); });
}

std::vector<size_t> AffixLexicon::spell_edits(std::u32string_view syllables,
                                              std::span<const hangul::SyllableEdit> edits,
                                              size_t limit) const {
  std::vector<size_t> accepted;
  // Every variant is as long as the word: three bytes a syllable.
  if (3 * syllables.size() >= kMaxInputBytes || limit == 0) return accepted;
  Scratch& scratch = hanmark::scratch();
  const Data& data = *data_;
  // The word's units and where each syllable's begin.
  Units word;
  std::vector<size_t> starts;
  for (char32_t syllable : syllables) {
    starts.push_back(word.size());
    word.append(syllable_units(data, syllable));
  }
  starts.push_back(word.size());
  with_word_trie(mutex_, *data_, [&](const Data& data) {
    EditScreen screen(data, word,
                      word.size() > WordCheck::kMaxUnits ? WordCheck::SuffixScope{}
                                                         : scratch.check.suffix_scope(data, word));
    // The edit checked last, whose variant is in scratch.units, and its size.
    const hangul::SyllableEdit* last = nullptr;
    size_t last_size = 0;
    for (size_t e = 0; e < edits.size() && accepted.size() < limit; ++e) {
      const hangul::SyllableEdit& edit = edits[e];
      const UnitsView middle = syllable_units(data, edit.syllable);
      const size_t begin = starts[edit.at], end = begin + middle.size();
      const size_t size = word.size() - (starts[edit.at + 1] - begin) + middle.size();
      if (size > WordCheck::kMaxUnits) {  // spell() refuses it (and scratch.units is no longer)
        last = nullptr;
        continue;
      }
      // Before scratch.units changes: a word skipped is not the one WordCheck last checked.
      if (!screen.may_accept(begin, starts[edit.at + 1], middle)) continue;
      std::copy(middle.begin(), middle.end(), scratch.units + begin);
      const UnitsView units(scratch.units, size);
      bool accepts;
      if (last != nullptr && last->at == edit.at && last_size == size) {
        accepts = scratch.check.accepts_edited(units, begin, end);
      } else {
        std::copy(word.begin(), word.begin() + begin, scratch.units);
        std::copy(word.begin() + starts[edit.at + 1], word.end(), scratch.units + end);
        accepts = scratch.check.accepts(data, units);
      }
      last = &edit;
      last_size = size;
      if (accepts) accepted.push_back(e);
    }
    return true;
  });
  return accepted;
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

std::unique_ptr<AffixLexicon> AffixLexicon::from_data(std::unique_ptr<Data> data) {
  return std::unique_ptr<AffixLexicon>(new AffixLexicon(std::move(data)));
}

void AffixLexicon::read_data(const std::function<void(const Data&)>& read) const {
  with_word_trie(mutex_, *data_, [&](const Data& data) {
    read(data);
    return true;
  });
}

size_t AffixLexicon::root_count() const {
  std::shared_lock lock(mutex_);
  return data_->roots.size();
}

size_t AffixLexicon::suffix_count() const {
  return data_->suffixes.size();
}

}  // namespace hanmark
