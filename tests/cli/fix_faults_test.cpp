// `hanmark check --fix` under faults (issue 9): killed with SIGKILL at random moments, every post
// is its original or its fully fixed version, never truncated or mixed, and what a killed run
// leaves behind is never taken for a post; on a full disk (a small tmpfs when allowed, else
// RLIMIT_FSIZE) the original stays byte-identical, the error names the file and the run exits 2.
// See docs/fixes.md, "Safety under faults".
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "cli/child_process.h"
#include "cli/file_discovery.h"
#include "cli/run.h"

extern char** environ;

using namespace hanmark::testing;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

void put(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// ---- Running hanmark as a real child process (cli/child_process.h) ----

struct Finished {
  int code;
  std::string out, err;
};

// Runs to the end with stdout and stderr in `scratch` (unless `launch` sends them elsewhere).
Finished run_to_end(ChildSpec launch, const fs::path& scratch) {
  if (launch.out == "/dev/null") launch.out = scratch / "out";
  if (launch.err == "/dev/null") launch.err = scratch / "err";
  const int status = *wait_status(spawn_child(launch));
  // Only what went to `scratch` is read back (reading /dev/full would never end).
  const auto captured = [&](const fs::path& file) {
    return file.parent_path() == scratch ? read_text(file) : std::string();
  };
  return {exit_code(status), captured(launch.out), captured(launch.err)};
}

// ---- A corpus of fixable posts ----

struct Corpus {
  fs::path root;
  std::vector<fs::path> posts;  // absolute, sorted
  std::map<fs::path, std::string> original, fixed;
  size_t changed() const {
    size_t n = 0;
    for (const fs::path& post : posts) n += original.at(post) != fixed.at(post);
    return n;
  }
  size_t bytes() const {
    size_t n = 0;
    for (const auto& [path, text] : original) n += text.size();
    return n;
  }
};

// Korean and English prose with findings that --fix fixes: particles (josa), glossary spellings
// (term-consistency), full-width punctuation, trailing blanks, a repeated word, typos, a bare
// URL, decomposed Hangul (hangul-nfc), a zero-width space (invisible-char), dependent-noun
// spacing (korean-spacing); and blocks with nothing to fix, which make the big posts.
const std::array<std::string_view, 3> kFixable = {
    "가장 가벼운 모델를 골랐습니다. 서버을 다시 띄우고 결과를 파일으로 저장했습니다.   \n"
    "코드는 Github에 올리고 설정 파일을 열어，값을 바꿉니다。\n",
    "We ran the the benchmark again and teh numbers held up.\t\n"
    "자세한 내용은 https://example.com/post 에서 봅니다.\n",
    "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xB3\xE1\x86\xAF 문장\xE2\x80\x8B끝. "
    "할수 있는 만큼 Javascript로 돌려 봅니다.  \n"};
const std::array<std::string_view, 2> kClean = {
    "이 문단에는 고칠 것이 없습니다. 모델을 고르고 서버를 띄운 뒤 결과를 봅니다.\n"
    "The numbers held up, and the build stayed green on every runner.\n",
    "```text\nlog line: value=42 ok\nlog line: value=43 ok\nlog line: value=44 ok\n"
    "log line: value=45 ok\nlog line: value=46 ok\nlog line: value=47 ok\n```\n"};

// A post of about `size` bytes; `fixable_every`-th paragraph has findings (0: none).
std::string synthetic_post(size_t size, size_t fixable_every, std::mt19937& rng) {
  std::string text = "# 시험 글\n\n";
  for (size_t n = 0; text.size() < size; ++n) {
    text += "## 절 " + std::to_string(n) + "\n\n";
    const bool fixable = fixable_every > 0 && n % fixable_every == 0;
    text += fixable ? kFixable[rng() % kFixable.size()] : kClean[rng() % kClean.size()];
    text += '\n';
  }
  return text;
}

// The inputs of the fixture tests that have a .fixed.md, plus synthetic posts from 300 bytes to
// 12 KB, a few with nothing to fix, and one of 1 MB. More or bigger posts would make the 100 runs
// too slow for every CI run (a 1 MB post costs ~0.4 s of CPU to fix, and so does loading the
// Korean dictionary at the start of every run).
void generate_posts(const fs::path& root) {
  const fs::path fixtures = fs::path(HANMARK_SOURCE_DIR) / "tests" / "fixtures";
  for (const auto& entry : fs::recursive_directory_iterator(fixtures)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".fixed.md")) continue;
    const fs::path input = entry.path().parent_path() / (name.substr(0, name.size() - 9) + ".md");
    const fs::path copy = root / "fixtures" / input.parent_path().filename() / input.filename();
    fs::create_directories(copy.parent_path());
    fs::copy_file(input, copy);
  }
  std::mt19937 rng(9);  // the same posts every run: only the kill moments are random
  size_t size = 300;
  for (int i = 0; i < 14; ++i, size = size * 7 / 5)
    put(root / "posts" / ("p" + std::to_string(i) + ".md"), synthetic_post(size, 1 + i % 3, rng));
  for (int i = 0; i < 3; ++i)
    put(root / "clean" / ("c" + std::to_string(i) + ".md"), synthetic_post(2000, 0, rng));
  put(root / "big" / "b0.md", synthetic_post(1 << 20, 40, rng));
}

// A sample of the real corpus: every `step`-th post hanmark finds in it.
void sample_corpus(const fs::path& corpus, const fs::path& root, size_t step) {
  const fs::path from = fs::canonical(corpus);  // discovery names files by normalised paths
  const std::vector<std::string> all = hanmark::discover_files({from.string()}).files;
  for (size_t i = 0; i < all.size(); i += step) {
    const fs::path relative = fs::path(all[i]).lexically_relative(from);
    REQUIRE(!relative.empty());
    REQUIRE(*relative.begin() != "..");  // stays inside `root`
    const fs::path copy = root / relative;
    fs::create_directories(copy.parent_path());
    fs::copy_file(all[i], copy);
    fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add);
  }
}

std::vector<std::string> fix_args(const fs::path& root, const std::string& jobs = "-j2") {
  return {"check", jobs, "--fix", "--color=never", "--no-progress", root.string()};
}

// Whether `name` is what replace_file (src/fix/safe_write.cpp) names its temporary file:
// ".<post>.hanmark-XXXXXX" — hidden, and no Markdown extension, so never taken for a post.
bool is_temp_name(const std::string& name) {
  const size_t mark = name.rfind(".hanmark-");
  return name.starts_with(".") && mark != std::string::npos && name.size() == mark + 15;
}

// ---- Killing runs ----

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double realtime_now() {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double mtime_of(const fs::path& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return static_cast<double>(info.st_mtim.tv_sec) +
         static_cast<double>(info.st_mtim.tv_nsec) * 1e-9;
}

void restore(const Corpus& corpus) {
  for (const fs::path& post : corpus.posts)
    if (read_text(post) != corpus.original.at(post)) put(post, corpus.original.at(post));
}

// Fixes the corpus to completion: the expected fixed texts, how long a run takes and when, after
// its start, each post was written (the mtime of its replacement). Run twice: the first run
// reads the dictionaries from a cold cache, the killed runs do not.
struct Reference {
  double seconds = 0;
  int code = 0;
  std::vector<std::pair<double, size_t>> writes;  // seconds after the start, bytes written
};

Reference reference_run(Corpus& corpus, const fs::path& scratch) {
  Reference reference;
  for (int round = 0; round < 2; ++round) {
    restore(corpus);
    const double started_at = realtime_now();
    const Clock::time_point start = Clock::now();
    const Finished run = run_to_end({fix_args(corpus.root)}, scratch);
    reference.seconds = seconds_since(start);
    reference.code = run.code;
    REQUIRE_MESSAGE(run.code <= 1, run.err);
    reference.writes.clear();
    for (const fs::path& post : corpus.posts) {
      const std::string fixed = read_text(post);
      if (round == 1) CHECK_MESSAGE(fixed == corpus.fixed[post], post << " fixed differently");
      corpus.fixed[post] = fixed;
      if (fixed != corpus.original[post])
        reference.writes.emplace_back(mtime_of(post) - started_at, fixed.size());
    }
  }
  std::sort(reference.writes.begin(), reference.writes.end());
  REQUIRE(!reference.writes.empty());
  return reference;
}

Corpus load(const fs::path& root) {
  Corpus corpus;
  corpus.root = root;
  for (const std::string& file : hanmark::discover_files({root.string()}).files) {
    const fs::path post = fs::absolute(file);
    corpus.posts.push_back(post);
    corpus.original[post] = read_text(post);
  }
  return corpus;
}

// Kills `hanmark check --fix` on `root` 100 times and checks what it leaves (see the header).
void kill_at_random_moments(const fs::path& root, const fs::path& scratch) {
  Corpus corpus = load(root);
  REQUIRE(corpus.posts.size() > 10);
  const Reference reference = reference_run(corpus, scratch);
  const size_t changed = corpus.changed();
  REQUIRE(changed > 5);
  restore(corpus);
  std::vector<double> weights;  // a big post's write lasts longer: it is aimed at more often
  for (const auto& [moment, bytes] : reference.writes)
    weights.push_back(std::sqrt(static_cast<double>(bytes)));
  std::discrete_distribution<size_t> pick_write(weights.begin(), weights.end());

  const char* seed_text = std::getenv("HANMARK_FAULT_SEED");  // to replay a failure
  const uint64_t seed = seed_text ? std::strtoull(seed_text, nullptr, 10) : std::random_device{}();
  INFO("seed " << seed << " (replay with HANMARK_FAULT_SEED=" << seed << ")");
  std::mt19937_64 rng(seed);
  const double run = reference.seconds;
  const double first_write = reference.writes.front().first,
               last_write = reference.writes.back().first;

  constexpr int kIterations = 100;
  std::set<fs::path> known(corpus.posts.begin(), corpus.posts.end());
  std::array<int, 10> by_tenth{};  // kill moments, by tenth of the reference run
  int finished = 0, none_fixed = 0, in_write_phase = 0, mid_file = 0, all_fixed = 0;
  size_t temps = 0, fixed_files = 0, original_files = 0;
  const Clock::time_point loop_start = Clock::now();
  for (int iteration = 0; iteration < kIterations; ++iteration) {
    // Half the moments spread over the whole run, half next to a moment the reference run
    // wrote a post: that is where a kill can catch a file half written.
    double at = std::uniform_real_distribution<double>(0, run)(rng);
    if (iteration % 2 == 1) {
      const double write = reference.writes[pick_write(rng)].first;
      at = std::max(0.0, write + std::uniform_real_distribution<double>(-0.03, 0.01)(rng) * run);
    }
    ++by_tenth[std::min<size_t>(9, static_cast<size_t>(at / run * 10))];
    const Clock::time_point start = Clock::now();
    const pid_t pid = spawn_child({fix_args(root)});
    std::this_thread::sleep_until(start + std::chrono::duration<double>(at));
    ::kill(pid, SIGKILL);
    const int status = *wait_status(pid);
    finished += WIFEXITED(status);
    INFO("iteration " << iteration << ", killed " << at << " s into a run of " << run << " s");

    size_t fixed_now = 0;
    const size_t temps_before = temps;
    for (const fs::path& post : corpus.posts) {
      const std::string& was = corpus.original.at(post);
      const std::string& fixed = corpus.fixed.at(post);
      const std::string now = read_text(post);
      if (now == fixed && was != fixed) {
        ++fixed_now;
        ++fixed_files;
      } else if (now == was) {
        ++original_files;
      } else {
        FAIL_CHECK(post.string() << " is neither its original (" << was.size()
                                 << " bytes) nor its fixed version (" << fixed.size()
                                 << " bytes): " << now.size() << " bytes");
      }
    }
    // Anything new in the tree was left by the killed run: it must be a temporary file, named
    // so that discovery and people pass it by, holding the start of its post's fixed text.
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_directory() || known.count(entry.path())) continue;
      known.insert(entry.path());
      ++temps;
      const std::string name = entry.path().filename().string();
      CHECK_MESSAGE(is_temp_name(name), "left behind: " << entry.path());
      if (!is_temp_name(name)) continue;
      const fs::path post = entry.path().parent_path() / name.substr(1, name.size() - 16);
      REQUIRE_MESSAGE(corpus.fixed.count(post), "a temporary file for no post: " << name);
      CHECK(corpus.fixed.at(post).starts_with(read_text(entry.path())));
    }
    const bool left_temp = temps > temps_before;
    none_fixed += fixed_now == 0 && !left_temp;
    all_fixed += fixed_now == changed;
    in_write_phase += (fixed_now > 0 && fixed_now < changed) || left_temp;
    mid_file += left_temp;
    restore(corpus);
  }
  const double loop_seconds = seconds_since(loop_start);

  // The temporary files the killed runs left are still there: a full run ignores them (they are
  // not discovered, not linted) and fixes every post as the reference run did.
  const Finished last = run_to_end({fix_args(root)}, scratch);
  CHECK(last.code == reference.code);
  CHECK(last.out.find(".hanmark-") == std::string::npos);
  size_t wrong = 0;
  for (const fs::path& post : corpus.posts) wrong += read_text(post) != corpus.fixed.at(post);
  CHECK(wrong == 0);
  CHECK(hanmark::discover_files({root.string()}).files.size() == corpus.posts.size());

  std::ostringstream tenths;
  for (int count : by_tenth) tenths << ' ' << count;
  MESSAGE(kIterations << " kills of a --fix run over " << corpus.posts.size() << " posts ("
                      << corpus.bytes() / 1024 << " KiB, " << changed << " with fixes); run " << run
                      << " s, writes from " << first_write << " to " << last_write << " s; seed "
                      << seed << "\n  kill moments by tenth of the run:" << tenths.str()
                      << "\n  runs that finished before the kill: " << finished
                      << "; killed before the first write: " << none_fixed
                      << ", between the first and the last: " << in_write_phase << " (" << mid_file
                      << " inside a file's write), after the last: " << all_fixed
                      << "\n  posts found fixed: " << fixed_files << ", original: "
                      << original_files << "; temporary files left by kills: " << temps
                      << "\n  100 kills took " << loop_seconds << " s");
}

}  // namespace

TEST_CASE("fix faults: SIGKILL during --fix leaves every post original or fully fixed") {
  TempDir dir, scratch;
  generate_posts(dir.path() / "corpus");
  kill_at_random_moments(dir.path() / "corpus", scratch.path());
}

TEST_CASE("fix faults: SIGKILL during --fix on a sample of the real corpus") {
  const fs::path corpus = fs::path(HANMARK_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus)) {
    MESSAGE("skipped: ../shared/corpus is absent (it is not part of a user's clone)");
    return;
  }
  TempDir dir, scratch;  // the sample is copied there, never into the repository
  sample_corpus(corpus, dir.path() / "corpus", 50);
  kill_at_random_moments(dir.path() / "corpus", scratch.path());
}

namespace {

// ---- A full disk ----

// Two posts in `dir`: small.md, whose fixed text fits on the disk, and big.md, whose does not.
struct FullDisk {
  explicit FullDisk(const fs::path& dir) : dir(dir) {
    std::mt19937 rng(9);
    small = synthetic_post(600, 1, rng);
    big = synthetic_post(48 * 1024, 16, rng);
    TempDir reference, scratch;  // the fixed texts, from a run with room to write them
    put(reference.path() / "small.md", small);
    put(reference.path() / "big.md", big);
    REQUIRE(run_to_end({fix_args(reference.path())}, scratch.path()).code <= 1);
    small_fixed = read_text(reference.path() / "small.md");
    REQUIRE(small_fixed != small);
    REQUIRE(read_text(reference.path() / "big.md") != big);
    put(dir / "small.md", small);
    put(dir / "big.md", big);
  }

  // A --fix run that could not write big.md for `reason`: reported with the file's name, exit 2,
  // big.md byte-identical and its findings shown, no temporary file, small.md fixed.
  void check(const Finished& run, const std::string& reason, size_t other_files = 0) const {
    INFO("stderr: " << run.err);
    CHECK(run.code == 2);
    const std::string message = "hanmark: error: '" + (dir / "big.md").string() +
                                "' not fixed (cannot write the temporary file: " + reason + "); ";
    CHECK(run.err.find(message) != std::string::npos);
    CHECK(run.err.find(" fixes not applied\n") != std::string::npos);
    CHECK(read_text(dir / "big.md") == big);
    CHECK(run.out.find((dir / "big.md").string() + ":") != std::string::npos);
    CHECK(read_text(dir / "small.md") == small_fixed);
    size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++entries;
    CHECK(entries == 2 + other_files);  // no temporary file left behind
  }

  fs::path dir;
  std::string small, small_fixed, big;
};

// Unmounts what it mounted, before the TempDir that holds the mount point is removed.
class TmpfsMount {
 public:
  TmpfsMount(const fs::path& at, const std::string& options) : at_(at) {
    fs::create_directories(at);
    mounted_ = ::geteuid() == 0 && ::mount("tmpfs", at.c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  ~TmpfsMount() {
    if (mounted_) ::umount2(at_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }

 private:
  fs::path at_;
  bool mounted_ = false;
};

}  // namespace

TEST_CASE("fix faults: a file size limit (EFBIG) leaves the original intact and is reported") {
  for (const bool ignore_sigxfsz : {true, false}) {
    // Ignored, write() fails with EFBIG; by default the kernel sends SIGXFSZ, which would kill
    // hanmark halfway through a temporary file if it did not ignore the signal itself.
    INFO("SIGXFSZ " << (ignore_sigxfsz ? "ignored by the parent" : "at its default action"));
    TempDir dir, scratch;
    const FullDisk disk(dir.path());
    ChildSpec launch{fix_args(dir.path())};
    launch.file_size = 16 * 1024;
    launch.ignore_sigxfsz = ignore_sigxfsz;
    disk.check(run_to_end(launch, scratch.path()), "File too large");
  }
}

TEST_CASE("fix faults: a full disk (tmpfs) leaves the original intact and is reported") {
  TempDir dir, scratch;
  const fs::path disk_dir = dir.path() / "disk";
  const TmpfsMount mount(disk_dir, "size=256k");
  if (!mount.mounted()) {
    MESSAGE(
        "skipped: cannot mount a small tmpfs here (needs root); the RLIMIT_FSIZE test covers "
        "the write failure");
    return;
  }
  const FullDisk disk(disk_dir);
  // Fill the disk but for 16 KiB: room for small.md's fixed text, not for big.md's.
  struct statvfs info {};
  REQUIRE(::statvfs(disk_dir.c_str(), &info) == 0);
  const size_t free_bytes = static_cast<size_t>(info.f_bavail) * info.f_frsize;
  REQUIRE(free_bytes > 16 * 1024);
  put(disk_dir / "filler", std::string(free_bytes - 16 * 1024, 'x'));
  // One file at a time: two posts written at once share the 16 KiB, and while big.md's
  // temporary file holds it, small.md's write may fail too.
  disk.check(run_to_end({fix_args(disk_dir, "-j1")}, scratch.path()), "No space left on device", 1);
}

TEST_CASE("fix faults: --fix - reports a standard output it cannot write") {
  TempDir dir, scratch;
  const fs::path in = dir.write("in.md", "# 제목\n\n본문 \n");
  ChildSpec launch{{"check", "--fix", "-"}};
  launch.in = in;
  launch.out = "/dev/full";  // ENOSPC on every write
  const Finished run = run_to_end(launch, scratch.path());
  CHECK(run.code == 2);
  CHECK(run.err.find("standard output") != std::string::npos);
}
