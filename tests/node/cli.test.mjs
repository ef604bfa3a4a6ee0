// The claimdiff CLI as installed from the package (node_modules/.bin/claimdiff, npx).
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { after, before, test } from "node:test";
import { exampleFiles, installPackage, MIXED_TEXT, pkgVersion, run } from "./helpers.mjs";

let install;
let bin;
let files;
before(() => {
  install = installPackage();
  bin = join(install.dir, "node_modules", ".bin", "claimdiff");
  files = exampleFiles(install.dir);
});
after(() => install?.cleanup());

const cli = (args, opts = {}) => run(bin, args, { cwd: install.dir, ...opts });

function tempFile(name, text) {
  const path = join(install.dir, name);
  writeFileSync(path, text);
  return path;
}

test("--version and --help", () => {
  let r = cli(["--version"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), `claimdiff ${pkgVersion()}`);
  r = cli(["--help"]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^Usage:/);
  assert.match(r.stdout, /--batch/);
});

test("npx claimdiff runs the installed bin", () => {
  const r = run("npx", ["--no", "--", "claimdiff", "--version"], { cwd: install.dir });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), `claimdiff ${pkgVersion()}`);
});

test("text report on the example articles", () => {
  const r = cli(files);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Documents$/m);
  for (const f of files) assert.match(r.stdout, new RegExp(`^  ${basename(f).replace(".", "\\.")} +\\S+ +\\d+ claims?`, "m"));
  // Discrepancies are grouped under severity headings, with quoted evidence per document.
  const headings = [...r.stdout.matchAll(/^(Errors|Warnings|Info) \((\d+)\)$/gm)].map((m) => m[1]);
  assert.deepEqual(headings, ["Errors", "Warnings", "Info"].filter((h) => headings.includes(h)), "severity order");
  if (headings.length) assert.match(r.stdout, /^ {6}\S+ #\d+: “.+”$/m);
  assert.match(r.stdout.trimEnd().split("\n").at(-1), /^(No discrepancies|\d+ discrepanc(y|ies) \(\d+ errors?, \d+ warnings?, \d+ info\))/);
});

test("--json prints the report", () => {
  const r = cli(["--json", ...files]);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.schemaVersion, 1);
  assert.deepEqual(report.documents.map((d) => d.id), files.map((f) => basename(f)));
});

test("file names hint the language; --lang is the default; --date is passed on", () => {
  const a = tempFile("story.sr-Cyrl.txt", "Затим је 🚀 рекао да је 3 милиона.");
  const b = tempFile("pl.txt", MIXED_TEXT);
  const c = tempFile("third.txt", "Then he said it was 3 million.");
  const r = cli(["--json", "--lang", "en", "--date", "2024-06-19", a, b, c]);
  assert.equal(r.status, 0, r.stderr);
  const docs = JSON.parse(r.stdout).documents;
  assert.deepEqual(docs.map((d) => [d.id, d.lang, d.langDetected, d.date]), [
    ["story.sr-Cyrl.txt", "sr-Cyrl", false, "2024-06-19"],
    ["pl.txt", "pl", false, "2024-06-19"],
    ["third.txt", "en", false, "2024-06-19"],
  ]);
});

test("--min-severity, --suppress and --tolerance reach compare", () => {
  const a = tempFile("a.txt", "Ambasador powiedział, że wysłano 1,6 mln pocisków. Potem wyjechał.");
  const b = tempFile("b.txt", "Ambasador powiedział, że wysłano 1,8 mln pocisków. Potem wyjechał.");
  const full = JSON.parse(cli(["--json", "--mode", "translation", a, b]).stdout);
  assert.ok(full.discrepancies.some((d) => d.kind === "number"), JSON.stringify(full.discrepancies));
  const fp = full.discrepancies[0].fingerprint;
  const suppressed = JSON.parse(cli(["--json", "--mode", "translation", "--suppress", fp, "--suppress", "other-fp", a, b]).stdout);
  assert.equal(suppressed.suppressed, full.suppressed + 1);
  const errorsOnly = JSON.parse(cli(["--json", "--mode", "translation", "--min-severity", "error", a, b]).stdout);
  assert.ok(errorsOnly.discrepancies.every((d) => d.severity === "error"));
  // 1.6 vs 1.8 million differ by 12.5 %: a 20 % tolerance accepts it.
  const tolerant = JSON.parse(cli(["--json", "--mode", "translation", "--tolerance", "20%", a, b]).stdout);
  assert.ok(tolerant.discrepancies.filter((d) => d.kind === "number").length < full.discrepancies.filter((d) => d.kind === "number").length);
});

test("--batch: one JSON report per line; a bad line reports its error and the rest go on", () => {
  const good = (n) => JSON.stringify({ documents: [{ id: "a", text: `Wysłano ${n} czołgi.` }, { id: "b", text: `Poslali su ${n} tenka.` }] });
  const input = tempFile("in.jsonl", [good(3), "{not json", JSON.stringify({ documents: [{ id: "a", text: "x" }] }), good(4) + "\n"].join("\n"));
  const r = cli(["--batch", input]);
  assert.equal(r.status, 1, "exit 1 when a line failed");
  const lines = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 4);
  assert.equal(lines[0].schemaVersion, 1);
  assert.deepEqual(lines[1], { error: { message: lines[1].error.message, code: "invalid_json" }, line: 2 });
  assert.equal(lines[2].error.code, "too_few_documents");
  assert.equal(lines[2].line, 3);
  assert.equal(lines[3].schemaVersion, 1);
});

test("--batch: all lines good exits 0; CLI options are defaults; - reads stdin", () => {
  const line = JSON.stringify({ documents: [{ id: "a", text: "Jeden." }, { id: "b", text: "Jedan." }], options: { mode: "translation" } });
  const r = cli(["--batch", "-", "--min-severity", "error"], { input: `${line}\n\n${line}\n` });
  assert.equal(r.status, 0, r.stderr);
  const reports = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(reports.length, 2);
  assert.ok(reports.every((x) => x.alignment.mode === "translation"));
});

test("errors: clear message on stderr, exit 2", () => {
  const a = tempFile("one.txt", "Jeden.");
  const cases = [
    [["--bogus", a, a], /Unknown option '--bogus'[\s\S]*Usage:/],
    [[], /no files given[\s\S]*Usage:/],
    [[a], /at least two documents.*too_few_documents/],
    [[a, join(install.dir, "missing.txt")], /cannot read .*missing\.txt: no such file/],
    [["--mode", "fast", a, files[0]], /invalid_option/],
    [["--tolerance", "lots", a, files[0]], /--tolerance[\s\S]*Usage:/],
    [["--date", "19.06.2024", a, files[0]], /--date must be YYYY-MM-DD/],
    [["--batch", join(install.dir, "missing.jsonl")], /cannot read .*missing\.jsonl/],
  ];
  for (const [args, message] of cases) {
    const r = cli(args);
    assert.equal(r.status, 2, `exit status for ${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, /^claimdiff: /);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, "");
  }
});
