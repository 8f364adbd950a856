// Hunspell instances of one dictionary, each used by one thread at a time (hunspell is not
// thread-safe). Starts with one; when every instance is busy it loads another, up to a limit, so
// a run over many files uses every core while a single file never loads a second dictionary.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class Hunspell;

namespace hanmark {

class HunspellPool {
 public:
  using Loader = std::function<std::unique_ptr<Hunspell>()>;

  // `first` is the instance already loaded; `load` makes more of the same.
  HunspellPool(std::unique_ptr<Hunspell> first, Loader load, size_t max_instances);
  ~HunspellPool();

  // An instance for the caller's exclusive use until the lease ends.
  class Lease {
   public:
    Lease(const HunspellPool& pool, Hunspell* instance) : pool_(pool), instance_(instance) {}
    ~Lease() { pool_.release(instance_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Hunspell* operator->() const { return instance_; }

   private:
    const HunspellPool& pool_;
    Hunspell* instance_;
  };

  Lease acquire() const;
  size_t size() const;

 private:
  void release(Hunspell* instance) const;

  Loader load_;
  size_t max_instances_;
  mutable std::mutex mutex_;
  mutable std::condition_variable idle_changed_;
  mutable std::vector<std::unique_ptr<Hunspell>> instances_;
  mutable std::vector<Hunspell*> idle_;
  mutable size_t loading_ = 0;
};

}  // namespace hanmark
