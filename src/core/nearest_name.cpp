#include "core/nearest_name.h"

#include <algorithm>

#include "core/edit_distance.h"

namespace hanmark {

std::string nearest_name(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, name.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    const size_t distance = edit_distance(name, std::string_view(candidate));
    if (distance < best_distance) best = candidate, best_distance = distance;
  }
  return best;
}

}  // namespace hanmark
