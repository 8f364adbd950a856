// broken-link against real files: existing targets, directories, Markdown sources of published
// pages (.html, extensionless), percent-encoded and Korean names, fragments in other posts.
// (The fixtures cover what needs no files: in-page fragments, missing targets, skipped links.)
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "markdown/document.h"
#include "rules/all_rules.h"

using namespace hanmark;
namespace fs = std::filesystem;

namespace {

class Folder {
 public:
  Folder() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    root_ = fs::temp_directory_path() /
            ("hanmark-broken-link-" + std::to_string(stamp) + "-" + std::to_string(counter++));
    fs::create_directories(root_);
  }
  ~Folder() {
    std::error_code error;
    fs::remove_all(root_, error);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;

  fs::path write(const std::string& relative, const std::string& content = "") const {
    const fs::path file = root_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
  void folder(const std::string& relative) const { fs::create_directories(root_ / relative); }
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

struct Finding {
  std::string text;
  std::string message;
  std::vector<std::string> notes;
};

std::vector<Finding> check(const fs::path& post, const std::string& source) {
  const auto rule = make_broken_link();
  const auto doc = Document::parse(post.string(), source);
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule->info(), out);
  rule->check(*doc, sink);
  std::vector<Finding> findings;
  for (const Diagnostic& d : out)
    findings.push_back({std::string(doc->slice(d.span)), d.message, d.notes});
  return findings;
}

}  // namespace

TEST_CASE("broken-link: existing files, directories and published Markdown count as found") {
  Folder site;
  site.write("posts/images/chart.png");
  site.write("posts/images/스크린 샷.png");
  site.write("posts/other.md", "# 다른 글\n\n## 설치 방법\n\n<a id=\"custom\"></a>\n");
  site.write("posts/guide/README.md", "# 안내\n");
  site.write("posts/notes.md", "# 메모\n");
  site.folder("posts/empty");
  const fs::path post = site.write("posts/post.md");
  const auto findings =
      check(post,
            "# 글\n\n![차트](images/chart.png) ![샷](<images/스크린 샷.png>) "
            "![샷](images/%EC%8A%A4%ED%81%AC%EB%A6%B0%20%EC%83%B7.png)\n\n"
            "[다른 글](other.md) [설치](other.md#설치-방법) [앵커](./other.md#custom) "
            "[인코딩](other.md#%EC%84%A4%EC%B9%98-%EB%B0%A9%EB%B2%95)\n\n"
            "[HTML](other.html#설치-방법) [확장자 없음](notes) [슬래시](notes/) [폴더](guide/) "
            "[빈 폴더](empty) [질의](images/chart.png?raw=true) [자신](post.md#글)\n\n"
            "<img src=\"images/chart.png\" alt=\"차트\"> <a href=\"../posts/other.md\">x</a>\n");
  for (const Finding& f : findings) FAIL_CHECK("unexpected: " << f.text << " — " << f.message);
}

TEST_CASE("broken-link: missing files and fragments in other posts") {
  Folder site;
  site.write("posts/images/Chart.png");
  site.write("posts/other.md", "# 다른 글\n\n## 설치 방법\n");
  const fs::path post = site.write("posts/post.md");
  const auto findings = check(post,
                              "# 글\n\n![차트](images/chart.png) ![없음](images/없음.png)\n\n"
                              "[설치](other.md#설치-방법들) [HTML](other.html#install) "
                              "[가이드](guide/setup.md)\n");
  REQUIRE(findings.size() == 5);
  CHECK(findings[0].text == "images/chart.png");
  CHECK(findings[0].message == "image 'images/chart.png' does not exist");
  REQUIRE(findings[0].notes.size() == 1);
  CHECK(findings[0].notes[0] == "did you mean 'images/Chart.png'?");
  CHECK(findings[1].message == "image 'images/없음.png' does not exist");
  CHECK(findings[2].text == "#설치-방법들");
  CHECK(findings[2].message == "no heading matches '#설치-방법들' in 'other.md'");
  CHECK(findings[2].notes[0] == "did you mean '#설치-방법'?");
  CHECK(findings[3].text == "#install");
  CHECK(findings[3].message == "no heading matches '#install' in 'other.html'");
  CHECK(findings[4].text == "guide/setup.md");
  CHECK(findings[4].message == "link target 'guide/setup.md' does not exist");
}
