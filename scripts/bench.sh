#!/usr/bin/env bash
# Benchmarks, side by side: claimdiff natively, in Node and in headless
# Chromium (both on the wasm build), and a JS baseline, on the bundled
# examples and on inputs built from the shared evaluation data (FLORES-200,
# Text+Berg) at about 30 KB, 300 KB, 1 MB and 3 MB with 2, 5 and 14 documents.
# Prints a table, writes reports/bench.md and the README's "How fast" section.
#
#   bash scripts/bench.sh [path/to/shared/eval]     (default: ../shared/eval if present)
#
# Without the evaluation data only the examples are measured. Never fails on a
# missed target (the size budget is enforced by scripts/build.sh); fails only
# when something cannot run. Environment: BENCH_SIZES=30K,300K,1M,3M,
# BENCH_DOCS=2,5,14, BENCH_SECONDS, BENCH_MAX_SECONDS, BENCH_BASELINE_CAP,
# BENCH_SKIP (see scripts/bench/run.mjs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
EVAL="${1:-}"
if [[ -z "$EVAL" && -d "$ROOT/../shared/eval" ]]; then EVAL="$ROOT/../shared/eval"; fi
if [[ -n "$EVAL" && ! -d "$EVAL/flores200" ]]; then
  echo "bench: $EVAL has no flores200/: measuring the bundled examples only" >&2
fi

if ! bash scripts/build.sh >&2; then
  # build.sh replaces pkg/ before its size check, so an over-budget build is
  # still measured (the report marks the size target); a compile error is not.
  [[ -f pkg/web/claimdiff_bg.wasm && pkg/web/claimdiff_bg.wasm -nt src ]] || exit 1
  echo "bench: scripts/build.sh failed (see above); measuring the pkg/ it built" >&2
fi

SITE="$ROOT/target/bench/site"
rm -rf "$SITE" && mkdir -p "$SITE"
node scripts/bench/cases.mjs "$SITE/cases" ${EVAL:+"$EVAL"}

echo "==> Compiling the native benchmark" >&2
NATIVE="$(cargo bench --bench compare --no-run --message-format=json 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.split("\n")){try{const m=JSON.parse(l);if(m.reason==="compiler-artifact"&&m.target.name==="compare"&&m.executable)console.log(m.executable)}catch{}}})')"
[[ -x "$NATIVE" ]] || { echo "bench: could not build benches/compare.rs" >&2; exit 1; }

echo "==> Running (each row: native, Node, Chromium, JS baseline)" >&2
node scripts/bench/run.mjs "$SITE" "$NATIVE"
