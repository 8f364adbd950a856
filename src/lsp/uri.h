// file:// URIs (RFC 8089) and paths. Documents keep the URI their client sent, byte for byte;
// URIs the server makes (configuration files) percent-encode all but unreserved characters and
// '/', as VS Code and Neovim do.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hanmark::lsp {

// The local path of a file URI ("file:///a/b%20c.md", "file://localhost/a"); nullopt for other
// schemes (untitled:, …) and remote hosts.
std::optional<std::filesystem::path> path_of_uri(std::string_view uri);

// The file URI of an absolute path.
std::string uri_of_path(const std::filesystem::path& path);

}  // namespace hanmark::lsp
