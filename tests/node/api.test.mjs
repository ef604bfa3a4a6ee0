// The API as a user sees it from an installed package: reports, errors, and
// UTF-16 offsets that JS can slice with.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { checkSpans, exampleFiles, installPackage, MIXED_TEXT } from "./helpers.mjs";

let install;
let api;
before(async () => {
  install = installPackage();
  // The bare specifier is resolved from the consumer project, exactly as in user code.
  const probe = join(install.dir, "probe.mjs");
  writeFileSync(probe, 'export * from "claimdiff";\n');
  api = await import(pathToFileURL(probe).href);
});
after(() => install?.cleanup());

const TWO = [
  { id: "pl", text: "Wysłano 3 czołgi." },
  { id: "sr", text: "Послата су 4 тенка." },
];

/** Asserts that fn throws a ClaimdiffError with this code. */
function throwsCode(fn, code) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof Error, "an Error");
    assert.equal(err.name, "ClaimdiffError");
    assert.equal(err.code, code, err.message);
    assert.ok(err.message.length > 0);
    return true;
  });
}

test("bad input throws ClaimdiffError with a code", () => {
  throwsCode(() => api.compare({ id: "a", text: "x" }), "invalid_input"); // not an array
  throwsCode(() => api.compare("two documents"), "invalid_input");
  throwsCode(() => api.compare([{ id: "a" }, { id: "b", text: "y" }]), "invalid_input"); // missing text
  throwsCode(() => api.compare([{ id: "a", text: 5 }, { id: "b", text: "y" }]), "invalid_input");
  throwsCode(() => api.compare([{ id: "a", text: "x" }]), "too_few_documents");
  throwsCode(() => api.compare([]), "too_few_documents");
  throwsCode(() => api.compare(TWO, { colour: "red" }), "invalid_option"); // unknown option
  throwsCode(() => api.compare(TWO, { mode: "fast" }), "invalid_option");
  throwsCode(() => api.compare(TWO, { minSeverity: "fatal" }), "invalid_option");
});

test("limits are enforced", () => {
  throwsCode(() => api.compare(TWO, { maxDocuments: 1 }), "limit_exceeded");
  throwsCode(() => api.compare([{ id: "a", text: "x".repeat(2000) }, TWO[1]], { maxDocumentBytes: 1000 }), "limit_exceeded");
});

test("options are optional; the report has the documented shape", () => {
  const report = api.compare(TWO);
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.version, api.version());
  assert.equal(typeof report.suppressed, "number");
  assert.equal(typeof report.timings.totalMs, "number");
  for (const d of report.documents) {
    assert.equal(typeof d.lang, "string");
    assert.equal(typeof d.langDetected, "boolean");
  }
  // Every claim is in exactly one alignment group.
  const seen = new Map();
  for (const g of report.alignment.groups) {
    for (const [doc, idx] of Object.entries(g.claims)) for (const i of idx) seen.set(`${doc}#${i}`, (seen.get(`${doc}#${i}`) ?? 0) + 1);
  }
  for (const d of report.documents) for (const c of d.claims) assert.equal(seen.get(`${d.id}#${c.index}`), 1, `${d.id}#${c.index}`);
});

test("offsets are UTF-16: text.slice(start, end) gives each claim, fact and evidence back", () => {
  const docs = [
    { id: "pl", text: MIXED_TEXT, lang: "pl" },
    { id: "sr", text: "Амбасадор 👩‍🚀 је рекао да је послато 1,8 милиона граната. Затим је 🚀 рекао да је 3 милиона.", lang: "sr-Cyrl" },
  ];
  const report = api.compare(docs);
  const spans = checkSpans(assert, docs, report);
  const pl = report.documents.find((d) => d.id === "pl");
  assert.ok(pl.claims.length >= 2, "two sentences");
  const facts = pl.claims.flatMap((c) => c.facts);
  const mln = facts.find((f) => f.text === "1,6 mln");
  assert.ok(mln, `a fact "1,6 mln" in ${JSON.stringify(facts)}`);
  assert.equal(mln.kind, "number");
  assert.equal(mln.value.value, 1_600_000);
  // After the emoji (surrogate pairs + ZWJ) a UTF-8 or code-point offset would be off.
  assert.equal(mln.start, MIXED_TEXT.indexOf("1,6 mln"));
  assert.ok(spans >= 4);
});

test("offsets hold on the example articles too", () => {
  const files = exampleFiles(install.dir);
  const docs = files.map((f) => ({ id: basename(f), text: readFileSync(f, "utf8") }));
  const report = api.compare(docs);
  assert.equal(report.documents.length, docs.length);
  assert.ok(checkSpans(assert, docs, report) > docs.length);
});

test("suppress and minSeverity remove discrepancies and count them", () => {
  const docs = [
    { id: "a", text: "Ambasador powiedział, że wysłano 1,6 mln pocisków. Potem wyjechał." },
    { id: "b", text: "Ambasador powiedział, że wysłano 1,8 mln pocisków. Potem wyjechał." },
  ];
  const full = api.compare(docs, { mode: "translation" });
  assert.ok(full.discrepancies.some((d) => d.kind === "number"), JSON.stringify(full.discrepancies));
  // A 20 % relative tolerance accepts 1.6 vs 1.8 million.
  assert.ok(!api.compare(docs, { mode: "translation", numericTolerance: 0.2 }).discrepancies.some((d) => d.kind === "number"));
  const fp = full.discrepancies[0].fingerprint;
  const hidden = api.compare(docs, { mode: "translation", suppress: [fp] });
  assert.ok(!hidden.discrepancies.some((d) => d.fingerprint === fp));
  assert.equal(hidden.suppressed, full.suppressed + 1);
  const errorsOnly = api.compare(docs, { mode: "translation", minSeverity: "error" });
  assert.ok(errorsOnly.discrepancies.every((d) => d.severity === "error"));
  const below = full.discrepancies.filter((d) => d.severity !== "error").length;
  assert.equal(errorsOnly.suppressed, full.suppressed + below);
  // Fingerprints are stable across runs.
  assert.deepEqual(api.compare(docs, { mode: "translation" }).discrepancies.map((d) => d.fingerprint), full.discrepancies.map((d) => d.fingerprint));
});
