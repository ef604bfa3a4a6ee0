// claimdiff demo page: plain ES module, no framework.
//
// Security rule for this file: article text, file names, ids and every string
// that comes out of the report are put into the page with textContent or text
// nodes only. Nothing here assigns innerHTML/outerHTML or uses
// insertAdjacentHTML, and HTML files are parsed in an inert document
// (DOMParser) that never touches the live DOM.

const EXAMPLES_DIR = "examples/articles/";
/** Files larger than this are refused before reading (the library's own default limit is 4 MB). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const FILE_EXTENSIONS = new Set(["txt", "text", "md", "markdown", "html", "htm"]);
const HTML_BLOCKS =
  "address,article,aside,blockquote,dd,div,dl,dt,figcaption,figure,footer,form,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,table,tr,td,th,ul";

const el = (id) => document.getElementById(id);
const ui = {
  alert: el("alert"),
  alertTitle: el("alert-title"),
  alertMessage: el("alert-message"),
  alertClose: el("alert-close"),
  documents: el("documents"),
  template: el("document-template"),
  addDocument: el("add-document"),
  fileInput: el("file-input"),
  loadExamples: el("load-examples"),
  mode: el("mode"),
  compare: el("compare"),
  status: el("status"),
  version: el("version"),
  results: el("results"),
  summary: el("summary"),
  discrepancyCount: el("discrepancy-count"),
  discrepancyList: el("discrepancy-list"),
  noDiscrepancies: el("no-discrepancies"),
  onlyFlagged: el("only-flagged"),
  table: el("alignment-table"),
  headRow: el("alignment-head-row"),
  body: el("alignment-body"),
};

/** The loaded wasm module ({ compare, version }) or null. */
let wasm = null;
let cardSeq = 0;
/** Original text of cards loaded from the examples, to know whether they were edited. */
const exampleText = new WeakMap();
/** Per discrepancy index: the row and span elements it points at (filled by render). */
let discrepancyTargets = [];
let activeDiscrepancy = -1;

function setState(state) {
  document.body.dataset.state = state;
}

// ---------------------------------------------------------------- alerts

function showError(err, context, log = true) {
  const isClaimdiff = err && err.name === "ClaimdiffError";
  let title;
  if (isClaimdiff) {
    title = `Could not compare (${err.code || "error"})`;
  } else {
    title = context || "Something went wrong";
  }
  const message = err && typeof err === "object" && "message" in err ? String(err.message) : String(err);
  ui.alertTitle.textContent = title;
  ui.alertMessage.textContent = message;
  ui.alert.dataset.code = isClaimdiff ? String(err.code || "") : "";
  ui.alert.hidden = false;
  const box = ui.alert.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) ui.alert.scrollIntoView({ block: "nearest" });
  // Unexpected failures also go to the console for developers; input errors are only shown.
  if (log && !isClaimdiff) console.error(context || "claimdiff", err);
}

function clearAlert() {
  ui.alert.hidden = true;
  ui.alertTitle.textContent = "";
  ui.alertMessage.textContent = "";
  delete ui.alert.dataset.code;
}

function setStatus(text, isError = false) {
  ui.status.textContent = text;
  ui.status.classList.toggle("status-error", isError);
}

// ---------------------------------------------------------------- document cards

function cards() {
  return Array.from(ui.documents.querySelectorAll(".doc-card"));
}

function cardField(card, name) {
  return card.querySelector(`[data-field="${name}"]`);
}

function usedIds(except) {
  const ids = new Set();
  for (const card of cards()) {
    if (card !== except) ids.add(cardField(card, "id").value.trim());
  }
  return ids;
}

/** `base`, or `base-2`, `base-3`, … whichever no other card uses. */
function uniqueId(base, except) {
  const ids = usedIds(except);
  const clean = (base || "").trim() || "doc";
  if (!ids.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const candidate = `${clean}-${n}`;
    if (!ids.has(candidate)) return candidate;
  }
}

function nextDefaultId() {
  const ids = usedIds();
  for (let n = 1; ; n++) {
    if (!ids.has(`doc${n}`)) return `doc${n}`;
  }
}

function updateCharCount(card) {
  const text = cardField(card, "text").value;
  const count = card.querySelector(".char-count");
  count.textContent = text.length === 0 ? "empty" : `${text.length.toLocaleString("en")} characters`;
}

function updateCardLabel(card) {
  const id = cardField(card, "id").value.trim() || "untitled";
  card.setAttribute("aria-label", `Document ${id}`);
  card.querySelector('[data-action="remove"]').setAttribute("aria-label", `Remove document ${id}`);
}

/**
 * Adds a document card. All values are set as properties (never as markup).
 * @returns {HTMLElement} the card
 */
function addCard({ id, text = "", lang = "", date = "", title = "", source = "" } = {}) {
  const fragment = ui.template.content.cloneNode(true);
  const card = fragment.querySelector(".doc-card");
  const n = ++cardSeq;
  card.dataset.card = String(n);
  for (const label of card.querySelectorAll("label[data-for]")) {
    const field = cardField(card, label.dataset.for);
    field.id = `doc-${n}-${label.dataset.for}`;
    label.htmlFor = field.id;
  }
  cardField(card, "id").value = id ? uniqueId(id) : nextDefaultId();
  cardField(card, "lang").value = lang || "";
  cardField(card, "date").value = /^\d{4}-\d{2}-\d{2}$/.test(date || "") ? date : "";
  cardField(card, "text").value = text;
  const heading = card.querySelector(".doc-title");
  heading.textContent = title || `Document ${n}`;
  if (title) heading.title = title;
  if (source) card.dataset.source = source;
  if (source === "example") exampleText.set(card, text);
  updateCharCount(card);
  updateCardLabel(card);
  ui.documents.append(card);
  return card;
}

function removeCard(card) {
  const all = cards();
  const i = all.indexOf(card);
  card.remove();
  const rest = cards();
  const next = rest[Math.min(i, rest.length - 1)];
  if (next) next.querySelector('[data-action="remove"]').focus();
  else ui.addDocument.focus();
}

function isBlank(card) {
  return cardField(card, "text").value.trim() === "";
}

function isUneditedExample(card) {
  return card.dataset.source === "example" && exampleText.get(card) === cardField(card, "text").value;
}

/** The documents to compare; fills in missing ids; throws a ClaimdiffError-like error on duplicates. */
function gatherDocuments() {
  const docs = [];
  const seen = new Set();
  for (const card of cards()) {
    const text = cardField(card, "text").value;
    if (text.trim() === "") continue; // empty cards are ignored, not an error
    const idInput = cardField(card, "id");
    if (idInput.value.trim() === "") {
      idInput.value = uniqueId(nextDefaultId(), card);
      updateCardLabel(card);
    }
    const id = idInput.value.trim();
    if (seen.has(id)) {
      const err = new Error(`Two documents have the id "${id}". Give each document its own id.`);
      err.name = "ClaimdiffError";
      err.code = "invalid_input";
      idInput.focus();
      throw err;
    }
    seen.add(id);
    const doc = { id, text };
    const lang = cardField(card, "lang").value.trim();
    if (lang) doc.lang = lang;
    const date = cardField(card, "date").value;
    if (date) doc.date = date;
    docs.push(doc);
  }
  return docs;
}

// ---------------------------------------------------------------- files

function extensionOf(name) {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : "";
}

/** "pl.txt" -> "pl", "story.sr-Cyrl.html" -> "sr-Cyrl", "notes.txt" -> "". */
function guessLang(stem) {
  const parts = stem.split(/[._\s]+/);
  for (const part of [parts[parts.length - 1], parts[0]]) {
    if (/^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$/.test(part)) return part;
  }
  return "";
}

function normalizeWhitespace(text) {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Reduces an HTML file to its text. The markup is parsed into an inert
 * document (no scripts run, nothing loads) and only textContent is read.
 * (Chromium still logs a CSP violation for each inline handler such as
 * onerror="…" in the file: that is the page's CSP refusing it; the inert
 * document would not have run it anyway.)
 */
function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const title = (doc.title || "").trim();
  for (const node of doc.querySelectorAll("script, style, noscript, template, iframe, object, embed, svg, head")) {
    node.remove();
  }
  const root = doc.body || doc.documentElement;
  if (!root) return { text: "", title };
  for (const br of root.querySelectorAll("br")) br.replaceWith("\n");
  for (const block of root.querySelectorAll(HTML_BLOCKS)) {
    block.before("\n\n");
    block.after("\n\n");
  }
  return { text: normalizeWhitespace(root.textContent || ""), title };
}

async function readFileAsDocument(file) {
  const ext = extensionOf(file.name);
  const isText = FILE_EXTENSIONS.has(ext) || (file.type || "").startsWith("text/");
  if (!isText) throw new Error(`"${file.name}" is not a text, Markdown or HTML file.`);
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`"${file.name}" is too large (${Math.round(file.size / 1048576)} MB).`);
  }
  let text = await file.text();
  let title = file.name;
  if (ext === "html" || ext === "htm" || file.type === "text/html") {
    const parsed = htmlToText(text);
    text = parsed.text;
    if (parsed.title) title = `${parsed.title} (${file.name})`;
  }
  const stem = file.name.replace(/\.[^.]*$/, "") || file.name;
  const id = stem.replace(/\s+/g, "-").slice(0, 64);
  return { id, text, lang: guessLang(stem), title, source: "file" };
}

async function addFiles(fileList) {
  const files = Array.from(fileList || []);
  if (files.length === 0) return;
  clearAlert();
  const problems = [];
  let added = 0;
  for (const file of files) {
    try {
      const doc = await readFileAsDocument(file);
      // Reuse an empty card rather than leaving it dangling.
      const blank = cards().find((c) => isBlank(c) && !c.dataset.source);
      if (blank) blank.remove();
      addCard(doc);
      added++;
    } catch (err) {
      problems.push(err.message || String(err));
    }
  }
  if (problems.length) showError(new Error(problems.join(" ")), "Some files were not added", false);
  setStatus(added ? `Added ${added} file${added === 1 ? "" : "s"}.` : "");
}

// ---------------------------------------------------------------- examples

async function fetchOk(url) {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

async function loadExamples() {
  clearAlert();
  setStatus("Loading examples…");
  const base = new URL(EXAMPLES_DIR, document.baseURI);
  const index = await (await fetchOk(new URL("index.json", base))).json();
  const entries = Array.isArray(index && index.documents) ? index.documents : [];
  if (entries.length === 0) throw new Error("examples/articles/index.json lists no documents.");
  const docs = await Promise.all(
    entries.map(async (entry) => {
      const url = new URL(String(entry.file), base);
      if (url.origin !== location.origin) throw new Error(`Example file outside this site: ${entry.file}`);
      const text = await (await fetchOk(url)).text();
      return {
        id: String(entry.id || ""),
        text,
        lang: entry.lang ? String(entry.lang) : "",
        date: entry.date ? String(entry.date) : "",
        title: entry.title ? String(entry.title) : "",
        source: "example",
      };
    }),
  );
  // Make room: drop empty cards and untouched earlier examples; keep anything the user wrote.
  for (const card of cards()) {
    if (isBlank(card) || isUneditedExample(card)) card.remove();
  }
  for (const doc of docs) addCard(doc);
  setStatus(index.about ? "Examples loaded." : `Loaded ${docs.length} example documents.`);
  const about = el("examples-about");
  if (about) about.remove();
  if (index.about) {
    const details = document.createElement("details");
    details.id = "examples-about";
    details.className = "about";
    const summary = document.createElement("summary");
    summary.textContent = "About these examples";
    const p = document.createElement("p");
    p.textContent = String(index.about);
    details.append(summary, p);
    ui.documents.before(details);
  }
}

// ---------------------------------------------------------------- compare

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

let comparing = false;

async function runCompare() {
  if (comparing) return;
  clearAlert();
  if (!wasm) {
    showError(new Error("The claimdiff WebAssembly module is not loaded (build it with scripts/build.sh)."), "Not ready");
    setState("error");
    return;
  }
  let docs;
  try {
    docs = gatherDocuments();
  } catch (err) {
    showError(err);
    setStatus("Not compared: see the message above.", true);
    setState("error");
    return;
  }
  comparing = true;
  ui.compare.disabled = true;
  ui.compare.setAttribute("aria-busy", "true");
  setState("comparing");
  setStatus("Comparing…");
  await nextFrame(); // let the page paint the busy state before the synchronous call
  try {
    const options = { mode: ui.mode.value };
    const started = performance.now();
    const report = wasm.compare(docs, options);
    const elapsed = performance.now() - started;
    renderReport(report, docs);
    setStatus(`Compared ${docs.length} documents in ${Math.round(elapsed)} ms.`);
    setState("compared");
    ui.results.hidden = false;
  } catch (err) {
    showError(err);
    setStatus("Not compared: see the message above.", true);
    ui.results.classList.add("stale");
    setState("error");
  } finally {
    comparing = false;
    ui.compare.disabled = false;
    ui.compare.removeAttribute("aria-busy");
  }
}

// ---------------------------------------------------------------- rendering

const claimKey = (doc, index) => `${doc}\u0000${index}`;

function clear(node) {
  while (node.firstChild) node.firstChild.remove();
}

function span(className, text) {
  const s = document.createElement("span");
  if (className) s.className = className;
  s.textContent = text;
  return s;
}

function renderReport(report, docs) {
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  const documents = Array.isArray(report.documents) ? report.documents : [];
  const groups = (report.alignment && report.alignment.groups) || [];
  const discrepancies = Array.isArray(report.discrepancies) ? report.discrepancies : [];

  // claim lookup per document: index -> claim
  const claims = new Map();
  for (const d of documents) {
    const byIndex = new Map();
    for (const c of d.claims || []) byIndex.set(c.index, c);
    claims.set(d.id, byIndex);
  }

  // row of each claim
  const rowOf = new Map();
  groups.forEach((g, row) => {
    for (const [doc, indices] of Object.entries(g.claims || {})) {
      for (const i of indices) rowOf.set(claimKey(doc, i), row);
    }
  });

  // evidence per claim, and rows per discrepancy
  const evidenceByClaim = new Map();
  const rowsByDiscrepancy = discrepancies.map(() => new Set());
  const flaggedRows = new Map(); // row -> worst severity
  const rank = { info: 0, warning: 1, error: 2 };
  discrepancies.forEach((d, di) => {
    for (const ev of d.evidence || []) {
      const key = claimKey(ev.doc, ev.claim);
      if (!evidenceByClaim.has(key)) evidenceByClaim.set(key, []);
      evidenceByClaim.get(key).push({ start: ev.start, end: ev.end, d: di });
      const row = rowOf.get(key);
      if (row !== undefined) {
        rowsByDiscrepancy[di].add(row);
        const prev = flaggedRows.get(row);
        if (prev === undefined || rank[d.severity] > rank[prev]) flaggedRows.set(row, d.severity);
      }
    }
  });
  discrepancyTargets = discrepancies.map(() => ({ rows: [], spans: [] }));
  activeDiscrepancy = -1;

  // summary
  const mode = (report.alignment && report.alignment.mode) || "?";
  const parts = [
    `${mode} mode`,
    `${documents.length} documents`,
    `${groups.length} aligned rows`,
    `${discrepancies.length} discrepanc${discrepancies.length === 1 ? "y" : "ies"}`,
  ];
  if (report.suppressed) parts.push(`${report.suppressed} suppressed`);
  if (report.timings && typeof report.timings.totalMs === "number") parts.push(`${report.timings.totalMs.toFixed(1)} ms`);
  if (report.version) parts.push(`claimdiff ${report.version}`);
  ui.summary.textContent = parts.join(" · ");
  ui.results.classList.remove("stale");

  // header
  clear(ui.headRow);
  const corner = document.createElement("th");
  corner.scope = "col";
  corner.className = "rownum";
  corner.textContent = "#";
  ui.headRow.append(corner);
  for (const d of documents) {
    const th = document.createElement("th");
    th.scope = "col";
    th.dataset.doc = d.id;
    th.append(span("doc-id", d.id));
    const meta = [];
    meta.push(d.langDetected ? `${d.lang} (detected)` : d.lang);
    if (d.date) meta.push(d.date);
    meta.push(`${(d.claims || []).length} claims`);
    th.append(span("doc-meta", meta.join(" · ")));
    ui.headRow.append(th);
  }

  // rows
  clear(ui.body);
  const fragment = document.createDocumentFragment();
  groups.forEach((g, row) => {
    const tr = document.createElement("tr");
    tr.id = `row-${row + 1}`;
    tr.dataset.row = String(row + 1);
    tr.tabIndex = -1;
    const severity = flaggedRows.get(row);
    if (severity) {
      tr.classList.add("flagged", `sev-${severity}`);
    }
    const th = document.createElement("th");
    th.scope = "row";
    th.className = "rownum";
    th.textContent = String(row + 1);
    if (typeof g.score === "number") th.title = `alignment confidence ${Math.round(g.score * 100)} %`;
    tr.append(th);
    for (const d of documents) {
      const td = document.createElement("td");
      td.dataset.doc = d.id;
      const indices = (g.claims && g.claims[d.id]) || [];
      if (indices.length === 0) {
        td.className = "empty";
        td.dataset.empty = "true";
        td.append(span("no-counterpart", "no counterpart"));
      } else {
        for (const index of indices) {
          const claim = claims.get(d.id) && claims.get(d.id).get(index);
          if (!claim) continue;
          const evidence = evidenceByClaim.get(claimKey(d.id, index)) || [];
          td.append(renderClaim(d.id, texts.get(d.id), claim, evidence, discrepancies));
        }
      }
      tr.append(td);
    }
    fragment.append(tr);
  });
  ui.body.append(fragment);

  for (const tr of ui.body.rows) {
    const row = Number(tr.dataset.row) - 1;
    rowsByDiscrepancy.forEach((rows, di) => {
      if (rows.has(row)) discrepancyTargets[di].rows.push(tr);
    });
  }

  renderDiscrepancies(discrepancies, rowsByDiscrepancy);
}

/**
 * One claim: its text from the document, split into text nodes and <mark>s.
 * Facts get <mark class="fact">; spans cited as evidence get the extra class
 * "evidence". Evidence covering the whole claim (omissions) marks the claim.
 */
function renderClaim(docId, docText, claim, evidence, discrepancies) {
  const box = document.createElement("p");
  box.className = "claim";
  box.dataset.doc = docId;
  box.dataset.claim = String(claim.index);
  const cs = claim.start;
  const ce = claim.end;
  const sliceOf = (a, b) =>
    typeof docText === "string" ? docText.slice(a, b) : String(claim.text || "").slice(a - cs, b - cs);

  const facts = (claim.facts || [])
    .filter((f) => f.end > cs && f.start < ce && f.end > f.start)
    .map((f, i) => ({ ...f, i, start: Math.max(f.start, cs), end: Math.min(f.end, ce) }));
  const wholeClaim = [];
  const spans = [];
  for (const ev of evidence) {
    if (ev.start <= cs && ev.end >= ce) wholeClaim.push(ev);
    else if (ev.end > cs && ev.start < ce && ev.end > ev.start) {
      spans.push({ ...ev, start: Math.max(ev.start, cs), end: Math.min(ev.end, ce) });
    }
  }
  if (wholeClaim.length) {
    box.classList.add("claim-evidence");
    const ids = wholeClaim.map((ev) => ev.d);
    box.dataset.disc = ids.join(" ");
    box.title = ids.map((i) => discrepancies[i].message).join("\n");
    for (const i of new Set(ids)) discrepancyTargets[i].spans.push(box);
  }

  const points = new Set([cs, ce]);
  for (const r of [...facts, ...spans]) {
    points.add(r.start);
    points.add(r.end);
  }
  const sorted = Array.from(points).sort((a, b) => a - b);
  // Segments with the same fact and the same evidence are merged.
  const segments = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const a = sorted[k];
    const b = sorted[k + 1];
    if (b <= a) continue;
    const fact = facts.find((f) => f.start <= a && f.end >= b);
    const evs = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.d);
    const key = `${fact ? fact.i : "-"}|${evs.join(",")}`;
    const last = segments[segments.length - 1];
    if (last && last.key === key && last.end === a) last.end = b;
    else segments.push({ start: a, end: b, key, fact, evs });
  }

  for (const seg of segments) {
    const text = sliceOf(seg.start, seg.end);
    if (!seg.fact && seg.evs.length === 0) {
      box.append(document.createTextNode(text));
      continue;
    }
    const mark = document.createElement("mark");
    mark.textContent = text;
    mark.dataset.doc = docId;
    mark.dataset.start = String(seg.start);
    mark.dataset.end = String(seg.end);
    const titles = [];
    if (seg.fact) {
      mark.classList.add("fact");
      const f = seg.fact;
      const v = f.value || {};
      if (f.kind === "number" && typeof v.value === "number") {
        titles.push(`${v.percent ? "percentage" : "number"}: ${v.value.toLocaleString("en")}${v.percent ? " %" : ""}`);
      } else if (f.kind === "date" || f.kind === "entity" || f.kind === "source") {
        titles.push(`${f.kind}: ${v.iso || v.key || ""}`);
      }
    }
    if (seg.evs.length) {
      mark.classList.add("evidence");
      const ids = Array.from(new Set(seg.evs));
      mark.dataset.disc = ids.join(" ");
      for (const i of ids) {
        titles.push(discrepancies[i].message);
        discrepancyTargets[i].spans.push(mark);
      }
    }
    if (titles.length) mark.title = titles.join("\n");
    box.append(mark);
  }
  return box;
}

function renderDiscrepancies(discrepancies, rowsByDiscrepancy) {
  clear(ui.discrepancyList);
  ui.discrepancyCount.textContent = `(${discrepancies.length})`;
  ui.noDiscrepancies.hidden = discrepancies.length !== 0;
  discrepancies.forEach((d, i) => {
    const li = document.createElement("li");
    li.dataset.kind = d.kind;
    li.dataset.severity = d.severity;
    const button = document.createElement("button");
    button.type = "button";
    button.className = `discrepancy sev-${d.severity}`;
    button.dataset.index = String(i);
    button.setAttribute("aria-pressed", "false");
    const head = document.createElement("span");
    head.className = "disc-head";
    head.append(span(`badge kind kind-${d.kind}`, d.kind), span(`badge severity sev-${d.severity}`, d.severity));
    if (typeof d.confidence === "number") head.append(span("confidence", `${Math.round(d.confidence * 100)} %`));
    const rows = Array.from(rowsByDiscrepancy[i]).sort((a, b) => a - b).map((r) => r + 1);
    if (rows.length) head.append(span("rows", `row ${rows.join(", ")}`));
    button.append(head, span("disc-message", d.message));
    const evidence = (d.evidence || []).filter((ev) => ev.text);
    if (evidence.length) {
      const list = document.createElement("span");
      list.className = "disc-evidence";
      for (const ev of evidence) {
        const item = document.createElement("span");
        item.className = "ev";
        const evText = span("ev-text", ev.text);
        evText.title = ev.text;
        item.append(span("ev-doc", ev.doc), evText);
        list.append(item);
      }
      button.append(list);
    }
    button.addEventListener("click", () => focusDiscrepancy(i));
    li.append(button);
    ui.discrepancyList.append(li);
  });
}

function focusDiscrepancy(i) {
  for (const node of ui.results.querySelectorAll(".active")) node.classList.remove("active");
  for (const b of ui.discrepancyList.querySelectorAll("button[aria-pressed]")) b.setAttribute("aria-pressed", "false");
  const target = discrepancyTargets[i];
  if (!target) return;
  activeDiscrepancy = i;
  const button = ui.discrepancyList.querySelector(`button[data-index="${i}"]`);
  if (button) button.setAttribute("aria-pressed", "true");
  if (ui.onlyFlagged.checked && target.rows.some((r) => !r.classList.contains("flagged"))) {
    ui.onlyFlagged.checked = false;
    ui.table.classList.remove("only-flagged");
  }
  for (const row of target.rows) {
    row.classList.add("active");
    row.classList.remove("flash");
    void row.offsetWidth; // restart the animation
    row.classList.add("flash");
  }
  for (const s of target.spans) s.classList.add("active");
  const first = target.spans[0] || target.rows[0];
  if (first) {
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    first.scrollIntoView({ block: "center", inline: "center", behavior: smooth ? "smooth" : "auto" });
  }
  if (target.rows[0]) target.rows[0].focus({ preventScroll: true });
}

// ---------------------------------------------------------------- events

function markStale() {
  if (!ui.results.hidden && !ui.results.classList.contains("stale")) {
    ui.results.classList.add("stale");
    ui.summary.textContent += " · documents changed since, compare again";
  }
}

function wireEvents() {
  ui.alertClose.addEventListener("click", clearAlert);
  ui.addDocument.addEventListener("click", () => {
    const card = addCard();
    cardField(card, "text").focus();
  });
  ui.fileInput.addEventListener("change", async () => {
    await addFiles(ui.fileInput.files);
    ui.fileInput.value = "";
  });
  ui.loadExamples.addEventListener("click", async () => {
    try {
      await loadExamples();
    } catch (err) {
      showError(err, "Could not load the examples");
      setStatus("");
    }
  });
  ui.compare.addEventListener("click", runCompare);
  ui.onlyFlagged.addEventListener("change", () => {
    ui.table.classList.toggle("only-flagged", ui.onlyFlagged.checked);
  });

  ui.documents.addEventListener("input", (event) => {
    const card = event.target.closest(".doc-card");
    if (!card) return;
    if (event.target.dataset.field === "text") updateCharCount(card);
    if (event.target.dataset.field === "id") updateCardLabel(card);
    markStale();
  });
  ui.documents.addEventListener("click", (event) => {
    const button = event.target.closest('[data-action="remove"]');
    if (button) {
      removeCard(button.closest(".doc-card"));
      markStale();
    }
  });
  ui.documents.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runCompare();
    }
  });

  // Drag and drop of files anywhere on the page.
  const hasFiles = (event) => Boolean(event.dataTransfer && Array.from(event.dataTransfer.types || []).includes("Files"));
  let dragDepth = 0;
  document.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth++;
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", (event) => {
    if (!hasFiles(event)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) document.body.classList.remove("dragging");
  });
  document.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth = 0;
    document.body.classList.remove("dragging");
    addFiles(event.dataTransfer.files);
  });
}

// ---------------------------------------------------------------- start

async function loadWasm() {
  const module = await import("./pkg/claimdiff.js");
  await module.default();
  return module;
}

function wantsExamples() {
  const params = new URLSearchParams(location.search);
  return params.has("examples") || location.hash === "#examples";
}

async function main() {
  wireEvents();
  const auto = wantsExamples();
  if (!auto) {
    addCard();
    addCard();
  }
  try {
    wasm = await loadWasm();
    const v = typeof wasm.version === "function" ? wasm.version() : "";
    if (v) ui.version.textContent = `claimdiff ${v}`;
  } catch (err) {
    if (cards().length === 0) {
      addCard();
      addCard();
    }
    showError(
      new Error(`Could not load ./pkg/claimdiff.js (${err && err.message ? err.message : err}). Build it with scripts/build.sh.`),
      "claimdiff is not available",
    );
    setState("error");
    return;
  }
  setState("ready");
  if (auto) {
    try {
      await loadExamples();
    } catch (err) {
      showError(err, "Could not load the examples");
      if (cards().length === 0) {
        addCard();
        addCard();
      }
      setState("error");
      return;
    }
    await runCompare();
  }
}

main();
