#include "spell/spell_resources_cache.h"

namespace hanmark {

std::shared_ptr<const SpellResources> SpellResourcesCache::get(const SpellOptions& options) {
  const std::lock_guard lock(mutex_);
  if (const auto it = entries_.find(options); it != entries_.end()) {
    ++counts_.reused;
    it->second.last_used = generation_;
    return it->second.resources;
  }
  std::shared_ptr<SpellResources> resources;
  // Resources this generation uses must not change under it: only older ones are extended.
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->second.last_used == generation_) continue;
    if ((resources = it->second.resources->extended(options))) {
      entries_.erase(it);
      ++counts_.extended;
      break;
    }
  }
  if (!resources) {
    resources = SpellResources::create(options);
    ++counts_.created;
  }
  entries_.emplace(options, Entry{resources, generation_});
  return resources;
}

void SpellResourcesCache::next_generation() {
  const std::lock_guard lock(mutex_);
  ++generation_;
  std::erase_if(entries_,
                [&](const auto& entry) { return entry.second.last_used + 1 < generation_; });
}

SpellResourcesCache::Counts SpellResourcesCache::counts() const {
  const std::lock_guard lock(mutex_);
  return counts_;
}

size_t SpellResourcesCache::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace hanmark
