#!/usr/bin/env bash
# The main job: build everything (installing what is missing), then serve www/
# on localhost with the bundled examples loaded and compared.
#   bash scripts/serve.sh [--port N]     (default 8080; --port 0 picks a free one)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/build.sh
exec node scripts/serve.mjs "$@"
