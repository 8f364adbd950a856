// Everything a `#fragment` link can land on in a post: GitHub heading slugs, custom heading ids
// (`## 설치 {#install}`, `## 설치 {/*install*/}`), HTML `id`/`name` attributes and headings,
// attribute lists (`{: #id}`) and footnotes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "markdown/document.h"

namespace hanmark {

class Anchors {
 public:
  // True when `fragment` (without '#', as written: percent-encoded or not, any case) lands
  // somewhere: an anchor of the post, the top of the page ("", "top") or a GitHub line
  // reference ("L20", "L19C5-L21C11").
  bool contains(std::string_view fragment) const;

  // The anchor closest to `fragment` in spelling, when one is close enough to be a slip. The
  // first call indexes the anchors (not thread-safe: an Anchors belongs to one rule run).
  std::optional<std::string> closest(std::string_view fragment) const;
  // Work closest() has done so far, in edit-distance table rows (tests: it must not grow with
  // the number of anchors).
  size_t suggestion_steps() const;

  void add(std::string name);
  bool empty() const { return names_.empty(); }

 private:
  std::vector<std::string> names_;          // as generated or written, for suggestions
  std::unordered_set<std::string> folded_;  // fold_fragment() of each name
  struct Suggestions;
  mutable std::shared_ptr<const Suggestions> suggestions_;  // names_ indexed, for closest()
};

Anchors collect_anchors(const Document& doc);

}  // namespace hanmark
