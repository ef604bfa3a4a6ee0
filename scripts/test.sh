#!/usr/bin/env bash
# Every test, from a clean clone on a fresh machine: installs what is missing,
# then runs formatting and lint checks, the Rust tests (unit, doc,
# integration), the wasm build with its size budget, the Node tests of the
# built package and CLI, and the headless-browser tests of the page.
#   bash scripts/test.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
START=$SECONDS
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Installing what the tests need"
need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
if ((${#need[@]})); then
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

step "cargo fmt --check, cargo clippy -D warnings"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings

step "Rust tests (unit, doc, integration)"
cargo test

step "Building the wasm package (scripts/build.sh, with the size budget)"
bash scripts/build.sh

step "Node tests of the built package and CLI, and browser tests of the page"
node --test tests/node/*.test.mjs tests/browser/*.test.mjs

printf '\nAll tests passed in %ss.\n' "$((SECONDS - START))"
