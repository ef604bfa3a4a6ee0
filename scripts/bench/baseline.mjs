// The JS baseline: what a web developer would write without claimdiff.
// Split each document into sentences with a regular expression, score every
// pair of sentences of every pair of documents with string-similarity's
// compareTwoStrings (Dice coefficient of character bigrams), and link pairs
// greedily, best score first, each sentence at most once.
//
// Only its speed is compared; it knows nothing of numbers or scripts (Polish
// against Serbian Cyrillic scores near zero everywhere).
//
// Cost cap: when scoring every pair would take longer than `capSeconds`
// (estimated from a one-second calibration), it scores an evenly spaced
// subset of the rows of each document pair, times that (scoring plus greedy
// matching), and extrapolates by the share of pairs scored. The sort of the
// greedy step grows slightly faster than linearly, so the extrapolation
// underestimates the full run: the comparison stays fair to the baseline.

import stringSimilarity from "string-similarity";

const { compareTwoStrings } = stringSimilarity;
const MIN_SCORE = 0.2;

export function sentences(text) {
  return text
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function alignPair(a, b, rows) {
  const pairs = [];
  for (const i of rows) {
    for (let j = 0; j < b.length; j++) {
      const score = compareTwoStrings(a[i], b[j]);
      if (score >= MIN_SCORE) pairs.push([score, i, j]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedA = new Set();
  const usedB = new Set();
  const links = [];
  for (const [score, i, j] of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    links.push([i, j, score]);
  }
  return links;
}

const everyRow = (n) => Array.from({ length: n }, (_, i) => i);

/** Runs the baseline on `documents`; returns { median_ms, runs, extrapolated, share, sentences, links }. */
export function baseline(documents, capSeconds = 60) {
  const started = performance.now();
  const split = documents.map((d) => sentences(d.text));
  const splitMs = performance.now() - started;
  const pairs = [];
  for (let x = 0; x < split.length; x++) for (let y = x + 1; y < split.length; y++) pairs.push([x, y]);
  const total = pairs.reduce((n, [x, y]) => n + split[x].length * split[y].length, 0);

  // Calibrate: score rows of the first pair for about a second.
  const [cx, cy] = pairs[0];
  let scored = 0;
  const t0 = performance.now();
  for (let i = 0; i < split[cx].length && performance.now() - t0 < 1000; i++) {
    for (let j = 0; j < split[cy].length; j++) compareTwoStrings(split[cx][i], split[cy][j]);
    scored += split[cy].length;
  }
  const perPairMs = (performance.now() - t0) / Math.max(scored, 1);
  const estimateMs = perPairMs * total;

  // Full run when it fits in the cap, else a share sized to take about a third of it.
  const share = estimateMs <= capSeconds * 1000 ? 1 : (capSeconds * 1000) / 3 / estimateMs;
  const t = performance.now();
  let links = 0;
  let done = 0;
  for (const [x, y] of pairs) {
    const n = split[x].length;
    const rows = share === 1 ? everyRow(n) : everyRow(Math.max(1, Math.round(n * share))).map((k) => Math.floor(k / share));
    done += rows.length * split[y].length;
    links += alignPair(split[x], split[y], rows).length;
  }
  const ms = performance.now() - t;
  const extrapolated = done < total;
  return {
    runs: 1,
    median_ms: splitMs + (extrapolated ? (ms * total) / done : ms),
    extrapolated,
    share: done / total,
    sentences: split.reduce((n, s) => n + s.length, 0),
    pairs: total,
    links,
  };
}
