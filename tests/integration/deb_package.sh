#!/usr/bin/env bash
# cpack -G DEB (cmake/packaging.cmake): the package's name, control fields and files; Depends
# names the package of every shared library hanmark links (dpkg-shlibdeps) and the hunspell
# dictionaries; the unpacked tree lints a post with its own data; and, where the machine allows a
# private overlay of / (root, unshare, overlayfs), apt installs the .deb there.
source "$(dirname "$0")/lib.sh"
: "${HANMARK_BUILD_DIR:?run through ctest}"
require_command cpack
require_command dpkg-deb
require_command dpkg-shlibdeps # CPACK_DEBIAN_PACKAGE_SHLIBDEPS (package dpkg-dev)
unset HANMARK_DATA_DIR

tmp="$(make_temp_dir)"
# cpack first builds the build tree's `preinstall` target (nothing to do when ctest runs after a
# build; on a stale tree it rebuilds, and takes longer), then stages and packs in the output dir.
cpack -G DEB --config "$HANMARK_BUILD_DIR/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
  fail "cpack -G DEB failed: $(tail -n 20 "$tmp/cpack.log")"
version="$("$HANMARK_BINARY" --version | head -n 1 | cut -d ' ' -f 2)"
deb="$tmp/out/hanmark_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "no $(basename "$deb"); cpack made: $(ls "$tmp/out")"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = hanmark ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), expected $version"
for name in Maintainer Description Homepage; do
  [ -n "$(field "$name")" ] || fail "the control file has no $name"
done

# Depends' package names, one a line, without version constraints.
depends="$(field Depends | sed 's/[,|]/\n/g' | sed 's/(.*//; s/[[:space:]]//g' | sed '/^$/d')"
has_dependency() { grep -qxF "$1" <<<"$depends"; }
for name in hunspell-en-us hunspell-ko; do
  has_dependency "$name" || fail "Depends lacks $name: $(field Depends)"
done
! grep -q -- '-dev$' <<<"$depends" || fail "Depends names a -dev package: $(field Depends)"

root="$tmp/root"
dpkg-deb -x "$deb" "$root"
root="$(cd "$root" && pwd -P)"
installed="$root/usr/bin/hanmark"
[ -x "$installed" ] || fail "the .deb has no usr/bin/hanmark: $(dpkg-deb -c "$deb")"

# The package owning a library; dpkg knows it under /lib or /usr/lib (merged /usr).
owner() {
  local path
  for path in "$1" "/usr$1" "${1#/usr}" "$(readlink -f "$1")"; do
    dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d : -f 1 && return
  done
}
libraries=0
while read -r library; do
  package="$(owner "$library")"
  [ -n "$package" ] || fail "no Debian package owns $library"
  has_dependency "$package" || fail "Depends lacks $package (for $library): $(field Depends)"
  libraries=$((libraries + 1))
done < <(ldd "$installed" | awk '$3 ~ /^\// { print $3 }')
[ "$libraries" -ge 6 ] || fail "ldd found only $libraries libraries for $installed"

contents="$(dpkg-deb -c "$deb" | awk '{ print $6 }')"
for file in ./usr/bin/hanmark ./usr/share/hanmark/dictionaries/typos-en.tsv \
  ./usr/share/hanmark/dictionaries/glossary.toml ./usr/share/hanmark/rules/spelling/typo.md \
  ./usr/share/doc/hanmark/README.md; do
  grep -qxF "$file" <<<"$contents" || fail "the .deb lacks $file"
done
docs="$(grep -c '^\./usr/share/hanmark/rules/.*\.md$' <<<"$contents")"
sources="$(find "$HANMARK_SOURCE_DIR/rules" -name '*.md' | wc -l)"
[ "$docs" -eq "$sources" ] || fail "the .deb has $docs rule docs, the source tree $sources"

# The unpacked tree runs from anywhere on the data it carries.
mkdir "$tmp/work"
cd "$tmp/work" || fail "cannot enter $tmp/work"
cp "$HANMARK_SOURCE_DIR/examples/sample-post.md" .
assert_contains "$("$installed" --version)" "data: $root/usr/share/hanmark" "unpacked --version"
status=0
report="$("$installed" check --no-config --color never sample-post.md 2>&1)" || status=$?
[ "$status" -eq 1 ] || fail "unpacked hanmark exited with $status: $report"
assert_contains "$report" "sample-post.md:9:12: warning: 'recieve' is a common misspelling of 'receive' [typo]" \
  "unpacked hanmark on examples/sample-post.md"
assert_contains "$("$installed" explain typo)" "$(head -n 1 "$root/usr/share/hanmark/rules/spelling/typo.md")" \
  "unpacked hanmark explain typo"

# apt install into a throwaway overlay of / (the machine's own / is never written).
overlay="$tmp/overlay"
mkdir -p "$overlay/upper" "$overlay/work" "$overlay/merged"
mount_overlay="mount -t overlay overlay -o lowerdir=/,upperdir=$overlay/upper,workdir=$overlay/work $overlay/merged"
can_overlay() {
  [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && command -v apt-get >/dev/null &&
    unshare -m sh -c "$mount_overlay" 2>/dev/null
}
if ! can_overlay; then
  echo "NOTE: no private overlay of / here (needs root, unshare, overlayfs): apt install not tried"
else
  others="$(apt-get install -s "$deb" 2>/dev/null | grep '^Inst ' | grep -v '^Inst hanmark ' || true)"
  if [ -n "$others" ]; then
    echo "NOTE: apt would download $(wc -l <<<"$others") packages here: apt install not tried"
  else
    cp "$deb" "$tmp/hanmark.deb"
    status=0
    apt_report="$(unshare -m sh -c "$mount_overlay && mount -t proc proc $overlay/merged/proc &&
      mount --bind /dev $overlay/merged/dev && mount --bind $tmp $overlay/merged/mnt &&
      chroot $overlay/merged sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q /mnt/hanmark.deb >/dev/null &&
        cd / && hanmark --version && hanmark check --no-config --color never /mnt/work/sample-post.md'" 2>&1)" ||
      status=$?
    [ "$status" -eq 1 ] || fail "apt install in an overlay, then hanmark check: exit $status: $apt_report"
    assert_contains "$apt_report" "data: /usr/share/hanmark" "apt-installed hanmark --version"
    assert_contains "$apt_report" "'recieve' is a common misspelling of 'receive' [typo]" \
      "apt-installed hanmark"
  fi
fi
echo "deb package: OK"
