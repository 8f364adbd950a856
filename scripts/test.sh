#!/usr/bin/env bash
# Builds hanmark with its tests and runs the whole suite (unit, fixture, CLI and seed tests).
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DHANMARK_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
