// Reading a whole file, for every front end (CLI, LSP) and the configuration's rule files.
#pragma once

#include <string>

namespace hanmark {

// Reads a whole file; on failure returns false and sets `error` (the reason).
bool read_file(const std::string& path, std::string& bytes, std::string& error);

}  // namespace hanmark
