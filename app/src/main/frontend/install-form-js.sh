#!/bin/sh
# Installs the form-js viewer from the npm registry (package-lock.json pins every package) and puts
# its browser bundle where the jar serves it: static/form-js/. Run by the Maven build (app/pom.xml,
# phase generate-resources) with the build directory as argument; npm reuses its cache (~/.npm).
set -eu
frontend=$(cd "$(dirname "$0")" && pwd)
target="$1"
work="$target/frontend"
static="$target/classes/static/form-js"

if ! command -v npm >/dev/null 2>&1; then
  echo "interlend: the build needs npm (Node.js 20 or newer) to install the staff desk's form renderer (@bpmn-io/form-js); install Node.js and npm, then build again." >&2
  exit 1
fi

mkdir -p "$work" "$static"
# a fresh install only when package.json or the lock changed since the last one
if ! cmp -s "$frontend/package-lock.json" "$work/package-lock.json" \
    || ! cmp -s "$frontend/package.json" "$work/package.json" \
    || [ ! -f "$work/node_modules/@bpmn-io/form-js/dist/form-viewer.umd.js" ]; then
  cp "$frontend/package.json" "$frontend/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || {
    echo "interlend: npm ci failed in $work: the npm registry (or ~/.npm cache) must be reachable to install @bpmn-io/form-js." >&2
    exit 1
  }
fi
dist="$work/node_modules/@bpmn-io/form-js/dist"
cp "$dist/form-viewer.umd.js" "$static/form-viewer.umd.js"
cp "$dist/assets/form-js.css" "$static/form-js.css"
cp "$work/node_modules/@bpmn-io/form-js/LICENSE" "$static/LICENSE.txt"
