#include "text/josa.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/hangul.h"

namespace hanmark::josa {

namespace {

// --- Particles ----------------------------------------------------------------------------------

constexpr std::array<Pair, 13> kPairs = {{
    {"은", "는", false, false},
    {"이", "가", false, false},
    {"을", "를", false, false},
    {"과", "와", false, false},
    {"으로", "로", true, false},
    {"으로서", "로서", true, false},
    {"으로써", "로써", true, false},
    {"으로부터", "로부터", true, false},
    {"이랑", "랑", false, false},
    {"이에요", "예요", false, false},
    {"이나", "나", false, true},
    {"이며", "며", false, true},
    {"이라고", "라고", false, true},
}};

// Particles that may follow a form in the same run (GPU와의, 파일로는, Docker로도).
constexpr std::array<std::string_view, 5> kStackAfterGwa = {"", "의", "는", "도", "만"};
constexpr std::array<std::string_view, 5> kStackAfterRo = {"", "는", "도", "만", "의"};
constexpr std::array<std::string_view, 2> kStackAfterRoseo = {"", "는"};
constexpr std::array<std::string_view, 2> kStackAfterIrang = {"", "도"};
constexpr std::array<std::string_view, 1> kStackNone = {""};

std::span<const std::string_view> stack_after(const Pair& pair) {
  if (pair.after_consonant == "과") return kStackAfterGwa;
  if (pair.after_consonant == "으로") return kStackAfterRo;
  if (pair.rieul_takes_vowel_form) return kStackAfterRoseo;
  if (pair.after_consonant == "이랑") return kStackAfterIrang;
  return kStackNone;
}

// --- Small helpers ------------------------------------------------------------------------------

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_letter(char c) {
  return is_upper(c) || is_lower(c);
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.ends_with(suffix);
}

// --- Letter names (acronyms are read letter by letter) ------------------------------------------

struct LetterName {
  const char* spoken;
  Coda coda;
};

constexpr std::array<LetterName, 26> kLetters = {{
    {"에이", Coda::none}, {"비", Coda::none},   {"씨", Coda::none},     {"디", Coda::none},
    {"이", Coda::none},   {"에프", Coda::none}, {"지", Coda::none},     {"에이치", Coda::none},
    {"아이", Coda::none}, {"제이", Coda::none}, {"케이", Coda::none},   {"엘", Coda::rieul},
    {"엠", Coda::other},  {"엔", Coda::other},  {"오", Coda::none},     {"피", Coda::none},
    {"큐", Coda::none},   {"알", Coda::rieul},  {"에스", Coda::none},   {"티", Coda::none},
    {"유", Coda::none},   {"브이", Coda::none}, {"더블유", Coda::none}, {"엑스", Coda::none},
    {"와이", Coda::none}, {"제트", Coda::none},
}};

Reading letter_reading(char c) {
  const LetterName& name = kLetters[static_cast<size_t>(std::tolower(c) - 'a')];
  return {name.coda, name.spoken};
}

// --- Words with a known reading (lower case) -----------------------------------------------------

enum class Known { none, rieul, other, abstain };

const std::unordered_map<std::string_view, Known>& lexicon() {
  static const std::unordered_map<std::string_view, Known> words = {
      // Vowel + t, p, k, b, g endings whose conventional reading has a final consonant.
      {"jpeg", Known::other},
      {"mpeg", Known::other},
      {"big", Known::other},
      {"bag", Known::other},
      {"git", Known::other},
      {"commit", Known::other},
      {"submit", Known::other},
      {"unit", Known::other},
      {"limit", Known::other},
      {"split", Known::other},
      {"summit", Known::other},
      {"chat", Known::other},
      {"format", Known::other},
      {"flat", Known::other},
      {"cat", Known::other},
      {"tomcat", Known::other},
      {"stat", Known::other},
      {"bot", Known::other},
      {"robot", Known::other},
      {"chatbot", Known::other},
      {"snapshot", Known::other},
      {"screenshot", Known::other},
      {"shot", Known::other},
      {"slot", Known::other},
      {"spot", Known::other},
      {"plot", Known::other},
      {"pivot", Known::other},
      {"pilot", Known::other},
      {"copilot", Known::other},
      {"widget", Known::other},
      {"ticket", Known::other},
      {"packet", Known::other},
      {"socket", Known::other},
      {"bucket", Known::other},
      {"target", Known::other},
      {"asset", Known::other},
      {"wallet", Known::other},
      {"market", Known::other},
      {"pocket", Known::other},
      {"tablet", Known::other},
      {"budget", Known::other},
      {"gadget", Known::other},
      {"rocket", Known::other},
      {"bracket", Known::other},
      {"planet", Known::other},
      {"cabinet", Known::other},
      {"secret", Known::other},
      {"applet", Known::other},
      {"servlet", Known::other},
      {"net", Known::other},
      {"internet", Known::other},
      {"ethernet", Known::other},
      {"subnet", Known::other},
      {"intranet", Known::other},
      {"layout", Known::other},
      {"timeout", Known::other},
      {"checkout", Known::other},
      {"logout", Known::other},
      {"rollout", Known::other},
      {"dropout", Known::other},
      {"about", Known::other},
      {"input", Known::other},
      {"output", Known::other},
      {"throughput", Known::other},
      {"shortcut", Known::other},
      {"streamlit", Known::other},
      {"template", Known::other},
      {"private", Known::other},
      {"web", Known::other},
      {"tab", Known::other},
      {"lab", Known::other},
      {"job", Known::other},
      {"club", Known::other},
      {"pub", Known::other},
      {"stub", Known::other},
      {"good", Known::other},
      {"ipod", Known::other},
      {"europe", Known::other},
      {"group", Known::other},
      {"deep", Known::other},
      {"keep", Known::other},
      {"sleep", Known::other},
      {"heap", Known::other},
      {"cheap", Known::other},
      {"hadoop", Known::other},
      // Endings the rules below would get wrong.
      {"check", Known::none},
      {"bit", Known::none},
      {"root", Known::none},
      {"boot", Known::none},
      {"loop", Known::none},
      {"soup", Known::none},
      {"jeep", Known::none},
      {"seek", Known::none},
      {"sonnet", Known::none},
      {"state", Known::none},
      {"update", Known::none},
      {"create", Known::none},
      {"date", Known::none},
      {"rate", Known::none},
      {"gate", Known::none},
      {"generate", Known::none},
      {"translate", Known::none},
      {"validate", Known::none},
      {"migrate", Known::none},
      {"integrate", Known::none},
      {"delegate", Known::none},
      {"operate", Known::none},
      {"iterate", Known::none},
      {"activate", Known::none},
      {"late", Known::none},
      {"plate", Known::none},
      {"skate", Known::none},
      {"relate", Known::none},
      {"evaluate", Known::none},
      {"automate", Known::none},
      {"calculate", Known::none},
      {"simulate", Known::none},
      {"accelerate", Known::none},
      // Readings that vary between speakers or languages.
      {"theme", Known::abstain},
      {"anime", Known::abstain},
      {"resume", Known::abstain},
      {"gig", Known::abstain},
      {"lag", Known::abstain},
      {"png", Known::abstain},
      {"set", Known::abstain},
      {"kit", Known::abstain},
      {"god", Known::abstain},
      {"dot", Known::abstain},
      {"lib", Known::abstain},
      {"hub", Known::abstain},
      {"sub", Known::abstain},
      {"ballet", Known::abstain},
      {"buffet", Known::abstain},
      {"minute", Known::abstain},
      {"favorite", Known::abstain},
      {"favourite", Known::abstain},
      {"opposite", Known::abstain},
      {"definite", Known::abstain},
      {"granite", Known::abstain},
      {"toolkit", Known::abstain},
      {"dataset", Known::abstain},
      {"subset", Known::abstain},
      {"chrome", Known::other},
      {"scheme", Known::other},
      {"extreme", Known::other},
      {"etc", Known::abstain},
      {"vs", Known::abstain},
      {"ok", Known::abstain},
      {"okay", Known::abstain},
      {"ref", Known::abstain},
      {"str", Known::abstain},
      {"ptr", Known::abstain},
      {"fmt", Known::abstain},
      // Abbreviations English dictionaries list, read as the full word by many (arr 어레이).
      {"arr", Known::abstain},
      {"obj", Known::abstain},
      {"val", Known::abstain},
      {"res", Known::abstain},
      {"req", Known::abstain},
      {"err", Known::abstain},
      {"elem", Known::abstain},
      {"arg", Known::abstain},
      {"args", Known::abstain},
      {"param", Known::abstain},
      {"params", Known::abstain},
      {"attr", Known::abstain},
      {"attrs", Known::abstain},
      {"prev", Known::abstain},
      {"init", Known::abstain},
      {"impl", Known::abstain},
      {"temp", Known::abstain},
      {"dir", Known::abstain},
      {"util", Known::abstain},
      {"utils", Known::abstain},
      {"info", Known::abstain},
      {"config", Known::abstain},
      {"conf", Known::abstain},
      {"auth", Known::abstain},
      {"max", Known::abstain},
      {"min", Known::abstain},
      {"avg", Known::abstain},
      {"sec", Known::abstain},
      {"addr", Known::abstain},
      {"bool", Known::abstain},
      {"int", Known::abstain},
      {"char", Known::abstain},
      {"num", Known::abstain},
      {"var", Known::abstain},
      {"spec", Known::abstain},
      {"exec", Known::abstain},
      {"eval", Known::abstain},
      {"proc", Known::abstain},
      {"msg", Known::abstain},
      // Abbreviations read as the full word by some writers (prop 프롭 or 프로퍼티).
      {"prop", Known::abstain},
      {"props", Known::abstain},
      {"app", Known::other},
      {"technique", Known::other},
      {"antique", Known::none},
      {"unique", Known::none},
  };
  return words;
}

std::optional<Reading> from_known(Known k) {
  switch (k) {
    case Known::none:
      return Reading{Coda::none, ""};
    case Known::rieul:
      return Reading{Coda::rieul, ""};
    case Known::other:
      return Reading{Coda::other, ""};
    case Known::abstain:
      return std::nullopt;
  }
  return std::nullopt;
}

// The reading of an English word by its spelling (lower case ASCII, two letters or more), after
// the 외래어 표기법 rules for English (제3장 제1절); nullopt where the spelling does not decide.
std::optional<Coda> word_coda(std::string_view w) {
  const size_t n = w.size();
  if (n < 2) return std::nullopt;
  const char last = w[n - 1];
  const char prev = w[n - 2];
  const bool double_vowel = n >= 3 && is_vowel(prev) && is_vowel(w[n - 3]);
  if (ends_with(w, "ng")) return Coda::other;    // 잉
  if (ends_with(w, "ck")) return Coda::other;    // 스택
  if (ends_with(w, "type")) return Coda::other;  // 타입
  switch (last) {
    case 'l':
      return Coda::rieul;
    case 'm':
    case 'n':
      return Coda::other;
    case 'a':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
    case 'w':
    case 'r':
    case 'h':
    case 's':
    case 'x':
    case 'z':
    case 'f':
    case 'v':
    case 'j':
    case 'q':
      return Coda::none;
    case 'e': {
      if (n < 3) return std::nullopt;
      if (prev == 'l') return Coda::rieul;  // table 테이블, file 파일
      if (prev == 'm' || prev == 'n') {     // game 게임, line 라인; after a consonant: unsure
        if (is_vowel(w[n - 3])) return Coda::other;
        return std::nullopt;
      }
      if (prev == 't') {
        // -ate is 에이트 in verbs but 잇/엇 in nouns and adjectives (template, climate).
        if (ends_with(w, "ate")) return std::nullopt;
        return Coda::none;  // write, note, route, byte, paste
      }
      if (prev == 'p') {
        if (ends_with(w, "ype")) return std::nullopt;  // hype 하이프 vs type 타입 (listed)
        return Coda::none;                             // pipe, scope, shape
      }
      if (is_vowel(prev) || prev == 'y' ||
          std::string_view("cszvgdhfkbrwxq").find(prev) != std::string_view::npos)
        return Coda::none;  // code, base, size, save, page, cache, safe, make, cube, core
      return std::nullopt;
    }
    case 't':
      if (is_vowel(prev)) return std::nullopt;  // 세트 vs 커밋: listed words only
      if (prev == 't') return std::nullopt;     // Scott 스콧, watt 와트
      return Coda::none;                        // test, client, script, effect, light
    case 'p':
      if (prev == 'p') return Coda::other;     // app 앱
      if (!is_vowel(prev)) return Coda::none;  // help 헬프, jump 점프
      if (double_vowel) return std::nullopt;   // loop 루프 vs deep 딥: listed words only
      return Coda::other;                      // map 맵, top 톱, setup 셋업
    case 'k':
      if (!is_vowel(prev)) return Coda::none;       // desk, link, spark, work
      if (ends_with(w, "ook")) return Coda::other;  // book 북, hook 훅
      if (double_vowel) return std::nullopt;        // week 위크, break 브레이크
      return Coda::other;                           // tok 톡, trek 트렉
    case 'c':
      if (is_vowel(prev)) return Coda::other;  // mac 맥, spec 스펙, logic 로직
      if (prev == 't') return std::nullopt;    // etc
      return Coda::none;                       // sync 싱크, arc 아크, disc 디스크
    case 'b':
      if (prev == 'm') return std::nullopt;    // climb 클라임, bomb 밤
      if (!is_vowel(prev)) return Coda::none;  // herb 허브, bulb 벌브
      if (double_vowel) return std::nullopt;
      if (prev == 'a' || prev == 'e' || prev == 'o') return Coda::other;  // lab 랩, job 잡
      return std::nullopt;  // hub 허브 vs club 클럽, lib
    case 'd':
      return Coda::none;  // code 코드, build 빌드, cloud 클라우드, pod 파드
    case 'g':
      return Coda::none;  // bug 버그, log 로그, tag 태그 (big, jpeg are listed)
    default:
      return std::nullopt;
  }
}

bool has_vowel_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return is_vowel(l) || l == 'y';
  });
}

// The last part of a camelCase or PascalCase identifier: "ProductTable" → "Table", "macOS" → "OS",
// "toJSON" → "JSON", "OAuth" → "Auth", "LoRA" → "RA".
std::string_view last_camel_part(std::string_view s) {
  size_t start = 0;
  for (size_t i = 1; i < s.size(); ++i) {
    if (!is_upper(s[i])) continue;
    if (is_lower(s[i - 1]) || (is_upper(s[i - 1]) && i + 1 < s.size() && is_lower(s[i + 1])))
      start = i;
  }
  return s.substr(start);
}

bool all_upper(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_upper);
}

bool same_coda(Coda a, Coda b) {
  return a == b;
}

// --- Numbers ------------------------------------------------------------------------------------

constexpr std::array<LetterName, 10> kDigits = {{
    {"영", Coda::other},
    {"일", Coda::rieul},
    {"이", Coda::none},
    {"삼", Coda::other},
    {"사", Coda::none},
    {"오", Coda::none},
    {"육", Coda::other},
    {"칠", Coda::rieul},
    {"팔", Coda::rieul},
    {"구", Coda::none},
}};

// The last component of a version-like number read the same way in English and Sino-Korean:
// 2 투/이, 4 포/사, 5 파이브/오 (no final); 1 원/일, 7 세븐/칠 (some final, ㄴ or ㄹ).
std::optional<Reading> version_digit(char d) {
  switch (d) {
    case '2':
    case '4':
    case '5':
      return Reading{Coda::none, kDigits[static_cast<size_t>(d - '0')].spoken};
    case '1':
    case '7':
      return Reading{Coda::some, ""};
    default:
      return std::nullopt;
  }
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

// An integer in Sino-Korean: the last syllable is the last non-zero digit, or the power of ten
// it is followed by (십, 백, 천, 만, 억, 조).
std::optional<Reading> read_integer(std::string_view digits) {
  if (!all_digits(digits)) return std::nullopt;
  size_t last = digits.find_last_not_of('0');
  if (last == std::string_view::npos) return std::nullopt;  // 0: 영, 공 or 제로
  const size_t zeros = digits.size() - 1 - last;
  if (zeros == 0)
    return Reading{kDigits[static_cast<size_t>(digits[last] - '0')].coda,
                   kDigits[static_cast<size_t>(digits[last] - '0')].spoken};
  if (zeros == 1) return Reading{Coda::other, "십"};
  if (zeros == 2) return Reading{Coda::other, "백"};
  if (zeros == 3) return Reading{Coda::other, "천"};
  if (zeros <= 7) return Reading{Coda::other, "만"};
  if (zeros <= 11) return Reading{Coda::other, "억"};
  if (zeros <= 15) return Reading{Coda::none, "조"};
  return std::nullopt;
}

// "1,000" → "1000" when the commas group thousands; nullopt otherwise.
std::optional<std::string> without_thousands(std::string_view s) {
  if (s.find(',') == std::string_view::npos) return std::string(s);
  std::string out;
  size_t group = 0;
  bool first = true;
  size_t digits_in_group = 0;
  for (char c : s) {
    if (c == ',') {
      if ((first && (digits_in_group == 0 || digits_in_group > 3)) ||
          (!first && digits_in_group != 3))
        return std::nullopt;
      first = false;
      digits_in_group = 0;
      ++group;
      continue;
    }
    out.push_back(c);
    ++digits_in_group;
  }
  if (digits_in_group != 3) return std::nullopt;
  return out;
}

// --- Units --------------------------------------------------------------------------------------

const std::unordered_map<std::string_view, Reading>& units() {
  static const std::unordered_map<std::string_view, Reading> table = {
      {"%", {Coda::none, "퍼센트"}},
      {"%p", {Coda::none, "퍼센트포인트"}},
      {"KB", {Coda::none, "킬로바이트"}},
      {"kB", {Coda::none, "킬로바이트"}},
      {"MB", {Coda::none, "메가바이트"}},
      {"GB", {Coda::none, "기가바이트"}},
      {"TB", {Coda::none, "테라바이트"}},
      {"PB", {Coda::none, "페타바이트"}},
      {"KiB", {Coda::none, "키비바이트"}},
      {"MiB", {Coda::none, "메비바이트"}},
      {"GiB", {Coda::none, "기비바이트"}},
      {"TiB", {Coda::none, "테비바이트"}},
      {"ms", {Coda::none, "밀리초"}},
      {"ns", {Coda::none, "나노초"}},
      {"us", {Coda::none, "마이크로초"}},
      {"μs", {Coda::none, "마이크로초"}},
      {"s", {Coda::none, "초"}},
      {"Hz", {Coda::none, "헤르츠"}},
      {"kHz", {Coda::none, "킬로헤르츠"}},
      {"MHz", {Coda::none, "메가헤르츠"}},
      {"GHz", {Coda::none, "기가헤르츠"}},
      {"km", {Coda::none, "킬로미터"}},
      {"cm", {Coda::none, "센티미터"}},
      {"mm", {Coda::none, "밀리미터"}},
      {"kg", {Coda::other, "킬로그램"}},
      {"mg", {Coda::other, "밀리그램"}},
      {"x", {Coda::none, "배"}},
      {"X", {Coda::none, "배"}},
      {"D", {Coda::none, "디"}},
      {"G", {Coda::none, "지"}},
      {"V", {Coda::none, "볼트"}},
      {"W", {Coda::none, "와트"}},
      {"kW", {Coda::none, "킬로와트"}},
      {"p", {Coda::none, "피"}},
      {"M", {Coda::some, ""}},
      {"min", {Coda::some, ""}},
      {"em", {Coda::other, "엠"}},
      {"rem", {Coda::other, "렘"}},
      {"vh", {Coda::none, "브이에이치"}},
      {"vw", {Coda::none, "브이더블유"}},
      {"dpi", {Coda::none, "디피아이"}},
      {"pt", {Coda::none, "포인트"}},
      {"℃", {Coda::none, "도"}},
      {"°C", {Coda::none, "도"}},
  };
  return table;
}

}  // namespace

Reading read_letter(char letter) {
  return letter_reading(letter);
}

// --- Particles ----------------------------------------------------------------------------------

std::optional<Coda> coda_of_syllable(char32_t syllable) {
  const int f = hangul::final_index(syllable);
  if (f < 0) return std::nullopt;
  if (f == 0) return Coda::none;
  if (f == hangul::kFinalRieul) return Coda::rieul;
  return Coda::other;
}

std::optional<Found> particle_run(std::string_view run) {
  for (const Pair& pair : kPairs) {
    for (const bool consonant : {true, false}) {
      const std::string_view form = consonant ? pair.after_consonant : pair.after_vowel;
      if (!run.starts_with(form)) continue;
      const std::string_view rest = run.substr(form.size());
      for (std::string_view stacked : stack_after(pair)) {
        if (rest == stacked) return Found{&pair, consonant, form, rest};
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> correction(const Found& found, Coda coda) {
  const Pair& pair = *found.pair;
  bool want_consonant = false;
  switch (coda) {
    case Coda::none:
      want_consonant = false;
      break;
    case Coda::rieul:
      want_consonant = !pair.rieul_takes_vowel_form;
      break;
    case Coda::other:
      want_consonant = true;
      break;
    case Coda::some:
      if (pair.rieul_takes_vowel_form) return std::nullopt;
      want_consonant = true;
      break;
  }
  if (want_consonant == found.consonant_form) return std::nullopt;
  // 이나, 이며, 이라고 after a vowel keep the copula's 이: accepted.
  if (!want_consonant && pair.vowel_may_keep_i) return std::nullopt;
  return want_consonant ? pair.after_consonant : pair.after_vowel;
}

std::optional<Swap> find_swap(std::string_view tail, std::string_view fixed_tail) {
  for (const Pair& pair : kPairs) {
    for (const bool consonant : {true, false}) {
      const std::string_view from = consonant ? pair.after_consonant : pair.after_vowel;
      const std::string_view to = consonant ? pair.after_vowel : pair.after_consonant;
      if (tail.starts_with(from) && fixed_tail.starts_with(to) &&
          tail.substr(from.size()) == fixed_tail.substr(to.size()))
        return Swap{&pair, from, to};
    }
  }
  return std::nullopt;
}

namespace {

// Every particle a word may end with (a form and what may stack on it: 를, 와의, 으로는), by its
// last syllable: josa asks of every Hangul word of a post, and most words end in a syllable no
// particle ends in.
struct Ending {
  uint32_t last;  // hangul::last_three_bytes() of the text
  std::string text;
  auto operator<=>(const Ending&) const = default;
};

const std::vector<Ending>& particle_endings() {
  static const std::vector<Ending> endings = [] {
    std::vector<Ending> out;
    for (const Pair& pair : kPairs)
      for (const std::string_view form : {pair.after_consonant, pair.after_vowel})
        for (const std::string_view stacked : stack_after(pair)) {
          std::string text = std::string(form) + std::string(stacked);
          out.push_back({hangul::last_three_bytes(text), std::move(text)});
        }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return endings;
}

}  // namespace

bool may_end_with_particle(std::string_view word) {
  // Every particle ends in a syllable (three bytes), and the word must be longer than it.
  if (word.size() <= 3) return false;
  const std::vector<Ending>& endings = particle_endings();
  const uint32_t last = hangul::last_three_bytes(word);
  auto it = std::lower_bound(endings.begin(), endings.end(), last,
                             [](const Ending& e, uint32_t key) { return e.last < key; });
  for (; it != endings.end() && it->last == last; ++it)
    if (word.size() > it->text.size() && word.ends_with(it->text)) return true;
  return false;
}

// --- Readings -----------------------------------------------------------------------------------

std::optional<Reading> read_number(std::string_view number, bool version) {
  if (number.empty()) return std::nullopt;
  // Ranges and dates: read the last part ("1~3" 삼, "2024-01-15" 오).
  const size_t sep = number.find_last_of("-~");
  if (sep != std::string_view::npos) {
    const std::string_view last = number.substr(sep + 1);
    if (last.empty()) return std::nullopt;
    return read_number(last, version);
  }
  const size_t dot = number.find('.');
  if (dot != std::string_view::npos) {
    // Decimals and versions: the digits after the last point ("3.5" 오, "1.2.3" 삼). "3.10" may be
    // 삼 점 일영 or (a version) 삼 점 십.
    const size_t last_dot = number.rfind('.');
    const std::string_view fraction = number.substr(last_dot + 1);
    const std::string_view whole = number.substr(0, dot);
    if (!all_digits(fraction) || whole.empty()) return std::nullopt;
    for (size_t i = 0; i < last_dot; ++i)
      if (!is_digit(number[i]) && number[i] != '.' && number[i] != ',') return std::nullopt;
    if (fraction.size() > 1 && fraction.back() == '0') return std::nullopt;
    if (version) return version_digit(fraction.back());
    return Reading{kDigits[static_cast<size_t>(fraction.back() - '0')].coda,
                   kDigits[static_cast<size_t>(fraction.back() - '0')].spoken};
  }
  const std::optional<std::string> digits = without_thousands(number);
  if (!digits || !all_digits(*digits)) return std::nullopt;
  if (version) {
    // Only a one-digit number reads alike in both languages ("GPT-4", "v2").
    const std::string_view d = *digits;
    const size_t first = d.find_first_not_of('0');
    if (first == std::string_view::npos || d.size() - first != 1) return std::nullopt;
    return version_digit(d.back());
  }
  return read_integer(*digits);
}

std::optional<Reading> read_unit(std::string_view unit) {
  const auto& table = units();
  const auto it = table.find(unit);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

std::optional<Reading> read_latin(std::string_view word, const IsWord& is_word) {
  if (word.empty() || !std::all_of(word.begin(), word.end(), is_letter)) return std::nullopt;
  const auto& known = lexicon();
  if (auto it = known.find(lower(word)); it != known.end()) return from_known(it->second);
  if (word.size() == 1) return letter_reading(word[0]);

  // Plural acronyms ("GPUs", "APIs") end in 스.
  if (word.size() >= 3 && word.back() == 's' && all_upper(word.substr(0, word.size() - 1)))
    return Reading{Coda::none, "스"};

  const std::string_view part = last_camel_part(word);
  const std::string lowered = lower(part);
  if (part.size() != word.size()) {
    if (auto it = known.find(lowered); it != known.end()) return from_known(it->second);
  }
  if (part.size() == 1) return letter_reading(part[0]);

  const Reading letters = letter_reading(part.back());
  const std::optional<Coda> spelled = word_coda(lowered);

  // Two letters, or an all-capital acronym: read letter by letter, unless it is also a word and
  // the word reads differently (NAT 냇, CLIP 클립): then abstain.
  if (all_upper(part)) {
    if (part.size() == 2 || !has_vowel_letter(part)) return letters;
    if (spelled) {
      if (same_coda(*spelled, letters.coda)) return letters;
      return std::nullopt;
    }
    if (!has_vowel_letter(part)) return letters;
    return std::nullopt;
  }
  if (part.size() == 2) {
    if (spelled && same_coda(*spelled, letters.coda)) return letters;
    return std::nullopt;
  }
  // Lower-case words without vowels are spelled out: npm 엔피엠, css, yml.
  if (!has_vowel_letter(part)) return letters;
  // A short word that is no English word is likely an abbreviation read as the full word.
  if (is_word && part.size() <= 6 && !is_word(part) && !is_word(lowered)) return std::nullopt;
  if (!spelled) return std::nullopt;
  return Reading{*spelled, ""};
}

std::optional<Reading> read_token(std::string_view token, bool version, const IsWord& is_word) {
  if (token.empty()) return std::nullopt;
  const char back = token.back();
  if (back == '.' || back == '-' || back == '_' || back == '~' || back == ',') return std::nullopt;
  while (!token.empty() && token.front() == '.') token.remove_prefix(1);  // .env, .gitignore
  if (token.empty()) return std::nullopt;

  const bool has_letters = std::any_of(token.begin(), token.end(), is_letter);
  // Pure numbers (with points, commas, ranges).
  if (!has_letters && token.find_first_of("%_") == std::string_view::npos)
    return read_number(token, version);

  // The last part, after the last separator.
  const size_t sep = token.find_last_of(".-_~");
  const std::string_view last = sep == std::string_view::npos ? token : token.substr(sep + 1);
  const char sep_char = sep == std::string_view::npos ? '\0' : token[sep];
  if (last.empty()) return std::nullopt;

  // Number + unit ("50%", "3GB", "1.5ms"; ordinals such as "1st" have no unit entry).
  const size_t unit_begin = last.find_first_not_of("0123456789");
  if (unit_begin != std::string_view::npos && unit_begin > 0) {
    const std::string_view unit = last.substr(unit_begin);
    if (!std::all_of(unit.begin(), unit.end(), [](char c) { return is_letter(c) || c == '%'; }))
      return std::nullopt;
    return read_unit(unit);
  }
  if (last.find('%') != std::string_view::npos) return std::nullopt;

  if (all_digits(last)) {
    if (!has_letters) return std::nullopt;     // "1_000"
    if (sep_char == '_') return std::nullopt;  // x86_64
    // "GPT-4", "Llama-2": English or Sino-Korean.
    return read_number(last, true);
  }
  // Letters then digits: "H100", "EC2", "v2", "Python3".
  const size_t digit_begin = last.find_first_of("0123456789");
  if (digit_begin != std::string_view::npos) {
    const std::string_view digits = last.substr(digit_begin);
    if (!all_digits(digits)) return std::nullopt;  // x86abc
    return read_number(digits, true);
  }
  // Letters only: a word, acronym, identifier part, or a file extension ("Node.js", "main.py").
  return read_latin(last, is_word);
}

std::optional<Reading> read_code(std::string_view code, const IsWord& is_word) {
  // Trim spaces and a call's empty parentheses: `foo()` is read "foo".
  while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
  while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
  if (code.ends_with("()")) code.remove_suffix(2);
  if (code.empty()) return std::nullopt;
  for (char c : code) {
    if (!(is_letter(c) || is_digit(c) || c == '_' || c == '.' || c == '-' || c == '/' || c == ' '))
      return std::nullopt;
  }
  // A command: its last word (`npm install` → install); a path: its last part.
  const size_t space = code.find_last_of(' ');
  if (space != std::string_view::npos) code = code.substr(space + 1);
  const size_t slash = code.find_last_of('/');
  if (slash != std::string_view::npos) {
    code = code.substr(slash + 1);
    if (!code.empty() && is_digit(code.front())) return std::nullopt;  // 1/2 이분의 일
  }
  while (!code.empty() && code.front() == '-') code.remove_prefix(1);  // --flag
  if (code.empty()) return std::nullopt;
  // Numbers in code (`404`, `v2`) may be read in English.
  return read_token(code, true, is_word);
}

}  // namespace hanmark::josa
