// broken-link: relative links and images whose file does not exist, and `#fragment` links that
// match no heading or anchor (GitHub's heading slugs, Korean headings included).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/edit_distance.h"
#include "markdown/anchors.h"
#include "markdown/links.h"
#include "markdown/slugs.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

namespace fs = std::filesystem;

constexpr RuleInfo kInfo{
    .id = "broken-link",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary =
        "relative links and images to files that do not exist, and #fragments that match "
        "no heading",
};

constexpr uintmax_t kMaxLinkedPostSize = 4 << 20;  // larger linked posts are not parsed

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// "https:", "mailto:", "info:" …: not a path. A one-letter scheme is a Windows drive ("C:").
bool has_scheme(std::string_view url) {
  if (url.empty() || !is_ascii_letter(url[0])) return false;
  for (size_t i = 1; i < url.size(); ++i) {
    const char c = url[i];
    if (c == ':') return true;
    if (!is_ascii_letter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
      return false;
  }
  return false;
}

bool is_templated(std::string_view url) {
  return url.find("{{") != std::string_view::npos || url.find("{%") != std::string_view::npos ||
         url.find("%7B%7B") != std::string_view::npos ||
         url.find("%7b%7b") != std::string_view::npos;
}

// Destinations hanmark can judge: relative paths and in-page fragments. Absolute URLs, site-root
// paths ("/docs/…", which need the site's root) and template expressions are left alone.
bool is_checkable(std::string_view url) {
  return !url.empty() && !has_scheme(url) && !url.starts_with('/') && !url.starts_with('\\') &&
         !is_templated(url);
}

struct SplitUrl {
  std::string_view path;                     // before '?' and '#'
  std::optional<std::string_view> fragment;  // after '#'
};

SplitUrl split(std::string_view url) {
  SplitUrl out;
  const size_t hash = url.find('#');
  if (hash != std::string_view::npos) out.fragment = url.substr(hash + 1);
  out.path = url.substr(0, std::min(hash, url.find('?')));
  return out;
}

std::string normalized(std::string_view text, bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer =
      compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  const icu::UnicodeString out =
      normalizer->normalize(icu::UnicodeString::fromUTF8(
                                icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                            status);
  std::string utf8;
  if (U_FAILURE(status)) return std::string(text);
  out.toUTF8String(utf8);
  return utf8;
}

bool path_exists(const fs::path& path) {
  std::error_code error;
  return fs::exists(path, error);
}

bool is_markdown(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".md" || ext == ".markdown" || ext == ".mdx";
}

// The file or directory a relative path names, or the Markdown source a site generator publishes
// under that name: `intro.html` and `intro` (or `intro/`) from `intro.md`, `guide/` from
// `guide/README.md` (mdBook, Jekyll, VuePress, Docusaurus, Hugo).
std::optional<fs::path> find_target(const fs::path& base, std::string_view written,
                                    const std::string& decoded) {
  std::vector<std::string> forms{decoded};
  for (std::string form :
       {normalized(decoded, true), normalized(decoded, false), std::string(written)})
    if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(form);
  for (const std::string& form : forms)
    if (const fs::path path = base / fs::path(form); path_exists(path)) return path;

  std::string stem = decoded;
  while (stem.ends_with('/')) stem.pop_back();
  if (stem.empty()) return std::nullopt;
  const fs::path path = base / fs::path(stem);
  const std::string ext = path.extension().string();
  std::vector<fs::path> published;
  if (ext == ".html" || ext == ".htm") {
    for (const char* md : {".md", ".markdown", ".mdx"})
      published.push_back(fs::path(path).replace_extension(md));
    if (path.stem() == "index") published.push_back(path.parent_path() / "README.md");
  } else if (ext.empty()) {
    for (const char* md : {".md", ".markdown", ".mdx"}) published.push_back(path.string() + md);
  }
  for (const fs::path& candidate : published)
    if (path_exists(candidate)) return candidate;
  return std::nullopt;
}

// A file in the target's folder whose name differs from the target's only in case, or by a
// slip of one or two letters in a long name.
std::optional<std::string> similar_name(const fs::path& missing) {
  std::error_code error;
  const fs::path folder = missing.parent_path().empty() ? fs::path(".") : missing.parent_path();
  fs::directory_iterator it(folder, error);
  if (error) return std::nullopt;
  const std::string wanted = to_lower(missing.filename().string());
  if (wanted.empty()) return std::nullopt;
  std::optional<std::string> best;
  size_t best_distance = 3;
  size_t seen = 0;
  for (; it != fs::directory_iterator() && seen < 2000; it.increment(error), ++seen) {
    if (error) break;
    const std::string name = it->path().filename().string();
    const std::string lowered = to_lower(name);
    // The distance is at least the difference in length: most names are passed over unmeasured.
    const size_t length_gap = lowered.size() > wanted.size() ? lowered.size() - wanted.size()
                                                             : wanted.size() - lowered.size();
    if (length_gap >= best_distance) continue;
    const size_t distance = edit_distance(wanted, lowered);
    const bool slip = distance == 0 || (wanted.size() >= 8 && distance * 5 <= wanted.size());
    if (slip && distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

// The span of the fragment inside a destination written plainly, else the whole destination.
ByteSpan fragment_span(const Document& doc, ByteSpan destination) {
  const std::string_view written = doc.slice(destination);
  const size_t hash = written.find('#');
  if (hash == std::string_view::npos || written.find_first_of("&\\") != std::string_view::npos)
    return destination;
  return {destination.begin + static_cast<uint32_t>(hash), destination.end};
}

std::string readable(std::string_view text) {
  std::string decoded;
  return percent_decode(text, decoded) ? decoded : std::string(text);
}

class LinkedPosts {
 public:
  // The anchors of the Markdown file at `path`, or nullptr when it cannot be read.
  const Anchors* anchors(const fs::path& path) {
    const std::string key = path.lexically_normal().string();
    if (auto it = cache_.find(key); it != cache_.end()) return it->second ? &*it->second : nullptr;
    std::optional<Anchors>& slot = cache_[key];
    std::error_code error;
    if (!fs::is_regular_file(path, error) || fs::file_size(path, error) > kMaxLinkedPostSize ||
        error)
      return nullptr;
    std::ifstream in(path, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    slot = collect_anchors(*Document::parse(key, bytes.str()));
    return &*slot;
  }

 private:
  std::map<std::string, std::optional<Anchors>> cache_;
};

void report_fragment(DiagnosticSink& sink, ByteSpan span, std::string_view fragment,
                     const Anchors& anchors, std::string_view where) {
  Diagnostic& d = sink.report(
      span, "no heading matches '#" + readable(fragment) + "' in " + std::string(where));
  if (const auto closest = anchors.closest(fragment)) {
    d.notes.push_back("did you mean '#" + *closest + "'?");
  } else {
    d.notes.emplace_back(
        "a heading's fragment is its text lower-cased, punctuation removed, spaces as '-' "
        "(## 상태 관리 → #상태-관리); other anchors come from id=\"…\" and {#…}");
  }
}

class BrokenLink final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::vector<LinkDestination> links = link_destinations(doc, is_checkable);
    if (links.empty()) return;
    std::optional<Anchors> own;
    LinkedPosts linked;
    const fs::path base = fs::path(doc.path()).parent_path();
    for (const LinkDestination& link : links) {
      const SplitUrl url = split(link.url);
      if (url.path.empty()) {
        if (!url.fragment) continue;  // "?query" alone: this page
        if (!own) own = collect_anchors(doc);
        if (!own->contains(*url.fragment))
          report_fragment(sink, fragment_span(doc, link.span), *url.fragment, *own, "this post");
        continue;
      }
      if (doc.path().empty()) continue;
      std::string decoded;
      if (!percent_decode(url.path, decoded)) decoded = std::string(url.path);
      const std::optional<fs::path> target = find_target(base, url.path, decoded);
      if (!target) {
        report_missing(sink, link, decoded, base);
        continue;
      }
      if (!url.fragment || url.fragment->empty() || !is_markdown(*target)) continue;
      std::error_code error;
      if (fs::equivalent(*target, doc.path(), error)) {  // this post, perhaps not saved yet
        if (!own) own = collect_anchors(doc);
        if (!own->contains(*url.fragment))
          report_fragment(sink, fragment_span(doc, link.span), *url.fragment, *own, "this post");
        continue;
      }
      if (const Anchors* anchors = linked.anchors(*target);
          anchors && !anchors->contains(*url.fragment))
        report_fragment(sink, fragment_span(doc, link.span), *url.fragment, *anchors,
                        "'" + decoded + "'");
    }
  }

 private:
  static void report_missing(DiagnosticSink& sink, const LinkDestination& link,
                             const std::string& decoded, const fs::path& base) {
    Diagnostic& d = sink.report(link.span, std::string(link.image ? "image" : "link target") +
                                               " '" + readable(link.url) + "' does not exist");
    const fs::path resolved = (base / fs::path(decoded)).lexically_normal();
    if (const auto similar = similar_name(resolved)) {
      const size_t slash = decoded.find_last_of('/');
      const std::string folder = slash == std::string::npos ? "" : decoded.substr(0, slash + 1);
      d.notes.push_back("did you mean '" + folder + *similar + "'?");
    } else {
      d.notes.push_back("looked for '" + resolved.string() +
                        "', relative to this post (links starting with '/' are not checked)");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_broken_link() {
  return std::make_unique<BrokenLink>();
}

}  // namespace hanmark
