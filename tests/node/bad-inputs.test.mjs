// Bad inputs against the built Node package (pkg/node): each must end in a
// report or in a ClaimdiffError with the expected code — never a crash, a hang
// or a wasm trap. The README's "Bad input" table is this test's output:
//
//   CLAIMDIFF_WRITE_TABLES=1 node --test tests/node/bad-inputs.test.mjs
//
// rewrites the table between the README's bad-inputs markers.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkSpans, PKG, ROOT } from "./helpers.mjs";

const { compare } = await import(join(PKG, "node", "index.mjs"));

const MB = 1 << 20;
const doc = (id, text, extra = {}) => ({ id, text, ...extra });
const pair = (a, b = a) => [doc("a", a), doc("b", b)];

/** Deterministic pseudo-random bytes (xorshift), read as Latin-1 and as UTF-8. */
function garbage(n, seed) {
  const bytes = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const SENTENCE =
  "Putin obiecał Kimowi Dzong Unowi wsparcie, a Kim odpowiedział, że traktat jest przełomowy, " +
  "bo obie strony zobowiązały się do wzajemnej pomocy w razie agresji, ";
// A lone surrogate, as JS strings can hold; claimdiff sees U+FFFD there.
const LONE = "Ambasador \uD83D powiedział, że wysłano 1,6 mln pocisków.";

/** [what, documents, options?, expected: "report" | error code] */
const CASES = [
  ["empty texts", pair(""), undefined, "report"],
  ["whitespace only", pair(" \n\t\u00A0\u3000 "), undefined, "report"],
  ["one document", [doc("a", "Jedno zdanie.")], undefined, "too_few_documents"],
  ["no documents", [], undefined, "too_few_documents"],
  ["not an array", "tekst", undefined, "invalid_input"],
  ["document without text", [doc("a", "Tekst."), { id: "b" }], undefined, "invalid_input"],
  ["same id twice", [doc("a", "Jedno."), doc("a", "Dwa.")], undefined, "invalid_input"],
  ["5,000 documents", Array.from({ length: 5000 }, (_, i) => doc(`d${i}`, "Kim przyjechał.")), undefined, "limit_exceeded"],
  ["50 MB in one document", pair("Putin przyjechał do Pjongjangu. ".repeat((50 * MB) / 32), "Krótko."), undefined, "limit_exceeded"],
  ["3 × 6 MB (each over maxDocumentBytes)", [0, 1, 2].map((i) => doc(`d${i}`, "x".repeat(6 * MB))), undefined, "limit_exceeded"],
  ["5 × 3.5 MB (each under 4 MB, 17.5 MB in all)", [0, 1, 2, 3, 4].map((i) => doc(`d${i}`, "x ".repeat(1.75 * MB))), undefined, "limit_exceeded"],
  ["binary garbage (64 KB of random bytes as Latin-1)", pair(Buffer.from(garbage(65536, 7)).toString("latin1"), Buffer.from(garbage(65536, 9)).toString("latin1")), undefined, "report"],
  ["binary garbage (64 KB as UTF-8, invalid bytes → U+FFFD)", pair(Buffer.from(garbage(65536, 11)).toString("utf8"), Buffer.from(garbage(65536, 13)).toString("utf8")), undefined, "report"],
  ["NULs and control characters", pair("A\0B\0. \u0001\u0002\u001b[31m 1,6 mln.\0", "\0\0\0 1,8 mln \u0007."), undefined, "report"],
  ["lone surrogates", pair(LONE, "\uDC00Ambassador said 1.8 million shells were sent.\uD800"), undefined, "report"],
  ["HTML page", pair(
    "<!doctype html><html><head><script>alert('x')</script><style>p{}</style></head><body><p>Putin obiecał <b>1,6 mln</b> pocisków.</p><p>Kim&nbsp;podziękował.</p></body></html>",
    "<html><body><p>Путин је обећао <i>1,8 милиона</i> граната.</p></body></html>"), undefined, "report"],
  ["right-to-left and mixed scripts", pair(
    "שלום עולם. הנשיא אמר כי נשלחו 1.6 מיליון פגזים. مرحبا بالعالم، تم إرسال 1.6 مليون قذيفة.",
    "Путин је рекао: „שלום“. Ambasador mówi 1,8 mln pocisków, مرحبا 1.6."), undefined, "report"],
  ["emoji only and emoji in text", pair("😀😀😀 👩‍🚀🚀 🇵🇱🇷🇸. 1️⃣ 2️⃣.", "Wysłano 👩‍🚀 1,6 mln 🚀 pocisków. 😀"), undefined, "report"],
  ["a single 1 MB sentence (no full stop inside)", [doc("a", SENTENCE.repeat(Math.floor(MB / Buffer.byteLength(SENTENCE))) + "1,6 mln."), doc("b", "Kim odpowiedział krótko.")], undefined, "report"],
  ["unknown option", pair("Tekst."), { speed: "fast" }, "invalid_option"],
  ["maxDocuments: 0", pair("Tekst."), { maxDocuments: 0 }, "invalid_option"],
  ["numericTolerance: NaN", pair("Tekst."), { numericTolerance: NaN }, "invalid_option"],
];

const rows = [];

for (const [what, documents, options, expected] of CASES) {
  test(`bad input: ${what}`, () => {
    const started = performance.now();
    let outcome;
    let report;
    try {
      report = compare(documents, options);
      outcome = "report";
    } catch (e) {
      assert.equal(e.name, "ClaimdiffError", `${what}: ${e.stack}`);
      outcome = e.code;
      rows.push({ what, outcome, detail: e.message, ms: performance.now() - started });
    }
    if (report) {
      const claims = report.documents.reduce((n, d) => n + d.claims.length, 0);
      // Lone surrogates arrive as U+FFFD (one UTF-16 unit, so offsets still hold).
      checkSpans(assert, documents.map((d) => ({ ...d, text: d.text.toWellFormed() })), report);
      rows.push({
        what,
        outcome,
        detail: `report: ${claims} claims, ${report.discrepancies.length} discrepancies, mode ${report.alignment.mode}`,
        ms: performance.now() - started,
      });
    }
    assert.equal(outcome, expected, `${what}: got ${outcome}`);
  });
}

test("write the README table (CLAIMDIFF_WRITE_TABLES=1)", { skip: process.env.CLAIMDIFF_WRITE_TABLES !== "1" }, () => {
  const time = (ms) => (ms < 100 ? "< 0.1 s" : `${(ms / 1000).toFixed(1)} s`);
  const escape = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const table = [
    "| input | outcome | what the caller gets | time (Node) |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${escape(r.what)} | ${r.outcome === "report" ? "report" : `error \`${r.outcome}\``} | ${escape(r.detail)} | ${time(r.ms)} |`),
  ].join("\n");
  const START = "<!-- bad-inputs:start -->";
  const END = "<!-- bad-inputs:end -->";
  const file = join(ROOT, "README.md");
  const readme = readFileSync(file, "utf8");
  assert.ok(readme.includes(START) && readme.includes(END), "README has no bad-inputs markers");
  const block = `${START}\n${table}\n${END}`;
  writeFileSync(file, readme.slice(0, readme.indexOf(START)) + block + readme.slice(readme.indexOf(END) + END.length));
});
