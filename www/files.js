// Files in and out: documents from .txt/.md/.html, the report as JSON and CSV, downloads.

const MAX_FILE_BYTES = 16 * 1024 * 1024; // the library refuses over 4 MB per document anyway
const TEXT_EXTENSIONS = new Set(["txt", "text", "md", "markdown", "html", "htm", "json"]);
const HTML_BLOCKS = "address,article,aside,blockquote,dd,div,dl,dt,figcaption,figure,footer,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,table,tr,td,th,ul";

export const extensionOf = (name) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] || "").toLowerCase();

/** "pl.txt" -> "pl", "story.sr-Cyrl.html" -> "sr-Cyrl", "notes.txt" -> "". */
export function guessLang(stem) {
  const parts = stem.split(/[._\s]+/);
  return [parts[parts.length - 1], parts[0]].find((p) => /^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$/.test(p)) || "";
}

function tidy(text) {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * HTML reduced to its text. DOMParser builds an inert document: its scripts
 * never run and its images never load; only textContent is read from it.
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const title = (doc.title || "").trim();
  for (const node of doc.querySelectorAll("script, style, noscript, template, iframe, object, embed, svg, head")) node.remove();
  const root = doc.body || doc.documentElement;
  if (!root) return { text: "", title };
  for (const br of root.querySelectorAll("br")) br.replaceWith("\n");
  for (const block of root.querySelectorAll(HTML_BLOCKS)) {
    block.before("\n\n");
    block.after("\n\n");
  }
  return { text: tidy(root.textContent || ""), title };
}

/** A dropped or opened file: {kind: "document", doc} or {kind: "session", text}. */
export async function readFile(file) {
  const ext = extensionOf(file.name);
  if (!TEXT_EXTENSIONS.has(ext) && !(file.type || "").startsWith("text/")) throw new Error(`"${file.name}" is not a text, Markdown or HTML file.`);
  if (file.size > MAX_FILE_BYTES) throw new Error(`"${file.name}" is too large (${Math.round(file.size / 1048576)} MB).`);
  let text = (await file.text()).replace(/^\uFEFF/, "");
  if (ext === "json") return { kind: "session", text };
  if (ext === "html" || ext === "htm" || file.type === "text/html") text = htmlToText(text).text;
  const stem = file.name.replace(/\.[^.]*$/, "") || file.name;
  return { kind: "document", doc: { id: stem.replace(/\s+/g, "-").slice(0, 64), text, lang: guessLang(stem), date: "" } };
}

// ------------------------------------------------------------ exports

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const reportJson = (report) => JSON.stringify(report, null, 2);

/** One row per piece of evidence; cells that a spreadsheet would run as a formula are quoted with '. */
export function reportCsv(report) {
  const cell = (v) => {
    let s = v === undefined || v === null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [["kind", "severity", "confidence", "message", "fingerprint", "doc", "claim", "start", "end", "text"]];
  for (const d of report.discrepancies || []) {
    for (const e of d.evidence?.length ? d.evidence : [{}]) {
      rows.push([d.kind, d.severity, d.confidence, d.message, d.fingerprint, e.doc, e.claim, e.start, e.end, e.text]);
    }
  }
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export const stamp = () => new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-");
