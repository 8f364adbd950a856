// One parsed post: its exact bytes, line index, front matter, cmark-gfm AST and prose runs.
// Built once per file; read-only afterwards, so rules may share it across threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/line_index.h"
#include "core/span.h"
#include "markdown/prose_run.h"

struct cmark_node;

namespace hanmark {

struct FrontMatter {
  enum class Format { yaml, toml };
  Format format;
  ByteSpan span;     // from the opening fence through the closing fence's line
  ByteSpan content;  // between the fences
};

// A byte that is not valid UTF-8 (or a NUL byte); cmark sees '?' in its place.
struct EncodingProblem {
  uint32_t offset;
  bool nul;
};

class Document {
 public:
  // Parses `source` (kept byte for byte: BOM, CRLF and invalid bytes stay as read).
  static std::unique_ptr<Document> parse(std::string path, std::string source);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& path() const { return path_; }
  std::string_view source() const { return source_; }
  std::string_view slice(ByteSpan span) const { return source().substr(span.begin, span.size()); }
  const LineIndex& lines() const { return lines_; }
  bool has_bom() const { return has_bom_; }
  const std::optional<FrontMatter>& front_matter() const { return front_matter_; }
  const std::vector<EncodingProblem>& encoding_problems() const { return encoding_problems_; }

  cmark_node* root() const { return root_; }
  // Source bytes of a block node: from its start column to the end of its last line (cmark's
  // block lines are reliable, its table positions are corrected; a table cell ends at its pipe).
  // Empty for a block with no position.
  ByteSpan block_span(cmark_node* node) const;
  // Byte offset of cmark's 1-based (line, byte column).
  uint32_t offset_of(int line, int column) const;

  // Frees the syntax tree and the prose built from it, keeping the path, source, line index and
  // front matter: all a report needs once the rules have run. `hanmark check` calls it on the
  // thread that linted the post, so that the tree is freed where it was allocated (freed on the
  // output thread, it made the two threads wait on each other's malloc arenas). root() is null
  // and prose() empty afterwards.
  void drop_syntax_tree();

  // All prose, in document order: paragraphs, headings and table cells.
  const std::vector<ProseRun>& prose() const { return prose_; }
  // The prose run of a paragraph, heading or table cell node, if it has one.
  const ProseRun* prose_of(cmark_node* block) const;

 private:
  Document(std::string path, std::string source);

  std::string path_;
  std::string source_;
  LineIndex lines_;
  bool has_bom_ = false;
  std::optional<FrontMatter> front_matter_;
  std::vector<EncodingProblem> encoding_problems_;
  cmark_node* root_ = nullptr;
  std::vector<ProseRun> prose_;
  std::unordered_map<cmark_node*, size_t> prose_index_;
  std::unordered_map<cmark_node*, ByteSpan> corrected_spans_;  // see table_positions.h
};

// Plain text of a node's inline content: text and code literals, soft breaks as spaces.
std::string plain_text(cmark_node* node);

}  // namespace hanmark
