#!/usr/bin/env bash
# Quick start: install the dependencies, build hanmark, and lint the bundled sample post.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target hanmark
echo
echo "\$ build/hanmark check --extend-select spelling examples/sample-post.md"
build/hanmark check --extend-select spelling examples/sample-post.md || true
