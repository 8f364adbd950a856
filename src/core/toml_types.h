// Names of TOML value types for messages about configuration, glossary and rule files.
#pragma once

#include <string_view>

#include <toml++/toml.h>

namespace hanmark {

// "a string", "an array", "a table", … as a message says what it found.
std::string_view toml_type_name(const toml::node& node);

}  // namespace hanmark
