#include "markdown/document.h"

#include <cmark-gfm.h>

#include "core/utf8.h"
#include "markdown/front_matter.h"
#include "markdown/gfm_parser.h"
#include "markdown/node.h"
#include "markdown/prose_builder.h"
#include "markdown/table_positions.h"

namespace hanmark {

namespace {

// What cmark parses: the source with front matter blanked (line structure kept) and every byte
// that is not valid UTF-8, or NUL, replaced by '?', so that cmark's byte columns stay true.
// Most posts need neither: then it is `source` itself, else a copy kept in `storage`.
std::string_view parser_input(std::string_view source,
                              const std::optional<FrontMatter>& front_matter,
                              std::vector<EncodingProblem>& problems, std::string& storage) {
  size_t problem = utf8::find_invalid_or_nul(source, 0);
  if (problem == std::string_view::npos && !front_matter) return source;
  storage.assign(source);
  for (; problem != std::string_view::npos;
       problem = utf8::find_invalid_or_nul(storage, problem + 1)) {
    problems.push_back({static_cast<uint32_t>(problem), storage[problem] == '\0'});
    storage[problem] = '?';
  }
  if (front_matter) {
    for (uint32_t i = front_matter->span.begin; i < front_matter->span.end; ++i)
      if (storage[i] != '\n' && storage[i] != '\r') storage[i] = ' ';
  }
  return storage;
}

}  // namespace

Document::Document(std::string path, std::string source)
    : path_(std::move(path)), source_(std::move(source)), lines_(source_) {}

Document::~Document() {
  if (root_) cmark_node_free(root_);
}

void Document::drop_syntax_tree() {
  if (root_) cmark_node_free(root_);
  root_ = nullptr;
  prose_ = {};
  prose_index_ = {};
  corrected_spans_ = {};
}

std::unique_ptr<Document> Document::parse(std::string path, std::string source) {
  std::unique_ptr<Document> doc(new Document(std::move(path), std::move(source)));
  const std::string_view src = doc->source_;
  doc->has_bom_ = src.substr(0, 3) == "\xEF\xBB\xBF";
  doc->front_matter_ = find_front_matter(src, doc->has_bom_ ? 3 : 0);
  std::string storage;
  const std::string_view input =
      parser_input(src, doc->front_matter_, doc->encoding_problems_, storage);
  doc->root_ = parse_gfm(input, CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES);

  // One walk over the blocks: tables get their positions corrected and prose blocks are listed.
  // Their runs are built after it, since a table corrects the paragraph before it.
  std::vector<std::pair<cmark_node*, ProseRun::Block>> prose_blocks;
  visit_nodes(doc->root_, [&](cmark_node* node) {
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_PARAGRAPH) {
      prose_blocks.emplace_back(node, ProseRun::Block::paragraph);
    } else if (type == CMARK_NODE_HEADING) {
      prose_blocks.emplace_back(node, ProseRun::Block::heading);
    } else if (type == CMARK_NODE_TABLE_CELL) {
      prose_blocks.emplace_back(node, ProseRun::Block::table_cell);
    } else {
      if (type == CMARK_NODE_TABLE)
        correct_table_positions(input, doc->lines_, node, doc->corrected_spans_);
      return true;
    }
    return false;  // inline content: no blocks inside
  });
  doc->prose_.reserve(prose_blocks.size());
  doc->prose_index_.reserve(prose_blocks.size());
  for (const auto& [node, kind] : prose_blocks) {
    doc->prose_index_.emplace(node, doc->prose_.size());
    doc->prose_.push_back(build_prose_run(*doc, input, node, kind));
  }
  return doc;
}

uint32_t Document::offset_of(int line, int column) const {
  return lines_.offset_of_byte_column(static_cast<uint32_t>(std::max(line, 1)),
                                      static_cast<uint32_t>(std::max(column, 1)));
}

ByteSpan Document::block_span(cmark_node* node) const {
  if (const auto it = corrected_spans_.find(node); it != corrected_spans_.end()) return it->second;
  const int start_line = cmark_node_get_start_line(node);
  if (start_line < 1) return {};
  const int end_line = std::max(cmark_node_get_end_line(node), start_line);
  const uint32_t begin = offset_of(start_line, cmark_node_get_start_column(node));
  const uint32_t last = std::min<uint32_t>(static_cast<uint32_t>(end_line), lines_.line_count());
  return {begin, std::max(begin, lines_.line_content(last).end)};
}

const ProseRun* Document::prose_of(cmark_node* block) const {
  const auto it = prose_index_.find(block);
  return it == prose_index_.end() ? nullptr : &prose_[it->second];
}

std::string plain_text(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* child = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        text.append(literal_of(child));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return text;
}

}  // namespace hanmark
