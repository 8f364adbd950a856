// `hanmark lsp`: a Language Server Protocol 3.17 server over stdio (docs/lsp.md). A thin adapter
// over the core: documents are parsed with Document::parse and linted with the Linter their
// configuration gives, as `hanmark check` would; this layer converts positions, schedules lints
// and builds code actions from the diagnostics' fixes.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/rule_threads.h"
#include "lsp/document_store.h"
#include "lsp/lint_scheduler.h"
#include "lsp/protocol.h"
#include "lsp/transport.h"
#include "lsp/workspace.h"

namespace hanmark::lsp {

struct ServerOptions {
  // Changes closer together than this are linted once, this long after the last (see
  // lint_scheduler.h).
  std::chrono::milliseconds lint_delay{50};
  // The workspace's spell resources; null: its own (see Workspace).
  std::shared_ptr<SpellResourcesCache> spell_cache;
};

class Server {
 public:
  explicit Server(MessageWriter& writer, ServerOptions options = {});
  ~Server();

  // Handles one message body; false once the `exit` notification came.
  bool handle(std::string_view body);
  // The process's exit code (LSP): 0 after `shutdown` then `exit` (or the end of input after
  // `shutdown`), 1 without `shutdown`.
  int exit_code() const { return shutdown_ ? 0 : 1; }
  // Blocks until no lint is queued or running (tests).
  void wait_idle() { scheduler_->wait_idle(); }

 private:
  using RequestHandler = json (Server::*)(const json& params);
  using NotificationHandler = void (Server::*)(const json& params);

  void dispatch(const json& message);
  void dispatch_request(const json& id, const std::string& method, const json& params);
  void dispatch_notification(const std::string& method, const json& params);

  // Requests (code actions, hover and commands: server_requests.cpp).
  json initialize(const json& params);
  json shutdown(const json& params);
  json code_action(const json& params);
  json hover(const json& params);
  json execute_command(const json& params);
  // Notifications.
  void initialized(const json& params);
  void did_open(const json& params);
  void did_change(const json& params);
  void did_save(const json& params);
  void did_close(const json& params);
  void did_change_watched_files(const json& params);
  void did_change_configuration(const json& params);

  std::filesystem::path path_of(const std::string& uri) const;
  // Lints a document's current text (either thread).
  std::shared_ptr<const LintResult> lint(const OpenDocument& document);
  // The lint worker's job: lint, then publish unless a newer version overtook it.
  void lint_and_publish(const std::string& uri);
  // The result for a request about the document's current text, linting now if needed.
  std::pair<OpenDocument, std::shared_ptr<const LintResult>> current(const std::string& uri);
  void publish(const std::string& uri, const LintResult& result);
  // Shows the workspace's new configuration problems: on their files, or as messages
  // (server_configuration.cpp).
  void publish_setup_messages();
  // Reads the configuration again, with new settings if given, and re-lints every open document.
  void reload(std::optional<WorkspaceSettings> settings = std::nullopt);
  void send(const json& message) { writer_.write(message); }
  void log(const std::string& message);

  MessageWriter& writer_;
  ServerOptions options_;
  PositionEncoding encoding_ = PositionEncoding::utf16;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool watch_files_dynamically_ = false;
  std::filesystem::path root_;
  int next_request_id_ = 0;
  std::unique_ptr<Workspace> workspace_;  // made by `initialize`, with its options
  DocumentStore store_;
  // Publishing, and deciding whether a result may still be published, happen under this lock,
  // so that didClose's empty diagnostics are never followed by a late lint's.
  std::mutex publish_mutex_;
  std::map<std::filesystem::path, json> config_problems_;  // LSP diagnostics per config file
  // One document's rules run on these and the linting thread (a single edit waits for one lint).
  RuleThreads rule_threads_{RuleThreads::default_helpers()};
  std::unique_ptr<LintScheduler> scheduler_;  // last: stopped first
};

// Serves the LSP on `in` and `out` until `exit` or the end of input; returns the exit code.
int run_language_server(ByteSource& in, std::ostream& out, ServerOptions options = {});
// The same on stdin and stdout (`hanmark lsp`).
int serve_stdio(ServerOptions options = {});

}  // namespace hanmark::lsp
