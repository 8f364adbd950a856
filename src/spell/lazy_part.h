// A part of SpellResources loaded on first use and then shared by all threads. Resources derived
// from others (SpellResources::extended) may start with the other's part instead of loading it.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>

namespace hanmark {

template <typename T>
class LazyPart {
 public:
  // The part, loaded by `load` (returning a std::shared_ptr<T>) on the first call.
  template <typename Load>
  T& get(Load load) const {
    std::call_once(once_, [&] {
      if (!part_) part_ = load();
      ready_.store(true, std::memory_order_release);
    });
    return *part_;
  }
  // The part if it is loaded; null, without waiting, while it is not (or is being loaded).
  std::shared_ptr<T> if_loaded() const {
    return ready_.load(std::memory_order_acquire) ? part_ : nullptr;
  }
  // Gives the part before anyone else sees this one (a null `part`: load it on first use).
  void adopt(std::shared_ptr<T> part) {
    part_ = std::move(part);
    ready_.store(part_ != nullptr, std::memory_order_release);
  }

 private:
  mutable std::once_flag once_;
  mutable std::shared_ptr<T> part_;
  mutable std::atomic<bool> ready_{false};
};

}  // namespace hanmark
