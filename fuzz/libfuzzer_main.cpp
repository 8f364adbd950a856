// The libFuzzer entry of one target: HANMARK_FUZZ_BODY names its body (fuzz/fuzz_targets.h),
// HANMARK_FUZZ_NAME the target.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Loads what the body keeps for the whole run (dictionaries, the default Linter) before the
  // first input is timed.
  const std::string input = hanmark::fuzz::warm_up_input(HANMARK_FUZZ_NAME);
  HANMARK_FUZZ_BODY(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return HANMARK_FUZZ_BODY(data, size);
}
