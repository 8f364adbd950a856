// Paths as URIs (RFC 3986/8089), for SARIF and the LSP server alike: every byte but unreserved
// characters and '/' percent-encoded, as VS Code and Neovim write them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace hanmark {

// `path` as a URI reference: Hangul, spaces, '%', '#', ':' percent-encoded.
std::string percent_encode_path(std::string_view path);
// file:///… of an absolute path.
std::string file_uri(const std::filesystem::path& absolute);

}  // namespace hanmark
