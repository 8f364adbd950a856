#include "config/did_you_mean.h"

#include "core/nearest_name.h"

namespace hanmark {

std::string did_you_mean_hint(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best = nearest_name(name, candidates);
  if (best.empty() && name.size() >= 3)
    for (const std::string& candidate : candidates)
      if (candidate.starts_with(name)) {
        best = candidate;
        break;
      }
  return best.empty() || best == name ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace hanmark
