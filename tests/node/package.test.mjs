// The packed package: its contents and manifest, and that each entry point
// (Node ESM, Node CommonJS, web, bundler) loads and works from an install.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { installPackage, pkgVersion, ROOT, run, runScript } from "./helpers.mjs";

let install;
before(() => {
  install = installPackage();
});
after(() => install?.cleanup());

test("the tarball holds the three targets, types and the CLI, and nothing else", () => {
  const files = new Set(install.files);
  for (const f of [
    "package.json",
    "claimdiff.d.ts",
    "report.schema.json",
    "web.d.ts",
    "cli.mjs",
    "web/claimdiff.js",
    "web/claimdiff_bg.wasm",
    "bundler/claimdiff.js",
    "bundler/claimdiff_bg.js",
    "bundler/claimdiff_bg.wasm",
    "node/index.mjs",
    "node/claimdiff.cjs",
    "node/claimdiff_bg.wasm",
  ]) {
    assert.ok(files.has(f), `missing ${f} in ${[...files].join(", ")}`);
  }
  for (const f of files) {
    assert.match(f, /^(package\.json|README\.md|LICENSE.*|claimdiff\.d\.ts|report\.schema\.json|web\.d\.ts|cli\.mjs|(web|bundler|node)\/.+)$/, `unexpected ${f}`);
  }
});

test("one optimized .wasm is shared by all targets", () => {
  const dir = join(install.dir, "node_modules", "claimdiff");
  const web = readFileSync(join(dir, "web", "claimdiff_bg.wasm"));
  assert.deepEqual(readFileSync(join(dir, "bundler", "claimdiff_bg.wasm")), web);
  assert.deepEqual(readFileSync(join(dir, "node", "claimdiff_bg.wasm")), web);
  // wasm-opt drops the name section.
  assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(web), "name").length, 0);
});

test("manifest: name, version, exports, bin, sideEffects", () => {
  const pkg = JSON.parse(readFileSync(join(install.dir, "node_modules", "claimdiff", "package.json"), "utf8"));
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
  assert.equal(pkg.name, "claimdiff");
  assert.equal(pkg.version, /^version = "([^"]+)"/m.exec(cargo)[1]);
  assert.equal(pkg.type, "module");
  assert.equal(pkg.types, "./claimdiff.d.ts");
  assert.deepEqual(Object.keys(pkg.exports), [".", "./web", "./web/claimdiff_bg.wasm", "./report.schema.json", "./package.json"]);
  assert.deepEqual(Object.keys(pkg.exports["."]), ["types", "node", "import", "default"]);
  assert.equal(pkg.exports["."].import, "./bundler/claimdiff.js");
  assert.equal(pkg.exports["."].default, "./web/claimdiff.js");
  assert.equal(pkg.exports["./web"].types, "./web.d.ts");
  assert.deepEqual(pkg.bin, { claimdiff: "./cli.mjs" });
  assert.ok(pkg.sideEffects.includes("./bundler/claimdiff.js"));
  assert.ok(existsSync(join(install.dir, "node_modules", ".bin", "claimdiff")));
});

test('Node ESM: import { compare } from "claimdiff"', () => {
  const r = runScript(
    install.dir,
    "esm.mjs",
    `import { compare, version } from "claimdiff";
     const report = compare([{ id: "a", text: "Wysłano 3 czołgi." }, { id: "b", text: "Poslali su 4 tenka." }]);
     console.log(JSON.stringify({ version: version(), report }));`,
  );
  assert.equal(r.status, 0, r.stderr);
  const { version, report } = JSON.parse(r.stdout);
  assert.equal(version, pkgVersion());
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.version, version);
  assert.deepEqual(report.documents.map((d) => d.id), ["a", "b"]);
  assert.ok(Array.isArray(report.discrepancies));
  assert.ok(["translation", "news"].includes(report.alignment.mode));
});

test('Node CommonJS: require("claimdiff")', () => {
  const r = runScript(
    install.dir,
    "cjs.cjs",
    `const { compare, version } = require("claimdiff");
     const report = compare([{ id: "a", text: "One." }, { id: "b", text: "Two." }]);
     console.log(version(), report.documents.length);`,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), `${pkgVersion()} 2`);
});

test('web target: "claimdiff/web" with init() and initSync()', () => {
  const r = runScript(
    install.dir,
    "web.mjs",
    `import init, { compare, initSync, version } from "claimdiff/web";
     import { readFileSync } from "node:fs";
     import { createRequire } from "node:module";
     // Node's fetch cannot read file: URLs, so hand init the bytes, as a page could.
     const bytes = readFileSync(createRequire(import.meta.url).resolve("claimdiff/web/claimdiff_bg.wasm"));
     await init({ module_or_path: bytes });
     initSync({ module: bytes }); // a second init is a no-op
     const report = compare([{ id: "a", text: "Jeden." }, { id: "b", text: "Jedan." }]);
     console.log(version(), report.documents.length);`,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), `${pkgVersion()} 2`);
});

test("bundler target: ES module importing the .wasm (Node's wasm ESM integration)", () => {
  const r = runScript(
    install.dir,
    "bundler.mjs",
    `import { compare, version } from "./node_modules/claimdiff/bundler/claimdiff.js";
     const report = compare([{ id: "a", text: "One." }, { id: "b", text: "Two." }]);
     console.log(version(), report.documents.length);`,
    ["--experimental-wasm-modules", "--no-warnings"],
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), `${pkgVersion()} 2`);
});

test("types resolve for Node (nodenext) and for bundlers/browsers (bundler + DOM)", (t) => {
  const tsc = join(ROOT, "node_modules", ".bin", "tsc");
  if (!existsSync(tsc)) return t.skip("typescript is not installed (npm ci at the repo root)");
  const dir = install.dir;
  writeFileSync(
    join(dir, "node-check.ts"),
    `import { compare, version, type ClaimdiffError, type DocumentInput, type Report } from "claimdiff";
     const docs: DocumentInput[] = [{ id: "a", text: "x" }, { id: "b", text: "y", lang: "pl", date: "2024-06-19" }];
     const report: Report = compare(docs, { mode: "news", minSeverity: "warning", numericTolerance: 0.01, suppress: [] });
     const schema: 1 = report.schemaVersion;
     const v: string = version();
     const spans: number[] = report.documents.flatMap((d) => d.claims.flatMap((c) => [c.start, c.end, ...c.facts.map((f) => f.end)]));
     const severities: ("info" | "warning" | "error")[] = report.discrepancies.map((d) => d.severity);
     function codeOf(e: unknown): string | undefined { return (e as ClaimdiffError).code; }
     // @ts-expect-error "fast" is not a mode
     compare(docs, { mode: "fast" });
     // @ts-expect-error text is required
     compare([{ id: "a" }]);
     export { schema, v, spans, severities, codeOf };
    `,
  );
  writeFileSync(
    join(dir, "web-check.ts"),
    `import init, { compare, initSync, type Report } from "claimdiff/web";
     import { compare as compare2 } from "claimdiff";
     await init();
     await init({ module_or_path: new URL("./claimdiff_bg.wasm", import.meta.url) });
     initSync({ module: new Uint8Array(0) });
     const report: Report = compare([{ id: "a", text: "x" }, { id: "b", text: "y" }]);
     const same: typeof compare = compare2;
     export { report, same };
    `,
  );
  const base = { strict: true, noEmit: true, target: "es2022", skipLibCheck: false, types: [] };
  writeFileSync(
    join(dir, "tsconfig.node.json"),
    JSON.stringify({ compilerOptions: { ...base, module: "nodenext", moduleResolution: "nodenext", lib: ["es2022"] }, files: ["node-check.ts"] }),
  );
  writeFileSync(
    join(dir, "tsconfig.web.json"),
    JSON.stringify({ compilerOptions: { ...base, module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom"] }, files: ["web-check.ts"] }),
  );
  for (const project of ["tsconfig.node.json", "tsconfig.web.json"]) {
    const r = run(tsc, ["-p", project], { cwd: dir });
    assert.equal(r.status, 0, `${project}:\n${r.stdout}${r.stderr}`);
  }
});
