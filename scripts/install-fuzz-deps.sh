#!/usr/bin/env bash
# Installs what the libFuzzer targets need (docs/fuzzing.md) from Debian: clang, its runtime
# libraries (libFuzzer, ASan, UBSan: libclang-rt-dev) and ccache; python3 builds the LSP seeds.
# The libraries hanmark itself links come from scripts/install-deps.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/debian_packages.sh
source "$(dirname "$0")/lib/debian_packages.sh"

packages=(clang libclang-rt-dev ccache python3)

mapfile -t missing < <(missing_packages "${packages[@]}")
install_packages "${missing[@]}"
# libFuzzer's runtime must be the one of the clang that links it.
clang_dir=$(clang++ -print-resource-dir)
ls "$clang_dir"/lib/linux/libclang_rt.fuzzer-*.a >/dev/null ||
  { echo "libFuzzer runtime missing under $clang_dir" >&2; exit 1; }
echo "clang $(clang++ -dumpversion) with libFuzzer: ready"
