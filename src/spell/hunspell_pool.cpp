#include "spell/hunspell_pool.h"

#include <hunspell/hunspell.hxx>

namespace hanmark {

HunspellPool::HunspellPool(std::unique_ptr<Hunspell> first, Loader load, size_t max_instances)
    : load_(std::move(load)), max_instances_(std::max<size_t>(1, max_instances)) {
  idle_.push_back(first.get());
  instances_.push_back(std::move(first));
}

HunspellPool::~HunspellPool() = default;

HunspellPool::Lease HunspellPool::acquire() const {
  std::unique_lock lock(mutex_);
  if (idle_.empty() && instances_.size() + loading_ < max_instances_) {
    ++loading_;
    lock.unlock();
    std::unique_ptr<Hunspell> loaded = load_();
    lock.lock();
    --loading_;
    Hunspell* instance = loaded.get();
    instances_.push_back(std::move(loaded));
    return Lease(*this, instance);
  }
  idle_changed_.wait(lock, [&] { return !idle_.empty(); });
  Hunspell* instance = idle_.back();
  idle_.pop_back();
  return Lease(*this, instance);
}

void HunspellPool::release(Hunspell* instance) const {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(instance);
  }
  idle_changed_.notify_one();
}

size_t HunspellPool::size() const {
  std::lock_guard lock(mutex_);
  return instances_.size();
}

}  // namespace hanmark
