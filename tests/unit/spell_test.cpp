// Word segmentation, the misspelling table, the English speller and the spelling/typo rules.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/embedded_files.h"
#include "corpus_posts.h"
#include "markdown/document.h"
#include "rules/all_rules.h"
#include "spell/spell_resources.h"
#include "text/words.h"

namespace fs = std::filesystem;
using namespace hanmark;

namespace {

std::vector<std::string> word_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const text::Word& w : text::words(text)) out.emplace_back(w.in(text));
  return out;
}

std::vector<std::string> candidate_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const text::Candidate& c : text::spell_candidates(text)) out.emplace_back(c.in(text));
  return out;
}

constexpr char kTechWords[] = R"(# test vocabulary
PyTorch
GitHub
cuDNN
Kubernetes
kubectl
)";

constexpr char kTypos[] = "# test table\nenginner\tengineer\nrecieve\treceive\nalot\ta lot\n";

// Resources with small known lists and the system en_US (a build dependency: hunspell-en-us).
std::shared_ptr<SpellResources> test_resources() {
  static const std::shared_ptr<SpellResources> resources = [] {
    SpellOptions options;
    options.tech_words = kTechWords;
    options.typo_table = kTypos;
    return SpellResources::create(options);
  }();
  return resources;
}

// The same, but "enginner" is not in the misspelling table, so the spelling rule reports it.
std::shared_ptr<SpellResources> spelling_resources() {
  static const std::shared_ptr<SpellResources> resources = [] {
    SpellOptions options;
    options.tech_words = kTechWords;
    options.typo_table = "recieve\treceive\n";
    return SpellResources::create(options);
  }();
  return resources;
}

struct Finding {
  std::string text;
  Diagnostic diagnostic;
};

std::vector<Finding> run_rule(const Rule& rule, const std::string& markdown) {
  const auto doc = Document::parse("t.md", markdown);
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule.info(), out);
  rule.check(*doc, sink);
  std::vector<Finding> findings;
  for (Diagnostic& d : out) findings.push_back({std::string(doc->slice(d.span)), std::move(d)});
  return findings;
}

std::vector<std::string> finding_texts(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.text);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("words: ICU word segments carry byte offsets into UTF-8 text") {
  const std::string text = "Deep Learning을 배웠다 🚀 don't";
  // ICU versions differ on whether "Learning을" is one word or two; both are handled.
  const Strings words = word_texts(text);
  CHECK(words.front() == "Deep");
  CHECK(words.back() == "don't");
  CHECK(std::find(words.begin(), words.end(), "배웠다") != words.end());
  CHECK(std::none_of(words.begin(), words.end(), [](auto& w) { return w.find("🚀") != w.npos; }));
  const auto segments = text::words(text);
  REQUIRE(segments.size() >= 4);
  CHECK(segments[1].begin == text.find("Learning"));
  CHECK(text::words("").empty());
}

TEST_CASE("words: Latin runs take the English part of mixed tokens") {
  const auto runs = [](std::string_view s) {
    std::vector<std::string> out;
    for (const text::Range& r : text::latin_runs(s, 0, static_cast<uint32_t>(s.size())))
      out.emplace_back(r.in(s));
    return out;
  };
  CHECK(runs("Learning을") == Strings{"Learning"});
  CHECK(runs("을Learning은") == Strings{"Learning"});
  CHECK(runs("don't") == Strings{"don't"});
  CHECK(runs("Let\xE2\x80\x99s") == Strings{"Let\xE2\x80\x99s"});
  CHECK(runs("users'") == Strings{"users"});
  CHECK(runs("naïve") == Strings{"naïve"});
  CHECK(runs("A·B") == Strings{"A", "B"});
}

TEST_CASE("words: URLs, emails and paths are not prose") {
  const auto chunks = [](std::string_view s) {
    std::vector<std::string> out;
    for (const text::Range& r : text::non_prose_chunks(s)) out.emplace_back(r.in(s));
    return out;
  };
  CHECK(chunks("see https://example.com/docs/intro for more") ==
        Strings{"https://example.com/docs/intro"});
  CHECK(chunks("메일은 someone@example.com 으로") == Strings{"someone@example.com"});
  CHECK(chunks("open src/main.cpp, then (./build/run) and ~/bin") ==
        Strings{"src/main.cpp,", "(./build/run)", "~/bin"});
  CHECK(chunks("/usr/bin에서 C:\\Tools 를") == Strings{"/usr/bin에서", "C:\\Tools"});
  CHECK(chunks("input/output and/or TCP/IP.") == Strings{});
  CHECK(chunks("경로는 src/main/jsx로 설정") == Strings{"src/main/jsx로"});
  CHECK(chunks("docs/README.md를 보세요") == Strings{"docs/README.md를"});
  // Chunks end at any white space, ASCII or not, and at the stand-in for inline code; other
  // characters, invalid bytes included, belong to the chunk.
  CHECK(chunks("앞\u3000/usr/bin\u00A0뒤") == Strings{"/usr/bin"});
  CHECK(chunks("코드\uFFFC/etc/hosts\uFFFC끝") == Strings{"/etc/hosts"});
  CHECK(chunks("\xFF/usr/bin\xE3\x80 a") == Strings{"\xFF/usr/bin\xE3\x80"});
  CHECK(chunks("😀/a/b😀 x@y\tz:\\w") == Strings{"😀/a/b😀", "x@y", "z:\\w"});
  CHECK(chunks("/") == Strings{"/"});
  CHECK(chunks("a/b c/d e:f") == Strings{});
}

TEST_CASE("words: spell candidates skip identifiers, digits, single letters and paths") {
  CHECK(candidate_texts("useState iPhone snake_case h264 x a B mp3 main.cpp node.js e.g. ok") ==
        Strings{"ok"});
  CHECK(candidate_texts("Deep Learning을 공부한 Enginner입니다") ==
        Strings{"Deep", "Learning", "Enginner"});
  CHECK(candidate_texts("see https://github.com/foo/barr and me@exmaple.com") ==
        Strings{"see", "and"});
  const auto candidates = text::spell_candidates("API GPUs API's Its As HTTPS");
  REQUIRE(candidates.size() == 6);
  CHECK(candidates[0].acronym);
  CHECK(candidates[1].acronym);
  CHECK(candidates[2].acronym);
  CHECK_FALSE(candidates[3].acronym);
  CHECK_FALSE(candidates[4].acronym);
  CHECK(candidates[5].acronym);
}

TEST_CASE("words: spell candidates of text whose only Latin letters are not ASCII") {
  // Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional letters, no ASCII
  // letter anywhere: the quick "no Latin letters" test must still send the text to segmentation.
  CHECK(candidate_texts("한글 éçà 단어") == Strings{"éçà"});
  CHECK(candidate_texts("단어 ŁŐŨ 단어") == Strings{"ŁŐŨ"});
  CHECK(candidate_texts("단어 ḁḃḅ") == Strings{"ḁḃḅ"});
  CHECK(candidate_texts("라틴 문자가 없는 문단입니다. 123 ×÷ 😀").empty());
}

// The words of words(text) that hold a Latin letter, as "begin-end:status" strings.
Strings latin_words_of(std::string_view text, const std::vector<text::Word>& words) {
  Strings out;
  for (const text::Word& w : words)
    if (!text::latin_runs(text, w.begin, w.end).empty())
      out.push_back(std::to_string(w.begin) + "-" + std::to_string(w.end) + ":" +
                    std::to_string(w.status));
  return out;
}

TEST_CASE("words: segmenting only the stretches with Latin letters gives words() there") {
  const std::string_view cases[] = {
      "Deep Learning을 공부한 Enginner입니다",
      "e.g. don't 3.14 Wi-Fi a:b x_y h264 node.js U.S.A. rock'n'roll",
      "  leading and trailing spaces  ",
      "tabs\tand\r\nCRLF\nlines",
      "a \u0301b and \u200Dc",                // a combining mark or ZWJ right after a space
      "漢字 English かな カタカナ ไทย text",  // dictionary scripts beside Latin words
      "emoji 👨‍👩‍👧 family 🇰🇷 flag",
      "naïve café ḁḃ ŁŐŨ",
      "한글만 있는 문장과 English 단어 섞인 문장\u3000with ideographic space",
      "https://example.com/path?q=1 and user@example.com",
      "",
      " ",
      "x",
  };
  for (const std::string_view text : cases) {
    CAPTURE(text);
    CHECK(latin_words_of(text, text::latin_stretch_words(text)) ==
          latin_words_of(text, text::words(text)));
  }
}

TEST_CASE("words: the same on every paragraph of the corpus") {
  size_t runs = 0, differing = 0;
  const bool found = testing::for_each_corpus_post([&](const fs::path& path, std::string text) {
    const auto doc = Document::parse(path.string(), std::move(text));
    for (const ProseRun& run : doc->prose()) {
      ++runs;
      const std::string& prose = run.text();
      if (latin_words_of(prose, text::latin_stretch_words(prose)) !=
              latin_words_of(prose, text::words(prose)) &&
          ++differing <= 5)
        MESSAGE(path.string() << ": " << prose);
    }
  });
  if (!found) {
    MESSAGE(testing::kNoCorpus);
    return;
  }
  MESSAGE(runs << " prose runs compared");
  CHECK(runs > 0);
  CHECK(differing == 0);
}

TEST_CASE("typo table: parsing, case-insensitive lookup and case adaptation") {
  const TypoTable table =
      TypoTable::parse("# comment\n\nenginner\tengineer\r\nrecieve\treceive\nbroken line\nx\tx\n");
  CHECK(table.size() == 2);
  CHECK(table.problems().size() == 2);
  CHECK(table.lookup("enginner") == std::optional<std::string>("engineer"));
  CHECK(table.lookup("Enginner") == std::optional<std::string>("Engineer"));
  CHECK(table.lookup("ENGINNER") == std::optional<std::string>("ENGINEER"));
  CHECK(table.lookup("Recieve") == std::optional<std::string>("Receive"));
  CHECK_FALSE(table.lookup("engineer"));
  CHECK(table.contains("RECIEVE"));
  CHECK(match_case("Alot", "a lot") == "A lot");
  CHECK(match_case("eNGINNER", "engineer") == "engineer");
}

TEST_CASE("english speller: edit distance is case-insensitive Damerau-Levenshtein") {
  CHECK(edit_distance("Enginner", "Engineer") == 1);
  CHECK(edit_distance("Enginner", "Eng inner") == 1);
  CHECK(edit_distance("teh", "the") == 1);  // one transposition
  CHECK(edit_distance("ABC", "abc") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("english speller: hunspell en_US plus tech words, ranked suggestions") {
  const auto resources = test_resources();
  REQUIRE_MESSAGE(resources->english_available(), "hunspell en_US not found");
  CHECK(resources->english_dictionary_path().ends_with("en_US.dic"));
  const EnglishSpeller& speller = resources->english();

  CHECK(speller.correct("engineer"));
  CHECK(speller.correct("Engineer"));
  CHECK(speller.correct("don't"));
  CHECK(speller.correct("don\xE2\x80\x99t"));
  CHECK_FALSE(speller.correct("Enginner"));
  CHECK_FALSE(speller.correct("recieve"));

  // Tech words: exact, or a lower-case entry with a capital first letter.
  for (const char* word : {"PyTorch", "GitHub", "cuDNN", "Kubernetes", "kubectl", "Kubectl"})
    CHECK_MESSAGE(speller.correct(word), word);
  CHECK(speller.correct("PyTorch's"));
  CHECK_FALSE(speller.correct("Pytorch"));
  CHECK_FALSE(speller.correct("pytorch"));

  const std::vector<std::string> suggestions = speller.suggest("Enginner");
  REQUIRE_FALSE(suggestions.empty());
  CHECK(suggestions.front() == "Engineer");
  CHECK(suggestions.size() <= EnglishSpeller::kMaxSuggestions);
  CHECK(speller.suggest("enginner").front() == "engineer");
  CHECK(speller.suggest("recieve").front() == "receive");
  CHECK(speller.suggest("Pytorch").front() == "PyTorch");
  CHECK(speller.suggest("Enginner") == suggestions);  // cached, same answer
}

TEST_CASE("english speller: many threads share one speller") {
  const auto resources = test_resources();
  REQUIRE(resources->english_available());
  const EnglishSpeller& speller = resources->english();
  const std::vector<std::string> words = {"Enginner",   "recieve",    "PyTorch", "engineer",
                                          "Kubernetes", "definately", "teh",     "wrold",
                                          "language",   "occured"};
  std::vector<bool> expected_correct;
  std::vector<std::string> expected_first;
  for (const std::string& w : words) {
    expected_correct.push_back(speller.correct(w));
    const auto s = speller.suggest(w);
    expected_first.push_back(s.empty() ? "" : s.front());
  }
  // A fresh speller, so the threads race on empty caches.
  SpellOptions options;
  options.tech_words = kTechWords;
  const auto fresh = SpellResources::create(options);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (size_t i = 0; i < words.size(); ++i) {
          const size_t k = (i + static_cast<size_t>(t) * 3) % words.size();
          const EnglishSpeller& shared = fresh->english();
          if (shared.correct(words[k]) != expected_correct[k]) ++mismatches;
          if (!expected_correct[k]) {
            const auto s = shared.suggest(words[k]);
            if ((s.empty() ? "" : s.front()) != expected_first[k]) ++mismatches;
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(mismatches.load() == 0);
  CHECK(fresh->english().suggester_count() <= std::max(1u, std::thread::hardware_concurrency()));
}

TEST_CASE("english speller: the suggestion pool never exceeds its limit") {
  const auto resources = test_resources();
  REQUIRE(resources->english_available());
  const std::string path = resources->english_dictionary_path();
  const std::string base = path.substr(0, path.size() - 4);
  EnglishSpeller speller(base + ".aff", base + ".dic", kTechWords, /*max_suggesters=*/2);
  REQUIRE(speller.available());
  CHECK(speller.suggester_count() == 0);
  CHECK(speller.suggest("Enginner").front() == "Engineer");
  CHECK(speller.suggester_count() == 0);  // one thread: the checker serves suggestions too
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const char* words[] = {"Enginnerr", "wrold", "mdoel", "framwork"};
      if (speller.suggest(words[t]).empty()) ++wrong;
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(wrong.load() == 0);
  CHECK(speller.suggester_count() <= 2);
}

TEST_CASE("spell resources: a missing dictionary disables English spelling quietly") {
  SpellOptions options;
  options.search_paths = {"/nonexistent/hanmark-test"};
  options.tech_words = kTechWords;
  options.typo_table = kTypos;
  const auto resources = SpellResources::create(options);
  CHECK_FALSE(resources->english_dictionary_found());
  CHECK_FALSE(resources->english_loaded());
  CHECK_FALSE(resources->english_available());
  CHECK_FALSE(resources->english_dictionary_found());
  CHECK(resources->english_dictionary_path().empty());
  CHECK(resources->english().correct("Enginner"));
  CHECK(resources->english().suggest("Enginner").empty());
  const auto rule = make_spelling(resources);
  CHECK(run_rule(*rule, "An Enginner wrote this.\n").empty());
  // The typo table needs no hunspell.
  CHECK(run_rule(*make_typo(resources), "I recieve mail.\n").size() == 1);
}

TEST_CASE("spell resources: the search path honours DICPATH first") {
  const char* saved = std::getenv("DICPATH");
  const std::string saved_value = saved ? saved : "";
  ::setenv("DICPATH", "/opt/dicts::/home/me/dicts", 1);
  const auto paths = SpellResources::default_search_paths();
  if (saved)
    ::setenv("DICPATH", saved_value.c_str(), 1);
  else
    ::unsetenv("DICPATH");
  REQUIRE(paths.size() >= 6);
  CHECK(paths[0] == "/opt/dicts");
  CHECK(paths[1] == "/home/me/dicts");
  CHECK(paths[2] == "/usr/share/hunspell");
  CHECK(std::find(paths.begin(), paths.end(), "/usr/share/myspell") != paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "/usr/local/share/hunspell") != paths.end());
}

TEST_CASE("spelling rule: likely typos in English words in Korean prose, with exact spans") {
  const auto rule = make_spelling(spelling_resources());
  CHECK(rule->info().id == "spelling");
  CHECK_FALSE(rule->info().enabled_by_default);
  const auto findings =
      run_rule(*rule,
               "# Enginner 되기\n\n"
               "Deep Learning을 공부하는 Developr입니다. `Enginnr` 코드는 무시.\n\n"
               "- PyTorch와 GitHub, cuDNN, Kubernetes로 만든 APIs 😀 wrold\n");
  CHECK(finding_texts(findings) == Strings{"Enginner", "Developr", "wrold"});
  REQUIRE(findings.size() == 3);
  const Diagnostic& d = findings[0].diagnostic;
  CHECK(d.message == "unknown word 'Enginner'");
  REQUIRE_FALSE(d.suggestions.empty());
  CHECK(d.suggestions.front() == "Engineer");
  REQUIRE(d.fixes.size() == 1);
  CHECK_FALSE(d.fixes[0].safe);
  CHECK(d.fixes[0].title == "replace with 'Engineer'");
  REQUIRE(d.fixes[0].edits.size() == 1);
  CHECK(d.fixes[0].edits[0].span == d.span);
  CHECK(d.fixes[0].edits[0].replacement == "Engineer");
  const auto& developer =
      findings[1].diagnostic.suggestions;  // "Develop" ranks first, as in hunspell
  CHECK(std::find(developer.begin(), developer.end(), "Developer") != developer.end());
  CHECK(findings[2].diagnostic.suggestions.front() == "world");
  // Where the misspelling table knows the word, only the typo rule reports it.
  CHECK(run_rule(*make_spelling(test_resources()), "An Enginner.\n").empty());
}

TEST_CASE("spelling rule: names, jargon, abbreviations and repeated words are not typos") {
  const auto rule = make_spelling(spelling_resources());
  // No near miss (a name), too short, no vowel, mixed capitals, and a word used twice.
  CHECK(run_rule(*rule, "Abramov wrote it. src pid. btrfs tftp. SELinux OAuth.\n").empty());
  CHECK(run_rule(*rule, "Slurm 클러스터. Slurm 설정.\n").empty());
  CHECK(finding_texts(run_rule(*rule, "Slurm 클러스터. Slurm 설정. Slurn 오타.\n")) ==
        Strings{"Slurn"});
}

TEST_CASE("spelling rule: skips typos, code, URLs, identifiers and non-verbatim words") {
  const auto rule = make_spelling(test_resources());
  CHECK(run_rule(*rule,
                 "I recieve `wrold` from https://exmaple.com/wrold and me@wrold.com.\n\n"
                 "```\nwrold\n```\n\n"
                 "Call useWrold or wrold_id in src/wrold.cpp; NASA GPUs run h264.\n\n"
                 "A wr&#111;ld with an entity, and [link text](https://wrold.example).\n")
            .empty());
  // A hyphenated compound is also checked whole: "Fi" is no word, but "Wi-Fi" is "WiFi".
  CHECK(finding_texts(run_rule(*rule, "Wi-Fi와 e-mail, well-knwon.\n")) == Strings{"knwon"});
  // CRLF lines and link text.
  const auto findings = run_rule(*rule, "첫 줄\r\n[a wrold](https://x.org) 링크\r\n");
  CHECK(finding_texts(findings) == Strings{"wrold"});
}

TEST_CASE("typo rule: safe fix in the word's case") {
  const auto rule = make_typo(test_resources());
  CHECK(rule->info().id == "typo");
  const auto findings =
      run_rule(*rule, "Enginner가 메일을 recieve 했다. ENGINNER `recieve` recieveData\n");
  CHECK(finding_texts(findings) == Strings{"Enginner", "recieve", "ENGINNER"});
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].diagnostic.message == "'Enginner' is a common misspelling of 'Engineer'");
  CHECK(findings[0].diagnostic.suggestions == Strings{"Engineer"});
  REQUIRE(findings[0].diagnostic.fixes.size() == 1);
  CHECK(findings[0].diagnostic.fixes[0].safe);
  CHECK(findings[0].diagnostic.fixes[0].title == "replace with 'Engineer'");
  CHECK(findings[0].diagnostic.fixes[0].edits[0].replacement == "Engineer");
  CHECK(findings[2].diagnostic.fixes[0].edits[0].replacement == "ENGINEER");
}

TEST_CASE("spell resources: the embedded vocabulary and misspelling table") {
  REQUIRE_MESSAGE(embedded_file("dictionaries/en-tech.dic"), "dictionaries/en-tech.dic missing");
  REQUIRE_MESSAGE(embedded_file("dictionaries/typos-en.tsv"), "dictionaries/typos-en.tsv missing");
  const auto resources = SpellResources::create();
  CHECK(resources->typos().problems().empty());
  CHECK(resources->typos().lookup("Recieve") == std::optional<std::string>("Receive"));
  REQUIRE(resources->english_available());
  for (const char* word : {"PyTorch", "GitHub", "cuDNN", "Kubernetes"})
    CHECK_MESSAGE(resources->english().correct(word), word);
}

TEST_CASE("spell resources: whether the English dictionary is there is told without loading it") {
  const auto resources = SpellResources::create();
  if (resources->english_dictionary_path().empty()) {
    MESSAGE("skipped: hunspell en_US is not installed");
    return;
  }
  const auto fresh = SpellResources::create();
  CHECK(fresh->english_dictionary_found());
  CHECK_FALSE(fresh->english_loaded());  // the warning after a run of English posts loads nothing
  CHECK(fresh->english().correct("engineer"));
  CHECK(fresh->english_loaded());
  CHECK(fresh->english_dictionary_found());
}
