// A thread-safe cache whose values are computed once per key: concurrent requests for the same
// key wait for the one computation instead of repeating it (hunspell suggestions cost 10–100 ms).
#pragma once

#include <future>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace hanmark {

template <typename Value>
class OnceCache {
 public:
  template <typename Compute>
  Value get(const std::string& key, Compute compute) const {
    {
      std::shared_lock lock(mutex_);
      if (auto it = entries_.find(key); it != entries_.end()) {
        const auto pending = it->second;
        lock.unlock();
        return pending.get();
      }
    }
    std::promise<Value> promise;
    const std::shared_future<Value> future = promise.get_future().share();
    {
      std::unique_lock lock(mutex_);
      auto [it, inserted] = entries_.try_emplace(key, future);
      if (!inserted) {
        const auto pending = it->second;
        lock.unlock();
        return pending.get();
      }
    }
    try {
      promise.set_value(compute());
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
    return future.get();
  }

  // Forgets every value. A computation under way still answers those already waiting for it.
  void clear() {
    std::unique_lock lock(mutex_);
    entries_.clear();
  }

 private:
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_future<Value>> entries_;
};

}  // namespace hanmark
