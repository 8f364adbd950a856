#include "markdown/anchors.h"

#include <algorithm>

#include <cmark-gfm.h>

#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/html_tags.h"
#include "markdown/node.h"
#include "markdown/slip_index.h"
#include "markdown/slugs.h"

namespace hanmark {

namespace {

constexpr size_t kLongestSuggested = 256;  // code points

// A GitHub line reference: "L20", "L19-L21", "L19C5-L21C11".
bool is_line_reference(std::string_view f) {
  auto line = [&](size_t& i) {
    if (i >= f.size() || (f[i] != 'L' && f[i] != 'l')) return false;
    const size_t digits = ++i;
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') ++i;
    if (i == digits) return false;
    if (i < f.size() && (f[i] == 'C' || f[i] == 'c')) {
      const size_t column = ++i;
      while (i < f.size() && f[i] >= '0' && f[i] <= '9') ++i;
      if (i == column) return false;
    }
    return true;
  };
  size_t i = 0;
  if (!line(i)) return false;
  if (i < f.size() && f[i] == '-') {
    ++i;
    if (!line(i)) return false;
  }
  return i == f.size();
}

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    out.push_back(d.code_point);
    i += d.length;
  }
  return out;
}

bool is_attribute_token(std::string_view token) {
  return token.starts_with('#') || token.starts_with('.') || token.find('=') != std::string::npos;
}

// Ids set by attribute syntax in `text`: `{#id}`, `{#id .class key=value}`, kramdown's `{: #id}`
// and MDX comments used as heading ids, `{/*id*/}`.
void add_attribute_ids(std::string_view text, Anchors& anchors) {
  for (size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) return;
    std::string_view inner = text.substr(open + 1, close - open - 1);
    if (inner.starts_with("/*") && inner.ends_with("*/") && inner.size() >= 4) {
      const std::string_view id = trim(inner.substr(2, inner.size() - 4));
      if (!id.empty() && id.find_first_of(" \t\n") == std::string_view::npos)
        anchors.add(std::string(id));
      continue;
    }
    if (inner.starts_with(':')) inner.remove_prefix(1);
    std::vector<std::string_view> tokens;
    for (size_t i = 0; i < inner.size();) {
      while (i < inner.size() && is_ascii_space(inner[i])) ++i;
      const size_t begin = i;
      while (i < inner.size() && !is_ascii_space(inner[i])) ++i;
      if (i > begin) tokens.push_back(inner.substr(begin, i - begin));
    }
    if (tokens.empty() || !std::all_of(tokens.begin(), tokens.end(), is_attribute_token)) continue;
    for (std::string_view token : tokens)
      if (token.starts_with('#') && token.size() > 1) anchors.add(std::string(token.substr(1)));
  }
}

// The text of an HTML heading element starting after its opening tag: up to its closing tag,
// tags dropped.
std::string html_element_text(std::string_view html, size_t from) {
  const size_t close = html.find("</", from);
  const std::string_view inner =
      html.substr(from, close == std::string_view::npos ? std::string_view::npos : close - from);
  std::string text;
  bool in_tag = false;
  for (char c : inner) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c;
    if (c == '>') in_tag = false;
  }
  return std::string(trim(text));
}

void add_html_anchors(std::string_view html, bool block, Anchors& anchors) {
  for_each_html_tag(html, [&](const HtmlTag& tag) {
    for (const HtmlAttribute& a : tag.attributes) {
      // MDX components name their anchors in props too: <Recipes titleId="examples">.
      const bool id =
          a.name == "id" || a.name == "name" || (tag.component && a.name.ends_with("id"));
      if (id && !a.value.empty()) anchors.add(a.value);
    }
    const bool heading =
        tag.name.size() == 2 && tag.name[0] == 'h' && tag.name[1] >= '1' && tag.name[1] <= '6';
    if (block && heading) {
      const std::string text = html_element_text(html, tag.end);
      if (!text.empty()) anchors.add(github_slug(text));
    }
  });
}

}  // namespace

void Anchors::add(std::string name) {
  if (folded_.insert(fold_fragment(name)).second) {
    names_.push_back(std::move(name));
    suggestions_.reset();
  }
}

bool Anchors::contains(std::string_view fragment) const {
  const std::string folded = fold_fragment(fragment);
  return folded.empty() || folded == "top" || is_line_reference(fragment) ||
         folded_.contains(folded);
}

struct Anchors::Suggestions {
  SlipIndex slips;                                     // fold_fragment() of names_
  std::vector<size_t> lengths;                         // their lengths in code points
  std::vector<std::pair<std::string, size_t>> sorted;  // the same, in UTF-8, sorted
};

size_t Anchors::suggestion_steps() const {
  return suggestions_ ? suggestions_->slips.steps() : 0;
}

std::optional<std::string> Anchors::closest(std::string_view fragment) const {
  const std::string wanted_text = fold_fragment(fragment);
  const std::u32string wanted = code_points(wanted_text);
  // Longer fragments are not slips of a heading (and would walk deep).
  if (wanted.size() < 3 || wanted.size() > kLongestSuggested) return std::nullopt;
  if (!suggestions_) {
    std::vector<std::u32string> folded;
    std::vector<size_t> lengths;
    std::vector<std::pair<std::string, size_t>> sorted;
    for (size_t i = 0; i < names_.size(); ++i) {
      std::string text = fold_fragment(names_[i]);
      folded.push_back(code_points(text));
      lengths.push_back(folded.back().size());
      sorted.emplace_back(std::move(text), i);
    }
    std::sort(sorted.begin(), sorted.end());
    suggestions_ = std::make_shared<const Suggestions>(
        Suggestions{SlipIndex(std::move(folded)), std::move(lengths), std::move(sorted)});
  }
  // A slip: at most two edits, and at most a third of the name; the first of the closest.
  std::optional<SlipIndex::Match> best;
  for (const SlipIndex::Match& m : suggestions_->slips.within(wanted, 2)) {
    const size_t length = std::max(wanted.size(), suggestions_->lengths[m.name]);
    if (m.distance == 0 || m.distance * 3 > length) continue;
    if (!best || m.distance < best->distance ||
        (m.distance == best->distance && m.name < best->name))
      best = m;
  }
  if (best) return names_[best->name];
  // A shortened anchor: the only one that starts with the fragment ("#설치" for "#설치-방법").
  const std::string prefix = wanted_text + "-";
  const auto& sorted = suggestions_->sorted;
  auto it = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(prefix, size_t{0}));
  if (it == sorted.end() || !it->first.starts_with(prefix)) return std::nullopt;
  if (std::next(it) != sorted.end() && std::next(it)->first.starts_with(prefix))
    return std::nullopt;  // more than one
  return names_[it->second];
}

Anchors collect_anchors(const Document& doc) {
  Anchors anchors;
  SlugCounter github;     // github.com: slugs of the whole heading text
  SlugCounter generator;  // site generators: the text without its attribute group
  cmark_iter* iter = cmark_iter_new(doc.root());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING: {
        const std::string text = heading_text(node);
        anchors.add(github.unique(github_slug(text)));
        anchors.add(generator.unique(github_slug(without_heading_attributes(text).value_or(text))));
        add_attribute_ids(doc.slice(doc.block_span(node)), anchors);
        break;
      }
      case CMARK_NODE_TEXT:
        if (literal_of(node).find('{') != std::string_view::npos)
          add_attribute_ids(literal_of(node), anchors);
        break;
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        add_html_anchors(literal_of(node), cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK,
                         anchors);
        break;
      case CMARK_NODE_FOOTNOTE_DEFINITION: {
        // cmark-gfm and github.com: fn-LABEL and fnref-LABEL; kramdown: fn:LABEL, fnref:LABEL.
        // cmark does not expose the label, and the node starts after it: read `[^label]:` from
        // the start of its line.
        const ByteSpan block = doc.block_span(node);
        const uint32_t line_start = doc.lines().line_start(doc.lines().line_of(block.begin));
        const std::string_view before = doc.source().substr(line_start, block.begin - line_start);
        const size_t open = before.find("[^");
        const size_t close = before.find("]:", open == std::string_view::npos ? 0 : open);
        if (open == std::string_view::npos || close == std::string_view::npos) break;
        const std::string label(before.substr(open + 2, close - open - 2));
        for (const char* prefix : {"fn-", "fnref-", "fn:", "fnref:", "fn", "fnref"})
          anchors.add(prefix + label);
        break;
      }
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return anchors;
}

}  // namespace hanmark
