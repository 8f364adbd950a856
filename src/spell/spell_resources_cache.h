// SpellResources by their options, shared by the configurations that spell alike. A cache that
// outlives a configuration reload (the LSP server keeps one) spares loading the hunspell
// dictionaries again (about a second for Korean) when the spelling did not change, and when it
// only gained words (a word added to a dictionary): the loaded spellers then learn the new words
// (SpellResources::extended).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

#include "spell/spell_resources.h"

namespace hanmark {

class SpellResourcesCache {
 public:
  // The resources for `options`: those cached; else resources the current generation has not
  // used, extended with the words `options` adds (they leave the cache: their spellers change);
  // else new ones. Thread-safe.
  std::shared_ptr<const SpellResources> get(const SpellOptions& options);

  // Starts a generation (the configuration is read again). Resources that neither it nor the
  // previous one used are dropped.
  void next_generation();

  // What get() did so far (tests).
  struct Counts {
    size_t reused = 0;
    size_t extended = 0;
    size_t created = 0;
  };
  Counts counts() const;
  size_t size() const;

 private:
  struct Entry {
    std::shared_ptr<SpellResources> resources;
    uint64_t last_used = 0;  // generation
  };

  mutable std::mutex mutex_;
  std::map<SpellOptions, Entry> entries_;
  uint64_t generation_ = 0;
  Counts counts_;
};

}  // namespace hanmark
