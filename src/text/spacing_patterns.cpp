#include "text/spacing_patterns.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "core/utf8.h"
#include "text/hangul.h"
#include "text/text_memo.h"

namespace hanmark::spacing {

namespace {

using U = std::u32string_view;

// Verbal nouns (Sino-Korean and loanwords) that take -하다/-되다 as a suffix. Used to tell
// '사용 할' (사용할) from a noun followed by a separate word, and '구상중' (구상 중) from the
// lexicalised X중 nouns (집중, 대중, 비중, 그중 …), none of which is listed here.
constexpr U kVerbalNouns[] = {
    U"가공",         U"가입",       U"감소",     U"감지",     U"개발",     U"개선",     U"검색",
    U"검증",         U"검토",       U"결정",     U"결합",     U"경험",     U"계산",     U"고려",
    U"고민",         U"공부",       U"공유",     U"관리",     U"교체",     U"구독",     U"구상",
    U"구성",         U"구현",       U"기록",     U"기여",     U"다운로드", U"대체",     U"도입",
    U"동기화",       U"동작",       U"등록",     U"디버깅",   U"렌더링",   U"로그인",   U"로그아웃",
    U"로드",         U"로딩",       U"리렌더링", U"리로드",   U"리팩터링", U"리팩토링", U"마운트",
    U"마이그레이션", U"매핑",       U"명시",     U"모니터링", U"반복",     U"반영",     U"반환",
    U"발견",         U"발생",       U"발행",     U"방지",     U"배포",     U"번역",     U"변경",
    U"변환",         U"병합",       U"보장",     U"보존",     U"복사",     U"복원",     U"분리",
    U"분석",         U"분할",       U"비교",     U"빌드",     U"사용",     U"삭제",     U"삽입",
    U"상속",         U"생략",       U"생성",     U"선언",     U"선택",     U"설계",     U"설명",
    U"설정",         U"설치",       U"성공",     U"소개",     U"수락",     U"수신",     U"수정",
    U"수집",         U"수행",       U"시도",     U"시작",     U"실패",     U"실행",     U"실험",
    U"압축",         U"업그레이드", U"업데이트", U"업로드",   U"연결",     U"연구",     U"연동",
    U"예측",         U"완료",       U"요약",     U"요청",     U"운영",     U"응답",     U"의존",
    U"이동",         U"이용",       U"이해",     U"인증",     U"인식",     U"입력",     U"작성",
    U"작업",         U"작동",       U"재사용",   U"재시작",   U"저장",     U"적용",     U"전달",
    U"전송",         U"전환",       U"접근",     U"접속",     U"정렬",     U"정리",     U"정의",
    U"제거",         U"제공",       U"제어",     U"제출",     U"조회",     U"종료",     U"준비",
    U"중지",         U"증가",       U"지원",     U"지정",     U"진행",     U"질문",     U"차단",
    U"참조",         U"처리",       U"초기화",   U"최적화",   U"추가",     U"추론",     U"추적",
    U"추출",         U"출력",       U"측정",     U"컴파일",   U"클릭",     U"테스트",   U"통신",
    U"통합",         U"파싱",       U"편집",     U"평가",     U"포함",     U"표시",     U"표현",
    U"학습",         U"할당",       U"해결",     U"허용",     U"호출",     U"확인",     U"확장",
    U"활용",         U"훈련",
};

// kVerbalNouns in order, grouped by their first syllables, and an open-addressing table from a
// first syllable to its group: verbal_noun_split() asks about every Hangul run, and most are
// ruled out by their length or first syllable, the rest compared with a noun or two.
constexpr auto kVerbalNounsSorted = [] {
  std::array<U, std::size(kVerbalNouns)> out{};
  std::copy(std::begin(kVerbalNouns), std::end(kVerbalNouns), out.begin());
  std::sort(out.begin(), out.end());
  return out;
}();

struct VerbalNounGroup {
  char32_t first = 0;  // 0: an empty slot
  uint8_t begin = 0;   // kVerbalNounsSorted[begin, end)
  uint8_t end = 0;
};
constexpr size_t kGroupSlots = 512;  // a power of two, over twice the number of groups
constexpr size_t group_slot(char32_t first) {
  return (static_cast<uint32_t>(first) * 0x9E3779B1u) >> 23;
}
constexpr auto kVerbalNounGroups = [] {
  static_assert(std::size(kVerbalNouns) < 256 && kGroupSlots == size_t{1} << (32 - 23));
  std::array<VerbalNounGroup, kGroupSlots> out{};
  size_t groups = 0;
  for (size_t i = 0; i < kVerbalNounsSorted.size();) {
    const char32_t first = kVerbalNounsSorted[i].at(0);
    size_t j = i;
    while (j < kVerbalNounsSorted.size() && kVerbalNounsSorted[j][0] == first) ++j;
    size_t slot = group_slot(first);
    while (out[slot].first) slot = (slot + 1) % kGroupSlots;
    out[slot] = {first, static_cast<uint8_t>(i), static_cast<uint8_t>(j)};
    ++groups;
    i = j;
  }
  if (2 * groups > kGroupSlots) throw "kGroupSlots is too small";
  return out;
}();
constexpr auto kVerbalNounLengths = [] {
  std::pair<size_t, size_t> out{~size_t{0}, 0};
  for (U noun : kVerbalNouns)
    out = {std::min(out.first, noun.size()), std::max(out.second, noun.size())};
  return out;
}();

bool is_verbal_noun(U word) {
  if (word.size() < kVerbalNounLengths.first || word.size() > kVerbalNounLengths.second)
    return false;
  for (size_t slot = group_slot(word[0]);; slot = (slot + 1) % kGroupSlots) {
    const VerbalNounGroup& group = kVerbalNounGroups[slot];
    if (!group.first) return false;
    if (group.first != word[0]) continue;
    for (size_t i = group.begin; i < group.end; ++i)
      if (kVerbalNounsSorted[i] == word) return true;
    return false;
  }
}

// Particles that can follow a word written in Latin letters, digits or code. '이' is left out:
// after a space it is far more often the determiner '이' (this) than a detached particle.
constexpr U kParticles[] = {
    U"을",     U"를",     U"가",     U"은",     U"는",     U"와",   U"과",     U"의",
    U"에",     U"에서",   U"으로",   U"로",     U"도",     U"만",   U"에게",   U"에는",
    U"에서는", U"에도",   U"으로는", U"로는",   U"와는",   U"과는", U"보다",   U"처럼",
    U"부터",   U"까지",   U"이나",   U"나",     U"이란",   U"란",   U"이라는", U"라는",
    U"이라고", U"라고",   U"으로서", U"로서",   U"으로써", U"로써", U"과의",   U"와의",
    U"에서의", U"으로의", U"로의",   U"입니다", U"이다",   U"이며", U"이고",   U"을까",
};

// What may follow a counter inside the same word: '두 가지를', '세 번째로', '두 개씩'.
constexpr U kCounterTails[] = {
    U"",     U"을",   U"를",     U"이",     U"가",   U"은",     U"는",     U"의",   U"도",
    U"만",   U"에",   U"에서",   U"으로",   U"로",   U"와",     U"과",     U"씩",   U"쯤",
    U"정도", U"뿐",   U"밖에",   U"중",     U"중에", U"중에서", U"동안",   U"만에", U"이상",
    U"이하", U"이다", U"입니다", U"이에요", U"예요", U"인",     U"이고",   U"이며", U"이나",
    U"나",   U"라도", U"이라도", U"까지",   U"부터", U"에는",   U"에도",   U"로는", U"으로는",
    U"이었", U"였",   U"이면",   U"면",     U"쯤은", U"정도로", U"정도의",
};

// Hangul numerals (native determiner forms) and the counters checked after them.
constexpr U kNumerals[] = {U"한", U"두", U"세", U"네", U"여러"};
constexpr U kCounters[] = {U"가지", U"개",   U"번", U"명", U"달", U"마리",
                           U"군데", U"시간", U"줄", U"살", U"권"};

// Counters after which '한 …' is the numeral, not the adnominal 한 of -하다: '추가 한 번'.
constexpr U kNumeralCounters[] = {
    U"번",   U"개", U"가지", U"명", U"쪽", U"차례", U"줄", U"단계", U"마디", U"군데", U"곳",  U"달",
    U"시간", U"주", U"해",   U"대", U"장", U"편",   U"권", U"건",   U"회",   U"판",   U"줄기"};

template <size_t N>
bool in(const U (&list)[N], U word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool in(std::initializer_list<char32_t> list, char32_t c) {
  return std::find(list.begin(), list.end(), c) != list.end();
}

bool starts_with_any(U word, std::initializer_list<U> prefixes) {
  for (U p : prefixes)
    if (word.starts_with(p)) return true;
  return false;
}

int final_of(char32_t c) {  // hangul::final_index(), inline: asked of most runs
  return hangul::is_syllable(c) ? static_cast<int>((c - 0xAC00) % 28) : -1;
}
int vowel_of(char32_t c) {
  return hangul::is_syllable(c) ? static_cast<int>((c - 0xAC00) / 28 % 21) : -1;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
constexpr char32_t kObject = 0xFFFC;

// Opening punctuation: a word may start right after it.
bool is_opening(char32_t c) {
  return in({'(',    '[', '{', '<', '"', '\'', 0x201C, 0x2018, 0x300C, 0x300E, 0x300A,
             0x3008, '-', '/', ',', ':', ';',  0x00B7, 0x2014, 0x2013, '~'},
            c);
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : buffers_(buffers()), runs_(buffers_.runs) {
    // No more code points than bytes. The buffers only grow, so they are written in place, and
    // neither allocated nor zeroed for most paragraphs.
    if (buffers_.u.size() < text.size()) buffers_.u.resize(text.size());
    if (buffers_.offsets.size() < text.size() + 1) buffers_.offsets.resize(text.size() + 1);
    runs_.clear();
    // One pass: the code points, their offsets and the maximal runs of syllables. ASCII and
    // syllables (EA..ED and two continuation bytes) are decoded here, the rest by utf8::decode.
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const size_t size = text.size();
    char32_t* const u = buffers_.u.data();
    uint32_t* const offsets = buffers_.offsets.data();
    size_t n = 0;
    size_t run_end = ~size_t{0};  // where the last run ends, in code points
    for (size_t i = 0; i < size;) {
      const unsigned char lead = bytes[i];
      offsets[n] = static_cast<uint32_t>(i);
      if (lead < 0x80) {
        u[n++] = lead;
        ++i;
        continue;
      }
      if (lead >= 0xEA && lead <= 0xED && i + 2 < size) {
        const char32_t cp = (char32_t{lead} & 0x0F) << 12 | (char32_t{bytes[i + 1]} & 0x3F) << 6 |
                            (char32_t{bytes[i + 2]} & 0x3F);
        if ((bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80 &&
            hangul::is_syllable(cp)) {
          if (run_end != n) runs_.push_back({n, n});
          run_end = ++runs_.back().e;
          u[n++] = cp;
          i += 3;
          continue;
        }
      }
      const utf8::Decoded d = utf8::decode(text, i);
      u[n++] = d.code_point == utf8::kInvalid ? 0xFFFD : d.code_point;
      i += d.length;
    }
    offsets[n] = static_cast<uint32_t>(size);
    u_ = U(u, n);
    offsets_ = offsets;
  }

  std::vector<std::pair<char32_t, uint32_t>> code_points() const {
    std::vector<std::pair<char32_t, uint32_t>> out;
    for (size_t i = 0; i < u_.size(); ++i) out.emplace_back(u_[i], offsets_[i]);
    return out;
  }

  std::vector<Finding> scan() {
    for (const Run& r : runs_) {
      for (size_t k = r.s + 1; k < r.e; ++k) {
        if (may_be_dependent_noun(u_[k])) {
          if (auto f = dependent_noun(r, k)) add(std::move(*f));
        } else if (u_[k] == U'야') {
          if (auto f = haeya(r, k)) add(std::move(*f));
        }
      }
      // Most runs start with none of kNumerals' first syllables (counter() asks this first).
      const char32_t first = u_[r.s];
      if (first == U'한' || first == U'두' || first == U'세' || first == U'네' || first == U'여')
        if (auto f = counter(r)) add(std::move(*f));
      if (auto f = ji_duration(r)) add(std::move(*f));
      if (auto f = ji_ending(r)) add(std::move(*f));
      if (auto f = verbal_noun_split(r)) add(std::move(*f));
    }
    particles();
    std::sort(out_.begin(), out_.end(),
              [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
    // Keep the first of overlapping findings; the fixer re-runs, so the rest come back later.
    std::vector<Finding> kept;
    for (Finding& f : out_) {
      if (!kept.empty() && f.begin < kept.back().end) continue;
      kept.push_back(std::move(f));
    }
    return kept;
  }

 private:
  struct Run {
    size_t s;
    size_t e;
  };

  char32_t at(size_t i) const { return i < u_.size() ? u_[i] : 0; }
  char32_t before(const Run& r) const { return r.s == 0 ? 0 : u_[r.s - 1]; }
  char32_t after(const Run& r) const { return at(r.e); }
  U slice(size_t b, size_t e) const { return u_.substr(b, e - b); }
  U word(const Run& r) const { return slice(r.s, r.e); }

  // The run starts a word: nothing glued to its front but opening punctuation.
  bool starts_word(const Run& r) const {
    const char32_t b = before(r);
    return b == 0 || is_space(b) || is_opening(b);
  }
  // The run ends a word: white space, punctuation or the end follows.
  bool ends_word(const Run& r) const {
    const char32_t a = after(r);
    return a == 0 || (!is_ascii_alnum(a) && a != kObject && !hangul::is_syllable(a) &&
                      !(a >= 0x80 && a < 0x2000));
  }

  // The Hangul run after `index` past one or more ASCII spaces (not line breaks).
  std::optional<Run> next_run(size_t index) const {
    size_t j = index;
    while (j < u_.size() && u_[j] == ' ') ++j;
    if (j == index || j >= u_.size() || !hangul::is_syllable(u_[j])) return std::nullopt;
    // After a space, a syllable starts a run.
    return *std::lower_bound(runs_.begin(), runs_.end(), j,
                             [](const Run& run, size_t at) { return run.s < at; });
  }

  // The next space-separated token (any characters) after `index`; empty at a line break.
  U next_token(size_t index, size_t* end) const {
    size_t j = index;
    while (j < u_.size() && u_[j] == ' ') ++j;
    if (j == index) {
      *end = index;
      return {};
    }
    size_t e = j;
    while (e < u_.size() && !is_space(u_[e])) ++e;
    *end = e;
    return slice(j, e);
  }

  Finding insert_spaces(Pattern p, size_t b, size_t e, std::initializer_list<size_t> at_indices,
                        U word, bool certain) const {
    std::string replacement;
    for (size_t i = b; i < e; ++i) {
      if (std::find(at_indices.begin(), at_indices.end(), i) != at_indices.end())
        replacement += ' ';
      utf8::append(replacement, u_[i]);
    }
    std::string w;
    for (char32_t c : word) utf8::append(w, c);
    return {p, offsets_[b], offsets_[e], std::move(replacement), std::move(w), certain};
  }

  void add(Finding f) { out_.push_back(std::move(f)); }

  // 할수 있다, 있는것, 할때, 하는중/구상중이신, 할만큼, 할뿐, 싶은거 (한글 맞춤법 제42항).
  // The syllables dependent_noun() looks at; scan() asks at every syllable, so this comes first.
  static bool may_be_dependent_noun(char32_t noun) {
    return noun == U'수' || noun == U'것' || noun == U'거' || noun == U'때' || noun == U'중' ||
           noun == U'만' || noun == U'뿐';
  }

  std::optional<Finding> dependent_noun(const Run& r, size_t k) const {
    const char32_t noun = u_[k];
    const char32_t prev = u_[k - 1];
    const bool one_syllable_before = k - 1 == r.s;
    const U tail = slice(k + 1, r.e);
    const U prefix = slice(r.s, k);
    const auto next_starts = [&](std::initializer_list<char32_t> first) {
      const auto n = next_run(r.e);
      return n && in(first, u_[n->s]);
    };

    if (noun == U'수' && final_of(prev) == hangul::kFinalRieul) {
      // 실수, 필수, 홀수, 별수 … are nouns of their own.
      if (one_syllable_before &&
          in({U'실', U'필', U'홀', U'별', U'말', U'술', U'밀', U'일', U'절', U'결', U'철'}, prev))
        return std::nullopt;
      if (!tail.empty() && in({U'있', U'없'}, tail[0]))
        return insert_spaces(Pattern::dependent_noun, r.s, k + 2, {k, k + 1}, U"수", true);
      static constexpr U kTails[] = {U"", U"도", U"가", U"는", U"밖에", U"조차", U"만"};
      if (in(kTails, tail) && r.e == k + 1 + tail.size() && next_starts({U'있', U'없'}))
        return insert_spaces(Pattern::dependent_noun, r.s, k + 1, {k}, U"수", true);
      return std::nullopt;
    }
    if (noun == U'것' && (final_of(prev) == 4 || final_of(prev) == hangul::kFinalRieul)) {
      // 날것, 탈것, 들것, 별것, 물것, 헌것 are dictionary nouns.
      if (one_syllable_before && in({U'날', U'탈', U'들', U'별', U'물', U'헌'}, prev))
        return std::nullopt;
      return insert_spaces(Pattern::dependent_noun, r.s, k + 1, {k}, U"것", true);
    }
    if (noun == U'거' &&
        in({U'는', U'은', U'던', U'을', U'운', U'한', U'할', U'된', U'될', U'인'}, prev)) {
      if (one_syllable_before && !in({U'한', U'할', U'된', U'될'}, prev)) return std::nullopt;
      // The colloquial 것: 싶은 거예요, 할 거야, 하는 거지. Endings -거나/-거든/-거라 follow stems
      // (하거나), and nouns (거리, 거기, 거의) start with 거: only these continuations count.
      if (!tail.empty() &&
          !in({U'야', U'예', U'에', U'였', U'지', U'라', U'고', U'니', U'죠', U'다',
               U'를', U'가', U'는', U'도', U'만', U'랑', U'면', U'잖', U'같', U'로',
               U'요', U'냐', U'네', U'임', U'입', U'일', U'이', U'든', U'나', U'예'},
              tail[0]))
        return std::nullopt;
      if (tail.starts_with(U"리") || tail.starts_with(U"기") || tail.starts_with(U"의"))
        return std::nullopt;
      return insert_spaces(Pattern::dependent_noun, r.s, k + 1, {k}, U"거", false);
    }
    if (noun == U'때' && final_of(prev) == hangul::kFinalRieul) {
      if (one_syllable_before && prev == U'물') return std::nullopt;  // 물때 (tide)
      if (tail.starts_with(U"문")) return std::nullopt;
      return insert_spaces(Pattern::dependent_noun, r.s, k + 1, {k}, U"때", true);
    }
    if (noun == U'중') {
      // Only 중 followed by the copula or 에: 구상 중이신, 하는 중에, 진행 중인.
      if (!tail.empty() && !in({U'이', U'인', U'입', U'일', U'임', U'에', U'엔'}, tail[0]))
        return std::nullopt;
      if (in({U'는', U'던'}, prev) && !one_syllable_before)
        return insert_spaces(Pattern::dependent_noun, r.s, k + 1, {k}, U"중", true);
      if (is_verbal_noun(prefix) && starts_word(r))
        return insert_spaces(Pattern::dependent_noun, r.s, k + 1, {k}, U"중", true);
      return std::nullopt;
    }
    const bool mankeum = noun == U'만' && at(k + 1) == U'큼' && k + 1 < r.e;
    if (mankeum || noun == U'뿐') {
      if (noun == U'뿐' && tail.starts_with(U"더러")) return std::nullopt;  // -ㄹ뿐더러 (ending)
      static constexpr U kNouns[] = {U"역할", U"분할", U"권한", U"기한", U"제한", U"무한",
                                     U"유한", U"시한", U"상한", U"하한", U"원한"};
      if (in(kNouns, prefix)) return std::nullopt;
      bool adnominal = false;
      if (in({U'할', U'될', U'한', U'된'}, prev)) adnominal = true;
      if (in({U'는', U'던'}, prev) && !one_syllable_before) adnominal = true;
      // -을/-은 follow a stem with a final consonant (있을, 많은); 마을, 가을 are nouns.
      if (in({U'을', U'은'}, prev) && !one_syllable_before && final_of(u_[k - 2]) > 0)
        adnominal = true;
      if (!adnominal) return std::nullopt;
      return insert_spaces(Pattern::dependent_noun, r.s, k + (mankeum ? 2 : 1), {k},
                           mankeum ? U"만큼" : U"뿐", true);
    }
    return std::nullopt;
  }

  // 해야할 → 해야 할: -아야/-어야 + 하다/되다 is two words.
  std::optional<Finding> haeya(const Run& r, size_t k) const {
    if (u_[k] != U'야' || k + 1 >= r.e) return std::nullopt;
    const char32_t p = u_[k - 1];
    if (final_of(p) != 0 || p == U'하') return std::nullopt;  // 하야 (下野)
    // ㅏ ㅐ ㅓ ㅕ ㅘ ㅙ ㅚ ㅝ: the vowels -아/-어 leave on the stem (가야, 해야, 써야, 배워야).
    if (!in({0, 1, 4, 6, 9, 10, 11, 14}, static_cast<char32_t>(vowel_of(p)))) return std::nullopt;
    if (k - 1 == r.s && in({U'여', U'아', U'어'}, p)) return std::nullopt;  // 여야 (parties)
    if (!in({U'하', U'한', U'할', U'합', U'했', U'해', U'함', U'될', U'된', U'되', U'됩', U'됐',
             U'돼', U'됨'},
            u_[k + 1]))
      return std::nullopt;
    return insert_spaces(Pattern::auxiliary_haeya, r.s, k + 2, {k + 1}, slice(k + 1, k + 2), true);
  }

  // 생성할 지 → 생성할지; 하는 지 → 하는지: -ㄹ지/-는지 are endings (제42항 covers only the
  // dependent noun 지 of elapsed time, after the past adnominal -ㄴ/-은).
  std::optional<Finding> ji_ending(const Run& r) const {
    const char32_t p = u_[r.e - 1];
    const bool rieul = final_of(p) == hangul::kFinalRieul;
    if (!rieul && !(p == U'는' && r.e - r.s >= 2)) return std::nullopt;
    if (rieul && r.e - r.s == 1 &&
        in({U'일', U'월', U'물', U'불', U'길', U'별', U'발', U'칠', U'팔', U'실', U'글', U'술',
            U'쌀', U'굴', U'벌', U'달'},
           p))
      return std::nullopt;
    if (is_digit(before(r))) return std::nullopt;  // 1일 지나
    // 책임을 지는 것: after the object particle 을/를, 지는/지고 is the verb 지다.
    if (p == U'를') return std::nullopt;
    // Every form below starts with 지: most runs are ruled out before next_run() looks them up.
    size_t j = r.e;
    while (j < u_.size() && u_[j] == ' ') ++j;
    if (j == r.e || at(j) != U'지') return std::nullopt;
    const auto n = next_run(r.e);
    if (!n || !ends_word(*n)) return std::nullopt;
    const U w = word(*n);
    static constexpr U kForms[] = {U"지",     U"지를", U"지가",   U"지는",   U"지에",
                                   U"지에는", U"지의", U"지라도", U"지조차", U"지부터"};
    bool ok = in(kForms, w) && !(p == U'을' && w == U"지는");
    if (w == U"지도") {  // 할 지도 모른다 (지도 is also 'map')
      const auto m = next_run(n->e);
      ok = m && starts_with_any(word(*m), {U"모르", U"모른", U"모릅", U"몰라", U"몰랐"});
    }
    if (!ok) return std::nullopt;
    return Finding{Pattern::ji_ending,        offsets_[r.e], offsets_[n->s], "",
                   rieul ? "-ㄹ지" : "-는지", true};
  }

  bool duration_token(U t, size_t end) const {
    // Digits with a time unit: 4년, 3개월, 10분.
    size_t i = 0;
    while (i < t.size() && (is_digit(t[i]) || t[i] == '.' || t[i] == '~' || t[i] == '-')) ++i;
    if (i > 0 && i < t.size() && is_digit(t[0]))
      return starts_with_any(t.substr(i),
                             {U"년", U"개월", U"달", U"주", U"일", U"시간", U"분", U"초", U"해"});
    if (starts_with_any(t, {U"며칠",   U"오래", U"오랜", U"한참",   U"일주일", U"하루", U"이틀",
                            U"사흘",   U"나흘", U"수년", U"수개월", U"반년",   U"몇년", U"몇달",
                            U"몇개월", U"몇주", U"한달", U"두달",   U"석달",   U"일년", U"십년"}))
      return true;
    if (t == U"얼마" || t == U"얼마나") return t == U"얼마";
    // Two words: 한 달, 몇 년, 삼 년.
    static constexpr U kNumbers[] = {U"한", U"두", U"세", U"석", U"네", U"일", U"이", U"삼", U"사",
                                     U"오", U"육", U"칠", U"팔", U"구", U"십", U"몇", U"수"};
    if (in(kNumbers, t)) {
      size_t e2 = 0;
      const U n = next_token(end, &e2);
      return starts_with_any(n, {U"달", U"해", U"년", U"개월", U"주", U"시간", U"분", U"일"});
    }
    return false;
  }

  // 종사한지 4년 → 종사한 지 4년: the dependent noun 지 of elapsed time.
  std::optional<Finding> ji_duration(const Run& r) const {
    size_t k = r.e - 1;
    if (u_[k] != U'지') {
      if (r.e - r.s < 3 || u_[k - 1] != U'지' || !in({U'가', U'도', U'는'}, u_[k]))
        return std::nullopt;
      --k;
    }
    if (k < r.s + 2) return std::nullopt;  // at least two syllables before 지: 만난지, 시작한지
    const char32_t p = u_[k - 1];
    if (final_of(p) != 4) return std::nullopt;
    // -는지/-던지/-든지/인지/건지/어떤지/그런지 are endings or fixed forms.
    if (in({U'는', U'인', U'던', U'든', U'건', U'런', U'떤'}, p)) return std::nullopt;
    if (!ends_word(r)) return std::nullopt;
    size_t pos = r.e;
    for (int i = 0; i < 3; ++i) {
      size_t end = 0;
      const U t = next_token(pos, &end);
      if (t.empty()) return std::nullopt;
      if (duration_token(t, end))
        return insert_spaces(Pattern::ji_duration, r.s, k + 1, {k}, U"지", false);
      const char32_t last = t.back();
      if (in({'.', ',', '?', '!', ';', ':', ')'}, last)) return std::nullopt;
      pos = end;
    }
    return std::nullopt;
  }

  // 두가지 → 두 가지 (제43항: units are spaced from the numeral).
  std::optional<Finding> counter(const Run& r) const {
    const U w = word(r);
    // Asked of every run: most start with none of kNumerals' first syllables.
    if (!in({U'한', U'두', U'세', U'네', U'여'}, w[0])) return std::nullopt;
    if (!starts_word(r)) return std::nullopt;
    for (U numeral : kNumerals) {
      if (!w.starts_with(numeral)) continue;
      const U rest = w.substr(numeral.size());
      for (U c : kCounters) {
        if (!rest.starts_with(c)) continue;
        // 한번 (once, try) and 한가지 (the same) are dictionary words; 한살이 (life cycle).
        if (numeral == U"한" && (c == U"번" || c == U"가지" || c == U"살")) return std::nullopt;
        U tail = rest.substr(c.size());
        if (c == U"번" && tail.starts_with(U"째")) tail.remove_prefix(1);
        if (tail.starts_with(U"씩")) tail.remove_prefix(1);
        if (!in(kCounterTails, tail)) continue;
        const size_t split = r.s + numeral.size();
        return insert_spaces(Pattern::counter, r.s, split + c.size(), {split}, c, true);
      }
    }
    return std::nullopt;
  }

  bool haeda_form(U w) const {
    if (w.empty()) return false;
    const U rest = w.substr(1);
    switch (w[0]) {
      case U'하':
        return !rest.empty() &&
               in({U'는', U'고', U'여', U'면', U'지', U'기', U'게', U'며', U'다', U'자', U'세',
                   U'십', U'시', U'려', U'던', U'니', U'므', U'더', U'였', U'거', U'겠'},
                  rest[0]);
      case U'한':
        return rest.empty() || rest.starts_with(U"다") || rest == U"데" ||
               rest.starts_with(U"데도");
      case U'할':
        return rest.empty() ||
               starts_with_any(rest, {U"까", U"게", U"지", U"수", U"래", U"거", U"때", U"것", U"텐",
                                      U"만", U"듯", U"뿐", U"줄"});
      case U'함':
        return rest.empty() || starts_with_any(rest, {U"으로", U"에", U"을", U"이"});
      case U'합':
        return starts_with_any(rest, {U"니", U"시"});
      case U'해':
        return rest.empty() || starts_with_any(rest, {U"야", U"서", U"도", U"요", U"라", U"줘",
                                                      U"주", U"보", U"봐", U"본", U"볼", U"놓",
                                                      U"둔", U"두", U"버", U"졌", U"진", U"지"});
      case U'했':
      case U'됩':
      case U'됐':
        return true;
      case U'된':
        return rest.empty() || rest.starts_with(U"다") || rest == U"데";
      case U'될':
        return rest.empty() || starts_with_any(rest, {U"까", U"지", U"때", U"수", U"것", U"거",
                                                      U"텐", U"만", U"듯", U"뿐"});
      case U'되':
        return !rest.empty() &&
               in({U'는', U'고', U'어', U'었', U'면', U'지', U'기', U'며', U'게', U'도',
                   U'던', U'니', U'자', U'므', U'야', U'겠', U'세', U'십', U'시', U'다'},
                  rest[0]);
      case U'돼':
        return rest.empty() || starts_with_any(rest, {U"서", U"야", U"요", U"도", U"있", U"버"});
      case U'됨':
        return rest.empty() || starts_with_any(rest, {U"으로", U"을", U"에"});
      default:
        return false;
    }
  }

  // 사용 할 수 → 사용할 수; 생성 된 → 생성된: -하다/-되다 are suffixes of the verbal noun.
  std::optional<Finding> verbal_noun_split(const Run& r) const {
    if (!is_verbal_noun(word(r))) return std::nullopt;
    const auto n = next_run(r.e);
    if (!n || !ends_word(*n)) return std::nullopt;
    const U w = word(*n);
    if (!haeda_form(w)) return std::nullopt;
    if (w == U"한") {  // the numeral: 추가 한 번, 실행 한 가지
      size_t end = 0;
      const U t = next_token(n->e, &end);
      for (U c : kNumeralCounters)
        if (t.starts_with(c)) return std::nullopt;
    }
    std::string w8;
    for (char32_t c : w) utf8::append(w8, c);
    return Finding{
        Pattern::verbal_noun_split, offsets_[r.e], offsets_[n->s], "", std::move(w8), false};
  }

  // API 를 → API를: a particle after Latin letters, digits, code or a closing bracket.
  void particles() {
    for (const Run& r : runs_) {
      if (r.s < 2 || u_[r.s - 1] != ' ') continue;
      size_t i = r.s;
      while (i > 0 && u_[i - 1] == ' ') --i;
      if (i == 0) continue;
      const char32_t b = u_[i - 1];
      if (!is_ascii_alnum(b) && b != ')' && b != ']' && b != kObject) continue;
      const U w = word(r);
      if (!in(kParticles, w) || !ends_word(r)) continue;
      // 90 도 (degrees) and 3 만 (thirty thousand) are units, not particles.
      if (is_digit(b) && (w == U"도" || w == U"만")) continue;
      std::string w8;
      for (char32_t c : w) utf8::append(w8, c);
      add(Finding{Pattern::particle_detached, offsets_[i], offsets_[r.s], "", std::move(w8), true});
    }
  }

  // Kept per thread from one paragraph to the next (find() is asked of every paragraph); one
  // Scanner at a time uses them.
  struct Buffers {
    std::vector<char32_t> u;
    std::vector<uint32_t> offsets;
    std::vector<Run> runs;
  };
  static Buffers& buffers() {
    thread_local Buffers buffers;
    return buffers;
  }

  Buffers& buffers_;
  U u_;                                // the code points, in buffers_.u
  const uint32_t* offsets_ = nullptr;  // of each code point in the text, and the text's size
  std::vector<Run>& runs_;
  std::vector<Finding> out_;
};

}  // namespace

std::string_view name(Pattern pattern) {
  switch (pattern) {
    case Pattern::dependent_noun:
      return "dependent-noun";
    case Pattern::auxiliary_haeya:
      return "eoya-hada";
    case Pattern::ji_ending:
      return "ji-ending";
    case Pattern::ji_duration:
      return "ji-duration";
    case Pattern::counter:
      return "counter";
    case Pattern::particle_detached:
      return "particle-detached";
    case Pattern::verbal_noun_split:
      return "verbal-noun-split";
  }
  return "";
}

text::SharedList<Finding> find(std::string_view text) {
  if (text.find("\xEA") == std::string_view::npos && text.find("\xEB") == std::string_view::npos &&
      text.find("\xEC") == std::string_view::npos && text.find("\xED") == std::string_view::npos)
    return {};
  // The language server asks again for every paragraph after each keystroke (text_memo.h).
  static text::TextMemo<std::vector<Finding>> memo(text::Keep::when_asked_again);
  return text::SharedList<Finding>(memo.get(text, [&] { return Scanner(text).scan(); }));
}

std::vector<std::pair<char32_t, uint32_t>> code_points(std::string_view text) {
  return Scanner(text).code_points();
}

}  // namespace hanmark::spacing
