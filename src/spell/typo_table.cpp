#include "spell/typo_table.h"

#include "core/utf8.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/strings.h"
#include "text/hangul.h"

namespace hanmark {

namespace {

char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

}  // namespace

std::string match_case(std::string_view word, std::string_view replacement) {
  size_t upper = 0, lowercase = 0;
  for (char c : word) upper += is_upper(c), lowercase += is_lower(c);
  std::string out(replacement);
  if (upper >= 2 && lowercase == 0) {
    std::transform(out.begin(), out.end(), out.begin(), ascii_upper);
  } else if (!word.empty() && is_upper(word.front()) && upper == 1) {
    if (!out.empty()) out.front() = ascii_upper(out.front());
  }
  return out;
}

TypoTable TypoTable::parse(std::string_view tsv) {
  TypoTable table;
  for_each_data_line(tsv, [&](size_t line_number, std::string_view line) {
    const size_t tab = line.find('\t');
    const std::string_view key = tab == std::string_view::npos ? line : trim(line.substr(0, tab));
    const std::string_view value =
        tab == std::string_view::npos ? std::string_view() : trim(line.substr(tab + 1));
    if (tab == std::string_view::npos || key.empty() || value.empty() ||
        value.find('\t') != std::string_view::npos) {
      table.problems_.push_back("line " + std::to_string(line_number) +
                                ": expected 'misspelling<TAB>correction'");
      return;
    }
    std::string lower_key = ascii_lowered(key);
    if (lower_key == ascii_lowered(value)) {
      table.problems_.push_back("line " + std::to_string(line_number) +
                                ": correction equals the misspelling");
      return;
    }
    table.corrections_.insert_or_assign(std::move(lower_key), std::string(value));
  });
  std::vector<std::string_view> keys;
  for (const auto& [key, correction] : table.corrections_) keys.push_back(key);
  table.misspellings_ = text::SubstringFilter(keys, text::SubstringFilter::Case::fold_ascii);
  return table;
}

const std::string* TypoTable::find(std::string_view word) const {
  if (corrections_.empty()) return nullptr;
  auto it = corrections_.find(ascii_lowered(word));
  return it == corrections_.end() ? nullptr : &it->second;
}

bool TypoTable::contains(std::string_view word) const {
  return find(word) != nullptr;
}

std::optional<std::string> TypoTable::lookup(std::string_view word) const {
  const std::string* correction = find(word);
  if (!correction) return std::nullopt;
  return match_case(word, *correction);
}

namespace {

constexpr std::string_view kRieul = "\xE3\x84\xB9";  // ㄹ U+3139

// Particles (and copula forms) that may follow a noun: "역활을", "몇일에는", "금새라도".
constexpr std::string_view kParticles[] = {
    "이",   "가",   "을",     "를",   "은",     "는",     "의",     "에",     "에서",
    "에게", "한테", "께",     "으로", "로",     "으로서", "로서",   "으로써", "로써",
    "와",   "과",   "도",     "만",   "까지",   "부터",   "처럼",   "보다",   "만큼",
    "조차", "마저", "밖에",   "뿐",   "이나",   "나",     "이랑",   "랑",     "이라도",
    "라도", "이란", "란",     "이라", "라",     "이라고", "라고",   "이야",   "야",
    "이다", "다",   "이에요", "예요", "입니다", "이고",   "고",     "이며",   "며",
    "간",   "요",   "씩",     "쯤",   "엔",     "인",     "들",     "에선",   "이라는",
    "라는", "이면", "면",     "에는", "에도",   "에서는", "에서도", "으로는", "로는"};

}  // namespace

namespace {

// One to three Hangul syllables (every particle is) as a number, 14 bits a syllable; else 0.
uint64_t particle_key(std::string_view text) {
  if (text.empty() || text.size() > 9 || text.size() % 3 != 0) return 0;
  uint64_t key = 0;
  for (size_t i = 0; i < text.size(); i += 3) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (d.length != 3 || !hangul::is_syllable(d.code_point)) return 0;
    key = key << 14 | (d.code_point - 0xAC00 + 1);
  }
  return key;
}

bool is_particle(std::string_view text) {
  static const std::vector<uint64_t> keys = [] {
    std::vector<uint64_t> out;
    for (std::string_view particle : kParticles) out.push_back(particle_key(particle));
    std::sort(out.begin(), out.end());
    return out;
  }();
  const uint64_t key = particle_key(text);
  return key != 0 && std::binary_search(keys.begin(), keys.end(), key);
}

}  // namespace

std::span<const std::string_view> korean_particles() {
  return kParticles;
}

// One particle, or two: at most four lookups, where comparing with every particle took most of
// korean-spelling's time for a word's base (it asks at each syllable of an unknown word).
bool is_particle_sequence(std::string_view rest) {
  if (rest.empty() || is_particle(rest)) return true;
  for (size_t split = 3; split < rest.size() && split <= 9; split += 3)
    if (is_particle(rest.substr(0, split)) && is_particle(rest.substr(split))) return true;
  return false;
}

KoreanTypoTable KoreanTypoTable::parse(std::string_view tsv) {
  KoreanTypoTable table;
  for_each_data_line(tsv, [&](size_t line_number, std::string_view line) {
    std::vector<std::string_view> fields;
    for (std::string_view rest = line;;) {
      const size_t tab = rest.find('\t');
      fields.push_back(trim(rest.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    const auto problem = [&](std::string_view what) {
      table.problems_.push_back("line " + std::to_string(line_number) + ": " + std::string(what));
    };
    if (fields.size() != 4 || fields[0].empty() || fields[1].empty() || fields[3].empty()) {
      problem("expected 'misspelling<TAB>correction<TAB>mode<TAB>rule'");
      return;
    }
    Entry entry;
    static constexpr std::pair<std::string_view, Mode> kModes[] = {{"word", Mode::word},
                                                                   {"stem", Mode::stem},
                                                                   {"ending", Mode::ending},
                                                                   {"infix", Mode::infix},
                                                                   {"phrase", Mode::phrase}};
    bool known = false;
    for (const auto& [name, mode] : kModes)
      if (fields[2] == name) entry.mode = mode, known = true;
    if (!known) {
      problem("unknown mode '" + std::string(fields[2]) + "'");
      return;
    }
    std::string_view misspelling = fields[0];
    if (misspelling.starts_with(kRieul)) {
      entry.after_rieul = true;
      misspelling.remove_prefix(kRieul.size());
    }
    entry.misspelling = std::string(misspelling);
    bool bad = entry.misspelling.empty() ||
               (entry.mode == Mode::phrase) != (entry.misspelling.find(' ') != std::string::npos);
    for (std::string_view rest = fields[1]; !bad;) {
      const size_t bar = rest.find('|');
      std::string_view correction = trim(rest.substr(0, bar));
      if (entry.after_rieul) {
        if (!correction.starts_with(kRieul))
          bad = true;
        else
          correction.remove_prefix(kRieul.size());
      }
      if (correction == entry.misspelling) bad = true;
      entry.corrections.emplace_back(correction);
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
    if (bad) {
      problem("malformed misspelling or correction");
      return;
    }
    entry.rule = std::string(fields[3]);
    table.entries_.push_back(std::move(entry));
  });
  table.build_index();
  return table;
}

namespace {

char32_t first_code_point(std::string_view s) {
  return s.empty() ? 0 : utf8::decode(s, 0).code_point;
}

}  // namespace

void KoreanTypoTable::build_index() {
  std::vector<std::string_view> misspellings;
  for (const Entry& entry : entries_) misspellings.push_back(entry.misspelling);
  misspellings_ = text::SubstringFilter(misspellings, text::SubstringFilter::Case::exact);
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const Entry& entry = entries_[i];
    switch (entry.mode) {
      case Mode::word:
      case Mode::stem:
      case Mode::phrase:
        by_first_[first_code_point(entry.misspelling)].push_back(i);
        break;
      case Mode::ending:
        by_last_[hangul::last_code_point(entry.misspelling)].push_back(i);
        break;
      case Mode::infix:
        infix_by_first_[first_code_point(entry.misspelling)].push_back(i);
        break;
    }
  }
}

void KoreanTypoTable::candidates(std::string_view word, std::vector<uint32_t>& out) const {
  out.clear();
  if (word.empty()) return;
  const auto add = [&](const std::unordered_map<char32_t, std::vector<uint32_t>>& index,
                       char32_t key) {
    if (auto it = index.find(key); it != index.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
  };
  // An infix misspelling can only occur where its first code point does.
  for (size_t i = 0; i < word.size();) {
    const utf8::Decoded d = utf8::decode(word, i);
    add(infix_by_first_, d.code_point);
    i += d.length;
  }
  add(by_first_, first_code_point(word));
  add(by_last_, hangul::last_code_point(word));
  // Table order, as a full scan would visit them; a code point met twice added its infixes twice.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

text::SharedList<KoreanTypoTable::Match> KoreanTypoTable::find(std::string_view text) const {
  if (entries_.empty()) return {};
  // Every match is a misspelling's bytes in `text`: most paragraphs hold none and need no words.
  // The substring test is remembered too: typo and korean-spelling both ask.
  return text::SharedList<Match>(found_->get(text, [&] {
    return misspellings_.found_in(text) ? find_uncached(text) : std::vector<Match>{};
  }));
}

std::vector<KoreanTypoTable::Match> KoreanTypoTable::find_uncached(std::string_view text) const {
  std::vector<Match> found;
  const text::SharedList<hangul::Run> runs = hangul::runs(text);
  std::vector<uint32_t> indices;
  for (size_t r = 0; r < runs.size(); ++r) {
    const hangul::Run& run = runs[r];
    const std::string_view word = run.in(text);
    candidates(word, indices);
    for (const uint32_t index : indices) {
      const Entry& entry = entries_[index];
      const std::string_view key = entry.misspelling;
      const auto add = [&](size_t offset, uint32_t word_end) {
        // A 'ㄹ' entry needs a syllable with the final ㄹ right before it, in the same word.
        if (entry.after_rieul && (offset == 0 || !hangul::has_final_rieul(hangul::last_code_point(
                                                     word.substr(0, offset)))))
          return;
        const uint32_t begin = run.begin + static_cast<uint32_t>(offset);
        found.push_back(
            {begin, begin + static_cast<uint32_t>(key.size()), run.begin, word_end, &entry});
      };
      switch (entry.mode) {
        case Mode::word:
          if (word.starts_with(key) && is_particle_sequence(word.substr(key.size())))
            add(0, run.end);
          break;
        case Mode::stem:
          if (word.starts_with(key)) add(0, run.end);
          break;
        case Mode::ending:
          if (word.ends_with(key)) add(word.size() - key.size(), run.end);
          break;
        case Mode::infix:
          for (size_t at = word.find(key); at != std::string_view::npos;
               at = word.find(key, at + key.size()))
            add(at, run.end);
          break;
        case Mode::phrase: {
          const size_t space = key.find(' ');
          const std::string_view first = key.substr(0, space), second = key.substr(space + 1);
          if (word != first || r + 1 >= runs.size()) break;
          const hangul::Run& next = runs[r + 1];
          if (next.begin != run.end + 1 || text[run.end] != ' ') break;
          if (!next.in(text).starts_with(second)) break;
          found.push_back({run.begin, static_cast<uint32_t>(run.end + 1 + second.size()), run.begin,
                           next.end, &entry});
          break;
        }
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::vector<Match> out;
  for (const Match& m : found) {
    if (!out.empty() && m.begin < out.back().end) {
      // Overlap: keep the longer one.
      if (m.end - m.begin > out.back().end - out.back().begin) out.back() = m;
      continue;
    }
    out.push_back(m);
  }
  return out;
}

}  // namespace hanmark
