# shellcheck shell=bash
# Sourced by the install scripts: which Debian packages are missing, and installing them.

# Prints the packages of "$@" that dpkg does not have installed, one per line.
missing_packages() {
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      echo "$package"
  done
}

# Installs "$@" with apt-get (through sudo unless root); nothing to do when empty.
install_packages() {
  [ $# -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: $*"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@"
}
