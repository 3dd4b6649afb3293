#!/usr/bin/env bash
# Node.js 24 (the current LTS, package.json "engines") for this shell.
#   source scripts/use-node.sh        puts it first on PATH
#   bash scripts/use-node.sh --bin    prints the folder of its `node`
# The machine's node is used when it is new enough; otherwise the official Node.js binaries are
# installed from the npm registry (the node-linux-<arch> package, no install script) into .ci/node,
# once, and used from there. Needs npm (Debian: apt-get install npm, which scripts/system-deps.sh does).
_baqylau_node_major=24
_baqylau_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_baqylau_node_bin() {
  local have
  have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$have" -ge "$_baqylau_node_major" ]; then
    dirname "$(command -v node)"
    return 0
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "use-node.sh: no Node.js binaries package for $(uname -m)" >&2 && return 1 ;;
  esac
  local prefix="$_baqylau_root/.ci/node"
  local bin="$prefix/node_modules/node-linux-$arch/bin"
  if ! "$bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null | grep -qx "$_baqylau_node_major"; then
    echo "Node.js $(node --version 2>/dev/null || echo missing) is older than $_baqylau_node_major: installing node-linux-$arch@$_baqylau_node_major into .ci/node" >&2
    npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts --loglevel=error \
      "node-linux-$arch@$_baqylau_node_major" >&2 || return 1
  fi
  echo "$bin"
}
if [ "${1:-}" = "--bin" ]; then
  _baqylau_node_bin
elif _baqylau_dir="$(_baqylau_node_bin)"; then
  export PATH="$_baqylau_dir:$PATH"
  hash -r 2>/dev/null || true
else
  echo "use-node.sh: could not provide Node.js $_baqylau_node_major" >&2
  return 1 2>/dev/null || exit 1
fi
