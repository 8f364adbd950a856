// Which files `hanmark check PATH…` lints.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace hanmark {

struct DiscoveredFiles {
  std::vector<std::string> files;   // sorted, without duplicates
  std::vector<std::string> errors;  // "cannot read 'x': reason" — the run cannot complete
  std::vector<std::string> notes;   // e.g. a directory holding no Markdown
};

// Files are taken as given; directories are walked for *.md, *.markdown and *.mdx, skipping
// hidden folders (.git, .github, …) and node_modules, never following directory symlinks (no
// loops). A hidden folder named on the command line is walked. While walking, a directory or file
// for which `excluded` is true (a configuration's `exclude`) is skipped; paths named on the
// command line are taken even then.
DiscoveredFiles discover_files(
    const std::vector<std::string>& paths,
    const std::function<bool(const std::filesystem::path&)>& excluded = {});

bool is_markdown_name(const std::string& name);

}  // namespace hanmark
