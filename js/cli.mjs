#!/usr/bin/env node
// claimdiff command line: compare versions of one story given as text files.
// Runs on the Node build of the package (./node/index.mjs next to this file in pkg/).

import { createReadStream, readFileSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { compare, version } from "./node/index.mjs";

const USAGE = `Usage:
  claimdiff [options] FILE FILE...     compare two or more versions of a story
  claimdiff [options] --batch IN.jsonl one comparison per line: {"documents":[...],"options":{...}}
                                       ("-" reads standard input); one JSON report per line out

Options:
  --json                 print the report as JSON instead of text
  --mode MODE            auto (default), translation or news
  --lang LANG            language of files that do not hint one (e.g. pl, sr-Cyrl, en)
  --date YYYY-MM-DD      publication date of the files (anchors relative dates)
  --min-severity LEVEL   info (default), warning or error
  --tolerance N          relative tolerance for numbers: 0.01 or 1%
  --suppress FP          hide the discrepancy with this fingerprint (repeatable)
  -h, --help             show this help
  -V, --version          show the version

Document ids are the file names. A file named like pl.txt or story.sr-Cyrl.txt
gives its language. Exit status: 0 ok, 1 some --batch line failed, 2 error.`;

class UsageError extends Error {}

/** Exits with status 2 after a clear message. */
function fail(message, { usage = false } = {}) {
  process.stderr.write(`claimdiff: ${message}\n`);
  if (usage) process.stderr.write(`\n${USAGE}\n`);
  process.exit(2);
}

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        batch: { type: "string" },
        mode: { type: "string" },
        lang: { type: "string" },
        date: { type: "string" },
        "min-severity": { type: "string" },
        tolerance: { type: "string" },
        suppress: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" },
      },
    });
  } catch (err) {
    throw new UsageError(err.message);
  }
  const { values, positionals } = parsed;
  const options = {};
  if (values.mode !== undefined) options.mode = values.mode;
  if (values.lang !== undefined) options.lang = values.lang;
  if (values["min-severity"] !== undefined) options.minSeverity = values["min-severity"];
  if (values.suppress !== undefined) options.suppress = values.suppress;
  if (values.tolerance !== undefined) options.numericTolerance = parseTolerance(values.tolerance);
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    throw new UsageError(`--date must be YYYY-MM-DD, got "${values.date}"`);
  }
  return { values, positionals, options };
}

/** "0.01" -> 0.01, "1%" -> 0.01. */
function parseTolerance(s) {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(s);
  if (!m) throw new UsageError(`--tolerance must be a non-negative number like 0.01 or 1%, got "${s}"`);
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

// A language tag in a file name: "pl.txt" (two letters) or "story.sr-Cyrl.txt".
const TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;
function langFromFileName(name) {
  const parts = name.split(".");
  if (parts.length >= 3 && TAG.test(parts[parts.length - 2])) return parts[parts.length - 2];
  if (parts.length === 2 && /^[a-z]{2}$/.test(parts[0])) return parts[0];
  if (parts.length === 2 && /^[a-z]{2,3}-/.test(parts[0]) && TAG.test(parts[0])) return parts[0];
  return undefined;
}

function readDocuments(files, date) {
  const names = files.map((f) => basename(f));
  return files.map((file, i) => {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      fail(`cannot read ${file}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // BOM
    // Ids are base names; fall back to the path as given when two base names clash.
    const id = names.indexOf(names[i]) === names.lastIndexOf(names[i]) ? names[i] : file;
    const doc = { id, text };
    const lang = langFromFileName(names[i]);
    if (lang) doc.lang = lang;
    if (date) doc.date = date;
    return doc;
  });
}

// ---- Text report ----------------------------------------------------------------

const SEVERITIES = ["error", "warning", "info"];
const HEADINGS = { error: "Errors", warning: "Warnings", info: "Info" };

/** One line, at most `max` characters, for quoting a span. */
function quote(text, max = 160) {
  let s = String(text).replace(/\s+/g, " ").trim();
  if (s.length > max) s = s.slice(0, max - 1) + "…";
  return `“${s}”`;
}

function plural(n, word, words = word + "s") {
  return `${n} ${n === 1 ? word : words}`;
}

function formatReport(report) {
  const out = [];
  const mode = report.alignment && report.alignment.mode;
  out.push(`claimdiff ${report.version}${mode ? ` · ${mode} mode` : ""} · ${plural(report.documents.length, "document")}`);
  out.push("");
  out.push("Documents");
  const idWidth = Math.max(...report.documents.map((d) => d.id.length));
  const langs = report.documents.map((d) => (d.lang || "?") + (d.langDetected ? " (detected)" : ""));
  const langWidth = Math.max(...langs.map((l) => l.length));
  report.documents.forEach((d, i) => {
    const date = d.date ? `  ${d.date}` : "";
    out.push(`  ${d.id.padEnd(idWidth)}  ${langs[i].padEnd(langWidth)}  ${plural(d.claims.length, "claim")}${date}`);
  });

  const counts = { error: 0, warning: 0, info: 0 };
  for (const sev of SEVERITIES) {
    const items = report.discrepancies.filter((d) => d.severity === sev);
    counts[sev] = items.length;
    if (!items.length) continue;
    out.push("");
    out.push(`${HEADINGS[sev]} (${items.length})`);
    for (const d of items) {
      const conf = typeof d.confidence === "number" ? `, confidence ${d.confidence.toFixed(2)}` : "";
      out.push(`  • ${d.message}  [${d.kind}${conf}]`);
      for (const e of d.evidence) {
        out.push(`      ${e.doc} #${e.claim}: ${quote(e.text)}`);
      }
      out.push(`      fingerprint ${d.fingerprint}`);
    }
  }

  out.push("");
  const total = report.discrepancies.length;
  const parts = [`${counts.error} error${counts.error === 1 ? "" : "s"}`, `${counts.warning} warning${counts.warning === 1 ? "" : "s"}`, `${counts.info} info`];
  let summary = total === 0 ? "No discrepancies" : `${plural(total, "discrepancy", "discrepancies")} (${parts.join(", ")})`;
  if (report.suppressed) summary += `, ${report.suppressed} suppressed`;
  if (report.timings && typeof report.timings.totalMs === "number") summary += ` · ${Math.round(report.timings.totalMs)} ms`;
  out.push(summary);
  return out.join("\n") + "\n";
}

// ---- Batch ------------------------------------------------------------------------

function errorInfo(err) {
  if (err && err.name === "ClaimdiffError") return { message: err.message, code: err.code };
  if (err instanceof SyntaxError) return { message: `invalid JSON: ${err.message}`, code: "invalid_json" };
  return { message: String((err && err.message) || err), code: "internal" };
}

async function runBatch(path, cliOptions, date) {
  const input = path === "-" ? process.stdin : createReadStream(path, "utf8");
  const opened = new Promise((resolve, reject) => {
    if (path === "-") resolve();
    input.once("open", resolve);
    input.once("error", reject);
  });
  try {
    await opened;
  } catch (err) {
    fail(`cannot read ${path}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
  }
  let failed = 0;
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo += 1;
    if (!line.trim()) continue;
    let result;
    try {
      const item = JSON.parse(line);
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        throw Object.assign(new Error('a line must be an object {"documents": [...], "options": {...}}'), {
          name: "ClaimdiffError",
          code: "invalid_input",
        });
      }
      let docs = item.documents;
      if (date && Array.isArray(docs)) docs = docs.map((d) => (d && typeof d === "object" && d.date === undefined ? { ...d, date } : d));
      result = compare(docs, { ...cliOptions, ...(item.options || {}) });
    } catch (err) {
      failed += 1;
      result = { error: errorInfo(err), line: lineNo };
    }
    process.stdout.write(JSON.stringify(result) + "\n");
  }
  return failed ? 1 : 0;
}

// ---- Main -------------------------------------------------------------------------

async function main(argv) {
  let cmd;
  try {
    cmd = parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError) fail(err.message, { usage: true });
    throw err;
  }
  const { values, positionals, options } = cmd;
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (values.version) {
    process.stdout.write(`claimdiff ${version()}\n`);
    return 0;
  }
  if (values.batch !== undefined) {
    if (positionals.length) fail("--batch takes no FILE arguments", { usage: true });
    return runBatch(values.batch, options, values.date);
  }
  if (positionals.length === 0) fail("no files given", { usage: true });

  const documents = readDocuments(positionals, values.date);
  let report;
  try {
    report = compare(documents, options);
  } catch (err) {
    if (err && err.name === "ClaimdiffError") fail(`${err.message} (${err.code})`);
    throw err;
  }
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + "\n" : formatReport(report));
  return 0;
}

// `claimdiff ... | head` closes the pipe early: that is not an error.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`claimdiff: internal error: ${(err && err.stack) || err}\n`);
    process.exitCode = 2;
  },
);
