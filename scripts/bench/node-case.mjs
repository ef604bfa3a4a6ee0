// One benchmark case in Node, in a process of its own (so the wasm memory
// measured is that case's alone):
//
//   node scripts/bench/node-case.mjs wasm CASE.json       claimdiff, the Node build (pkg/node)
//   node scripts/bench/node-case.mjs baseline CASE.json   the JS baseline (baseline.mjs)
//
// Prints one JSON line. Timing: the same rule as benches/compare.rs.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { timeRuns } from "./timing.mjs";
import { baseline } from "./baseline.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const [what, file] = process.argv.slice(2);
const bench = JSON.parse(readFileSync(file, "utf8"));
const documents = bench.documents;
const NO_LIMITS = { maxDocumentBytes: 2 ** 31, maxTotalBytes: 2 ** 31 };

if (what === "wasm") {
  // The Node build does not export its wasm memory: note the instance it makes.
  const Instance = WebAssembly.Instance;
  let instance;
  WebAssembly.Instance = function (module, imports) {
    instance = new Instance(module, imports);
    return instance;
  };
  const require = createRequire(import.meta.url);
  const claimdiff = require(path.join(ROOT, "pkg", "node", "claimdiff.cjs"));
  WebAssembly.Instance = Instance;
  const memoryBefore = instance.exports.memory.buffer.byteLength;
  let report;
  const timing = timeRuns(() => {
    report = claimdiff.compare(documents, NO_LIMITS);
  });
  console.log(
    JSON.stringify({
      ...timing,
      memoryBefore,
      memoryAfter: instance.exports.memory.buffer.byteLength,
      claims: report.documents.reduce((n, d) => n + d.claims.length, 0),
      mode: report.alignment.mode,
    }),
  );
} else if (what === "baseline") {
  console.log(JSON.stringify(baseline(documents, Number(process.env.BENCH_BASELINE_CAP || 60))));
} else {
  console.error("usage: node scripts/bench/node-case.mjs wasm|baseline CASE.json");
  process.exit(2);
}
