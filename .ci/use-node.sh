# Source this: installs the Node.js that .nvmrc names from the npm registry (the package
# node-<platform>-<arch> ships the official binaries) under .cache/node, once, and puts it
# first on PATH. The machine's own Node.js and npm only bootstrap it; npm then runs on it.
_duban_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_duban_version="$(tr -d '[:space:]v' < "$_duban_root/.nvmrc")"
_duban_package="node-$(node -p 'process.platform + "-" + process.arch')"
_duban_prefix="$_duban_root/.cache/node/$_duban_version"
if [ ! -x "$_duban_prefix/node_modules/$_duban_package/bin/node" ]; then
  npm install --prefix "$_duban_prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "$_duban_package@$_duban_version" >&2
fi
export PATH="$_duban_prefix/node_modules/$_duban_package/bin:$PATH"
hash -r
echo "Node.js $(node --version) from $_duban_prefix" >&2
unset _duban_root _duban_version _duban_package _duban_prefix
