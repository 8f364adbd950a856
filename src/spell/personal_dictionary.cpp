#include "spell/personal_dictionary.h"

#include <fstream>
#include <sstream>

#include "core/utf8.h"
#include "spell/typo_table.h"

namespace hanmark {

namespace {

bool all_hangul_syllables(std::string_view word) {
  if (word.empty()) return false;
  for (const utf8::CodePoint& cp : utf8::decode_all(word))
    if (!utf8::is_hangul_syllable(cp.cp)) return false;
  return true;
}

}  // namespace

std::string dictionary_entry(std::string_view word) {
  if (!all_hangul_syllables(word)) return std::string(word);
  // The shortest stem of two syllables or more that leaves particles behind (each syllable is
  // three bytes).
  std::string_view stem = word;
  for (size_t at = 6; at < word.size(); at += 3) {
    if (is_particle_sequence(word.substr(at))) {
      stem = word.substr(0, at);
      break;
    }
  }
  return std::string(stem) + "/" + std::string(kKoreanNounModel);
}

bool add_dictionary_entry(const std::filesystem::path& path, std::string_view entry,
                          std::string& error) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  std::string content;
  {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    content = text.str();
  }
  std::istringstream lines(content);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == entry) return true;
  }
  std::ofstream out(path, std::ios::binary | std::ios::app);
  if (!content.empty() && content.back() != '\n') out << '\n';
  out << entry << '\n';
  out.flush();
  if (!out) {
    error = "cannot write '" + path.string() + "'";
    return false;
  }
  return true;
}

}  // namespace hanmark
