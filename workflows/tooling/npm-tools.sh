#!/bin/sh
# Camunda's own tooling for the process models, installed from the npm registry (package-lock.json
# pins every package) into the build directory, never globally:
#   npm-tools.sh <build dir> lint       bpmnlint with bpmnlint:recommended and Camunda 8.8's
#                                       compatibility rules (.bpmnlintrc) on every model; fails on any error or warning
#   npm-tools.sh <build dir> diagrams   renders every model with bpmn-js to docs/diagrams/<process>.svg
# Run by the Maven build (workflows/pom.xml: lint before the tests) and by ./interlend diagrams.
set -eu
tooling=$(cd "$(dirname "$0")" && pwd)
workflows=$(dirname "$tooling")
work="$1/tooling"
command="$2"

if ! command -v npm >/dev/null 2>&1; then
  echo "interlend: checking the process models needs npm (Node.js 20 or newer) for bpmnlint and bpmn-js; install Node.js and npm, then build again." >&2
  exit 1
fi

mkdir -p "$work"
# a fresh install only when package.json or the lock changed since the last one
if ! cmp -s "$tooling/package-lock.json" "$work/package-lock.json" \
    || ! cmp -s "$tooling/package.json" "$work/package.json" \
    || [ ! -f "$work/node_modules/bpmnlint/bin/bpmnlint.js" ]; then
  cp "$tooling/package.json" "$tooling/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || {
    echo "interlend: npm ci failed in $work: the npm registry (or ~/.npm cache) must be reachable to install bpmnlint and bpmn-js." >&2
    exit 1
  }
fi
cp "$tooling/.bpmnlintrc" "$work/.bpmnlintrc"

case "$command" in
  lint)
    # bpmnlint finds its rules and plugins from the directory it runs in
    cd "$work"
    node node_modules/bpmnlint/bin/bpmnlint.js --max-warnings=0 "$workflows"/src/main/resources/camunda/*.bpmn || {
      echo "interlend: the process models do not pass bpmnlint (workflows/tooling/.bpmnlintrc): fix the problems above." >&2
      exit 1
    }
    echo "bpmnlint: every model in workflows/src/main/resources/camunda passes (bpmnlint:recommended, camunda-compat 8.8)"
    ;;
  diagrams)
    BPMN_JS="$work/node_modules/bpmn-js" node "$tooling/render-diagrams.mjs"
    ;;
  install)
    ;;
  *)
    echo "usage: npm-tools.sh <build dir> lint|diagrams|install" >&2
    exit 2
    ;;
esac
