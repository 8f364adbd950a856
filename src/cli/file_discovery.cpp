#include "cli/file_discovery.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "config/lexical_path.h"

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
  if (is_lexically_normal(path.native())) return path.native();  // most are: no copy of parts
  std::string text = path.lexically_normal().generic_string();
  return text.empty() ? "." : text;
}

// Each directory is listed whole before the next is opened, so a deep tree holds one descriptor
// at a time, and a directory that cannot be read (gone, no permission, out of descriptors) is
// reported while the walk goes on; recursive_directory_iterator holds one per level and ends the
// whole walk at its first error.
void walk(const fs::path& root, DiscoveredFiles& out,
          const std::function<bool(const fs::path&)>& excluded) {
  const size_t before = out.files.size();
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      const fs::path& path = it->path();
      const std::string name = path.filename().string();
      std::error_code type_ec;
      const bool link = it->is_symlink(type_ec);
      if (!link && it->is_directory(type_ec)) {
        // Hidden folders (.git, .github templates, tool caches) and dependencies are not posts.
        if (!name.starts_with(".") && name != "node_modules" && !(excluded && excluded(path)))
          pending.push_back(path);
        continue;
      }
      // A link is followed to a file, never to a directory (no loops).
      if (is_markdown_name(name) && it->is_regular_file(type_ec) && !(excluded && excluded(path)))
        out.files.push_back(display(path));
    }
    if (ec) out.errors.push_back("cannot read '" + display(dir) + "': " + ec.message());
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
