#!/usr/bin/env bash
# Installs Concord's dependencies when they are missing or older than package-lock.json.
# The install itself runs on Node 22 from the npm registry (the machine may only have Node 20):
# an install run by Node 20 silently skips Hardhat's native EDR binding. After it, npm scripts
# run on node_modules/.bin/node (Node 22), which npm puts first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
node_version=$(sed -n 's/^ *"node": "\([0-9][0-9.]*\)",\{0,1\}$/\1/p' package.json | head -n 1)
if [ -z "$node_version" ]; then
  echo "ensure-deps: no pinned \"node\" devDependency in package.json" >&2
  exit 1
fi
if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies with Node ${node_version} from the npm registry..."
  # `npm install` (not `npm ci`): it installs the versions pinned in package-lock.json, and tolerates the
  # other platforms' optional EDR binaries that this registry does not serve, which `npm ci` refuses.
  npx -y -p "node@${node_version}" -- npm install --no-audit --no-fund
fi
