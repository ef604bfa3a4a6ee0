// The timing rule every benchmark runner uses (benches/compare.rs does the same
// in Rust): run until BENCH_SECONDS (default 2) have passed, at least 3 times
// (once when the first run alone takes over 5 s) and at most 25; drop the first
// (warm-up) run when there are more than 3; report the median and the minimum.
// Works in Node and in the browser (no imports).

export function timeRuns(fn, budgetSeconds = defaultBudget()) {
  const times = [];
  const started = performance.now();
  const least = () => (times[0] > 5000 ? 1 : 3);
  while (times.length < 25 && (times.length < least() || performance.now() - started < budgetSeconds * 1000)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  if (times.length > 3) times.shift();
  times.sort((a, b) => a - b);
  return { runs: times.length, median_ms: times[times.length >> 1], min_ms: times[0] };
}

function defaultBudget() {
  const env = globalThis.process?.env?.BENCH_SECONDS;
  return env ? Number(env) : 2;
}
