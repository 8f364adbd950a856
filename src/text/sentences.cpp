#include "text/sentences.h"

#include <algorithm>
#include <initializer_list>
#include <optional>

#include "core/utf8.h"
#include "text/hangul.h"

namespace hanmark::text {

namespace {

bool is_syllable(char32_t cp) {
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

// Whether a syllable ends right before `at`, as decode_before(text, begin, at) would decode it:
// its lead byte EA..ED at or after `begin` and two continuation bytes, compared as bytes.
bool syllable_before(std::string_view text, uint32_t begin, uint32_t at) {
  return at - begin >= 3 && hangul::syllable_at(text, at - 3) != 0;
}

bool is_latin_or_digit(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200B);
}

bool is_terminator(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 /* … */ || cp == 0x2025 /* ‥ */ ||
         cp == 0x3002 /* 。 */ || cp == 0xFF0E /* ． */ || cp == 0xFF01 /* ！ */ ||
         cp == 0xFF1F /* ？ */ || cp == 0x203C /* ‼ */ || cp == 0x2049 /* ⁉ */;
}

bool is_closer(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' || cp == 0x201D ||
         cp == 0x2019 || cp == 0x300D || cp == 0x300F || cp == 0xFF09 || cp == 0x3009 ||
         cp == 0x300B || static_cast<char>(cp) == kQuoteMask;
}

// "…겠다! 라고 하시는": the word after the terminator, at byte `i`, continues an unquoted
// quotation.
bool starts_quotative(std::string_view text, size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  size_t end = i;
  while (end < text.size()) {
    const utf8::Decoded d = utf8::decode(text, end);
    if (!is_syllable(d.code_point)) break;
    end += d.length;
  }
  const std::string_view word = text.substr(i, end - i);
  for (std::string_view prefix :
       {"라고", "라는", "라며", "라면서", "라던", "하고", "하며", "하면서", "하는", "하던", "하니"})
    if (word.starts_with(prefix)) return true;
  return word == "란" || word == "고" || word == "며";
}

// The offsets of every occurrence of `bytes` in `text`, in order: each byte found by memchr,
// much faster than a look at every byte where they are few (quote marks, line ends, terminators).
std::vector<uint32_t> offsets_of(std::string_view text, std::initializer_list<char> bytes) {
  std::vector<uint32_t> out;
  for (char byte : bytes)
    for (size_t i = text.find(byte); i != std::string_view::npos; i = text.find(byte, i + 1))
      out.push_back(static_cast<uint32_t>(i));
  std::sort(out.begin(), out.end());
  return out;
}

void mask(std::string& out, uint32_t begin, uint32_t end) {
  std::fill(out.begin() + begin, out.begin() + end, kQuoteMask);
}

}  // namespace

std::string mask_quotations(std::string_view text) {
  std::string out(text);
  // Only the quote marks can open or close a pair, so the pairing runs over them alone, found by
  // their bytes (no decoded copy of the text): " ' and “ ” ‘ ’ (E2 80 xx), 「 」 『 』 (E3 80 xx).
  struct Mark {
    char32_t cp;
    uint32_t offset;
    uint32_t end;
    bool letter_before;  // the code point before is a Latin letter or digit
    bool letter_after;
  };
  std::vector<Mark> marks;
  const auto size = static_cast<uint32_t>(text.size());
  // The continuation bytes of the three-byte marks are none of these.
  for (const uint32_t i : offsets_of(text, {'"', '\'', '\xE2', '\xE3'})) {
    const auto byte = static_cast<unsigned char>(text[i]);
    char32_t cp = byte;
    uint32_t length = 1;
    if (byte == 0xE2 || byte == 0xE3) {
      if (i + 2 >= size || static_cast<unsigned char>(text[i + 1]) != 0x80) continue;
      const auto last = static_cast<unsigned char>(text[i + 2]);
      if (byte == 0xE2 ? last != 0x98 && last != 0x99 && last != 0x9C && last != 0x9D
                       : last < 0x8C || last > 0x8F)
        continue;
      cp = (byte == 0xE2 ? 0x2000 : 0x3000) + (last & 0x3F);
      length = 3;
    } else if (byte != '"' && byte != '\'') {
      continue;
    }
    // Lead bytes and ASCII always start a code point, so decode_before() finds the one before.
    const bool before = i > 0 && is_latin_or_digit(utf8::decode_before(text, 0, i).code_point);
    const bool after =
        i + length < size && is_latin_or_digit(utf8::decode(text, i + length).code_point);
    marks.push_back({cp, i, i + length, before, after});
  }
  // Pairs open/close marks in order; `opens`/`closes` decide per mark.
  auto pair = [&](auto opens, auto closes) {
    const Mark* open = nullptr;
    for (const Mark& m : marks) {
      if (out[m.offset] == kQuoteMask) continue;
      if (!open) {
        if (opens(m)) open = &m;
      } else if (closes(m)) {
        mask(out, open->offset, m.end);
        open = nullptr;
      }
    }
  };
  auto is = [](char32_t cp) { return [cp](const Mark& m) { return m.cp == cp; }; };
  pair(is(0x300C), is(0x300D));  // 「」
  pair(is(0x300E), is(0x300F));  // 『』
  pair(is(0x201C), is(0x201D));  // “”
  pair(is('"'), is('"'));
  // Only Latin letters make an apostrophe: "don't"; Korean attaches particles to a closing quote
  // ('괜찮다'고, '값'을).
  pair(is(0x2018), [](const Mark& m) { return m.cp == 0x2019 && !m.letter_after; });  // ‘’
  // A straight single quote between letters is an apostrophe ("don't", "it's").
  pair([](const Mark& m) { return m.cp == '\'' && !m.letter_before; },
       [](const Mark& m) { return m.cp == '\'' && !m.letter_after; });
  return out;
}

std::vector<Sentence> sentences(std::string_view text) {
  // One pass over the bytes, decoding as it goes: only terminators and line breaks need a look
  // around, and most text is neither (a decoded copy of every paragraph cost more than the scan).
  std::vector<Sentence> out;
  const auto size = static_cast<uint32_t>(text.size());
  const auto decode = [&](uint32_t i) { return utf8::decode(text, i); };
  const auto skip_spaces = [&](uint32_t i) {
    for (utf8::Decoded d; i < size && is_space((d = decode(i)).code_point);) i += d.length;
    return i;
  };
  const auto add = [&](uint32_t first, uint32_t end, char32_t terminator, bool line_break) {
    if (first < size && first < end) out.push_back({first, end, terminator, line_break});
  };
  uint32_t start = skip_spaces(0);
  // Where the last sentence break or terminator left off: the code point before it does not
  // count as a syllable before a terminator (it is a space, terminator or closer).
  uint32_t resumed = start;
  // Only line breaks and terminators need a look: ASCII . ! ? and those led by E2, E3 or EF.
  // These bytes always start a code point; the scan goes from one to the next past i.
  const std::vector<uint32_t> stops =
      offsets_of(text, {'\n', '.', '!', '?', '\xE2', '\xE3', '\xEF'});
  auto stop = stops.begin();
  for (uint32_t i = start; i < size;) {
    while (stop != stops.end() && *stop < i) ++stop;
    if (stop == stops.end()) break;
    i = *stop;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      add(start, i > 0 && text[i - 1] == '\r' ? i - 1 : i, 0, true);
      i = start = resumed = skip_spaces(i + 1);
      continue;
    }
    const utf8::Decoded d = decode(i);
    if (!is_terminator(d.code_point)) {
      i += d.length;
      continue;
    }
    const bool after_syllable = i != resumed && syllable_before(text, 0, i);
    uint32_t j = i;
    size_t terminators = 0;
    bool question = false, exclamation = false, dots = false;
    for (utf8::Decoded t; j < size && is_terminator((t = decode(j)).code_point); j += t.length) {
      const char32_t cp = t.code_point;
      question = question || cp == '?' || cp == 0xFF1F || cp == 0x2049;
      exclamation = exclamation || cp == '!' || cp == 0xFF01 || cp == 0x203C;
      dots = dots || cp == 0x2026 || cp == 0x2025;
      ++terminators;
    }
    for (utf8::Decoded c; j < size && is_closer((c = decode(j)).code_point);) j += c.length;
    bool boundary = false;
    if (j == size || is_space(decode(j).code_point)) {
      boundary = !starts_quotative(text, j);
    } else if (after_syllable && is_syllable(decode(j).code_point)) {
      boundary = true;  // "했습니다.그리고": a missing space
    }
    if (boundary) {
      const char32_t terminator = question                   ? U'?'
                                  : exclamation              ? U'!'
                                  : dots || terminators >= 2 ? U'\u2026'
                                                             : U'.';
      add(start, j, terminator, false);
      i = start = resumed = skip_spaces(j);
    } else {
      i = resumed = j;
    }
  }
  if (start < size) add(start, size, 0, false);
  return out;
}

FinalWord final_word(std::string_view text, uint32_t begin, uint32_t end) {
  FinalWord word;
  // Decoded backwards from the end: the final word is usually a few bytes away.
  const auto before = [&](uint32_t at) { return utf8::decode_before(text, begin, at); };
  uint32_t i = end;  // the sentence, with what is set aside, ends here
  while (i > begin) {
    const utf8::Decoded d = before(i);
    const char32_t cp = d.code_point;
    if (is_syllable(cp)) break;
    if (is_latin_or_digit(cp) || cp == 0xFFFC || static_cast<char>(cp) == kQuoteMask ||
        cp == utf8::kInvalid)
      return word;
    if (cp == ')' || cp == 0xFF09) {
      // A trailing parenthetical: "…설치합니다 (선택 사항)". Kept when it is the whole sentence.
      const char32_t open = cp == ')' ? U'(' : U'\xFF08';
      int depth = 0;
      uint32_t k = i;  // the code point before k is the matching open parenthesis at the break
      for (; k > begin; k -= before(k).length) {
        const char32_t c = before(k).code_point;
        if (c == cp) ++depth;
        if (c == open && --depth == 0) break;
      }
      if (k > begin && depth == 0) {
        uint32_t start = k - before(k).length;  // of the open parenthesis
        while (start > begin && is_space(before(start).code_point)) start -= before(start).length;
        if (start > begin) {
          i = start;
          continue;
        }
      }
    }
    i -= d.length;  // punctuation, symbols, spaces, emoji, compatibility jamo (ㅋㅋ)
  }
  if (i == begin) return word;
  uint32_t k = i;
  while (syllable_before(text, begin, k)) k -= 3;
  word.begin = k;
  word.end = i;
  if (k > begin) {
    word.before = before(k).code_point;
  } else if (begin > 0) {
    size_t at = begin - 1;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    word.before = utf8::decode(text, at).code_point;
  }
  return word;
}

}  // namespace hanmark::text
