// "Did you mean …?" for a misspelt name: the closest candidate by edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hanmark {

// The candidate closest to `name` by Levenshtein distance in bytes (names are ASCII: rule ids,
// keys, directive keywords), if it is close enough to be a slip (at most a third of the
// name's length, and at least 2 edits, away); otherwise empty.
std::string nearest_name(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace hanmark
