#pragma once

namespace hanmark {

// The hanmark command line; returns the process exit code (0 clean, 1 findings, 2 failure).
int run_cli(int argc, char** argv);

}  // namespace hanmark
