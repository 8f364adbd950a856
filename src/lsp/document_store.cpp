#include "lsp/document_store.h"

namespace hanmark::lsp {

void apply_change(std::string& text, const TextChange& change, PositionEncoding encoding) {
  if (!change.range) {
    text = change.text;
    return;
  }
  const ByteSpan span = PositionMapper(text, encoding).span(*change.range);
  text.replace(span.begin, span.size(), change.text);
}

void DocumentStore::open(OpenDocument document) {
  const std::lock_guard lock(mutex_);
  document.revision = ++revisions_;
  document.result = nullptr;
  std::string uri = document.uri;
  documents_.insert_or_assign(std::move(uri), std::move(document));
}

bool DocumentStore::change(const std::string& uri, int64_t version,
                           const std::vector<TextChange>& changes, PositionEncoding encoding) {
  const std::lock_guard lock(mutex_);
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return false;
  for (const TextChange& change : changes) apply_change(it->second.text, change, encoding);
  it->second.version = version;
  it->second.revision = ++revisions_;
  return true;
}

bool DocumentStore::close(const std::string& uri) {
  const std::lock_guard lock(mutex_);
  return documents_.erase(uri) > 0;
}

std::optional<OpenDocument> DocumentStore::get(const std::string& uri) const {
  const std::lock_guard lock(mutex_);
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> DocumentStore::version(const std::string& uri) const {
  const std::lock_guard lock(mutex_);
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return std::nullopt;
  return it->second.version;
}

std::vector<std::string> DocumentStore::uris() const {
  const std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [uri, document] : documents_) out.push_back(uri);
  return out;
}

bool DocumentStore::set_result(const std::string& uri, std::shared_ptr<const LintResult> result) {
  const std::lock_guard lock(mutex_);
  const auto it = documents_.find(uri);
  if (it == documents_.end() || it->second.revision != result->revision) return false;
  it->second.result = std::move(result);
  return true;
}

}  // namespace hanmark::lsp
