// hanmark's exit codes (README "Exit codes"): what scripts and CI branch on.
#pragma once

namespace hanmark {

inline constexpr int kExitClean = 0;     // nothing at or above --fail-on
inline constexpr int kExitFindings = 1;  // findings at or above --fail-on
inline constexpr int kExitFailure = 2;   // bad usage, configuration, or a file that cannot be read

}  // namespace hanmark
