#include "spell/hunspell_clock.h"

#include <dlfcn.h>

#include <ctime>

extern "C" clock_t clock() noexcept {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
  return static_cast<clock_t>(now.tv_sec) * CLOCKS_PER_SEC +
         static_cast<clock_t>(now.tv_nsec / (1'000'000'000 / CLOCKS_PER_SEC));
}

namespace hanmark {

bool clock_is_coarse() {
  return dlsym(RTLD_DEFAULT, "clock") == reinterpret_cast<void*>(&::clock);
}

}  // namespace hanmark
