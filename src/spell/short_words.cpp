#include "spell/short_words.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/strings.h"
#include "spell/aff_fields.h"

namespace hanmark {

namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool has_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), is_letter);
}

struct Affix {
  std::string strip, append;
  std::string continuation;  // flags
};

// What of an .aff file forms words: affixes by flag, and the flags compound rules name.
struct AffixRules {
  std::unordered_map<char, std::vector<Affix>> prefixes, suffixes;
  std::string compound_rule_flags;
};

// Directives that let hunspell accept a word no root and affixes form, or that change how flags
// or letters are read.
bool refused(const AffFields& f) {
  static const std::set<std::string_view> kRefused = {
      "FLAG",        "AF",           "COMPOUNDFLAG",  "COMPOUNDBEGIN", "COMPOUNDMIDDLE",
      "COMPOUNDEND", "COMPOUNDLAST", "COMPOUNDFIRST", "CHECKSHARPS"};
  const std::string_view name = f[0];
  if (kRefused.contains(name)) return true;
  if (name == "LANG")
    return f.size() > 1 &&
           (f[1].starts_with("tr") || f[1].starts_with("az") || f[1].starts_with("crh"));
  // A letter ignored, converted or breaking a word changes which words are forms.
  if (name == "IGNORE" || name == "BREAK") return f.size() > 1 && has_letter(f[1]);
  if (name == "ICONV" || name == "OCONV") return f.size() > 2 && has_letter(f[1]);
  return false;
}

std::optional<AffixRules> parse_aff(std::string_view aff) {
  AffixRules rules;
  bool ok = true;
  for_each_data_line(aff, [&](size_t, std::string_view line) {
    if (!ok) return;
    const AffFields f = aff_fields(line);
    if (f.empty() || f[0].starts_with('#')) return;
    if (refused(f)) {
      ok = false;
      return;
    }
    if (f[0] == "COMPOUNDRULE" && f.size() > 1 &&
        f[1].find_first_not_of("0123456789") != std::string_view::npos) {
      for (char c : f[1])
        if (c != '*' && c != '?' && c != '(' && c != ')') rules.compound_rule_flags += c;
      return;
    }
    if ((f[0] != "PFX" && f[0] != "SFX") || f.size() < 4) return;
    if (f[1].size() != 1 || static_cast<unsigned char>(f[1][0]) >= 0x80) {
      ok = false;  // a flag of several bytes: not the default flag format
      return;
    }
    // A header ("SFX D Y 4") or an entry ("SFX D y ied [^aeiou]y").
    const bool header = f.size() == 4 && (f[2] == "Y" || f[2] == "N") &&
                        f[3].find_first_not_of("0123456789") == std::string_view::npos;
    if (header) return;
    Affix affix;
    affix.strip = f[2] == "0" ? "" : std::string(f[2]);
    const std::string_view append = f[3];
    const size_t slash = append.find('/');
    affix.append = std::string(append.substr(0, slash));
    if (affix.append == "0") affix.append.clear();
    if (slash != std::string_view::npos) affix.continuation = std::string(append.substr(slash + 1));
    (f[0] == "PFX" ? rules.prefixes : rules.suffixes)[f[1][0]].push_back(std::move(affix));
  });
  if (!ok) return std::nullopt;
  return rules;
}

// A .dic line's word and flags ("abbey/MS", "a\/b/X po:noun").
std::pair<std::string, std::string> entry_of(std::string_view line) {
  std::string word;
  size_t at = 0;
  for (; at < line.size() && line[at] != '/' && line[at] != '\t' && line[at] != ' '; ++at) {
    if (line[at] == '\\' && at + 1 < line.size() && line[at + 1] == '/') ++at;
    word += line[at];
  }
  std::string flags;
  if (at < line.size() && line[at] == '/')
    for (++at; at < line.size() && line[at] != '\t' && line[at] != ' '; ++at) flags += line[at];
  return {word, flags};
}

// Roots this long lose at most a few letters to strips: longer ones form no short word.
constexpr size_t kLongestRoot = ShortWords::kMaxLetters + 8;

class Forms {
 public:
  Forms(const AffixRules& rules, std::set<std::string>& out) : rules_(rules), out_(out) {}

  // Every form of `root` with `flags`: suffixes (and the suffixes their continuation allows),
  // prefixes on all of those, whatever the affixes' conditions and cross-product marks say.
  void add(const std::string& root, const std::string& flags) {
    emit(root);
    // A word with the flags of the suffixes it may take next and of the prefixes it may take.
    struct Suffixed {
      std::string word, suffix_flags, prefix_flags;
    };
    std::vector<Suffixed> suffixed = {{root, flags, flags}};
    for (size_t depth = 0, from = 0; depth < 2; ++depth) {  // a suffix, and one its class allows
      const size_t to = suffixed.size();
      for (size_t i = from; i < to; ++i) {
        const Suffixed base = suffixed[i];
        for (char flag : base.suffix_flags)
          for (const Affix& s : affixes(rules_.suffixes, flag)) {
            if (!base.word.ends_with(s.strip)) continue;
            if (base.word.size() - s.strip.size() + s.append.size() > kLongestRoot) continue;
            std::string formed = base.word.substr(0, base.word.size() - s.strip.size()) + s.append;
            emit(formed);
            suffixed.push_back(
                {std::move(formed), s.continuation, base.prefix_flags + s.continuation});
          }
      }
      from = to;
    }
    for (const Suffixed& s : suffixed) add_prefixes(s.word, s.prefix_flags, 0);
  }

 private:
  static const std::vector<Affix>& affixes(const std::unordered_map<char, std::vector<Affix>>& by,
                                           char flag) {
    static const std::vector<Affix> kNone;
    const auto it = by.find(flag);
    return it == by.end() ? kNone : it->second;
  }

  void add_prefixes(const std::string& word, const std::string& allowed, int depth) {
    for (char flag : allowed)
      for (const Affix& p : affixes(rules_.prefixes, flag)) {
        if (!word.starts_with(p.strip)) continue;
        const std::string formed = p.append + word.substr(p.strip.size());
        if (formed.size() > kLongestRoot) continue;
        emit(formed);
        if (depth == 0 && !p.continuation.empty()) {
          // A prefix's continuation allows a second prefix or suffixes.
          add_prefixes(formed, p.continuation, 1);
          for (char sflag : p.continuation)
            for (const Affix& s : affixes(rules_.suffixes, sflag))
              if (formed.ends_with(s.strip))
                emit(formed.substr(0, formed.size() - s.strip.size()) + s.append);
        }
      }
  }

  void emit(const std::string& word) {
    if (ShortWords::covers(word)) out_.insert(word);
  }

  const AffixRules& rules_;
  std::set<std::string>& out_;
};

std::string upper(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}

// The cases in which hunspell might accept a form: as it is, lower case, capitalised, all
// capitals.
void add_cases(const std::string& form, std::vector<std::string>& out) {
  out.push_back(form);
  out.push_back(ascii_lowered(form));
  out.push_back(upper(form));
  out.push_back(capitalized(form));
  out.push_back(capitalized(ascii_lowered(form)));
}

}  // namespace

bool ShortWords::covers(std::string_view word) {
  return !word.empty() && word.size() <= kMaxLetters &&
         std::all_of(word.begin(), word.end(), is_letter);
}

std::optional<std::vector<std::string>> ShortWords::candidates(std::string_view aff,
                                                               std::string_view dic,
                                                               const std::vector<std::string>& tech,
                                                               Roots roots) {
  const std::optional<AffixRules> rules = parse_aff(aff);
  if (!rules) return std::nullopt;
  std::set<std::string> forms;
  Forms former(*rules, forms);
  std::string model_flags;  // of "dog", the model EnglishSpeller gives tech words
  bool ok = true;
  for_each_data_line(dic, [&](size_t number, std::string_view line) {
    if (number == 1 || !ok) return;  // the word count
    const auto [word, flags] = entry_of(line);
    if (word.empty()) return;
    // A compound of letters only could be a short word no root forms.
    if (!rules->compound_rule_flags.empty() && std::all_of(word.begin(), word.end(), is_letter) &&
        flags.find_first_of(rules->compound_rule_flags) != std::string::npos) {
      ok = false;
      return;
    }
    if (word == "dog") model_flags += flags;
    if (roots == Roots::yes && word.size() <= kLongestRoot) former.add(word, flags);
  });
  if (!ok) return std::nullopt;
  for (const std::string& word : tech)
    if (word.size() <= kLongestRoot) former.add(word, model_flags);
  std::vector<std::string> out;
  for (const std::string& form : forms) add_cases(form, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

ShortWords ShortWords::of(const std::vector<std::string>& candidates,
                          const std::function<bool(std::string_view)>& accepts) {
  ShortWords list;
  list.add(candidates, accepts);
  return list;
}

void ShortWords::add(const std::vector<std::string>& more,
                     const std::function<bool(std::string_view)>& accepts) {
  std::vector<std::string> words(words_.begin(), words_.end());
  for (const std::string& word : more)
    if (covers(word) && accepts(word)) words.push_back(word);
  set_words(std::move(words));
}

void ShortWords::set_words(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string text;
  for (const std::string& word : words) text.append(word).push_back('\n');
  *this = *from_text(text);  // well formed: covered words, sorted
}

const std::string& ShortWords::text() const {
  return *text_;
}

std::optional<ShortWords> ShortWords::from_text(std::string_view text) {
  ShortWords list;
  auto owned = std::make_shared<const std::string>(text);
  std::string_view rest = *owned;
  while (!rest.empty()) {
    const size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;  // torn
    const std::string_view word = rest.substr(0, newline);
    if (!covers(word) || (!list.words_.empty() && !(list.words_.back() < word)))
      return std::nullopt;
    list.words_.push_back(word);
    rest.remove_prefix(newline + 1);
  }
  list.text_ = std::move(owned);
  return list;
}

bool ShortWords::accepts(std::string_view word) const {
  return std::binary_search(words_.begin(), words_.end(), word,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

}  // namespace hanmark
