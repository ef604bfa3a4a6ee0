#!/usr/bin/env bash
# Build pkg/ (scripts/build.sh) and run the Node tests against the packed package.
# Extra arguments go to `node --test` (e.g. --test-name-pattern=batch).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/build.sh
echo "==> node --test tests/node/*.test.mjs" >&2
# Explicit file list (shell glob): Node versions differ in how they search a directory.
node --test "$@" tests/node/*.test.mjs
