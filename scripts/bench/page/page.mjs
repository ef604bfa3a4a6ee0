// The benchmark page: the web build of claimdiff (./pkg/claimdiff.js, a copy
// of pkg/web) timed on one case (./cases/NAME.json) per page load, so the wasm
// memory measured after it is that case's alone.
import init, { compare } from "./pkg/claimdiff.js";
import { timeRuns } from "./timing.mjs";

const NO_LIMITS = { maxDocumentBytes: 2 ** 31, maxTotalBytes: 2 ** 31 };

window.runCase = async (name, budgetSeconds) => {
  const exports = await init();
  const bench = await (await fetch(`./cases/${name}.json`)).json();
  const memoryBefore = exports.memory.buffer.byteLength;
  let report;
  const timing = timeRuns(() => {
    report = compare(bench.documents, NO_LIMITS);
  }, budgetSeconds);
  return {
    ...timing,
    memoryBefore,
    memoryAfter: exports.memory.buffer.byteLength,
    claims: report.documents.reduce((n, d) => n + d.claims.length, 0),
    mode: report.alignment.mode,
  };
};
window.benchReady = true;
