#include "text/glossary.h"

#include <toml++/toml.h>
#include <algorithm>

#include "core/data_files.h"
#include "core/embedded_files.h"
#include "core/utf8.h"
#include "text/hangul.h"

namespace hanmark {

namespace {

constexpr std::string_view kShippedPath = "dictionaries/glossary.toml";
constexpr size_t kMaxWords = 4;
constexpr std::string_view kTermKeys = "preferred, variants, english, english_variants";

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Which script a normalised spelling is written in, or nullopt when it mixes scripts or has
// characters a term cannot have. Latin spellings are ASCII letters and digits with . - _ ' + #
// inside words ("Node.js", "scikit-learn", "C++"); Hangul spellings are syllables only.
std::optional<Glossary::Script> script_of(std::string_view spelling) {
  bool hangul = false, latin = false, marks = false;
  for (size_t i = 0; i < spelling.size();) {
    const utf8::Decoded d = utf8::decode(spelling, i);
    i += d.length;
    const char32_t cp = d.code_point;
    const char c = cp < 0x80 ? static_cast<char>(cp) : '\0';
    if (cp == ' ') continue;
    if (hangul::is_syllable(cp)) {
      hangul = true;
    } else if (is_ascii_letter(c)) {
      latin = true;
    } else if (is_ascii_digit(c) ||
               (c && std::string_view(".-_'+#").find(c) != std::string_view::npos)) {
      marks = true;
    } else {
      return std::nullopt;
    }
  }
  if (hangul == latin || (hangul && marks)) return std::nullopt;  // mixed, or no letter at all
  return hangul ? Glossary::Script::hangul : Glossary::Script::latin;
}

size_t word_count(std::string_view spelling) {
  return spelling.empty()
             ? 0
             : static_cast<size_t>(std::count(spelling.begin(), spelling.end(), ' ')) + 1;
}

// NFC with white space runs as one space, trimmed.
std::string normalise(std::string_view spelling) {
  const std::string nfc = hangul::to_nfc(spelling);
  std::string out;
  bool space = false;
  for (char c : nfc) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string GlossaryError::to_string() const {
  std::string out = source;
  if (line) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  return out + ": " + message;
}

bool is_all_caps(std::string_view word) {
  size_t letters = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

std::string Glossary::fold(std::string_view spelling) {
  std::string out = normalise(spelling);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

const Glossary::Spelling* Glossary::find(std::string_view folded) const {
  const auto it = spellings_.find(folded);
  return it == spellings_.end() ? nullptr : &it->second;
}

// Reads [[term]] tables into a Glossary, collecting errors with their source positions.
struct GlossaryBuilder {
  std::string source;
  Glossary glossary;
  std::vector<GlossaryError> errors;
  // Where each folded spelling was defined, for messages about duplicates.
  std::unordered_map<std::string, uint32_t> defined_at;

  void error(const toml::source_region& where, std::string message) {
    errors.push_back(
        GlossaryError{source, where.begin.line, where.begin.column, std::move(message)});
  }

  // A string value, normalised, or nullopt after reporting what is wrong with it.
  std::optional<std::string> spelling(const toml::node& node, std::string_view key,
                                      std::optional<Glossary::Script> expected) {
    const auto* value = node.as_string();
    if (!value) {
      error(node.source(), "'" + std::string(key) + "' must be a string");
      return std::nullopt;
    }
    std::string text = normalise(value->get());
    if (text.empty()) {
      error(node.source(), "'" + std::string(key) + "' is empty");
      return std::nullopt;
    }
    const std::optional<Glossary::Script> script = script_of(text);
    if (!script) {
      error(node.source(), "'" + text +
                               "' is not a term: write Hangul syllables only, or ASCII letters and "
                               "digits with . - _ ' + #, in words separated by spaces");
      return std::nullopt;
    }
    if (expected && *script != *expected) {
      error(node.source(), "'" + text + "' is " +
                               (*script == Glossary::Script::hangul ? "Hangul" : "Latin") +
                               ", unlike the term it belongs to" +
                               (key == "variants" ? " (pair translations with 'english')" : ""));
      return std::nullopt;
    }
    if (word_count(text) > kMaxWords) {
      error(node.source(), "'" + text + "' has more than " + std::to_string(kMaxWords) + " words");
      return std::nullopt;
    }
    return text;
  }

  // The strings of an array value.
  std::vector<std::pair<std::string, const toml::node*>> spellings(const toml::node& node,
                                                                   std::string_view key,
                                                                   Glossary::Script expected) {
    std::vector<std::pair<std::string, const toml::node*>> out;
    const auto* array = node.as_array();
    if (!array) {
      error(node.source(), "'" + std::string(key) + "' must be an array of strings");
      return out;
    }
    for (const toml::node& element : *array)
      if (auto text = spelling(element, key, expected))
        out.emplace_back(std::move(*text), &element);
    return out;
  }

  // Registers `text` as a spelling of term `index`. False (and an error) when another term
  // already has it.
  bool claim(const std::string& text, size_t index, bool preferred, const toml::node& node) {
    const std::string folded = Glossary::fold(text);
    if (auto it = glossary.spellings_.find(folded); it != glossary.spellings_.end()) {
      if (it->second.term != index) {
        error(node.source(), "'" + text + "' is already a spelling of '" +
                                 glossary.terms_[it->second.term].preferred + "' (line " +
                                 std::to_string(defined_at[folded]) + ")");
        return false;
      }
      if (preferred || it->second.preferred) {
        if (!is_all_caps(text)) {
          error(node.source(), "'" + text + "' differs from '" + glossary.terms_[index].preferred +
                                   "' only in letter case, and case variants are implied");
          return false;
        }
      }
    } else {
      glossary.spellings_.emplace(folded, Glossary::Spelling{index, preferred});
      defined_at[folded] = node.source().begin.line;
    }
    if (!preferred && is_all_caps(text)) glossary.exact_caps_.insert(text);
    glossary.max_words_ = std::max(glossary.max_words_, word_count(text));
    return true;
  }

  // One side of a [[term]] (the term, or its English pair): its index, or nullopt.
  std::optional<size_t> add_term(const toml::node& preferred_node, std::string_view preferred_key,
                                 const toml::node* variants_node, std::string_view variants_key,
                                 std::optional<Glossary::Script> expected) {
    std::optional<std::string> preferred = spelling(preferred_node, preferred_key, expected);
    if (!preferred) return std::nullopt;
    const Glossary::Script script = *script_of(*preferred);
    const size_t index = glossary.terms_.size();
    glossary.terms_.push_back(Glossary::Term{*preferred, {}, script, std::nullopt});
    if (!claim(*preferred, index, true, preferred_node)) {
      glossary.terms_.pop_back();
      return std::nullopt;
    }
    if (variants_node) {
      for (auto& [text, node] : spellings(*variants_node, variants_key, script)) {
        if (text == *preferred) {
          error(node->source(), "variant '" + text + "' is the preferred spelling itself");
          continue;
        }
        if (claim(text, index, false, *node)) glossary.terms_[index].variants.push_back(text);
      }
    }
    return index;
  }

  void add_entry(const toml::table& entry) {
    for (const auto& [key, value] : entry) {
      const std::string_view name = key.str();
      if (name != "preferred" && name != "variants" && name != "english" &&
          name != "english_variants")
        error(key.source(), "unknown key '" + std::string(name) + "' in [[term]] (expected " +
                                std::string(kTermKeys) + ")");
    }
    const toml::node* preferred = entry.get("preferred");
    if (!preferred) {
      error(entry.source(), "[[term]] has no 'preferred' spelling");
      return;
    }
    const toml::node* english = entry.get("english");
    const toml::node* english_variants = entry.get("english_variants");
    if (english_variants && !english) {
      error(english_variants->source(), "'english_variants' needs an 'english' spelling");
      english_variants = nullptr;
    }
    const std::optional<size_t> term =
        add_term(*preferred, "preferred", entry.get("variants"), "variants",
                 english ? std::optional(Glossary::Script::hangul) : std::nullopt);
    if (!term || !english) return;
    const std::optional<size_t> pair = add_term(*english, "english", english_variants,
                                                "english_variants", Glossary::Script::latin);
    if (!pair) return;
    glossary.terms_[*term].translation = *pair;
    glossary.terms_[*pair].translation = *term;
  }

  void add_document(const toml::table& root) {
    for (const auto& [key, value] : root) {
      if (key.str() != "term") {
        error(key.source(), "unknown key '" + std::string(key.str()) +
                                "' (a glossary holds only [[term]] tables)");
        continue;
      }
      const auto* array = value.as_array();
      if (!array || !array->is_array_of_tables()) {
        error(value.source(), "'term' must be written as [[term]] tables");
        continue;
      }
      for (const toml::node& element : *array) add_entry(*element.as_table());
    }
  }
};

Glossary::Loaded Glossary::parse(std::string_view toml_text, std::string_view source) {
  GlossaryBuilder builder;
  builder.source = std::string(source);
  try {
    const toml::table root = toml::parse(toml_text, source);
    builder.add_document(root);
  } catch (const toml::parse_error& e) {
    builder.error(e.source(), std::string(e.description()));
  }
  std::vector<uint64_t>& bits = builder.glossary.start_bits_;
  bits.assign((size_t{1} << kStartHashBits) / 64, 0);
  for (const auto& [folded, spelling] : builder.glossary.spellings_) {
    const uint32_t bit = Glossary::start_hash(folded);
    bits[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  return Loaded{std::move(builder.glossary), std::move(builder.errors)};
}

const Glossary& Glossary::shipped() {
  // Parsed once, on first use, by whichever thread gets there first (a function-local static).
  static const Glossary glossary = [] {
    const std::optional<DataFile> file = data_file(kShippedPath);
    const std::string_view built_in = embedded_file(kShippedPath).value_or(std::string_view());
    if (!file || file->installed_path.empty()) return parse(built_in, kShippedPath).glossary;
    // An installed glossary with errors is not half used: the built-in one is complete.
    Loaded installed = parse(file->text, file->installed_path);
    if (installed.errors.empty()) return std::move(installed.glossary);
    std::string message = installed.errors.front().to_string();
    if (installed.errors.size() > 1)
      message += " (and " + std::to_string(installed.errors.size() - 1) + " more errors)";
    warn_about_data(message + "; using the built-in glossary");
    return parse(built_in, kShippedPath).glossary;
  }();
  return glossary;
}

}  // namespace hanmark
