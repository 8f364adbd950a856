// term-consistency with a glossary given by the caller (a project's own, or a test's) in place
// of the one shipped in dictionaries/glossary.toml (nullptr: the shipped one).
#pragma once

#include <memory>

#include "engine/rule.h"
#include "text/glossary.h"

namespace hanmark {

std::unique_ptr<Rule> make_term_consistency(std::shared_ptr<const Glossary> glossary);

}  // namespace hanmark
