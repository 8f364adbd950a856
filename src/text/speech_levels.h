// Korean speech levels (존댓말/반말 등급) read off the final word of a sentence, without a
// morphological analyser: only endings that cannot be anything else are classified; everything
// unclear is `none`.
#pragma once

#include <string_view>

namespace hanmark::speech {

enum class Level {
  none,  // no clear ending: nouns, nominal endings (-함, -음, -기), connectives, 해체, English
  hapnida,  // 하십시오체: -ㅂ니다/-습니다, -ㅂ니까/-습니까, -ㅂ시다, -십시오
  haeyo,  // 해요체 statement: -어요/-아요/-에요/-예요, -네요, -군요, -거든요, -죠 …
  haera,  // 해라체: -다 (했다, 한다, 이다, 없다), -자 (하자, 보자) after a terminator
  // Endings of 해요체 that 합니다체 prose uses as a matter of course, so they mix with both:
  seyo,  // -(으)세요/-셔요 requests and honorifics ("확인하세요", "참고해 주세요")
  question,  // 해요체 questions and suggestions: -까요 ("해 볼까요"), -요? ("무엇인가요?")
};

// Korean name of a level: "합니다체", "해요체", "해라체"; for seyo and question, "해요체".
std::string_view name(Level level);

// The level of the final word of a sentence.
// `word`: the word's Hangul syllables (UTF-8); `attached`: the word is glued to something that is
// not Hangul or a space (Latin, digits, code: "`x`이다", "GPU다"); `terminator`: '.', '!', '?',
// U+2026 or 0 (see text::Sentence).
Level classify(std::string_view word, bool attached, char32_t terminator);

// False when no word of `text` can have a level: none of the syllables that every word with a
// level ends in (다 까 오 요 죠 자) occurs in it. Many headings and list items have none, and
// need no sentence segmentation.
bool may_have_level(std::string_view text);

}  // namespace hanmark::speech
