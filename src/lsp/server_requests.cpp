// The server's requests about a document's findings: code actions, hover, and the command behind
// "add to dictionary".
#include "lsp/code_actions.h"
#include "lsp/hover.h"
#include "lsp/server.h"
#include "spell/personal_dictionary.h"

namespace hanmark::lsp {

namespace fs = std::filesystem;

json Server::code_action(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const auto [document, result] = current(uri);
  const PositionMapper mapper(result->doc->source(), encoding_);
  CodeActionQuery query{uri, mapper.span(range_from_json(params.at("range"))), {}, false};
  const json& context = member(params, "context");
  for (const json& kind : member(context, "only"))
    if (kind.is_string()) query.only.push_back(kind.get<std::string>());
  query.automatic = member(context, "triggerKind") == 2;
  return code_actions(query, *result, mapper);
}

json Server::hover(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const auto [document, result] = current(uri);
  const PositionMapper mapper(result->doc->source(), encoding_);
  return hover_at(*result, mapper, mapper.offset(position_from_json(params.at("position"))));
}

json Server::execute_command(const json& params) {
  const std::string command = params.at("command").get<std::string>();
  if (command != kAddToDictionaryCommand)
    throw RequestError(error_code::kInvalidParams, "unknown command " + command);
  const json& argument = params.at("arguments").at(0);
  const std::string word = argument.at("word").get<std::string>();
  if (word.empty() || word.find_first_of("\r\n/") != std::string::npos)
    throw RequestError(error_code::kInvalidParams, "not a word: '" + word + "'");
  const fs::path dictionary =
      workspace_->dictionary_for(path_of(argument.at("uri").get<std::string>()));
  std::string error;
  if (!add_dictionary_entry(dictionary, dictionary_entry(word), error))
    throw RequestError(error_code::kRequestFailed, error);
  send(notification("window/logMessage",
                    {{"type", severity::kInformation},
                     {"message", "hanmark: added '" + word + "' to " + dictionary.string()}}));
  reload();  // the word list is read with the configuration
  return nullptr;
}

}  // namespace hanmark::lsp
