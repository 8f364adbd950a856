// term-consistency: one term written several ways in one post (딥러닝 / 딥 러닝, JavaScript /
// Javascript), and spellings the glossary replaces (Github → GitHub).
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "core/view_map.h"
#include "rules/all_rules.h"
#include "rules/bilingual/term_consistency.h"
#include "text/glossary.h"
#include "text/hangul.h"
#include "text/josa.h"
#include "text/syllable_set.h"
#include "text/term_forms.h"
#include "text/text_memo.h"
#include "text/words.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "term-consistency",
    .category = Category::bilingual,
    .default_severity = Severity::warning,
    .fix = FixAvailability::sometimes,
    .summary =
        "a term written several ways in one post (딥러닝 / 딥 러닝, JavaScript / "
        "Javascript), or a spelling the glossary replaces",
};

constexpr size_t kSyllable = 3;  // bytes of a Hangul syllable in UTF-8

// --- Where a form occurs ------------------------------------------------------------------------

struct Occurrence {
  size_t run;      // index into doc.prose()
  uint32_t begin;  // text offsets of the form, without a particle after it
  uint32_t end;
  uint32_t word_end;  // end of the word the form ends in (its particle included)
  std::string form;   // as written

  bool before(const Occurrence& other) const {
    return run != other.run ? run < other.run : begin < other.begin;
  }
};

struct RunTerms {
  std::vector<terms::LatinToken> tokens;  // usable tokens only (not glued, not in a URL or path)
  std::vector<terms::HangulWord> words;
};

// terms::stem_lengths() of `word`, in `out` (reused: no allocation per word). Asked only of the
// few words the glossary or a spaced pair may concern.
const std::vector<uint32_t>& stems_of(std::string_view word, std::vector<uint32_t>& out) {
  out.clear();
  terms::append_stem_lengths(word, out);
  return out;
}

bool in_chunks(const std::vector<text::Range>& chunks, uint32_t begin, uint32_t end) {
  return std::any_of(chunks.begin(), chunks.end(),
                     [&](const text::Range& c) { return begin < c.end && c.begin < end; });
}

// The terms of each prose run, in document order.
using Runs = std::vector<std::shared_ptr<const RunTerms>>;

RunTerms collect(std::string_view text) {
  RunTerms out;
  const text::SharedList<text::Range> chunks = text::non_prose_chunks(text);
  // Filtered where they are, without copies.
  out.tokens = terms::latin_tokens(text);
  std::erase_if(out.tokens, [&](const terms::LatinToken& token) {
    return token.glued || in_chunks(chunks, token.begin, token.end);
  });
  for (terms::LatinToken& token : out.tokens)
    if (token.in(text).ends_with("'s")) token.end -= 2;  // the name in "GitHub's"
  out.words = terms::hangul_words(text);
  std::erase_if(out.words, [&](const terms::HangulWord& word) {
    return in_chunks(chunks, word.begin, word.end);
  });
  return out;
}

bool has_upper(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// True when items [first, first + count) are separated by exactly one space each.
template <typename Item>
bool spaced_by_one(std::string_view text, const std::vector<Item>& items, size_t first,
                   size_t count) {
  for (size_t k = first; k + 1 < first + count; ++k)
    if (items[k + 1].begin != items[k].end + 1 || text[items[k].end] != ' ') return false;
  return true;
}

// --- Reporting ----------------------------------------------------------------------------------

// Whether the particles after a word agree the same way after `a` and after `b` (same final
// consonant class).
bool same_coda(std::string_view a, std::string_view b) {
  return josa::coda_of_syllable(hangul::last_code_point(a)) ==
         josa::coda_of_syllable(hangul::last_code_point(b));
}

// Particles whose form does not depend on the word before them.
constexpr std::string_view kNeutralParticles[] = {
    "의",   "에",   "에서", "에게", "에는", "에도", "에서는", "에서도", "도",   "만",
    "까지", "부터", "보다", "처럼", "마다", "조차", "만의",   "만을",   "만이", "에선",
};

// The replacement for an occurrence of a Hangul form by `with`, extended over the particle after
// it when that particle must change (깃헙을 → 깃허브를); nullopt when it cannot be done safely.
struct Replacement {
  uint32_t end;
  std::string text;
};
std::optional<Replacement> replacement_for(std::string_view text, const Occurrence& o,
                                           const std::string& with) {
  const std::string_view tail = text.substr(o.end, o.word_end - o.end);
  if (tail.empty() || same_coda(o.form, with)) return Replacement{o.end, with};
  if (std::find(std::begin(kNeutralParticles), std::end(kNeutralParticles), tail) !=
      std::end(kNeutralParticles))
    return Replacement{o.end, with};
  const std::optional<josa::Found> found = josa::particle_run(tail);
  const std::optional<josa::Coda> coda = josa::coda_of_syllable(hangul::last_code_point(with));
  if (!found || !coda) return std::nullopt;
  const std::optional<std::string_view> corrected = josa::correction(*found, *coda);
  if (!corrected) return Replacement{o.end, with};
  return Replacement{o.word_end, with + std::string(*corrected) + std::string(found->suffix)};
}

// Reports `o`, which should be written `with`.
void report(const Document& doc, DiagnosticSink& sink, const Occurrence& o, const std::string& with,
            std::string message, bool safe_fix, std::optional<std::string> note) {
  const ProseRun& run = doc.prose()[o.run];
  const std::string_view text = run.text();
  Diagnostic& d = sink.report(run.to_source(o.begin, o.end), std::move(message));
  d.suggestions.push_back(with);
  if (note) d.notes.push_back(std::move(*note));
  const std::optional<Replacement> r = replacement_for(text, o, with);
  if (!r || !run.is_verbatim(o.begin, r->end)) return;
  d.fixes.push_back(
      Fix{.title = "replace with '" + with + "'",
          .safe = safe_fix,
          .edits = {Edit{.span = run.to_source(o.begin, r->end), .replacement = r->text}}});
}

std::string times(size_t n) {
  return n == 1 ? "once" : n == 2 ? "twice" : std::to_string(n) + " times";
}

// --- Glossary -----------------------------------------------------------------------------------

struct GlossaryMatch {
  size_t term;
  Occurrence occurrence;
};

// Every glossary spelling in the post, longest match first at each position.
std::vector<GlossaryMatch> glossary_matches(const Document& doc, const Runs& runs,
                                            const Glossary& glossary) {
  std::vector<GlossaryMatch> out;
  const size_t max_words = glossary.max_words();
  std::vector<uint32_t> stems;
  for (size_t r = 0; r < runs.size(); ++r) {
    const std::string_view text = doc.prose()[r].text();
    const auto& tokens = runs[r]->tokens;
    for (size_t i = 0; i < tokens.size();) {
      size_t taken = 1;
      // Every surface from token i begins with its first three bytes, when it has three.
      if (const std::string_view first = tokens[i].in(text);
          first.size() >= 3 && !glossary.may_begin(ascii_lowered(first.substr(0, 3)))) {
        ++i;
        continue;
      }
      for (size_t n = std::min(max_words, tokens.size() - i); n >= 1; --n) {
        if (!spaced_by_one(text, tokens, i, n)) continue;
        const uint32_t begin = tokens[i].begin, end = tokens[i + n - 1].end;
        const std::string_view surface = text.substr(begin, end - begin);
        const Glossary::Spelling* s = glossary.find(ascii_lowered(surface));
        if (!s) continue;
        out.push_back({s->term, {r, begin, end, end, std::string(surface)}});
        taken = n;
        break;
      }
      i += taken;
    }
    const auto& words = runs[r]->words;
    for (size_t i = 0; i < words.size();) {
      // Every surface from word i begins with its first syllable.
      if (!glossary.may_begin(words[i].in(text).substr(0, kSyllable))) {
        ++i;
        continue;
      }
      size_t taken = 1;
      bool found = false;
      for (size_t n = std::min(max_words, words.size() - i); n >= 1 && !found; --n) {
        if (!spaced_by_one(text, words, i, n)) continue;
        const terms::HangulWord& last = words[i + n - 1];
        for (uint32_t stem : stems_of(last.in(text), stems)) {
          const uint32_t begin = words[i].begin, end = last.begin + stem;
          const std::string_view surface = text.substr(begin, end - begin);
          const Glossary::Spelling* s = glossary.find(surface);
          if (!s) continue;
          out.push_back({s->term, {r, begin, end, last.end, std::string(surface)}});
          taken = n;
          found = true;
          break;
        }
      }
      i += taken;
    }
  }
  return out;
}

// Text ranges the glossary accounted for (its preferred spellings and variants): the in-post
// comparison leaves them alone.
struct Seen {
  size_t run;
  uint32_t begin, end;
};

bool seen_in(const std::vector<Seen>& seen, const Occurrence& o) {
  return std::any_of(seen.begin(), seen.end(), [&](const Seen& s) {
    return s.run == o.run && s.begin < o.end && o.begin < s.end;
  });
}

// Reports glossary variants.
std::vector<Seen> check_glossary(const Document& doc, const Runs& runs, const Glossary& glossary,
                                 DiagnosticSink& sink) {
  std::vector<Seen> seen;
  if (glossary.empty()) return seen;
  const std::vector<GlossaryMatch> matches = glossary_matches(doc, runs, glossary);
  std::vector<bool> preferred_used(glossary.terms().size(), false);
  for (const GlossaryMatch& m : matches) {
    seen.push_back({m.occurrence.run, m.occurrence.begin, m.occurrence.end});
    if (m.occurrence.form == glossary.terms()[m.term].preferred) preferred_used[m.term] = true;
  }
  for (const GlossaryMatch& m : matches) {
    const Glossary::Term& term = glossary.terms()[m.term];
    const std::string& form = m.occurrence.form;
    if (form == term.preferred) continue;
    // An all-capital form is an acronym of its own ("Cisco IOS") unless the glossary lists it.
    if (is_all_caps(form) && !glossary.lists_exactly(form)) continue;
    // A lower-case form may be a command, package or file name ("typescript", "nodejs"): only
    // inconsistent when the post also has the preferred spelling.
    const bool lower_case =
        term.script == Glossary::Script::latin && !has_upper(form) && has_upper(term.preferred);
    if (lower_case && !preferred_used[m.term]) continue;
    const bool heading = doc.prose()[m.occurrence.run].kind() == ProseRun::Block::heading;
    // Changing more than letter case in a heading changes its anchor, which links may use.
    const bool slug_kept = ascii_lowered(form) == ascii_lowered(term.preferred);
    report(doc, sink, m.occurrence, term.preferred,
           "'" + form + "' is spelled '" + term.preferred + "' in the glossary",
           !lower_case && (!heading || slug_kept), std::nullopt);
  }
  return seen;
}

// --- In-post comparison -------------------------------------------------------------------------

// The forms of one term found in the post, each with its occurrences in document order.
struct Cluster {
  std::map<std::string, std::vector<Occurrence>> forms;  // by comparison form
};

// Reports every occurrence of a form other than the most frequent one (ties: the first).
void report_minority(const Document& doc, DiagnosticSink& sink, const Cluster& cluster,
                     const std::optional<std::string>& note) {
  if (cluster.forms.size() < 2) return;
  const std::vector<Occurrence>* winner = nullptr;
  for (const auto& [form, occurrences] : cluster.forms) {
    if (!winner || occurrences.size() > winner->size() ||
        (occurrences.size() == winner->size() && occurrences.front().before(winner->front())))
      winner = &occurrences;
  }
  // The winning form as most often written (its letter case may vary at the start).
  std::map<std::string, size_t> written;
  for (const Occurrence& o : *winner) ++written[o.form];
  std::string with = winner->front().form;
  for (const auto& [form, n] : written)
    if (n > written[with]) with = form;
  for (const auto& [form, occurrences] : cluster.forms) {
    if (&occurrences == winner) continue;
    for (const Occurrence& o : occurrences)
      report(doc, sink, o, with,
             "'" + o.form + "' is written '" + with + "' elsewhere in this post (" +
                 times(winner->size()) + ")",
             false, note);
  }
}

// Latin words whose letters other than a word's first differ in case: JavaScript / Javascript,
// CodeSandbox / CodeSandBox. Capitals at the start of a word (sentences, Title Case headings),
// all-capital acronyms (IT / it) and words in lower case are not compared.
std::string latin_shape(std::string_view token) {
  std::string out(token);
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    start = c == '-' || c == '\'';
  }
  return out;
}

bool comparable_latin(std::string_view token) {
  size_t letters = 0;
  for (char c : token) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
    } else if (c != '-' && c != '\'') {
      return false;  // digits, '_', '.', '+', '#': identifiers, versions and file names
    }
  }
  if (letters < 2 || is_all_caps(token)) return false;
  // A word in lower case may be a command, package or file name written without backticks
  // ("pulseaudio" beside "PulseAudio"), or the plain English word ("websocket").
  if (!has_upper(token)) return false;
  // camelCase is how identifiers are written ("signUp", "enQueue"); brands spelled that way
  // (iOS, jQuery) are the glossary's.
  if (token.front() >= 'a' && token.front() <= 'z') return false;
  if (token.ends_with('s') && is_all_caps(token.substr(0, token.size() - 1))) return false;  // APIs
  // Alternating case ("rUsT") is play on letters, not a spelling of a name.
  for (size_t i = 0; i + 2 < token.size(); ++i) {
    const auto up = [](char c) { return c >= 'A' && c <= 'Z'; };
    const auto low = [](char c) { return c >= 'a' && c <= 'z'; };
    if (up(token[i]) && low(token[i + 1]) && up(token[i + 2]) && i > 0 && low(token[i - 1]))
      return false;
  }
  return true;
}

void check_latin(const Document& doc, const Runs& runs, const Glossary& glossary,
                 const std::vector<Seen>& seen, DiagnosticSink& sink) {
  std::unordered_map<std::string, Cluster> clusters;
  std::vector<std::string> order;
  for (size_t r = 0; r < runs.size(); ++r) {
    const std::string_view text = doc.prose()[r].text();
    for (const terms::LatinToken& token : runs[r]->tokens) {
      const std::string_view word = token.in(text);
      if (!comparable_latin(word)) continue;
      const Occurrence o{r, token.begin, token.end, token.end, std::string(word)};
      if (seen_in(seen, o)) continue;
      const std::string key = ascii_lowered(word);
      if (glossary.find(key)) continue;
      auto [it, inserted] = clusters.try_emplace(key);
      if (inserted) order.push_back(key);
      it->second.forms[latin_shape(word)].push_back(o);
    }
  }
  for (const std::string& key : order) report_minority(doc, sink, clusters[key], std::nullopt);
}

// Korean spacing of compound terms: 딥 러닝 / 딥러닝, 반환 값 / 반환값 (한글 맞춤법 제50항 lets
// technical terms be written either way). Word pairs that are not compound nouns are left to the
// spacing rules: determiners and numbers (이 것, 한 번), dependent nouns (할 수, 두 개), verbs and
// auxiliary verbs (호출 할, 해 보다).

// One-syllable words that start a compound term (loanwords: 웹 서버, 딥 러닝, 빅 데이터).
constexpr std::string_view kOneSyllableFirst[] = {
    "웹", "딥", "빅", "앱", "봇", "툴", "팀", "키", "폼", "탭", "뷰", "셸", "쉘",
    "챗", "핫", "풀", "백", "맵", "셋", "팁", "룰", "훅", "킷", "팩", "폰", "잡",
    "힙", "콜", "셀", "넷", "랩", "맥", "팝", "락", "록", "탑", "값", "창", "뉴",
};
// One-syllable nouns that end a compound term (반환 값, 콘솔 창, 표현 식).
constexpr std::string_view kOneSyllableSecond[] = {
    "값", "창", "키", "식", "형", "문", "앱", "웹", "봇", "툴", "팀", "폼", "탭", "뷰",
    "셸", "쉘", "맵", "셋", "팁", "룰", "훅", "킷", "팩", "폰", "잡", "힙", "콜", "셀",
    "넷", "랩", "락", "층", "표", "칸", "점", "선", "법", "율", "률", "량", "링", "바",
};
// Words that are not the first half of a compound noun: determiners, adverbs, numbers, pronouns.
constexpr std::string_view kFirstStop[] = {
    "여러", "어떤", "어느",   "무슨",   "이런",   "그런",   "저런",   "모든",   "다른",   "같은",
    "다음", "아무", "이와",   "그와",   "바로",   "가장",   "아주",   "매우",   "정말",   "너무",
    "조금", "약간", "다시",   "먼저",   "이제",   "그냥",   "계속",   "함께",   "서로",   "직접",
    "하나", "다섯", "여섯",   "일곱",   "여덟",   "아홉",   "스무",   "서너",   "두세",   "몇몇",
    "이번", "지난", "각각",   "특히",   "또한",   "그리고", "하지만", "그래서", "따라서", "이것",
    "그것", "저것", "여기",   "거기",   "저기",   "이렇게", "그렇게", "어떻게", "없이",   "많은",
    "좋은", "해당", "이러한", "그러한", "새로운", "간단한", "다양한",
};
// Words that are not the second half: dependent nouns, postpositions written apart, copulas and
// auxiliary verbs.
constexpr std::string_view kSecondStop[] = {
    "때문",   "가지", "다음",   "이상",   "이하",   "정도",   "동안",   "경우", "만큼", "대로",
    "처럼",   "같이", "입니다", "이다",   "봅시다", "보세요", "줍니다", "있다", "있는", "있습니다",
    "없다",   "없는", "않다",   "싶다",   "이후",   "이전",   "사이",   "자체", "하나", "번째",
    "가운데", "뿐만", "가능",   "가능한", "불가능", "중인",   "없음",   "있음", "없이",
};
// Last syllables of a first word that make it a verb form (해, 하는, 만들어, 할) or a noun with
// a particle (예를).
constexpr std::string_view kFirstBadEnds[] = {
    "해", "아", "여", "워", "져", "쳐", "려", "게", "며", "고", "는", "던", "할", "될",
    "된", "을", "은", "운", "울", "셔", "를", "의", "에", "와", "과", "도", "만", "야",
};
// Last syllables of a second word that make it a verb or ending form (합니다, 보도록, 하는데).
constexpr std::string_view kSecondBadEnds[] = {
    "다", "요", "죠", "까", "자", "록", "니", "며", "면", "게", "고", "할",
    "될", "된", "는", "던", "운", "울", "음", "함", "됨", "킬", "데",
};
// Starts of a second word that make it a form of 하다/되다 (호출 하는, 컴파일 되는지).
constexpr std::string_view kVerbStarts[] = {
    "하는", "하지", "하기", "하여", "하면", "하고", "하게", "하며", "하였", "하세", "되는", "되지",
    "되기", "되어", "되면", "되고", "되게", "되며", "되었", "해서", "해야", "해도", "돼서", "돼야",
    "했",   "됐",   "합니", "됩니", "한다", "된다", "할지", "될지", "시키", "시킨", "시켜",
};

template <size_t N>
bool listed(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

std::string_view last_syllable(std::string_view word) {
  return word.substr(word.size() - kSyllable);
}

template <size_t N>
std::unordered_set<std::string_view> set_of(const std::string_view (&list)[N]) {
  return {std::begin(list), std::end(list)};
}

bool first_half(std::string_view a) {
  // Asked of every pair of words: the lists as bit sets of syllables and a hash set, hashed into
  // only for a word as long as some stop word and ending in one's last syllable.
  static const auto stop = set_of(kFirstStop);
  static const text::SyllableSet one_syllable(kOneSyllableFirst), bad_ends(kFirstBadEnds);
  static const auto [stop_lasts, stop_longest] = [] {
    text::SyllableSet lasts;
    size_t longest = 0;
    for (std::string_view word : kFirstStop) {
      lasts.add(last_syllable(word));
      longest = std::max(longest, word.size());
    }
    return std::pair(lasts, longest);
  }();
  const auto stopped = [&] {
    return a.size() <= stop_longest && stop_lasts.contains(last_syllable(a)) && stop.contains(a);
  };
  if (a.size() == kSyllable) return one_syllable.contains(a) && !stopped();
  // Most words fail on their last syllable: that test first.
  if (bad_ends.contains(last_syllable(a))) return false;
  if (a.size() == 2 * kSyllable && last_syllable(a) == "어") return false;  // 덮어, 넣어
  return !stopped();
}

bool second_half(std::string_view b) {
  // Asked of every stem of the second word of a pair: the lists as bit sets of syllables and a
  // hash set; the verb starts only for words that begin with one of their first syllables.
  static const auto stop = set_of(kSecondStop);
  static const text::SyllableSet one_syllable(kOneSyllableSecond), bad_ends(kSecondBadEnds);
  static const text::SyllableSet verb_firsts = [] {
    text::SyllableSet out;
    for (std::string_view start : kVerbStarts) out.add(start.substr(0, kSyllable));
    return out;
  }();
  if (stop.contains(b) || terms::is_particle(b)) return false;
  if (b.size() == kSyllable) return one_syllable.contains(b);
  if (bad_ends.contains(last_syllable(b))) return false;
  return !verb_firsts.contains(b.substr(0, kSyllable)) ||
         std::none_of(std::begin(kVerbStarts), std::end(kVerbStarts),
                      [&](std::string_view start) { return b.starts_with(start); });
}

// A hash of Hangul text one syllable at a time: `hash` of the syllables before `at`, extended by
// the one at `at`, so that every prefix of a word is hashed in one pass.
uint64_t syllable_hash(uint64_t hash, std::string_view text, size_t at) {
  // The bytes read as hangul::last_three_bytes() would, without a checked substr() per syllable:
  // `at` is always a syllable's start in a word.
  const auto byte = [&](size_t k) {
    return static_cast<uint64_t>(static_cast<unsigned char>(text[k]));
  };
  return (hash ^ (byte(at) << 16 | byte(at + 1) << 8 | byte(at + 2))) * 0x9E3779B97F4A7C15u;
}

void check_hangul(const Document& doc, const Runs& runs, const Glossary& glossary,
                  const std::vector<Seen>& seen, DiagnosticSink& sink) {
  // Spaced pairs that may be one term written apart, with the joined form each stem of the
  // second word would make with the first (the forms one after another in `joined_text`).
  struct Pair {
    size_t run, word;  // the first word
    uint32_t first_form, end_form;
  };
  struct JoinedForm {
    uint32_t begin, size;  // in joined_text
    uint32_t stem;         // of the second word
  };
  std::vector<Pair> pairs;
  std::vector<JoinedForm> forms;
  std::string joined_text;
  std::vector<uint32_t> stems;
  // Pairs whose first word may start a compound, and the first syllables of those words.
  std::vector<std::pair<size_t, size_t>> candidates;  // run, first word
  text::SyllableSet candidate_firsts;
  for (size_t r = 0; r < runs.size(); ++r) {
    const std::string_view text = doc.prose()[r].text();
    const auto& words = runs[r]->words;
    for (size_t w = 0; w + 1 < words.size(); ++w) {
      if (!spaced_by_one(text, words, w, 2)) continue;
      const std::string_view a = words[w].in(text);
      if (!first_half(a)) continue;
      candidates.emplace_back(r, w);
      candidate_firsts.add(a.substr(0, kSyllable));
    }
  }
  if (candidates.empty()) return;
  // A joined form counts only where it is a stem, so a prefix, of some word (which begins with
  // its first word's first syllable): a bit table of the syllable_hash()es of those words'
  // prefixes of two syllables or more lets a pair none of whose joined texts is marked there be
  // passed over before its stems and second halves are sought.
  size_t prefix_count = 0;
  for (size_t r = 0; r < runs.size(); ++r)
    for (const terms::HangulWord& word : runs[r]->words)
      prefix_count += (word.end - word.begin) / kSyllable;
  unsigned prefix_bits_log2 = 10;
  while ((size_t{1} << prefix_bits_log2) < 16 * prefix_count) ++prefix_bits_log2;
  std::vector<uint64_t> prefixes((size_t{1} << prefix_bits_log2) / 64);
  const auto prefix_bit = [&](uint64_t hash) { return hash >> (64 - prefix_bits_log2); };
  for (size_t r = 0; r < runs.size(); ++r) {
    const std::string_view text = doc.prose()[r].text();
    for (const terms::HangulWord& word : runs[r]->words) {
      if (word.end - word.begin < 2 * kSyllable ||
          !candidate_firsts.contains(text.substr(word.begin, kSyllable)))
        continue;
      uint64_t prefix = syllable_hash(0, text, word.begin);
      for (size_t at = word.begin + kSyllable; at < word.end; at += kSyllable) {
        prefix = syllable_hash(prefix, text, at);
        prefixes[prefix_bit(prefix) / 64] |= uint64_t{1} << (prefix_bit(prefix) % 64);
      }
    }
  }
  // True when a + some prefix of b is marked (b's stems are its prefixes).
  const auto may_join = [&](std::string_view a, std::string_view b) {
    uint64_t prefix = 0;
    for (size_t at = 0; at < a.size(); at += kSyllable) prefix = syllable_hash(prefix, a, at);
    for (size_t at = 0; at < b.size(); at += kSyllable) {
      prefix = syllable_hash(prefix, b, at);
      if (prefixes[prefix_bit(prefix) / 64] >> (prefix_bit(prefix) % 64) & 1) return true;
    }
    return false;
  };
  for (const auto& [r, w] : candidates) {
    const std::string_view text = doc.prose()[r].text();
    const auto& words = runs[r]->words;
    const std::string_view a = words[w].in(text);
    const std::string_view b = words[w + 1].in(text);
    if (!may_join(a, b)) continue;
    // Only the stems up to the last that could be a second half matter (below, the first
    // stem whose joined form occurs decides); a pair without one is passed over.
    stems_of(b, stems);
    size_t count = stems.size();
    while (count > 0 &&
           (b.substr(0, stems[count - 1]) == a || !second_half(b.substr(0, stems[count - 1]))))
      --count;
    if (count == 0) continue;
    pairs.push_back({r, w, static_cast<uint32_t>(forms.size()), 0});
    for (size_t i = 0; i < count; ++i) {
      forms.push_back({static_cast<uint32_t>(joined_text.size()),
                       static_cast<uint32_t>(a.size() + stems[i]), stems[i]});
      joined_text.append(a).append(b.substr(0, stems[i]));
    }
    pairs.back().end_form = static_cast<uint32_t>(forms.size());
  }
  if (pairs.empty()) return;
  const auto form_text = [&](const JoinedForm& f) {
    return std::string_view(joined_text).substr(f.begin, f.size);
  };
  // Each joined form by its text (the first form with that text stands for all), and a bit
  // table of their syllable_hash()es: a word none of whose prefixes is marked there has no
  // joined form for a stem, and needs no stems (nearly every word).
  ViewMap form_index(forms.size());
  std::vector<uint32_t> same_as(forms.size());
  // A word that has a joined form as a stem begins with that form's first syllable: a word that
  // begins with none of theirs is passed over before hashing.
  text::SyllableSet form_firsts;
  unsigned bits_log2 = 10;
  while ((size_t{1} << bits_log2) < 32 * forms.size()) ++bits_log2;
  std::vector<uint64_t> marked((size_t{1} << bits_log2) / 64);
  const auto bit_of = [&](uint64_t hash) { return hash >> (64 - bits_log2); };
  for (uint32_t f = 0; f < forms.size(); ++f) {
    const std::string_view view = form_text(forms[f]);
    const size_t hash = ViewMap::hash(view);
    form_index.insert(view, hash, f);
    same_as[f] = form_index.find(view, hash);
    form_firsts.add(view.substr(0, kSyllable));
    uint64_t prefix = 0;
    for (size_t at = 0; at < view.size(); at += kSyllable) prefix = syllable_hash(prefix, view, at);
    marked[bit_of(prefix) / 64] |= uint64_t{1} << (bit_of(prefix) % 64);
  }
  // True when some prefix of `word` of two syllables or more is marked.
  const auto may_have_form = [&](std::string_view word) {
    if (word.size() < 2 * kSyllable) return false;  // every joined form has two syllables
    if (!form_firsts.contains(word.substr(0, kSyllable))) return false;
    uint64_t prefix = syllable_hash(0, word, 0);
    for (size_t at = kSyllable; at < word.size(); at += kSyllable) {
      prefix = syllable_hash(prefix, word, at);
      if (marked[bit_of(prefix) / 64] >> (bit_of(prefix) % 64) & 1) return true;
    }
    return false;
  };
  // Where the joined forms occur as a stem of a word, in document order.
  struct Joined {
    uint32_t form;
    size_t run, word;
    uint32_t stem;
  };
  std::vector<Joined> joined;
  std::vector<bool> occurs(forms.size(), false);
  for (size_t r = 0; r < runs.size(); ++r) {
    const std::string_view text = doc.prose()[r].text();
    for (size_t w = 0; w < runs[r]->words.size(); ++w) {
      const std::string_view word = runs[r]->words[w].in(text);
      if (!may_have_form(word)) continue;
      for (uint32_t stem : stems_of(word, stems)) {
        const std::string_view view = word.substr(0, stem);
        const uint32_t f = form_index.find(view, ViewMap::hash(view));
        if (f == ViewMap::kAbsent) continue;
        joined.push_back({f, r, w, stem});
        occurs[f] = true;
      }
    }
  }
  // Spaced pairs whose joined form occurs too, by the joined form.
  std::map<std::string, std::vector<Occurrence>> spaced;
  for (const Pair& pair : pairs) {
    const std::string_view text = doc.prose()[pair.run].text();
    const auto& words = runs[pair.run]->words;
    const terms::HangulWord& first = words[pair.word];
    const terms::HangulWord& second = words[pair.word + 1];
    for (uint32_t f = pair.first_form; f < pair.end_form; ++f) {
      // The shortest stem with a joined form decides: when it is no noun ("송신 측의": 측), the
      // longer ones are that word with its particle.
      if (!occurs[same_as[f]]) continue;
      const std::string_view half = second.in(text).substr(0, forms[f].stem);
      if (half == first.in(text) || !second_half(half)) break;
      const uint32_t end = second.begin + forms[f].stem;
      Occurrence o{pair.run, first.begin, end, second.end,
                   std::string(text.substr(first.begin, end - first.begin))};
      if (!seen_in(seen, o)) spaced[std::string(form_text(forms[f]))].push_back(std::move(o));
      break;
    }
  }
  // The joined forms' occurrences grouped by form, each group in document order.
  std::stable_sort(joined.begin(), joined.end(),
                   [](const Joined& x, const Joined& y) { return x.form < y.form; });
  // Longer joined forms claim their words first ("시간복잡도" before "시간복잡").
  std::vector<std::string> keys;
  for (const auto& [key, occurrences] : spaced) keys.push_back(key);
  std::stable_sort(keys.begin(), keys.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::map<std::pair<size_t, size_t>, bool> claimed;
  for (const std::string& key : keys) {
    const std::vector<Occurrence>& pairs = spaced[key];
    if (glossary.find(key) || glossary.find(pairs.front().form)) continue;
    Cluster cluster;
    const uint32_t form = form_index.find(key, ViewMap::hash(key));
    const auto [group_begin, group_end] =
        std::equal_range(joined.begin(), joined.end(), Joined{form, 0, 0, 0},
                         [](const Joined& x, const Joined& y) { return x.form < y.form; });
    for (const Joined& j : std::span(group_begin, group_end)) {
      if (claimed[{j.run, j.word}]) continue;
      claimed[{j.run, j.word}] = true;
      const terms::HangulWord& word = runs[j.run]->words[j.word];
      Occurrence o{j.run, word.begin, word.begin + j.stem, word.end, key};
      if (!seen_in(seen, o)) cluster.forms[key].push_back(std::move(o));
    }
    if (cluster.forms.empty()) continue;
    for (const Occurrence& o : pairs) cluster.forms[o.form].push_back(o);
    for (auto& [form, occurrences] : cluster.forms)
      std::sort(occurrences.begin(), occurrences.end(),
                [](const Occurrence& x, const Occurrence& y) { return x.before(y); });
    report_minority(doc, sink, cluster,
                    "technical terms may be spaced or joined (한글 맞춤법 제50항); write each "
                    "term one way throughout");
  }
}

class TermConsistency final : public Rule {
 public:
  // Without a glossary, the shipped one, parsed when first needed.
  explicit TermConsistency(std::shared_ptr<const Glossary> glossary)
      : glossary_(std::move(glossary)) {}

  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const Glossary& glossary = glossary_ ? *glossary_ : Glossary::shipped();
    // A post's paragraphs are the same from one lint to the next, but for the one being edited.
    static text::TextMemo<RunTerms> memo(text::Keep::when_asked_again);
    Runs runs;
    runs.reserve(doc.prose().size());
    for (const ProseRun& run : doc.prose())
      runs.push_back(memo.get(run.text(), [&] { return collect(run.text()); }));
    const auto seen = check_glossary(doc, runs, glossary, sink);
    check_latin(doc, runs, glossary, seen, sink);
    check_hangul(doc, runs, glossary, seen, sink);
  }

 private:
  std::shared_ptr<const Glossary> glossary_;
};

}  // namespace

std::unique_ptr<Rule> make_term_consistency(std::shared_ptr<const Glossary> glossary) {
  return std::make_unique<TermConsistency>(std::move(glossary));
}

std::unique_ptr<Rule> make_term_consistency() {
  return std::make_unique<TermConsistency>(nullptr);
}

}  // namespace hanmark
