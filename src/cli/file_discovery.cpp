#include "cli/file_discovery.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace hanmark {

namespace fs = std::filesystem;

bool is_markdown_name(const std::string& name) {
  for (const char* ext : {".md", ".markdown", ".mdx"}) {
    const std::string e(ext);
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0)
      return true;
  }
  return false;
}

namespace {

std::string display(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  return text.empty() ? "." : text;
}

void walk(const fs::path& root, DiscoveredFiles& out,
          const std::function<bool(const fs::path&)>& excluded) {
  std::error_code ec;
  const size_t before = out.files.size();
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.errors.push_back("cannot read '" + display(root) + "': " + ec.message());
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.errors.push_back("cannot read '" + display(it->path()) + "': " + ec.message());
      ec.clear();
      continue;
    }
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      // Hidden folders (.git, .github templates, tool caches) and dependencies are not posts.
      if (name.starts_with(".") || name == "node_modules" || (excluded && excluded(it->path())))
        it.disable_recursion_pending();
      continue;
    }
    if (is_markdown_name(name) && it->is_regular_file(type_ec) &&
        !(excluded && excluded(it->path())))
      out.files.push_back(display(it->path()));
  }
  if (out.files.size() == before)
    out.notes.push_back("no Markdown files under '" + display(root) + "'");
}

}  // namespace

DiscoveredFiles discover_files(const std::vector<std::string>& paths,
                               const std::function<bool(const fs::path&)>& excluded) {
  DiscoveredFiles out;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back("cannot read '" + path +
                           "': " + (ec ? ec.message() : std::string("No such file or directory")));
    } else if (fs::is_directory(status)) {
      walk(path, out, excluded);
    } else {
      out.files.push_back(display(path));
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

}  // namespace hanmark
