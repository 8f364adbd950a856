#include "text/words.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "core/utf8.h"
#include "text/text_memo.h"

namespace hanmark::text {

namespace {

// One ICU word break iterator and UText per thread: opening an iterator loads and compiles
// rules, far too slow to do per paragraph, and iterators are not thread-safe.
class ThreadBreakIterator {
 public:
  ThreadBreakIterator() {
    UErrorCode status = U_ZERO_ERROR;
    iterator_ = ubrk_open(UBRK_WORD, "", nullptr, 0, &status);
    if (U_FAILURE(status)) iterator_ = nullptr;
  }
  ~ThreadBreakIterator() {
    if (iterator_) ubrk_close(iterator_);
    if (utext_) utext_close(utext_);
  }
  ThreadBreakIterator(const ThreadBreakIterator&) = delete;
  ThreadBreakIterator& operator=(const ThreadBreakIterator&) = delete;

  // Points the iterator at `text`; null when ICU failed.
  UBreakIterator* set(std::string_view text) {
    if (!iterator_) return nullptr;
    UErrorCode status = U_ZERO_ERROR;
    utext_ = utext_openUTF8(utext_, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return nullptr;
    ubrk_setUText(iterator_, utext_, &status);
    if (U_FAILURE(status)) return nullptr;
    return iterator_;
  }

 private:
  UBreakIterator* iterator_ = nullptr;
  UText* utext_ = nullptr;
};

ThreadBreakIterator& thread_iterator() {
  thread_local ThreadBreakIterator iterator;
  return iterator;
}

bool is_latin_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;  // not × and ÷
  return cp >= 0x1E00 && cp <= 0x1EFF;                             // Latin Extended Additional
}

bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019;
}

bool is_chunk_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
  // Hangul syllables, most of a Korean post, are letters: no need to ask ICU.
  if (utf8::is_hangul_syllable(cp)) return false;
  return cp == 0xFFFC || (cp != utf8::kInvalid && u_isUWhiteSpace(static_cast<UChar32>(cp)));
}

bool is_leading_wrapper(char32_t cp) {
  switch (cp) {
    case '(':
    case '[':
    case '{':
    case '<':
    case '"':
    case '\'':
    case '*':
    case 0x201C:
    case 0x2018:
    case 0x00AB:
    case 0x300C:
    case 0x300E:
    case 0xFF08:
      return true;
    default:
      return false;
  }
}

bool is_trailing_wrapper(char32_t cp) {
  switch (cp) {
    case ')':
    case ']':
    case '}':
    case '>':
    case '"':
    case '\'':
    case '*':
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case 0x201D:
    case 0x2019:
    case 0x00BB:
    case 0x300D:
    case 0x300F:
    case 0xFF09:
    case 0x2026:
    case 0x3002:
    case 0xFF0C:
      return true;
    default:
      return false;
  }
}

bool is_non_prose_chunk(std::string_view chunk) {
  if (chunk.find("://") != std::string_view::npos) return true;
  if (chunk.find('@') != std::string_view::npos) return true;
  if (chunk.find('\\') != std::string_view::npos) return true;
  // Strip wrappers: "(see", "src/main.cpp)," and "'~/bin'" classify by what is inside.
  size_t begin = 0, end = chunk.size();
  while (begin < end) {
    utf8::Decoded d = utf8::decode(chunk, begin);
    if (!is_leading_wrapper(d.code_point)) break;
    begin += d.length;
  }
  while (end > begin) {
    utf8::Decoded d = utf8::decode_before(chunk, begin, end);
    if (!is_trailing_wrapper(d.code_point)) break;
    end -= d.length;
  }
  std::string_view core = chunk.substr(begin, end - begin);
  if (core.starts_with('/') || core.starts_with("./") || core.starts_with("../") ||
      core.starts_with("~/"))
    return true;
  const size_t slash = core.rfind('/');
  if (slash == std::string_view::npos) return false;
  // Two or more separators make a path too ("src/main/java").
  if (core.find('/') != slash) return true;
  // A path: the last segment names a file ("src/main.cpp", "config/.env").
  std::string_view last = core.substr(slash + 1);
  const size_t dot = last.find('.');
  return dot != std::string_view::npos && dot + 1 < last.size() && last[dot + 1] != '.';
}

bool has_inner_punctuation(std::string_view word) {
  for (char c : word)
    if ((c >= '0' && c <= '9') || c == '_' || c == '.' || c == ':') return true;
  return false;
}

// Extends [begin, end) over letters joined by hyphens: "Wi" in "Wi-Fi" → "Wi-Fi".
Range hyphen_compound(std::string_view text, uint32_t begin, uint32_t end) {
  const auto latin_at = [&](size_t i) { return is_latin_letter(utf8::decode(text, i).code_point); };
  while (begin >= 2 && text[begin - 1] == '-') {
    const utf8::Decoded before = utf8::decode_before(text, 0, begin - 1);
    if (!is_latin_letter(before.code_point)) break;
    begin -= 1 + before.length;
    while (begin > 0) {
      const utf8::Decoded d = utf8::decode_before(text, 0, begin);
      if (!is_latin_letter(d.code_point) && !is_apostrophe(d.code_point)) break;
      begin -= d.length;
    }
  }
  while (end + 1 < text.size() && text[end] == '-' && latin_at(end + 1)) {
    end += 1;
    while (end < text.size()) {
      const utf8::Decoded d = utf8::decode(text, end);
      if (!is_latin_letter(d.code_point) && !is_apostrophe(d.code_point)) break;
      end += d.length;
    }
  }
  // No apostrophe at the edges ("rock-'n'" is not a word).
  while (end > begin && is_apostrophe(utf8::decode_before(text, begin, end).code_point))
    end -= utf8::decode_before(text, begin, end).length;
  while (begin < end && is_apostrophe(utf8::decode(text, begin).code_point))
    begin += utf8::decode(text, begin).length;
  return {begin, end};
}

}  // namespace

namespace {

// Appends the word segments of text[begin, end) to `out`, with offsets into `text`.
void append_segments(std::string_view text, size_t begin, size_t end, std::vector<Word>& out) {
  if (begin >= end) return;
  UBreakIterator* it = thread_iterator().set(text.substr(begin, end - begin));
  if (!it) return;
  int32_t previous = ubrk_first(it);
  for (int32_t next = ubrk_next(it); next != UBRK_DONE; previous = next, next = ubrk_next(it)) {
    const int32_t status = ubrk_getRuleStatus(it);
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) continue;
    out.push_back(
        {static_cast<uint32_t>(begin + previous), static_cast<uint32_t>(begin + next), status});
  }
}

std::vector<Word> segment_words(std::string_view text) {
  std::vector<Word> out;
  append_segments(text, 0, text.size(), out);
  return out;
}

bool cuts_stretch(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// True when the byte at `i` may belong to a Latin letter (see is_latin_letter): an ASCII letter,
// a lead byte of U+00C0-U+024F (0xC3-0xC9) or the first two bytes of U+1E00-U+1EFF (0xE1
// 0xB8-0xBB).
bool may_be_latin_letter(std::string_view text, size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') return true;
  if (byte >= 0xC3 && byte <= 0xC9) return true;
  if (byte != 0xE1 || i + 1 >= text.size()) return false;
  const auto next = static_cast<unsigned char>(text[i + 1]);
  return next >= 0xB8 && next <= 0xBB;
}

}  // namespace

// Segmenting a stretch alone gives the words it has in the whole text: UAX #29 (and ICU's rules)
// always break before and after white space and no rule looks across it, except that a combining
// mark or format character right after white space joins it (WB4); so the text is only cut where
// the character after the white space is ASCII or a Hangul syllable.
std::vector<Word> latin_stretch_words(std::string_view text) {
  std::vector<Word> out;
  size_t stretch = 0;  // where the current stretch begins
  bool latin = false;
  for (size_t i = 0; i < text.size();) {
    if (!cuts_stretch(text[i])) {
      latin = latin || may_be_latin_letter(text, i);
      ++i;
      continue;
    }
    const size_t space = i;
    while (i < text.size() && cuts_stretch(text[i])) ++i;
    if (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80 &&
        !utf8::is_hangul_syllable(utf8::decode(text, i).code_point))
      continue;  // not a safe cut: the stretch goes on over the white space
    if (latin) append_segments(text, stretch, space, out);
    stretch = i;
    latin = false;
  }
  if (latin) append_segments(text, stretch, text.size(), out);
  return out;
}

std::vector<Range> latin_runs(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Range> out;
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
  uint32_t run_begin = 0, run_end = 0;  // run_end: after the last letter of the open run
  bool open = false;
  for (uint32_t i = begin; i < end;) {
    const utf8::Decoded d = utf8::decode(text, i);
    const uint32_t next = i + d.length;
    if (is_latin_letter(d.code_point)) {
      if (!open) run_begin = i, open = true;
      run_end = next;
    } else if (open && is_apostrophe(d.code_point) && run_end == i && next < end &&
               is_latin_letter(utf8::decode(text, next).code_point)) {
      // An apostrophe between letters ("don't", "Let’s") stays inside the run.
    } else if (open) {
      out.push_back({run_begin, run_end});
      open = false;
    }
    i = next;
  }
  if (open) out.push_back({run_begin, run_end});
  return out;
}

namespace {

// Every kind of chunk is_non_prose_chunk() accepts has one of these bytes.
bool is_chunk_mark(char c) {
  return c == ':' || c == '@' || c == '\\' || c == '/';
}

// Only the chunks around a ':' '@' '\\' or '/' are decoded (from that byte back and forth to
// the white space around it): most of a paragraph is words that cannot be a chunk. An ASCII
// byte always stands for itself, and decoding backwards finds the code points decoding forwards
// does, so the chunks are those of a scan of the whole text.
std::vector<Range> find_non_prose_chunks(std::string_view text) {
  std::vector<Range> out;
  for (size_t at = 0; at < text.size();) {
    if (!is_chunk_mark(text[at])) {
      ++at;
      continue;
    }
    size_t begin = at, end = at;
    while (begin > 0) {
      const utf8::Decoded d = utf8::decode_before(text, 0, begin);
      if (is_chunk_space(d.code_point)) break;
      begin -= d.length;
    }
    while (end < text.size()) {
      const utf8::Decoded d = utf8::decode(text, end);
      if (is_chunk_space(d.code_point)) break;
      end += d.length;
    }
    if (is_non_prose_chunk(text.substr(begin, end - begin)))
      out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    at = end;
  }
  return out;
}

}  // namespace

constexpr size_t kMaxWordBytes = 64;

namespace {

std::vector<Candidate> find_spell_candidates(std::string_view text) {
  std::vector<Candidate> out;
  const SharedList<Range> skip = non_prose_chunks(text);
  size_t next_skip = 0;
  for (const Word& word : latin_stretch_words(text)) {
    if (word.status < UBRK_WORD_LETTER || word.status >= UBRK_WORD_LETTER_LIMIT) continue;
    while (next_skip < skip.size() && skip[next_skip].end <= word.begin) ++next_skip;
    if (next_skip < skip.size() && skip[next_skip].begin < word.end) continue;
    if (has_inner_punctuation(word.in(text))) continue;
    for (const Range& run : latin_runs(text, word.begin, word.end)) {
      const std::string_view s = run.in(text);
      if (s.size() > kMaxWordBytes)
        continue;  // no word is this long: a hash, a blob, a hostile file
      size_t letters = 0, upper = 0;
      bool camel = false, previous_lower = false;
      for (size_t i = 0; i < s.size();) {
        const utf8::Decoded d = utf8::decode(s, i);
        i += d.length;
        if (is_apostrophe(d.code_point)) {
          previous_lower = false;
          continue;
        }
        ++letters;
        const bool is_upper = u_isupper(static_cast<UChar32>(d.code_point));
        if (is_upper) {
          ++upper;
          if (previous_lower) camel = true;
        }
        previous_lower = !is_upper;
      }
      if (letters < 2 || camel) continue;
      // Acronyms: "API", "GPUs", "API's".
      std::string_view stem = s;
      if (stem.ends_with("'s"))
        stem.remove_suffix(2);
      else if (stem.ends_with("\xE2\x80\x99s"))
        stem.remove_suffix(4);
      else if (stem.ends_with('s'))
        stem.remove_suffix(1);
      bool acronym = upper == letters && letters >= 2;
      if (!acronym && stem.size() >= 2 && stem.size() < s.size()) {
        acronym =
            std::all_of(stem.begin(), stem.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      }
      // Mixed capitals that are not an acronym are brand and product names: "SELinux", "OAuth".
      if (!acronym && upper >= 2) continue;
      const Range compound = hyphen_compound(text, run.begin, run.end);
      out.push_back({run.begin, run.end, acronym, compound.begin, compound.end});
    }
  }
  return out;
}

}  // namespace

// Rules ask for these of the same paragraphs again and again (see text_memo.h).

SharedList<Word> words(std::string_view text) {
  static TextMemo<std::vector<Word>> memo;
  if (text.empty()) return {};
  return SharedList<Word>(memo.get(text, [&] { return segment_words(text); }));
}

SharedList<Range> non_prose_chunks(std::string_view text) {
  static TextMemo<std::vector<Range>> memo;
  if (text.empty()) return {};
  return SharedList<Range>(memo.get(text, [&] { return find_non_prose_chunks(text); }));
}

namespace {

// False when `text` has no Latin letter (is_latin_letter), so no candidate: no ASCII letter, no
// lead byte of U+00C0-U+024F (0xC3-0xC9) and no U+1E00-U+1EFF (0xE1 0xB8-0xBB). Many Korean
// paragraphs have none, and for them spell_candidates() needs no word segmentation.
bool may_have_latin_letters(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i)
    if (may_be_latin_letter(text, i)) return true;
  return false;
}

}  // namespace

SharedList<Candidate> spell_candidates(std::string_view text) {
  static TextMemo<std::vector<Candidate>> memo(Keep::when_asked_again);
  if (!may_have_latin_letters(text)) return {};
  return SharedList<Candidate>(memo.get(text, [&] { return find_spell_candidates(text); }));
}

}  // namespace hanmark::text
