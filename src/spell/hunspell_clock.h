// hunspell calls clock() on every compound-word check, to bound its search time. glibc's clock()
// is a process CPU-time system call (no vDSO fast path): ~1 µs in a VM, a fifth of the time of a
// Korean spell check. hanmark defines clock() itself, read from the coarse monotonic clock (vDSO,
// tens of nanoseconds); the symbol is exported, so libhunspell's calls bind to it. hunspell's
// limit (a quarter second per word) thus counts wall time instead of the CPU time of every
// thread, which only pathological words ever reach either way.
#pragma once

namespace hanmark {

// True when the process-wide clock() is hanmark's (the one shared libraries call).
bool clock_is_coarse();

}  // namespace hanmark
