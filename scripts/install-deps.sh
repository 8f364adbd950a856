#!/usr/bin/env bash
# Installs hanmark's build and run-time dependencies from Debian's packages (Debian 12).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/debian_packages.sh
source "$(dirname "$0")/lib/debian_packages.sh"

packages=(
  build-essential cmake pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libicu-dev
  libhunspell-dev hunspell-en-us hunspell-ko
  libtomlplusplus-dev doctest-dev nlohmann-json3-dev libcli11-dev libmimalloc-dev
)

mapfile -t missing < <(missing_packages "${packages[@]}")
install_packages "${missing[@]}"
