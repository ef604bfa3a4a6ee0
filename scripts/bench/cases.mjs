// Builds the benchmark inputs: the bundled example articles, and inputs made
// from the shared evaluation data (FLORES-200 devtest, Text+Berg dev) at about
// 30 KB, 300 KB, 1 MB and 3 MB of text in all, with 2, 5 and 14 documents.
//
//   node scripts/bench/cases.mjs OUT_DIR [EVAL_DIR]
//
// Writes OUT_DIR/<name>.json = { name, source, note, documents: [{id, text, lang}] }
// and OUT_DIR/index.json (the names, in order). Without EVAL_DIR (or when it
// has no flores200/), only the examples are written, with a message.
//
// FLORES has 1012 sentences per language (130–270 KB). A document is made of
// the same first n lines in every language (so the versions are translations
// of each other), one paragraph per FLORES article; when a size needs more
// than 1012 lines the lines repeat from the start, which the report says.
// BENCH_SIZES (e.g. "30K,300K") and BENCH_DOCS (e.g. "2,5") select a subset.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const [outDir, evalDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node scripts/bench/cases.mjs OUT_DIR [EVAL_DIR]");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const K = 1000;
const SIZES = { "30K": 30 * K, "300K": 300 * K, "1M": 1000 * K, "3M": 3000 * K };
const DOC_COUNTS = [2, 5, 14];
// FLORES file → language tag; the first two are the pair of the 2-document
// cases, the first five those of the 5-document cases.
const FLORES = [
  ["pol_Latn", "pl"], ["srp_Cyrl", "sr-Cyrl"], ["slv_Latn", "sl"], ["rus_Cyrl", "ru"], ["eng_Latn", "en"],
  ["ces_Latn", "cs"], ["slk_Latn", "sk"], ["hrv_Latn", "hr"], ["bos_Latn", "bs"], ["mkd_Cyrl", "mk"],
  ["bul_Cyrl", "bg"], ["ukr_Cyrl", "uk"], ["bel_Cyrl", "be"], ["deu_Latn", "de"],
];

const pick = (env, all) => (process.env[env] ? process.env[env].split(",").map((s) => s.trim()) : all);
const sizes = pick("BENCH_SIZES", Object.keys(SIZES));
const docCounts = pick("BENCH_DOCS", DOC_COUNTS.map(String)).map(Number);

const names = [];
const utf8 = (s) => Buffer.byteLength(s, "utf8");

function write(name, source, note, documents) {
  const bytes = documents.reduce((n, d) => n + utf8(d.text), 0);
  writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify({ name, source, note, bytes, documents }));
  names.push(name);
  console.error(`  ${name}: ${documents.length} documents, ${(bytes / K).toFixed(0)} KB${note ? ` (${note})` : ""}`);
}

// 1. The bundled examples.
{
  const dir = path.join(ROOT, "www", "examples", "articles");
  const index = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8"));
  const documents = index.documents.map((d) => ({
    id: d.id,
    lang: d.lang,
    text: readFileSync(path.join(dir, d.file), "utf8").replace(/^\uFEFF/, ""),
  }));
  write("examples", "www/examples/articles", "", documents);
}

/** Text of the first n lines (cycling), one paragraph per article. */
function joinLines(lines, articleOf, n) {
  const paragraphs = [];
  let current = [];
  for (let k = 0; k < n; k++) {
    const i = k % lines.length;
    if (current.length && (i === 0 || articleOf[i] !== articleOf[i - 1])) {
      paragraphs.push(current.join(" "));
      current = [];
    }
    current.push(lines[i]);
  }
  if (current.length) paragraphs.push(current.join(" "));
  return paragraphs.join("\n\n") + "\n";
}

/** The smallest n whose texts reach `target` bytes in all (line sizes summed, +1 per separator). */
function linesFor(langs, target) {
  const perLine = langs[0].lines.map((_, i) => langs.reduce((s, l) => s + utf8(l.lines[i]) + 1, 0));
  let total = 0;
  let n = 0;
  while (total < target) {
    total += perLine[n % perLine.length];
    n++;
  }
  return n;
}

const flores = evalDir && path.join(evalDir, "flores200");
if (!flores || !existsSync(path.join(flores, "metadata_devtest.tsv"))) {
  console.error(
    `bench: no shared evaluation data${evalDir ? ` in ${evalDir}` : ""}: only the bundled examples ` +
      "(pass the path of shared/eval to add FLORES-200 and Text+Berg inputs)",
  );
} else {
  const articleOf = readFileSync(path.join(flores, "metadata_devtest.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((row) => row.split("\t")[0]);
  const langs = FLORES.map(([file, lang]) => ({
    file,
    lang,
    lines: readFileSync(path.join(flores, `${file}.devtest`), "utf8").split("\n").filter((l) => l.length),
  }));
  for (const l of langs) {
    if (l.lines.length !== articleOf.length) throw new Error(`${l.file}: ${l.lines.length} lines, metadata has ${articleOf.length}`);
  }
  for (const size of sizes) {
    for (const count of docCounts) {
      const chosen = langs.slice(0, count);
      const n = linesFor(chosen, SIZES[size]);
      const repeats = n / articleOf.length;
      const note = repeats > 1 ? `FLORES lines repeated ×${repeats.toFixed(1)}` : "";
      write(`flores-${size}-${count}`, "flores200", note, chosen.map((l) => ({
        id: l.lang,
        lang: l.lang,
        text: joinLines(l.lines, articleOf, n),
      })));
    }
  }
  // Text+Berg: German and French, the whole dev set (~120 KB) and repeated to 1 MB.
  const tb = path.join(evalDir, "textberg-dev");
  if (existsSync(path.join(tb, "dev.de"))) {
    const pair = ["de", "fr"].map((lang) => ({
      lang,
      lines: readFileSync(path.join(tb, `dev.${lang}`), "utf8").split("\n").map((l) => l.trim()),
    }));
    // Blank lines separate paragraphs in the source; keep the files line-aligned.
    const noArticles = pair[0].lines.map(() => 0);
    const whole = pair[0].lines.length;
    const docs = (n) => pair.map((p) => ({ id: p.lang, lang: p.lang, text: joinLines(p.lines, noArticles, n) }));
    write("textberg-all-2", "textberg-dev", "", docs(whole));
    if (sizes.includes("1M")) {
      const n = linesFor(pair, SIZES["1M"]);
      write("textberg-1M-2", "textberg-dev", `lines repeated ×${(n / whole).toFixed(1)}`, docs(n));
    }
  }
}
writeFileSync(path.join(outDir, "index.json"), JSON.stringify(names, null, 1));
