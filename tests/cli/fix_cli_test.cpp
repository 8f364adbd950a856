// `hanmark check --fix / --unsafe-fixes / --diff / -`, run as a user would: what is written,
// what is kept (CRLF, BOM, mode, untouched files), what is refused, and on the real corpus
// (when present) that fixing changes only reported bytes and is idempotent.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/run.h"

using namespace hanmark::testing;
namespace fs = std::filesystem;

namespace {

// A trailing space (safe fix) and emphasis around quotes before a particle (unsafe fix).
const std::string kPost = "# 제목\n\n딥 러닝 **\"엔지니어\"**가 되기 \n";
const std::string kSafeFixed = "# 제목\n\n딥 러닝 **\"엔지니어\"**가 되기\n";
const std::string kAllFixed = "# 제목\n\n딥 러닝 \"**엔지니어**\"가 되기\n";
const std::string kRules = "--select cjk-emphasis,trailing-space ";

std::string q(const fs::path& path) {
  return shell_quote(path.string());
}

std::string contents(const fs::path& path) {
  std::ostringstream text;
  text << std::ifstream(path, std::ios::binary).rdbuf();
  return text.str();
}

// Runs hanmark with `input` on stdin (run_hanmark gives /dev/null).
RunResult run_with_stdin(const std::string& args, const std::string& input) {
  TempDir io;
  const fs::path in = io.write("in", input), out = io.path() / "out", err = io.path() / "err";
  const std::string command =
      shell_quote(HANMARK_BINARY) + " " + args + " <" + q(in) + " >" + q(out) + " 2>" + q(err);
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128, contents(out), contents(err)};
}

}  // namespace

TEST_CASE("fix: --fix writes the safe fixes only, --unsafe-fixes the unsafe ones too") {
  TempDir dir;
  const fs::path post = dir.write("post.md", kPost);
  RunResult r = run_hanmark("check --color=never " + kRules + "--fix " + q(post));
  CHECK(contents(post) == kSafeFixed);
  CHECK(r.exit_code == 1);  // the unsafe finding remains, and is reported as `check` would
  CHECK(r.out.find("[cjk-emphasis]") != std::string::npos);
  CHECK(r.out.find("[trailing-space]") == std::string::npos);
  CHECK(r.out.find("fixed 1 problem (trailing-space 1) in 1 file; 1 remains (cjk-emphasis 1)\n") !=
        std::string::npos);

  r = run_hanmark("check " + kRules + "--fix --unsafe-fixes " + q(post));
  CHECK(contents(post) == kAllFixed);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("fixed 1 problem (cjk-emphasis 1) in 1 file; 0 remain\n") != std::string::npos);

  // JSON keeps stdout machine-readable: the summary goes to stderr.
  const fs::path again = dir.write("again.md", kPost);
  r = run_hanmark("check --format json " + kRules + "--fix " + q(again));
  CHECK(nlohmann::json::parse(r.out)["diagnostics"].size() == 1);
  CHECK(r.err.find("fixed 1 problem") != std::string::npos);
}

TEST_CASE("fix: --diff writes nothing and prints a diff that patch applies") {
  TempDir dir;
  const fs::path post = dir.write("post.md", kPost);
  const auto mtime = fs::last_write_time(post);
  const std::string in_dir = "cd " + q(dir.path()) + " &&";
  RunResult r = run_hanmark("check " + kRules + "--diff --unsafe-fixes post.md", in_dir);
  CHECK(r.exit_code == 1);  // there are changes to make
  CHECK(contents(post) == kPost);
  CHECK(fs::last_write_time(post) == mtime);
  CHECK(r.out.starts_with("--- a/post.md\n+++ b/post.md\n@@ -1,3 +1,3 @@\n"));
  CHECK(r.err.find("would fix 2 problems (cjk-emphasis 1, trailing-space 1) in 1 file") !=
        std::string::npos);
  // An absolute path under the working directory is shown relative to it, as git shows paths.
  CHECK(run_hanmark("check " + kRules + "--diff --unsafe-fixes " + q(post), in_dir).out == r.out);
  if (std::system("command -v patch >/dev/null 2>&1") == 0) {
    dir.write("changes.diff", r.out);
    const std::string command = in_dir + " patch -s -p1 --dry-run < changes.diff >/dev/null" +
                                " && patch -s -p1 < changes.diff";
    CHECK(std::system(command.c_str()) == 0);
    CHECK(contents(post) == kAllFixed);
  }
  r = run_hanmark("check " + kRules + "--diff " + q(post));  // now clean
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("fix: CRLF, BOM and the file mode are kept, unchanged files are not touched") {
  TempDir dir;
  const fs::path crlf = dir.write("crlf.md", "\xEF\xBB\xBF# 제목\r\n\r\n본문 \r\n\r\n끝  \r\n");
  fs::permissions(crlf, fs::perms(0640));
  const fs::path clean = dir.write("clean.md", "# 제목\r\n\r\n깨끗한 본문\r\n");
  const auto clean_time = fs::last_write_time(clean);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const RunResult r = run_hanmark("check --select trailing-space --fix " + q(dir.path()));
  CHECK(r.exit_code == 0);
  CHECK(contents(crlf) == "\xEF\xBB\xBF# 제목\r\n\r\n본문\r\n\r\n끝\r\n");
  CHECK((fs::status(crlf).permissions() & fs::perms::all) == fs::perms(0640));
  CHECK(fs::last_write_time(clean) == clean_time);
  size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 2);  // no temporary file left behind
}

TEST_CASE("fix: a read-only file is reported and left alone, the others are fixed") {
  TempDir dir;
  const fs::path locked = dir.write("a-locked.md", kPost);
  const fs::path open = dir.write("b-open.md", kPost);
  fs::permissions(locked, fs::perms(0444));
  const RunResult r = run_hanmark("check --color=never " + kRules + "--fix " + q(dir.path()));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("a-locked.md' not fixed (file is read-only); 1 fix not applied") !=
        std::string::npos);
  CHECK(contents(locked) == kPost);
  CHECK(contents(open) == kSafeFixed);
  CHECK(r.out.find("a-locked.md:3:") != std::string::npos);  // its findings are still shown
  fs::permissions(locked, fs::perms(0644));
}

TEST_CASE("fix: standard input in, fixed text out, findings that remain on stderr") {
  RunResult r = run_with_stdin("check " + kRules + "--fix --stdin-filename post.md -", kPost);
  CHECK(r.out == kSafeFixed);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("post.md:3:") != std::string::npos);
  CHECK(r.err.find("[cjk-emphasis]") != std::string::npos);

  r = run_with_stdin("check " + kRules + "--fix --unsafe-fixes -", kPost);
  CHECK(r.out == kAllFixed);
  CHECK(r.exit_code == 0);

  r = run_with_stdin("check " + kRules + "--fix -", kSafeFixed + "\n");  // nothing to fix
  CHECK(r.out == kSafeFixed + "\n");

  r = run_with_stdin("check --color=never " + kRules + "-", kPost);  // plain lint of stdin
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("-:3:") != std::string::npos);

  // --stdin-filename finds the configuration: here one that ignores trailing spaces.
  TempDir dir;
  dir.write("sub/.hanmark.toml", "[rules]\nignore = [\"trailing-space\"]\n");
  r = run_with_stdin("check --fix --stdin-filename " + q(dir.path() / "sub" / "x.md") + " -",
                     "# 제목\n\n본문 \n");
  CHECK(r.out == "# 제목\n\n본문 \n");
  CHECK(r.exit_code == 0);

  CHECK(run_with_stdin("check - " + q(dir.path()), "x").exit_code == 2);  // '-' alone only

  r = run_with_stdin("check " + kRules + "--diff --stdin-filename p.md -", kPost);
  CHECK(r.out.starts_with("--- a/p.md\n+++ b/p.md\n"));
  CHECK(r.exit_code == 1);
}

namespace {

// Byte offset of a JSON position (1-based line, 1-based code-point column) in `text`.
struct Offsets {
  explicit Offsets(const std::string& text) : text(text) {
    line_starts.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts.push_back(i + 1);
  }
  size_t at(size_t line, size_t column) const {
    if (line - 1 >= line_starts.size()) return text.size();
    size_t at = line_starts[line - 1];
    for (size_t points = 1; points < column && at < text.size();) {
      ++at;
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
      ++points;
    }
    return at;
  }
  const std::string& text;
  std::vector<size_t> line_starts;
};

struct Span {
  size_t begin, end;
};

// Whether `now` differs from `was` only inside `spans` (byte spans of `was`): the bytes of `was`
// outside them must appear in `now` in order, each run where the previous left off or later,
// the first at the start and the last at the end (the pattern K0*K1*…*Kn).
bool changed_only_inside(const std::string& was, const std::string& now, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<std::string_view> kept;
  const std::string_view text(was);
  size_t cursor = 0;
  for (const Span& span : spans) {
    if (span.begin < cursor) {
      cursor = std::max(cursor, span.end);
      continue;
    }
    kept.push_back(text.substr(cursor, span.begin - cursor));
    cursor = span.end;
  }
  kept.push_back(text.substr(std::min(cursor, text.size())));
  if (kept.size() == 1) return now == was;
  if (!now.starts_with(kept.front())) return false;
  size_t at = kept.front().size();
  for (size_t i = 1; i + 1 < kept.size(); ++i) {
    at = now.find(kept[i], at);
    if (at == std::string::npos) return false;
    at += kept[i].size();
  }
  return now.size() >= at + kept.back().size() && now.ends_with(kept.back());
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// `span` grown to the whole words (runs without whitespace) it touches on either side.
Span grown_to_words(Span span, const std::string& text) {
  while (span.begin > 0 && !is_space(text[span.begin - 1])) --span.begin;
  while (span.end < text.size() && !is_space(text[span.end])) ++span.end;
  return span;
}

void make_writable(const fs::path& root) {
  for (const auto& entry : fs::recursive_directory_iterator(root))
    fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add);
}

}  // namespace

TEST_CASE("fix: on a copy of the corpus, --fix changes only reported bytes and is idempotent") {
  const fs::path corpus = fs::path(HANMARK_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus)) {
    MESSAGE("skipped: ../shared/corpus is absent (it is not part of a user's clone)");
    return;
  }
  TempDir dir;
  const fs::path copy = dir.path() / "corpus";
  fs::copy(corpus, copy, fs::copy_options::recursive);
  make_writable(copy);

  // Before fixing: every span reported, and every edit span of a safe fix.
  const RunResult before = run_hanmark("check -j2 --format json " + q(copy));
  REQUIRE(before.exit_code <= 1);
  std::map<std::string, std::vector<Span>> reported;
  {
    std::map<std::string, std::string> texts;
    const nlohmann::json report = nlohmann::json::parse(before.out);
    for (const auto& d : report["diagnostics"]) {
      const std::string path = d["path"];
      if (!texts.count(path)) texts[path] = contents(path);
      const Offsets offsets(texts[path]);
      const auto span_of = [&](const nlohmann::json& at) {
        return Span{offsets.at(at["line"], at["column"]),
                    offsets.at(at["end_line"], at["end_column"])};
      };
      reported[path].push_back(span_of(d));
      for (const auto& fix : d["fixes"])
        if (fix["safe"])
          for (const auto& edit : fix["edits"]) reported[path].push_back(span_of(edit));
    }
  }

  const RunResult fixed = run_hanmark("check -j2 --fix " + q(copy));
  REQUIRE(fixed.exit_code <= 1);
  const std::string summary = fixed.out.substr(fixed.out.rfind('\n', fixed.out.size() - 2) + 1);
  MESSAGE("corpus --fix: " << summary);

  // A later round may fix what an earlier one revealed in the words next to it: joining a
  // particle to its word (korean-spacing) can make the particle itself wrong (josa). Such files
  // must change only within the words that touch a reported span; all others only inside spans.
  size_t changed_files = 0, cascaded = 0, outside = 0;
  for (const auto& entry : fs::recursive_directory_iterator(copy)) {
    if (!entry.is_regular_file()) continue;
    const fs::path original = corpus / entry.path().lexically_relative(copy);
    const std::string was = contents(original), now = contents(entry.path());
    if (was == now) continue;
    ++changed_files;
    const std::vector<Span>& spans = reported[entry.path().string()];
    if (changed_only_inside(was, now, spans)) continue;
    std::vector<Span> words;
    for (const Span& span : spans) words.push_back(grown_to_words(span, was));
    if (changed_only_inside(was, now, words)) {
      ++cascaded;
      continue;
    }
    if (++outside <= 10) FAIL_CHECK(entry.path().string() << " changed outside the reported spans");
  }
  MESSAGE("corpus --fix changed " << changed_files << " files; " << cascaded
                                  << " of them also in words next to a reported span");
  CHECK(changed_files > 0);
  CHECK(outside == 0);

  // Fixing again changes nothing, and says so.
  std::map<fs::path, std::string> once;
  for (const auto& entry : fs::recursive_directory_iterator(copy))
    if (entry.is_regular_file()) once[entry.path()] = contents(entry.path());
  const RunResult again = run_hanmark("check -j2 --fix " + q(copy));
  CHECK(again.out.find("\nnothing fixed; ") != std::string::npos);
  size_t changed_again = 0;
  for (const auto& [path, text] : once) changed_again += contents(path) != text;
  CHECK(changed_again == 0);
}
