// The compiled-lexicon cache: images read back answer as the parsed lexicon (the test dictionary
// everywhere, hunspell-ko when installed), stale, truncated, damaged and foreign images are
// parsed again and rewritten, an unusable directory and HANMARK_NO_CACHE mean no cache.
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "lexicon_test_support.h"
#include "spell/affix_lexicon.h"
#include "spell/lexicon_cache.h"
#include "spell/lexicon_image.h"
#include "spell/spell_resources.h"
#include "text/hangul.h"

using namespace hanmark;
using namespace hanmark::test;
namespace fs = std::filesystem;

namespace {

std::string image_of(const AffixLexicon& lexicon, std::string_view key) {
  std::string bytes;
  lexicon.read_data(
      [&](const AffixLexicon::Data& data) { bytes = lexicon_image::write(data, key); });
  return bytes;
}

std::string file_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const fs::path& file, std::string_view bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

std::unique_ptr<AffixLexicon::Data> read_image(std::string bytes, std::string_view key) {
  const auto owner = std::make_shared<const std::string>(std::move(bytes));
  return lexicon_image::read(owner, *owner, key);
}

// Words on which the two lexicons answer differently.
size_t disagreements(const AffixLexicon& a, const AffixLexicon& b,
                     const std::vector<std::string>& words) {
  size_t count = 0;
  for (const std::string& word : words)
    if (a.spell(word) != b.spell(word) && ++count <= 10)
      MESSAGE("disagreement on '" << word << "'");
  return count;
}

// Words added the ways the speller adds them: bare, like a model, again to a word with
// homonyms (which moves them).
void add_words(AffixLexicon& lexicon) {
  lexicon.add(hangul::to_nfd("긱"));
  lexicon.add_with_affix(hangul::to_nfd("닉"), G + A);
  lexicon.add_with_affix(G + EU + NF, G + A);
  lexicon.add_with_affix(G + EU + NF, D + A);
}

// The test dictionary parsed, with add_words(), and its image under "key".
struct ParsedTestDictionary {
  TestDictionary files{test_aff(), test_dic()};
  std::unique_ptr<AffixLexicon> lexicon = AffixLexicon::load(files.aff, files.dic, nullptr);
  std::string image;
  ParsedTestDictionary() {
    REQUIRE(lexicon != nullptr);
    add_words(*lexicon);
    image = image_of(*lexicon, "key");
  }
};

// load_lexicon() on `files` in `directory`, counting the parses (the calls of add_words).
struct CachedLoad {
  std::string aff, dic;
  std::optional<fs::path> directory;
  std::string words = "긱\n닉/가\n";
  int parses = 0;
  std::unique_ptr<AffixLexicon> operator()() {
    return load_lexicon(
        aff, dic, words,
        [&](AffixLexicon& lexicon) {
          ++parses;
          add_words(lexicon);
        },
        directory);
  }
};

// A fresh cache directory inside the test dictionary's.
fs::path cache_dir(const TestDictionary& files) {
  return files.dir / "cache";
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("lexicon image: a round trip gives the same bytes and the same answers") {
  const ParsedTestDictionary test;
  const std::unique_ptr<AffixLexicon>& parsed = test.lexicon;
  const std::string& image = test.image;
  auto data = read_image(image, "key");
  REQUIRE(data != nullptr);
  const auto restored = AffixLexicon::from_data(std::move(data));
  CHECK(image_of(*restored, "key") == image);
  CHECK(restored->root_count() == parsed->root_count());
  CHECK(restored->suffix_count() == parsed->suffix_count());
  const std::vector<std::string> words = test_words(3, 5000);
  CHECK(disagreements(*parsed, *restored, words) == 0);
  CHECK(restored->spell("닉가"));  // an added word with 가's suffixes
  // Words added after reading: to a dictionary word, to an added one, a new one.
  for (AffixLexicon* lexicon : {parsed.get(), restored.get()}) {
    lexicon->add_with_affix(O + I + K, O + A);
    lexicon->add_with_affix(hangul::to_nfd("닉"), D + A);
    lexicon->add(hangul::to_nfd("낙"));
  }
  CHECK(restored->root_count() == parsed->root_count());
  CHECK(disagreements(*parsed, *restored, words) == 0);
  CHECK(image_of(*restored, "key") == image_of(*parsed, "key"));
}

TEST_CASE("lexicon image: truncated, bit-flipped, foreign or other-key images are refused") {
  const ParsedTestDictionary test;
  const std::string& image = test.image;
  REQUIRE(read_image(image, "key") != nullptr);
  CHECK(read_image(image, "other") == nullptr);
  CHECK(read_image(image, "kez") == nullptr);
  CHECK(read_image("", "key") == nullptr);
  CHECK(read_image(std::string(image.size(), 'x'), "key") == nullptr);
  size_t accepted = 0;
  for (size_t size = 0; size < image.size(); size += 1 + size / 16)
    accepted += read_image(image.substr(0, size), "key") != nullptr;
  CHECK(accepted == 0);
  // Every bit of the header, key and end marker; bits across the payload.
  for (size_t bit = 0; bit < 8 * image.size(); bit += bit < 8 * 64 ? 1 : 8 * image.size() / 3000) {
    std::string flipped = image;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << bit % 8));
    if (read_image(flipped, "key") != nullptr) {
      ++accepted;
      MESSAGE("accepted with bit " << bit << " flipped");
    }
  }
  for (size_t bit = 8 * (image.size() - 8); bit < 8 * image.size(); ++bit) {
    std::string flipped = image;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << bit % 8));
    accepted += read_image(flipped, "key") != nullptr;
  }
  CHECK(accepted == 0);
}

TEST_CASE("lexicon image: a damaged payload with a matching checksum never makes a check crash") {
  // Past the checksum (a forged image, or damage it misses), the reader's range checks are what
  // keeps checks inside the arrays: each byte changed in turn, the checksum fixed up, the image
  // is refused or its lexicon answers (rightly or not) without reading out of bounds.
  const ParsedTestDictionary test;
  const std::string& image = test.image;
  const size_t payload_begin = 48 + 8, payload_end = image.size() - 8;  // header, key, marker
  const std::vector<std::string> words = test_words(2, 200);
  size_t refused = 0, read = 0;
  std::mt19937 random(5);
  for (size_t at = payload_begin; at < payload_end; at += 1 + random() % 16) {
    std::string forged = image;
    forged[at] = static_cast<char>(forged[at] ^ (1 << random() % 8) ^ (random() % 2 ? 0x80 : 0));
    const uint64_t sum = lexicon_image::payload_checksum(
        std::string_view(forged).substr(payload_begin, payload_end - payload_begin));
    std::memcpy(forged.data() + 40, &sum, sizeof sum);  // Header::checksum
    auto data = read_image(forged, "key");
    if (!data) {
      ++refused;
      continue;
    }
    ++read;
    const auto lexicon = AffixLexicon::from_data(std::move(data));
    for (const std::string& word : words) lexicon->spell(word);
    lexicon->add_with_affix(hangul::to_nfd("낙"), G + A);
    for (const std::string& word : words) lexicon->spell(word);
  }
  MESSAGE(refused << " forged images refused, " << read << " read");
  CHECK(refused > 0);
  CHECK(read > 0);
}

TEST_CASE("lexicon cache: written on the first load, read on the next, rebuilt when stale") {
  const TestDictionary files(test_aff(), test_dic());
  CachedLoad load{files.aff, files.dic, cache_dir(files)};
  const auto parsed = load();
  REQUIRE(parsed != nullptr);
  CHECK(load.parses == 1);
  const fs::path image = lexicon_image_path(cache_dir(files), files.aff, files.dic);
  REQUIRE(fs::is_regular_file(image));
  CHECK(std::distance(fs::directory_iterator(cache_dir(files)), {}) == 1);  // no temporary left
  // A temporary file abandoned long ago (a killed writer) goes at the next write; a recent
  // one, perhaps another process's, stays.
  const fs::path abandoned = image.parent_path() / ("." + image.filename().string() + ".dead01");
  const fs::path recent = image.parent_path() / ("." + image.filename().string() + ".live01");
  write_bytes(abandoned, "x");
  write_bytes(recent, "x");
  fs::last_write_time(abandoned, fs::last_write_time(abandoned) - std::chrono::hours(1));
  fs::remove(image);
  load();
  CHECK(load.parses == 2);
  CHECK_FALSE(fs::exists(abandoned));
  CHECK(fs::exists(recent));
  fs::remove(recent);
  load.parses = 1;

  const auto cached = load();
  REQUIRE(cached != nullptr);
  CHECK(load.parses == 1);
  const std::vector<std::string> words = test_words(3, 3000);
  CHECK(disagreements(*parsed, *cached, words) == 0);
  CHECK(cached->spell("닉가"));

  SUBCASE("a changed .dic") {
    std::ofstream(files.dic, std::ios::app) << G + I + K + "/1\n";  // 긱 with 가's flags
    CHECK_FALSE(load()->spell("긱는") == false);                    // parsed again: 긱+는
    CHECK(load.parses == 2);
  }
  SUBCASE("a .dic touched") {
    fs::last_write_time(files.dic, fs::last_write_time(files.dic) + std::chrono::seconds(1));
    load();
    CHECK(load.parses == 2);
  }
  SUBCASE("an .aff touched") {
    fs::last_write_time(files.aff, fs::last_write_time(files.aff) - std::chrono::seconds(1));
    load();
    CHECK(load.parses == 2);
  }
  SUBCASE("other words") {
    load.words += "낙\n";
    load();
    CHECK(load.parses == 2);
  }
  SUBCASE("a truncated image") {
    write_bytes(image, file_bytes(image).substr(0, fs::file_size(image) / 2));
    CHECK(disagreements(*parsed, *load(), words) == 0);
    CHECK(load.parses == 2);
  }
  SUBCASE("a bit flipped in the payload") {
    std::string bytes = file_bytes(image);
    bytes[bytes.size() / 2] ^= 0x10;
    write_bytes(image, bytes);
    CHECK(disagreements(*parsed, *load(), words) == 0);
    CHECK(load.parses == 2);
  }
  SUBCASE("a foreign file") {
    write_bytes(image, "not an image\n");
    CHECK(disagreements(*parsed, *load(), words) == 0);
    CHECK(load.parses == 2);
  }
  SUBCASE("a directory in its place") {
    fs::remove(image);
    fs::create_directory(image);
    CHECK(disagreements(*parsed, *load(), words) == 0);
    load();
    CHECK(load.parses == 3);  // cannot be replaced: parsed every time
    return;
  }
  // The stale or broken image was rewritten: the next load reads it.
  load();
  CHECK(load.parses == 2);
}

TEST_CASE("lexicon cache: an unusable directory or none means parsing, without failing") {
  const TestDictionary files(test_aff(), test_dic());
  write_bytes(files.dir / "file", "x");
  for (const std::optional<fs::path>& directory :
       {std::optional<fs::path>(files.dir / "file" / "cache"), std::optional<fs::path>()}) {
    CachedLoad load{files.aff, files.dic, directory};
    for (int i = 0; i < 2; ++i) {
      const auto lexicon = load();
      REQUIRE(lexicon != nullptr);
      CHECK(lexicon->spell("닉가"));
    }
    CHECK(load.parses == 2);
  }
  CHECK(load_lexicon(
            "/nonexistent.aff", "/nonexistent.dic", "", [](AffixLexicon&) {}, cache_dir(files)) ==
        nullptr);
}

TEST_CASE("lexicon cache: the directory comes from the environment") {
  const ScopedEnv no_cache("HANMARK_NO_CACHE", nullptr), dir("HANMARK_CACHE_DIR", nullptr),
      xdg("XDG_CACHE_HOME", nullptr), home("HOME", "/home/someone");
  CHECK(lexicon_cache_directory() == fs::path("/home/someone/.cache/hanmark"));
  {
    const ScopedEnv relative("XDG_CACHE_HOME", "relative/cache");
    CHECK(lexicon_cache_directory() == fs::path("/home/someone/.cache/hanmark"));
  }
  const ScopedEnv absolute("XDG_CACHE_HOME", "/xdg");
  CHECK(lexicon_cache_directory() == fs::path("/xdg/hanmark"));
  {
    const ScopedEnv relative("HANMARK_CACHE_DIR", "cache");  // would be inside the project
    CHECK(lexicon_cache_directory() == fs::path("/xdg/hanmark"));
  }
  const ScopedEnv chosen("HANMARK_CACHE_DIR", "/chosen");
  CHECK(lexicon_cache_directory() == fs::path("/chosen"));
  {
    const ScopedEnv zero("HANMARK_NO_CACHE", "0");
    CHECK(lexicon_cache_directory() == fs::path("/chosen"));
  }
  {
    const ScopedEnv empty("HANMARK_NO_CACHE", "");
    CHECK(lexicon_cache_directory() == fs::path("/chosen"));
  }
  for (const char* value : {"1", "yes"}) {
    const ScopedEnv disabled("HANMARK_NO_CACHE", value);
    CHECK(lexicon_cache_directory() == std::nullopt);
  }
  const ScopedEnv nowhere("HANMARK_CACHE_DIR", nullptr), no_xdg("XDG_CACHE_HOME", nullptr),
      homeless("HOME", nullptr);
  CHECK(lexicon_cache_directory() == std::nullopt);
}

TEST_CASE("lexicon cache: hunspell-ko from its image answers as parsed, words added after too") {
  const auto [aff, dic] = hunspell_ko_files();
  if (dic.empty()) return;
  const TestDictionary scratch("", "");
  const std::vector<std::pair<std::string, std::string>> tech = {
      {"딥러닝", ""}, {"쿠버네티스", "컴퓨터"}, {"리팩터링", "공부"}, {"렌더링", "공부"}};
  std::string words;
  for (const auto& [word, model] : tech) words += word + "/" + model + "\n";
  const auto add_tech = [&](AffixLexicon& lexicon) {
    for (const auto& [word, model] : tech)
      if (model.empty() || !lexicon.add_with_affix(hangul::to_nfd(word), hangul::to_nfd(model)))
        lexicon.add(hangul::to_nfd(word));
  };
  const auto parsed = AffixLexicon::load(aff, dic, nullptr);
  REQUIRE(parsed != nullptr);
  add_tech(*parsed);
  int parses = 0;
  const auto load = [&] {
    return load_lexicon(
        aff, dic, words,
        [&](AffixLexicon& lexicon) {
          ++parses;
          add_tech(lexicon);
        },
        cache_dir(scratch));
  };
  REQUIRE(load() != nullptr);
  const auto cached = load();
  REQUIRE(cached != nullptr);
  CHECK(parses == 1);

  std::vector<std::string> sample = {
      "사람들이", "컴퓨터를", "먹었다",       "가시었다",       "하셨습니다", "소흘히",
      "아니였다", "됬다",     "딥러닝",       "엔지니어가",     "학습시키는", "데이터베이스",
      "않됩니다", "몇일",     "사람사람사람", "쿠버네티스를",   "리팩터링한", "렌더링하는",
      "깃허브",   "깃허브에", "파이토치로",   "파이토치에서는",
  };
  // Each word's variants of one syllable's vowel: accepted and refused words, compounds.
  const size_t base = sample.size();
  for (size_t i = 0; i < base; ++i) {
    const std::u32string syllables = hangul::syllables_of(sample[i]);
    for (const hangul::SyllableEdit& edit : hangul::one_jamo_edits(syllables))
      sample.push_back(hangul::edited(syllables, edit));
  }
  CHECK(sample.size() > 2000);
  CHECK(disagreements(*parsed, *cached, sample) == 0);
  CHECK(cached->spell("쿠버네티스를"));
  // Words added after loading, as a project's dictionary adds them.
  for (AffixLexicon* lexicon : {parsed.get(), cached.get()}) {
    CHECK(lexicon->add_with_affix(hangul::to_nfd("깃허브"), hangul::to_nfd("컴퓨터")));
    CHECK(lexicon->add_with_affix(hangul::to_nfd("파이토치"), hangul::to_nfd("컴퓨터")));
    lexicon->add(hangul::to_nfd("렌더링"));
  }
  CHECK(cached->spell("깃허브에"));
  CHECK(disagreements(*parsed, *cached, sample) == 0);
}

TEST_CASE("lexicon cache: the Korean speller uses it, unless HANMARK_NO_CACHE is set") {
  if (SpellResources::create()->korean_dictionary_path().empty()) {
    MESSAGE("skipped: hunspell-ko is not installed");
    return;
  }
  const TestDictionary scratch("", "");
  const ScopedEnv dir("HANMARK_CACHE_DIR", cache_dir(scratch).c_str());
  {
    const ScopedEnv disabled("HANMARK_NO_CACHE", "1");
    CHECK(SpellResources::create()->korean().correct("사람들이"));
    CHECK_FALSE(fs::exists(cache_dir(scratch)));
  }
  const ScopedEnv enabled("HANMARK_NO_CACHE", nullptr);
  for (int run = 0; run < 2; ++run) {
    SpellOptions options;
    options.extra_words = {"깃허브/컴퓨터"};  // added after the image, not part of it
    const auto resources = SpellResources::create(options);
    const KoreanSpeller& ko = resources->korean();
    CHECK(ko.uses_lexicon());
    CHECK(ko.correct("사람들이"));
    CHECK(ko.correct("깃허브에"));
    CHECK_FALSE(ko.correct("소흘히"));
    // One image; the English short-word list (loaded beside the Korean speller) is the other.
    size_t images = 0, lists = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(cache_dir(scratch))) {
      images += entry.path().filename().string().starts_with("lexicon-");
      lists += entry.path().filename().string().starts_with("english-short-");
    }
    CHECK(images == 1);
    CHECK(lists <= 1);
  }
}
