// The open documents: the text the client sent (kept byte for byte, CRLF included), its version,
// and the diagnostics of the latest version linted. didChange edits are applied here, in the
// negotiated position encoding.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "lsp/position_encoding.h"
#include "lsp/workspace.h"
#include "markdown/document.h"

namespace hanmark::lsp {

// What linting one version of a document found.
struct LintResult {
  uint64_t revision = 0;  // of the OpenDocument linted
  int64_t version = 0;
  std::shared_ptr<const Document> doc;  // the linted text, parsed
  std::vector<Diagnostic> diagnostics;
  LinterRef linter;  // null when the document's configuration has errors (nothing was linted)
};

// One TextDocumentContentChangeEvent: the whole text, or a range replaced.
struct TextChange {
  std::optional<LspRange> range;
  std::string text;
};

// Applies one change to `text`; positions out of range are clamped as the spec says.
void apply_change(std::string& text, const TextChange& change, PositionEncoding encoding);

struct OpenDocument {
  std::string uri;             // as the client sent it
  std::filesystem::path path;  // for configuration lookup and relative links
  std::string text;
  int64_t version = 0;
  // Counts the server's own changes (open, each didChange): a document closed and opened again
  // with the same version number is still another text.
  uint64_t revision = 0;
  std::shared_ptr<const LintResult> result;  // of some revision, maybe older than `revision`
  bool result_is_current() const { return result && result->revision == revision; }
};

// Thread-safe: the main thread edits, the lint worker reads.
class DocumentStore {
 public:
  void open(OpenDocument document);
  // Applies didChange's changes in order; false for a document that is not open.
  bool change(const std::string& uri, int64_t version, const std::vector<TextChange>& changes,
              PositionEncoding encoding);
  bool close(const std::string& uri);

  // A copy of the document, or nullopt when it is not open.
  std::optional<OpenDocument> get(const std::string& uri) const;
  std::vector<std::string> uris() const;
  // The document's version, or nullopt when it is not open.
  std::optional<int64_t> version(const std::string& uri) const;
  // Keeps `result` when it is for the document's current revision; false when the document
  // moved on or was closed (the result is stale and must not be published).
  bool set_result(const std::string& uri, std::shared_ptr<const LintResult> result);

 private:
  mutable std::mutex mutex_;
  uint64_t revisions_ = 0;
  std::map<std::string, OpenDocument> documents_;
};

}  // namespace hanmark::lsp
