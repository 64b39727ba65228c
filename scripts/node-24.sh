# Source this file (`. scripts/node-24.sh`) to run Kerro on Node 24 LTS where the machine's Node is
# older. Node 24 comes from the npm registry's `node` package, which carries the binary and its
# headers, so native modules (drivelist, better-sqlite3) build against the runtime that runs them.
kerro_node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$kerro_node_major" -lt 24 ]; then
  kerro_node_prefix="${KERRO_NODE_PREFIX:-$HOME/.local/kerro-node-24}"
  if ! "$kerro_node_prefix/bin/node" --version 2>/dev/null | grep -q '^v24\.'; then
    echo "Node $(node --version 2>/dev/null || echo 'missing') is older than 24: installing node@24 from the npm registry into $kerro_node_prefix" >&2
    npm install --global --prefix "$kerro_node_prefix" --no-audit --no-fund node@24 >&2
  fi
  export PATH="$kerro_node_prefix/bin:$PATH"
  for kerro_node_headers in "$kerro_node_prefix"/lib/node_modules/node/node_modules/node-*; do
    [ -f "$kerro_node_headers/include/node/node_api.h" ] && export npm_config_nodedir="$kerro_node_headers"
  done
fi
