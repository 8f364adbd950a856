// The server's configuration side: reading it again when files or settings change, and showing
// its problems (diagnostics on the configuration file, or messages).
#include <set>

#include "core/file_io.h"
#include "core/line_index.h"
#include "lsp/lsp_diagnostic.h"
#include "lsp/server.h"
#include "lsp/uri.h"

namespace hanmark::lsp {

namespace fs = std::filesystem;

namespace {

// A configuration problem as an LSP diagnostic on its file: from its line and column to the end
// of that line.
json config_problem(const SetupMessage& message, const fs::path& file, PositionEncoding encoding) {
  std::string text, reason;
  read_file(file.string(), text, reason);
  ByteSpan span;
  if (message.line > 0) {
    const LineIndex lines(text);
    const uint32_t line = std::min(message.line, lines.line_count());
    span.end = lines.line_content(line).end;
    span.begin = std::min(lines.offset_of({line, std::max<uint32_t>(message.column, 1)}), span.end);
  }
  return {{"range", to_json(PositionMapper(text, encoding).range(span))},
          {"severity",
           message.level == SetupMessage::Level::error ? severity::kError : severity::kWarning},
          {"source", kSource},
          {"message", message.message}};
}

}  // namespace

void Server::did_change_watched_files(const json&) {
  reload();
}

void Server::did_change_configuration(const json& params) {
  const WorkspaceSettings settings =
      WorkspaceSettings::from_json(member(params, "settings"), workspace_->settings());
  if (settings == workspace_->settings()) return reload();
  reload(settings);
}

void Server::reload(std::optional<WorkspaceSettings> settings) {
  {
    // Problems of the old configuration go; those that remain come back as documents are linted.
    const std::lock_guard lock(publish_mutex_);
    for (const auto& [file, diagnostics] : config_problems_)
      send(notification("textDocument/publishDiagnostics",
                        publish_params(uri_of_path(file), {}, json::array())));
    config_problems_.clear();
  }
  if (settings) {
    workspace_->configure(std::move(*settings));
  } else {
    workspace_->reload();
  }
  publish_setup_messages();
  for (const std::string& uri : store_.uris()) scheduler_->schedule(uri);
}

void Server::publish_setup_messages() {
  const std::vector<SetupMessage> messages = workspace_->take_messages();
  if (messages.empty()) return;
  const std::lock_guard lock(publish_mutex_);
  std::set<fs::path> changed;
  for (const SetupMessage& message : messages) {
    if (message.file.empty()) {
      const int type =
          message.level == SetupMessage::Level::error ? severity::kError : severity::kWarning;
      send(notification("window/showMessage", {{"type", type}, {"message", message.text}}));
      continue;
    }
    std::error_code ec;
    const fs::path file = fs::absolute(message.file, ec).lexically_normal();
    json& diagnostics = config_problems_[file];
    if (diagnostics.is_null()) diagnostics = json::array();
    diagnostics.push_back(config_problem(message, file, encoding_));
    changed.insert(file);
  }
  for (const fs::path& file : changed)
    send(notification("textDocument/publishDiagnostics",
                      publish_params(uri_of_path(file), {}, config_problems_[file])));
}

}  // namespace hanmark::lsp
