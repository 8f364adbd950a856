// Reading a hunspell .aff and .dic into AffixLexicon::Data. Directives that change what spell()
// accepts and that this reader does not implement make the load fail with their name, so that
// such dictionaries stay with libhunspell.
#include <charconv>
#include <iterator>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <system_error>
#include <thread>

#include "core/file_io.h"
#include "core/utf8.h"
#include "core/view_map.h"
#include "spell/aff_fields.h"
#include "spell/affix_lexicon_data.h"
#include "spell/compound_rule.h"

namespace hanmark {

namespace {

// Directives that only affect suggestions or are informational.
const std::set<std::string_view, std::less<>> kIgnored = {
    "VERSION", "LANG", "WORDCHARS", "TRY", "KEY", "MAP", "REP", "PHONE", "OCONV", "MAXCPDSUGS",
    "MAXNGRAMSUGS", "MAXDIFF", "ONLYMAXDIFF", "NOSPLITSUGS", "SUGSWITHDOTS", "NOSUGGEST",
    "FORBIDWARN", "HOME", "NAME", "AUTHOR", "LEMMA_PRESENT",
    // Only read where COMPOUNDFLAG, COMPOUNDBEGIN or COMPOUNDMIDDLE is set, which is refused.
    "COMPOUNDMORESUFFIXES"};

// Calls `each(line)` for every line, without its line break.
template <typename Each>
void for_each_line(std::string_view text, Each each) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!each(line)) return;
    start = end + 1;
  }
}

// Writes `text` as UTF-16 units (an invalid byte is U+FFFD) at `out`, which has room for a unit
// per byte; returns the end of what it wrote.
char16_t* write_units(std::string_view text, char16_t* out) {
  const auto* at = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = at + text.size();
  while (at != end) {
    // Jamo and syllables, nearly all of hunspell-ko, are three bytes 1110xxxx 10xxxxxx 10xxxxxx
    // led by E1..EC, EE or EF (after E0 they may be overlong, after ED a surrogate).
    while (end - at >= 3) {
      const unsigned lead = at[0], second = at[1] ^ 0x80, third = at[2] ^ 0x80;
      if (lead < 0xE1 || lead > 0xEF || lead == 0xED || (second | third) > 0x3F) break;
      *out++ = static_cast<char16_t>((lead & 0x0F) << 12 | second << 6 | third);
      at += 3;
    }
    if (at == end) break;
    const auto offset =
        static_cast<size_t>(at - reinterpret_cast<const unsigned char*>(text.data()));
    const utf8::Decoded d = utf8::decode(text, offset);
    at += d.length;
    const char32_t cp = d.code_point == utf8::kInvalid ? 0xFFFD : d.code_point;
    if (cp < 0x10000) {
      *out++ = static_cast<char16_t>(cp);
    } else {
      *out++ = static_cast<char16_t>(0xD7C0 + (cp >> 10));
      *out++ = static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
    }
  }
  return out;
}

using Entries = std::vector<std::pair<UnitsView, uint32_t>>;

// UnitsTrie::sort(entries) for entries nearly in order already (hunspell-ko's .dic is sorted but
// for nine word pairs with a space): those in order stay, the others are sorted and merged in.
void sort_nearly_sorted(Entries& entries) {
  Entries aside;
  size_t kept = 0;
  for (const auto& entry : entries) {
    if (kept == 0 || !(entry < entries[kept - 1]))
      entries[kept++] = entry;
    else
      aside.push_back(entry);
  }
  if (aside.empty()) return;
  UnitsTrie::sort(aside);
  // Merged from the back, into the room the others left.
  size_t next = entries.size();
  while (!aside.empty()) {
    if (kept > 0 && aside.back() < entries[kept - 1]) {
      entries[--next] = entries[--kept];
    } else {
      entries[--next] = aside.back();
      aside.pop_back();
    }
  }
}

bool parse_number(std::string_view text, int& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

class Loader {
 public:
  explicit Loader(AffixLexicon::Data& data) : data_(data) {}

  bool aff(std::string_view text, std::string& why_not) {
    std::vector<std::string_view> lines;
    for_each_line(text, [&](std::string_view line) {
      lines.push_back(line);
      return true;
    });
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].starts_with("OCONV")) continue;  // output only: thousands of lines
      const AffFields f = aff_fields(lines[i]);
      if (f.empty() || f[0].front() == '#') continue;
      const std::string_view name = f[0];
      if (name == "SFX") {
        if (!suffix_group(lines, i, why_not)) return false;
      } else if (name == "LANG" && f.size() > 1 && f[1].starts_with("hu")) {
        return refuse(why_not, "LANG hu (hunspell's Hungarian compounding)");
      } else if (name == "SET") {
        if (f.size() < 2 || f[1] != "UTF-8") return refuse(why_not, "SET other than UTF-8");
      } else if (name == "FLAG") {
        if (f.size() < 2 || f[1] != "num") return refuse(why_not, "FLAG other than num");
      } else if (name == "AF") {
        if (aliases_started_) {
          aliases_.push_back(flag_set(f.size() > 1 ? f[1] : std::string_view()));
        } else {
          aliases_started_ = true;  // the count line
        }
      } else if (name == "ICONV") {
        if (!conversion(f, why_not)) return false;
      } else if (name == "COMPOUNDRULE") {
        if (!compound_rule(f, why_not)) return false;
      } else if (name == "FORBIDDENWORD" || name == "ONLYINCOMPOUND") {
        int flag = 0;
        if (f.size() < 2 || !parse_number(f[1], flag) || flag <= 0 || flag > 65535)
          return refuse(why_not, std::string(name) + " without a numeric flag");
        (name == "FORBIDDENWORD" ? data_.forbidden : data_.only_in_compound) =
            static_cast<Flag>(flag);
      } else if (name == "COMPOUNDMIN") {
        int min = 0;
        if (f.size() < 2 || !parse_number(f[1], min)) return refuse(why_not, "COMPOUNDMIN");
        data_.compound_min = static_cast<size_t>(std::max(1, min));
      } else if (!kIgnored.contains(name)) {
        return refuse(why_not, std::string(name));
      }
    }
    if (!finish_rules(why_not)) return false;
    data_.syllable_offsets.reserve(0xD7A4 - 0xAC00 + 1);
    for (char32_t syllable = 0xAC00; syllable <= 0xD7A3; ++syllable) {
      data_.syllable_offsets.push_back(static_cast<uint32_t>(data_.syllable_units.size()));
      const auto found = data_.input_conversion.find(syllable);
      if (found != data_.input_conversion.end())
        data_.syllable_units.append(found->second);
      else
        data_.syllable_units.push_back(static_cast<char16_t>(syllable));
    }
    data_.syllable_offsets.push_back(static_cast<uint32_t>(data_.syllable_units.size()));
    build_suffix_indexes();
    return true;
  }

  // Reads the .dic's words; their flags are read by finish() once the .aff's aliases
  // are known, so that the two files can be read at the same time.
  void dic(std::string_view text) {
    // Room for a unit per byte, more than the words need.
    data_.dic_units = std::make_unique_for_overwrite<char16_t[]>(text.size());
    dic_end_ = data_.dic_units.get();
    bool first = true;
    for_each_line(text, [&](std::string_view line) {
      if (first) {  // the word count
        first = false;
        int count = 0;
        if (parse_number(line, count) && count > 0) {
          data_.roots.reserve(count);
          pending_flags_.reserve(count);
        }
        return true;
      }
      entry(line);
      return true;
    });
    index_words();
  }

  // After both files are read: the .dic's flags (without AF aliases, they may add flag sets),
  // then what is known of each flag set for compounds.
  void finish() {
    for (size_t i = 0; i < pending_flags_.size(); ++i)
      if (!pending_flags_[i].empty()) data_.roots[i].flags = entry_flags(pending_flags_[i]);
    finish_flag_sets();
    build_rule_tables(data_);
  }

 private:
  static bool refuse(std::string& why_not, std::string what) {
    why_not = "unsupported: " + what;
    return false;
  }

  uint32_t intern_flags(std::vector<Flag> flags) {
    std::sort(flags.begin(), flags.end());
    if (flags.empty()) return 0;
    const auto [it, added] = flag_set_index_.try_emplace(flags, data_.flag_sets.size());
    if (added) data_.flag_sets.emplace_back(std::move(flags));
    return it->second;
  }

  // "12,30,45" (FLAG num).
  uint32_t flag_set(std::string_view text) {
    std::vector<Flag> flags;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find(',', start);
      if (end == std::string_view::npos) end = text.size();
      int flag = 0;
      if (parse_number(text.substr(start, end - start), flag) && flag > 0 && flag < 65536)
        flags.push_back(static_cast<Flag>(flag));
      start = end + 1;
    }
    return intern_flags(std::move(flags));
  }

  // The flags of a .dic entry or a suffix continuation: an AF alias number, or the flags.
  uint32_t entry_flags(std::string_view text) {
    if (aliases_.empty()) return flag_set(text);
    int alias = 0;
    if (!parse_number(text, alias) || alias < 1 || static_cast<size_t>(alias) > aliases_.size())
      return 0;
    return aliases_[alias - 1];
  }

  bool conversion(const AffFields& f, std::string& why_not) {
    if (!conversion_started_) {
      conversion_started_ = true;  // the count line
      return true;
    }
    if (f.size() < 3) return true;
    const Units pattern = to_units(f[1]);
    if (pattern.size() != 1 || pattern[0] == '_' || f[2].find('_') != std::string_view::npos)
      return refuse(why_not, "ICONV of more than one character");
    data_.input_conversion[pattern[0]] = to_units(f[2]);
    return true;
  }

  // "(12)*(12)(13)": flags in parentheses, '*' and '?' after them.
  bool compound_rule(const AffFields& f, std::string& why_not) {
    if (!rules_started_) {
      rules_started_ = true;  // the count line
      return true;
    }
    if (f.size() < 2) return true;
    std::vector<Flag> rule;
    const std::string_view text = f[1];
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '*' || text[i] == '?') {
        rule.push_back(static_cast<Flag>(text[i]));
      } else if (text[i] == '(') {
        const size_t close = text.find(')', i);
        int flag = 0;
        if (close == std::string_view::npos ||
            !parse_number(text.substr(i + 1, close - i - 1), flag) || flag <= 0 || flag > 65535)
          return refuse(why_not, "COMPOUNDRULE " + std::string(text));
        rule.push_back(static_cast<Flag>(flag));
        i = close;
      } else {
        return refuse(why_not, "COMPOUNDRULE " + std::string(text));
      }
    }
    if (rule.size() > CompoundParts::kMaxRuleLength)
      return refuse(why_not, "COMPOUNDRULE longer than 64");
    data_.compound_rules.push_back(std::move(rule));
    return true;
  }

  bool finish_rules(std::string& why_not) {
    for (const std::vector<Flag>& rule : data_.compound_rules)
      for (Flag flag : rule)
        rule_flag_bits_.try_emplace(flag, static_cast<int>(rule_flag_bits_.size()));
    if (rule_flag_bits_.size() > 64) return refuse(why_not, "more than 64 COMPOUNDRULE flags");
    for (const std::vector<Flag>& rule : data_.compound_rules) {
      std::vector<uint64_t> bits;
      for (Flag flag : rule) {
        const uint64_t bit = uint64_t{1} << rule_flag_bits_.at(flag);
        bits.push_back(bit);
        if (flag != kRuleStar && flag != kRuleOptional) data_.rule_part_bits |= bit;
      }
      uint64_t first = 0;
      for (size_t at = 0; at < rule.size(); at += 2) {
        first |= bits[at];
        const bool quantified =
            at + 1 < rule.size() && (rule[at + 1] == kRuleStar || rule[at + 1] == kRuleOptional);
        if (!quantified) break;
      }
      data_.rule_first_bits.push_back(first);
      data_.compound_rule_bits.push_back(std::move(bits));
    }
    return true;
  }

  // The suffix indexes of Data from the appended texts and empty_append_, each list
  // last-defined first as hunspell's lists have them.
  void build_suffix_indexes() {
    const auto is_outer = [&](uint32_t index) {
      const Flag flag = data_.suffixes[index].flag;
      return flag < data_.continuation_flags.size() && data_.continuation_flags[flag];
    };
    const auto is_inner = [&](uint32_t index) { return data_.suffixes[index].continuation != 0; };
    std::reverse(empty_append_.begin(), empty_append_.end());
    // The distinct appended texts (hunspell-ko: 51,033 of 98,577 suffixes), each with its
    // suffixes in .aff order: group g's are members[group_starts[g], group_starts[g + 1]).
    ViewMap group_of(appended_.size());
    std::vector<std::string_view> texts;
    std::vector<uint32_t> suffix_groups;
    suffix_groups.reserve(appended_.size());
    for (const auto& [text, suffix] : appended_) {
      const size_t hash = ViewMap::hash(text);
      uint32_t group = group_of.find(text, hash);
      if (group == ViewMap::kAbsent) {
        group = static_cast<uint32_t>(texts.size());
        group_of.insert(text, hash, group);
        texts.push_back(text);
      }
      suffix_groups.push_back(group);
    }
    std::vector<uint32_t> group_starts(texts.size() + 1, 0);
    for (uint32_t group : suffix_groups) ++group_starts[group + 1];
    std::partial_sum(group_starts.begin(), group_starts.end(), group_starts.begin());
    std::vector<uint32_t> members(appended_.size()), filled = group_starts;
    for (size_t i = 0; i < appended_.size(); ++i)
      members[filled[suffix_groups[i]]++] = appended_[i].second;
    // The texts reversed, sorted once for the three tries.
    size_t bytes = 0;
    for (std::string_view text : texts) bytes += text.size();
    const auto reversed = std::make_unique_for_overwrite<char16_t[]>(bytes);
    Entries groups(texts.size());
    char16_t* end = reversed.get();
    for (uint32_t g = 0; g < groups.size(); ++g) {
      char16_t* begin = end;
      end = write_units(texts[g], begin);
      std::reverse(begin, end);
      groups[g] = {UnitsView(begin, static_cast<size_t>(end - begin)), g};
    }
    UnitsTrie::sort(groups);
    const auto build = [&](SuffixIndex& index, auto keep) {
      Entries keys;
      for (const auto& [text, g] : groups) {
        const size_t size = index.list_suffixes.size();
        for (uint32_t i = group_starts[g + 1]; i-- > group_starts[g];)
          if (keep(members[i])) index.list_suffixes.push_back(members[i]);
        if (index.list_suffixes.size() == size) continue;
        keys.emplace_back(text, static_cast<uint32_t>(index.list_starts.size() - 1));
        index.list_starts.push_back(static_cast<uint32_t>(index.list_suffixes.size()));
      }
      for (uint32_t suffix : empty_append_)
        if (keep(suffix)) index.empty_append.push_back(suffix);
      index.trie.build_sorted(keys);
    };
    build(data_.all_suffixes, [](uint32_t) { return true; });
    if (data_.continuation_flags.empty()) return;
    build(data_.outer_suffixes, is_outer);
    build(data_.inner_suffixes, is_inner);
  }

  // Gives each flag set its rule_flags mask.
  void finish_flag_sets() {
    for (FlagSet& set : data_.flag_sets)
      for (const auto& [flag, bit] : rule_flag_bits_)
        if (set.has(flag)) set.rule_flags |= uint64_t{1} << bit;
  }

  // "[^ab]c.": one position per character, bracket group or '.'; "." alone is no condition.
  uint32_t condition(std::string_view text, std::string_view strip) {
    // hunspell drops a condition that the stripped text already satisfies.
    if (text == "." || strip.ends_with(text)) return 0;
    // The entries of a group nearly always share their condition: no hash for those.
    if (text == last_condition_.first) return last_condition_.second;
    const auto [it, added] = condition_index_.try_emplace(text, data_.conditions.size());
    last_condition_ = {text, it->second};
    if (!added) return it->second;
    const Units units = to_units(text);
    Condition positions;
    for (size_t i = 0; i < units.size(); ++i) {
      ConditionPosition position;
      if (units[i] == '.') {
        position.any = true;
      } else if (units[i] == '[') {
        size_t j = i + 1;
        if (j < units.size() && units[j] == '^') {
          position.negated = true;
          ++j;
        }
        for (; j < units.size() && units[j] != ']'; ++j) position.units.push_back(units[j]);
        i = j;
      } else {
        position.units.push_back(units[i]);
      }
      std::sort(position.units.begin(), position.units.end());
      for (char16_t unit : position.units)
        if (unit >= 0x1100 && unit <= 0x11FF) position.jamo.set(unit - 0x1100);
      positions.push_back(std::move(position));
    }
    data_.conditions.push_back(std::move(positions));
    return it->second;
  }

  // A group: "SFX flag Y|N count" and `count` entry lines after it.
  bool suffix_group(const std::vector<std::string_view>& lines, size_t& i, std::string& why_not) {
    const AffFields head = aff_fields(lines[i]);
    int count = 0, flag = 0;
    if (head.size() < 4 || !parse_number(head[1], flag) || !parse_number(head[3], count) ||
        flag <= 0 || flag > 65535 || count < 0)
      return refuse(why_not, "SFX header '" + std::string(lines[i]) + "'");
    for (int n = 0; n < count; ++n) {
      if (++i >= lines.size()) return refuse(why_not, "truncated SFX group");
      const AffFields f = aff_fields(lines[i]);
      if (f.size() < 4 || f[0] != "SFX")
        return refuse(why_not, "SFX line '" + std::string(lines[i]) + "'");
      Suffix suffix;
      suffix.flag = static_cast<Flag>(flag);
      if (f[2] != "0") {
        // The entries of a group nearly always share their strip text: converted once.
        if (f[2] != last_strip_.first) last_strip_ = {f[2], to_units(f[2])};
        suffix.strip = last_strip_.second;
      }
      std::string_view append = f[3];
      const size_t slash = append.find('/');
      if (slash != std::string_view::npos) {
        suffix.continuation = entry_flags(append.substr(slash + 1));
        append = append.substr(0, slash);
        for (Flag c : data_.flag_sets[suffix.continuation].flags) {
          if (data_.continuation_flags.size() <= c) data_.continuation_flags.resize(c + 1);
          data_.continuation_flags[c] = true;
        }
      }
      if (append == "0") append = {};
      suffix.condition = f.size() > 4 ? condition(f[4], f[2] == "0" ? "" : f[2]) : 0;
      const auto index = static_cast<uint32_t>(data_.suffixes.size());
      data_.suffixes.push_back(std::move(suffix));
      if (append.empty()) {
        empty_append_.push_back(index);
      } else {
        appended_.emplace_back(append, index);
      }
    }
    return true;
  }

  // "word/flags", with hunspell's morphological fields (after a tab, or "  po:") dropped.
  void entry(std::string_view line) {
    size_t end = line.find('\t');
    for (size_t colon = line.find(':'); colon != std::string_view::npos;
         colon = line.find(':', colon + 1)) {
      if (colon > 3 && (line[colon - 3] == ' ' || line[colon - 3] == '\t')) {
        size_t word_end = colon - 3;
        while (word_end > 0 && (line[word_end - 1] == ' ' || line[word_end - 1] == '\t'))
          --word_end;
        if (word_end > 0) end = std::min(end, word_end);
        break;
      }
    }
    if (end != std::string_view::npos) line = line.substr(0, end);
    size_t slash = line.find('/', 1);
    while (slash != std::string_view::npos && line[slash - 1] == '\\')
      slash = line.find('/', slash + 1);
    const std::string_view written = line.substr(0, slash);
    char16_t* const begin = dic_end_;
    if (written.find("\\/") == std::string_view::npos) {
      dic_end_ = write_units(written, begin);
    } else {
      std::string unescaped(written);
      for (size_t at; (at = unescaped.find("\\/")) != std::string::npos;) unescaped.erase(at, 1);
      dic_end_ = write_units(unescaped, begin);
    }
    if (dic_end_ == begin) return;
    const bool has_flags = slash != std::string_view::npos;
    data_.roots.push_back(
        Root{UnitsView(begin, static_cast<size_t>(dic_end_ - begin)), 0, has_flags});
    pending_flags_.push_back(has_flags ? line.substr(slash + 1) : std::string_view());
  }

  // The distinct words of the .dic in order, with their homonyms (in the order of the .dic).
  void index_words() {
    Entries entries(data_.roots.size());
    for (uint32_t i = 0; i < entries.size(); ++i) entries[i] = {data_.roots[i].word, i};
    sort_nearly_sorted(entries);
    std::vector<AffixLexicon::Data::Word>& words = data_.words;
    words.reserve(entries.size());
    data_.homonym_roots.reserve(entries.size());
    for (uint32_t i = 0; i < entries.size(); ++i) {
      if (words.empty() || words.back().units != entries[i].first)
        words.push_back({entries[i].first, i, 0});
      ++words.back().count;
      data_.homonym_roots.push_back(entries[i].second);
    }
    data_.dic_words = words.size();
  }

  AffixLexicon::Data& data_;
  std::vector<uint32_t> aliases_;
  std::vector<std::string_view> pending_flags_;   // per root, into the .dic's text
  std::unordered_map<Flag, int> rule_flag_bits_;  // each rule flag's bit of FlagSet::rule_flags
  char16_t* dic_end_ = nullptr;                   // where the next word goes in Data::dic_units
  // The suffixes that append something, with their appended text (in the .aff's text).
  std::vector<std::pair<std::string_view, uint32_t>> appended_;
  std::vector<uint32_t> empty_append_;
  bool aliases_started_ = false, conversion_started_ = false, rules_started_ = false;
  std::map<std::vector<Flag>, uint32_t> flag_set_index_;
  std::unordered_map<std::string_view, uint32_t> condition_index_;  // by the .aff's text
  std::pair<std::string_view, uint32_t> last_condition_;
  std::pair<std::string_view, Units> last_strip_;
};

}  // namespace

void AffixLexicon::Data::build_word_trie() {
  // The .dic's words are in order: only those added since are sorted, then merged in.
  Entries added;
  for (auto w = static_cast<uint32_t>(dic_words); w < words.size(); ++w)
    added.emplace_back(words[w].units, w);
  UnitsTrie::sort(added);
  Entries keys;
  keys.reserve(words.size());
  auto next_added = added.begin();
  for (uint32_t w = 0; w < dic_words; ++w) {
    while (next_added != added.end() && next_added->first < words[w].units)
      keys.push_back(*next_added++);
    keys.emplace_back(words[w].units, w);
  }
  keys.insert(keys.end(), next_added, added.end());
  word_trie.build_sorted(keys);
  word_trie_stale = false;
}

Units to_units(std::string_view text) {
  // Most texts are a few jamo: converted on the stack, a short result allocates nothing.
  char16_t buffer[64];
  if (text.size() <= std::size(buffer))
    return Units(buffer, static_cast<size_t>(write_units(text, buffer) - buffer));
  Units out(text.size(), u'\0');
  out.resize(static_cast<size_t>(write_units(text, out.data()) - out.data()));
  return out;
}

uint32_t AffixLexicon::Data::word_index(UnitsView word) const {
  const auto dic_end = words.begin() + static_cast<std::ptrdiff_t>(dic_words);
  const auto found = std::lower_bound(
      words.begin(), dic_end, word, [](const Word& w, UnitsView units) { return w.units < units; });
  if (found != dic_end && found->units == word) return static_cast<uint32_t>(found - words.begin());
  const auto added = added_index.find(word);
  return added == added_index.end() ? UINT32_MAX : added->second;
}

Homonyms AffixLexicon::Data::homonyms_of(UnitsView word) const {
  const uint32_t w = word_index(word);
  return w == UINT32_MAX ? Homonyms() : homonyms_of_word(w);
}

uint32_t AffixLexicon::Data::add_root(UnitsView word, uint32_t flags, bool had_flags) {
  uint32_t w = word_index(word);
  const auto end = static_cast<uint32_t>(homonym_roots.size());
  if (w == UINT32_MAX) {
    const UnitsView units = added_units.emplace_back(word);
    w = static_cast<uint32_t>(words.size());
    words.push_back({units, end, 0});
    added_index.emplace(units, w);
  } else if (words[w].first + words[w].count != end) {
    // Its homonyms move to the end of homonym_roots, where they can grow.
    for (uint32_t i = 0; i < words[w].count; ++i) {
      const uint32_t root = homonym_roots[words[w].first + i];
      homonym_roots.push_back(root);
    }
    words[w].first = end;
  }
  const auto index = static_cast<uint32_t>(roots.size());
  roots.push_back(Root{words[w].units, flags, had_flags});
  homonym_roots.push_back(index);
  ++words[w].count;
  word_trie_stale = true;
  return index;
}

std::unique_ptr<AffixLexicon> AffixLexicon::load(const std::string& aff_path,
                                                 const std::string& dic_path,
                                                 std::string* why_not) {
  std::string reason, aff_text, dic_text;
  bool ok = read_file(aff_path, aff_text, reason) && read_file(dic_path, dic_text, reason);
  if (!ok) reason = "cannot read the dictionary: " + reason;
  auto data = std::make_unique<Data>();
  Loader loader(*data);
  if (ok) {
    // The two files take about as long each: read the words beside the affixes.
    std::thread words;
    try {
      words = std::thread([&] { loader.dic(dic_text); });
    } catch (const std::system_error&) {
      loader.dic(dic_text);
    }
    ok = loader.aff(aff_text, reason);
    if (words.joinable()) words.join();
    if (ok) loader.finish();
  }
  if (!ok) {
    if (why_not) *why_not = reason;
    return nullptr;
  }
  return std::unique_ptr<AffixLexicon>(new AffixLexicon(std::move(data)));
}

}  // namespace hanmark
