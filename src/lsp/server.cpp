#include "lsp/server.h"

#include <csignal>
#include <iostream>
#include <unordered_map>

#include "lsp/code_actions.h"
#include "lsp/lsp_diagnostic.h"
#include "lsp/uri.h"

namespace hanmark::lsp {

namespace fs = std::filesystem;

namespace {

// capabilities.a.b.c == true
bool flag(const json& object, std::initializer_list<const char*> path) {
  const json* at = &object;
  for (const char* key : path) at = &member(*at, key);
  return at->is_boolean() && at->get<bool>();
}

std::vector<std::string> offered_encodings(const json& capabilities) {
  std::vector<std::string> out;
  for (const json& item : member(member(capabilities, "general"), "positionEncodings"))
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

}  // namespace

Server::Server(MessageWriter& writer, ServerOptions options)
    : writer_(writer),
      options_(options),
      scheduler_(std::make_unique<LintScheduler>(
          [this](const std::string& uri) { lint_and_publish(uri); }, options.lint_delay)) {}

Server::~Server() {
  scheduler_.reset();  // joins the worker before the members it uses go
}

void Server::log(const std::string& message) {
  std::cerr << "hanmark lsp: " << message << std::endl;
}

bool Server::handle(std::string_view body) {
  json message;
  try {
    message = json::parse(body);
  } catch (const json::parse_error& e) {
    send(error_response(nullptr, error_code::kParseError, std::string("parse error: ") + e.what()));
    return true;
  }
  if (member(message, "method") == "exit") return false;
  dispatch(message);
  return true;
}

void Server::dispatch(const json& message) {
  const json& method = member(message, "method");
  const bool has_id = message.is_object() && message.contains("id");
  // JSON-RPC: an error about a request whose id could be read carries that id.
  const auto valid_id = [](const json& id) { return id.is_string() || id.is_number_integer(); };
  if (!method.is_string()) {
    if (has_id && (message.contains("result") || message.contains("error"))) {
      // A client's answer to one of our requests (registerCapability): nothing waits for it.
      // Only the error's message is logged: the rest may be anything (dump() of a deeply nested
      // value recurses as deep).
      if (const json& error = member(message, "error"); !error.is_null()) {
        const json& text = member(error, "message");
        log("client answered with an error: " +
            (text.is_string() ? text.get<std::string>().substr(0, 500) : std::string("?")));
      }
      return;
    }
    const json& id = member(message, "id");
    send(error_response(valid_id(id) ? id : json(nullptr), error_code::kInvalidRequest,
                        "not a JSON-RPC request"));
    return;
  }
  const json& params = member(message, "params");
  if (!has_id) return dispatch_notification(method.get<std::string>(), params);
  const json& id = message["id"];
  if (!valid_id(id)) {
    send(
        error_response(nullptr, error_code::kInvalidRequest, "a request id is a number or string"));
    return;
  }
  dispatch_request(id, method.get<std::string>(), params);
}

void Server::dispatch_request(const json& id, const std::string& method, const json& params) {
  static const std::unordered_map<std::string, RequestHandler> handlers = {
      {"initialize", &Server::initialize},
      {"shutdown", &Server::shutdown},
      {"textDocument/codeAction", &Server::code_action},
      {"textDocument/hover", &Server::hover},
      {"workspace/executeCommand", &Server::execute_command},
  };
  const auto it = handlers.find(method);
  if (it == handlers.end())
    return send(error_response(id, error_code::kMethodNotFound, "unhandled method " + method));
  if (!initialized_ && method != "initialize")
    return send(error_response(id, error_code::kServerNotInitialized, "initialize first"));
  if (shutdown_)
    return send(error_response(id, error_code::kInvalidRequest, "the server is shutting down"));
  try {
    send(response(id, (this->*it->second)(params)));
  } catch (const RequestError& e) {
    send(error_response(id, e.code(), e.what()));
  } catch (const json::exception& e) {
    send(error_response(id, error_code::kInvalidParams, e.what()));
  } catch (const std::exception& e) {
    send(error_response(id, error_code::kInternalError, e.what()));
  }
}

void Server::dispatch_notification(const std::string& method, const json& params) {
  static const std::unordered_map<std::string, NotificationHandler> handlers = {
      {"initialized", &Server::initialized},
      {"textDocument/didOpen", &Server::did_open},
      {"textDocument/didChange", &Server::did_change},
      {"textDocument/didSave", &Server::did_save},
      {"textDocument/didClose", &Server::did_close},
      {"workspace/didChangeWatchedFiles", &Server::did_change_watched_files},
      {"workspace/didChangeConfiguration", &Server::did_change_configuration},
  };
  // Unknown notifications ($/cancelRequest, $/setTrace, …) are ignored, as the spec asks; so is
  // everything before `initialize` and after `shutdown`.
  const auto it = handlers.find(method);
  if (it == handlers.end() || !initialized_ || shutdown_) return;
  try {
    (this->*it->second)(params);
  } catch (const std::exception& e) {
    log(method + ": " + e.what());
  }
}

json Server::initialize(const json& params) {
  if (initialized_)
    throw RequestError(error_code::kInvalidRequest, "initialize was already received");
  const json& capabilities = member(params, "capabilities");
  encoding_ = negotiate_encoding(offered_encodings(capabilities));
  watch_files_dynamically_ =
      flag(capabilities, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  std::error_code ec;
  root_ = fs::current_path(ec);
  if (const json& root_uri = member(params, "rootUri"); root_uri.is_string()) {
    if (const auto path = path_of_uri(root_uri.get<std::string>())) root_ = *path;
  } else if (const json& root_path = member(params, "rootPath"); root_path.is_string()) {
    root_ = root_path.get<std::string>();
  }
  workspace_ = std::make_unique<Workspace>(
      WorkspaceSettings::from_json(member(params, "initializationOptions"), {}),
      options_.spell_cache);
  initialized_ = true;

  json code_action_provider = true;
  if (member(member(member(capabilities, "textDocument"), "codeAction"), "codeActionLiteralSupport")
          .is_object())
    code_action_provider = {{"codeActionKinds", {"quickfix", "source.fixAll"}}};
  return {{"capabilities",
           {{"positionEncoding", to_string(encoding_)},
            {"textDocumentSync",
             {{"openClose", true},
              {"change", 2 /* incremental */},
              {"save", {{"includeText", false}}}}},
            {"codeActionProvider", code_action_provider},
            {"hoverProvider", true},
            {"executeCommandProvider", {{"commands", {kAddToDictionaryCommand}}}}}},
          {"serverInfo", {{"name", "hanmark"}, {"version", HANMARK_VERSION}}}};
}

json Server::shutdown(const json&) {
  shutdown_ = true;
  return nullptr;
}

void Server::initialized(const json&) {
  if (watch_files_dynamically_) {
    const json watchers = json::array({{{"globPattern", "**/.hanmark.toml"}},
                                       {{"globPattern", "**/hanmark.toml"}},
                                       {{"globPattern", "**/*.dic"}}});
    send(request(++next_request_id_, "client/registerCapability",
                 {{"registrations",
                   {{{"id", "hanmark-watch-configuration"},
                     {"method", "workspace/didChangeWatchedFiles"},
                     {"registerOptions", {{"watchers", watchers}}}}}}}));
  }
  publish_setup_messages();
}

fs::path Server::path_of(const std::string& uri) const {
  if (const std::optional<fs::path> path = path_of_uri(uri)) return *path;
  return root_ / "untitled.md";  // untitled: documents get the workspace's configuration
}

void Server::did_open(const json& params) {
  const json& item = params.at("textDocument");
  OpenDocument document;
  document.uri = item.at("uri").get<std::string>();
  document.path = path_of(document.uri);
  document.text = item.at("text").get<std::string>();
  document.version = item.at("version").get<int64_t>();
  const std::string uri = document.uri;
  store_.open(std::move(document));
  scheduler_->schedule(uri);
}

void Server::did_change(const json& params) {
  const json& item = params.at("textDocument");
  const std::string uri = item.at("uri").get<std::string>();
  std::vector<TextChange> changes;
  for (const json& change : params.at("contentChanges")) {
    TextChange c;
    if (change.contains("range")) c.range = range_from_json(change["range"]);
    c.text = change.at("text").get<std::string>();
    changes.push_back(std::move(c));
  }
  const int64_t version = item.at("version").get<int64_t>();
  const std::optional<int64_t> before = store_.version(uri);
  if (!before || !store_.change(uri, version, changes, encoding_))
    return log("didChange for a document that is not open: " + uri);
  // Versions must increase, but the client made these edits to its text: applied all the same
  // (as clangd and rust-analyzer do), or every later incremental edit would land on a wrong text.
  if (version <= *before)
    log("didChange: version " + std::to_string(version) + " of " + uri + " is not newer than " +
        std::to_string(*before) + "; applied as sent");
  scheduler_->schedule(uri);
}

void Server::did_save(const json& params) {
  // Other files may have changed with it (link targets): lint again. Only open documents: the
  // scheduler remembers each document it saw until it is closed.
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  if (store_.version(uri)) scheduler_->schedule(uri);
}

void Server::did_close(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  scheduler_->cancel(uri);
  const std::lock_guard lock(publish_mutex_);
  if (store_.close(uri))
    send(notification("textDocument/publishDiagnostics", publish_params(uri, {}, json::array())));
}

std::shared_ptr<const LintResult> Server::lint(const OpenDocument& document) {
  auto result = std::make_shared<LintResult>();
  result->revision = document.revision;
  result->version = document.version;
  result->linter = workspace_->linter_for(document.path);
  result->doc = Document::parse(document.path.string(), document.text);
  if (result->linter)
    result->diagnostics = result->linter.linter->lint(*result->doc, rule_threads_);
  return result;
}

void Server::lint_and_publish(const std::string& uri) {
  try {
    const std::optional<OpenDocument> document = store_.get(uri);
    if (!document) return;
    const std::shared_ptr<const LintResult> result = lint(*document);
    publish_setup_messages();
    const std::lock_guard lock(publish_mutex_);
    if (store_.set_result(uri, result)) publish(uri, *result);
  } catch (const std::exception& e) {
    log("linting " + uri + " failed: " + e.what());
  }
}

std::pair<OpenDocument, std::shared_ptr<const LintResult>> Server::current(const std::string& uri) {
  std::optional<OpenDocument> document = store_.get(uri);
  if (!document) throw RequestError(error_code::kInvalidParams, "document is not open: " + uri);
  if (document->result_is_current()) return {*document, document->result};
  std::shared_ptr<const LintResult> result = lint(*document);
  store_.set_result(uri, result);
  publish_setup_messages();
  return {std::move(*document), std::move(result)};
}

void Server::publish(const std::string& uri, const LintResult& result) {
  const PositionMapper mapper(result.doc->source(), encoding_);
  writer_.write_body(publish_diagnostics_json(uri, result.version, result.diagnostics, mapper,
                                              result.linter.linter));
}

namespace {

// Garbage on the input is worth a line on stderr: a client or a wrapper script has a bug.
void log_skipped(MessageReader& reader) {
  const MessageReader::Skipped skipped = reader.take_skipped();
  if (skipped.bytes > 0) std::cerr << "hanmark lsp: " << describe(skipped) << std::endl;
}

}  // namespace

int run_language_server(ByteSource& in, std::ostream& out, ServerOptions options) {
  MessageWriter writer(out);
  Server server(writer, options);
  MessageReader reader(in);
  while (const std::optional<std::string> body = reader.next()) {
    log_skipped(reader);
    if (!server.handle(*body)) break;
  }
  log_skipped(reader);
  return server.exit_code();
}

int serve_stdio(ServerOptions options) {
  // A client that goes away must not kill us mid-write: the write fails, the input ends.
  std::signal(SIGPIPE, SIG_IGN);
  FdSource in(0);
  return run_language_server(in, std::cout, options);
}

}  // namespace hanmark::lsp
