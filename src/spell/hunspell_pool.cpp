#include "spell/hunspell_pool.h"

#include <hunspell/hunspell.hxx>

#include "spell/hunspell_clock.h"

namespace hanmark {

struct HunspellPool::Instance {
  std::unique_ptr<Hunspell> hunspell;
  size_t changes_applied = 0;  // how many of changes_ it has had
};

Hunspell* HunspellPool::Lease::operator->() const {
  return instance_->hunspell.get();
}

HunspellPool::HunspellPool(std::unique_ptr<Hunspell> first, Loader load, size_t max_instances)
    : load_(std::move(load)), max_instances_(std::max<size_t>(1, max_instances)) {
  // Links hunspell_clock.cpp (and so hanmark's clock()) into every program with a speller.
  [[maybe_unused]] static const bool coarse = clock_is_coarse();
  if (!first) return;
  instances_.push_back(std::make_unique<Instance>(Instance{std::move(first)}));
  idle_.push_back(instances_.back().get());
}

HunspellPool::~HunspellPool() = default;

void HunspellPool::catch_up(Instance& instance) const {
  for (; instance.changes_applied < changes_.size(); ++instance.changes_applied)
    changes_[instance.changes_applied](*instance.hunspell);
}

HunspellPool::Lease HunspellPool::acquire() const {
  std::unique_lock lock(mutex_);
  if (idle_.empty() && instances_.size() + loading_ < max_instances_) {
    ++loading_;
    lock.unlock();
    auto loaded = std::make_unique<Instance>(Instance{load_()});
    lock.lock();
    --loading_;
    Instance* instance = loaded.get();
    instances_.push_back(std::move(loaded));
    catch_up(*instance);
    return Lease(*this, instance);
  }
  idle_changed_.wait(lock, [&] { return !idle_.empty(); });
  Instance* instance = idle_.back();
  idle_.pop_back();
  catch_up(*instance);
  return Lease(*this, instance);
}

void HunspellPool::change_all(Change change) {
  std::lock_guard lock(mutex_);
  changes_.push_back(std::move(change));
  // Idle instances now, so that the next lease does not pay for it.
  for (Instance* instance : idle_) catch_up(*instance);
}

void HunspellPool::release(Instance* instance) const {
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
