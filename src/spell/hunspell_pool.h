// Hunspell instances of one dictionary, each used by one thread at a time (hunspell is not
// thread-safe). Starts with one (or none); when every instance is busy it loads another, up to a
// limit, so a run over many files uses every core while a single file never loads a second
// dictionary.
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
  using Change = std::function<void(Hunspell&)>;

  // `first` is the instance already loaded (null: none yet); `load` makes more of the same.
  HunspellPool(std::unique_ptr<Hunspell> first, Loader load, size_t max_instances);
  ~HunspellPool();

 private:
  struct Instance;

 public:
  // An instance for the caller's exclusive use until the lease ends.
  class Lease {
   public:
    Lease(const HunspellPool& pool, Instance* instance) : pool_(pool), instance_(instance) {}
    ~Lease() { pool_.release(instance_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Hunspell* operator->() const;

   private:
    const HunspellPool& pool_;
    Instance* instance_;
  };

  Lease acquire() const;
  // Applies `change` (words to add) to every instance, those loaded later included. An instance
  // leased now gets it when it is next acquired, so no lease sees its instance change.
  void change_all(Change change);
  size_t size() const;

 private:
  void release(Instance* instance) const;
  // Applies the changes `instance` has not had yet; the caller holds mutex_.
  void catch_up(Instance& instance) const;

  Loader load_;
  size_t max_instances_;
  mutable std::mutex mutex_;
  mutable std::condition_variable idle_changed_;
  mutable std::vector<std::unique_ptr<Instance>> instances_;
  mutable std::vector<Instance*> idle_;
  mutable size_t loading_ = 0;
  std::vector<Change> changes_;  // in order, under mutex_
};

}  // namespace hanmark
