// Arbitrary bytes as the configuration file of `hanmark check --config FILE`: parsing,
// validation, `extends`, overrides and user rules (config/lint_setup.h), then `hanmark config`'s
// effective configuration and a post linted with the Linter the configuration gives.
// Properties: nothing crashes or hangs, and the effective configuration printed as TOML parses
// as TOML.
#include <filesystem>
#include <memory>
#include <string>

#include <toml++/toml.h>

#include "config/lint_setup.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_targets.h"
#include "markdown/document.h"

namespace {

using namespace hanmark;
namespace fs = std::filesystem;

// A post that gives most rules something to look at, user rules included.
constexpr const char* kPost =
    "---\ntitle: 제목 Title\n---\n\n# 쿠버네티스 시작하기 (Getting started)\n\n"
    "쿠버네티스는 컨테이너를 관리 하는 플랫폼 입니다. recieve the  teh value.\n\n"
    "## 설치\n\n- 항목 하나\n- item two...\n\n```\ncode\n```\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n[링크](#없는-제목) ![](img.png)\n";

// One cache for every input: the dictionaries load once per spelling configuration.
std::shared_ptr<SpellResourcesCache> shared_spell_cache() {
  static const auto cache = std::make_shared<SpellResourcesCache>();
  return cache;
}

}  // namespace

int hanmark_fuzz_config(const uint8_t* data, size_t size) {
  const fs::path dir = fuzz::scratch_dir() / "config";
  fs::create_directories(dir);
  const fs::path config = dir / ".hanmark.toml";
  const fs::path post = dir / "post.md";
  fuzz::write_file(config, std::string_view(reinterpret_cast<const char*>(data), size));
  fuzz::write_file(post, kPost);

  const fuzz::QuietCerr quiet;
  const SetupReporter ignore = [](const SetupMessage&) {};
  ConfigOptions options;
  options.config_file = config.string();
  const std::shared_ptr<SpellResourcesCache> cache = shared_spell_cache();
  cache->next_generation();  // resources of configurations no longer used go
  const std::unique_ptr<LintSetup> setup = LintSetup::create(options, {}, {}, ignore, {}, cache);
  if (!setup) return 0;
  if (const std::optional<std::string> toml = setup->effective_config_toml(post.string())) {
    try {
      (void)toml::parse(*toml);
    } catch (const toml::parse_error& e) {
      fuzz::violation(std::string("config: the effective configuration is not TOML (") + e.what() +
                      "): " + fuzz::escaped(*toml, 2000));
    }
  }
  if (!setup->prepare({post.string()})) return 0;
  const auto doc = Document::parse(post.string(), kPost);
  setup->linter(0).lint(*doc);
  return 0;
}
