// Shared setup for the Node tests: install the BUILT package (pkg/) the way a
// user would — `npm pack` it, then `npm install` the tarball into a fresh
// project in a temp dir — and run things inside that project.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PKG = join(ROOT, "pkg");
export const EXAMPLES = join(ROOT, "www", "examples", "articles");

/** Text mixing Polish diacritics, Serbian Cyrillic and emoji (incl. a ZWJ sequence). */
export const MIXED_TEXT =
  "Ambasador 👩‍🚀 powiedział, że wysłano 1,6 mln pocisków. Затим је 🚀 рекао да је 3 милиона.";

/**
 * Packs pkg/ and installs the tarball into a new temp project ("type": "module").
 * Returns { dir, tarball, files, cleanup }.
 */
export function installPackage() {
  if (!existsSync(join(PKG, "package.json"))) {
    throw new Error("pkg/ is not built: run scripts/build.sh first");
  }
  const dir = mkdtempSync(join(tmpdir(), "claimdiff-node-test-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", PKG, "--json", "--pack-destination", dir], { encoding: "utf8" }),
  )[0];
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "claimdiff-consumer", private: true, type: "module" }, null, 2),
  );
  // --offline: the tarball is local and the package has no dependencies.
  execFileSync(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", `./${packed.filename}`],
    { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  return {
    dir,
    tarball: join(dir, packed.filename),
    files: packed.files.map((f) => f.path),
    cleanup: () => {
      if (!process.env.KEEP_TMP) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `node file` (an ESM script written into dir) and returns { status, stdout, stderr }. */
export function runScript(dir, name, source, nodeArgs = []) {
  writeFileSync(join(dir, name), source);
  return run(process.execPath, [...nodeArgs, name], { cwd: dir });
}

export function run(cmd, args, { cwd, input } = {}) {
  const r = spawnSync(cmd, args, { cwd, input, encoding: "utf8", timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The example articles (paths), or two small temp files when they are absent. */
export function exampleFiles(dir) {
  if (existsSync(EXAMPLES)) {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".txt")).sort();
    if (files.length >= 2) return files.map((f) => join(EXAMPLES, f));
  }
  const pl = join(dir, "pl.txt");
  const en = join(dir, "en.txt");
  writeFileSync(pl, "Według raportu wysłano około 1,6 mln pocisków. Traktat podpisano 19 czerwca 2024.\n");
  writeFileSync(en, "According to the report, about 1.8 million shells were sent. The treaty was signed on 19 June 2024.\n");
  return [pl, en];
}

export function pkgVersion() {
  return JSON.parse(readFileSync(join(PKG, "package.json"), "utf8")).version;
}

/** Every span in a report must be the text it claims to be, in UTF-16 units. */
export function checkSpans(assert, documents, report) {
  const texts = new Map(documents.map((d) => [d.id, d.text]));
  let spans = 0;
  for (const doc of report.documents) {
    const text = texts.get(doc.id);
    for (const claim of doc.claims) {
      assert.equal(text.slice(claim.start, claim.end), claim.text, `claim ${doc.id}#${claim.index}`);
      spans++;
      for (const fact of claim.facts) {
        assert.equal(text.slice(fact.start, fact.end), fact.text, `fact in ${doc.id}#${claim.index}`);
        assert.ok(fact.start >= claim.start && fact.end <= claim.end, "fact inside its claim");
        spans++;
      }
    }
  }
  for (const d of report.discrepancies) {
    for (const e of d.evidence) {
      assert.equal(texts.get(e.doc).slice(e.start, e.end), e.text, `evidence of ${d.fingerprint}`);
      spans++;
    }
  }
  return spans;
}
