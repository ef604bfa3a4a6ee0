// The claimdiff page: wires the document cards, settings, storage, the worker
// and the report view together. Article text only ever reaches the page as
// form values or text nodes (see render.js).

import { Comparer } from "./compare-client.js";
import { ReportView } from "./render.js";
import * as store from "./store.js";
import { download, readFile, reportCsv, reportJson, stamp } from "./files.js";

const $ = (id) => document.getElementById(id);
const ui = Object.fromEntries(
  ["alert", "alert-title", "alert-message", "alert-close", "notice", "notice-message", "notice-actions", "notice-close",
   "documents", "document-template", "add-document", "file-input", "load-examples", "mode", "min-severity", "tolerance",
   "compare", "cancel", "status", "version", "results", "view", "stale", "export-json", "export-csv", "copy-link",
   "link-box", "permalink", "suppressed", "suppressed-count", "suppressed-list", "export-session", "session-input", "clear-all",
  ].map((id) => [id.replace(/-(\w)/g, (_, c) => c.toUpperCase()), $(id)]),
);

const comparer = new Comparer();
const view = new ReportView(ui.view, { onSuppress: suppress });
let suppressed = []; // [{fingerprint, kind, message}]
let report = null;
let cardSeq = 0;

const setState = (s) => (document.body.dataset.state = s);

// ------------------------------------------------------------ messages

function showError(err, title = "Something went wrong") {
  ui.alertTitle.textContent = err?.name === "ClaimdiffError" ? `Could not compare (${err.code || "error"}):` : `${title}:`;
  ui.alertMessage.textContent = String(err?.message ?? err);
  ui.alert.hidden = false;
}

function showNotice(message, actions = []) {
  ui.noticeMessage.textContent = message;
  ui.noticeActions.replaceChildren(...actions.map(([label, run]) => Object.assign(document.createElement("button"), { type: "button", textContent: label, onclick: run })));
  ui.notice.hidden = false;
}

const setStatus = (text) => (ui.status.textContent = text);

// ------------------------------------------------------------ document cards

const cards = () => [...ui.documents.querySelectorAll(".doc-card")];
const field = (card, name) => card.querySelector(`[data-field="${name}"]`);

function uniqueId(base, except) {
  const used = new Set(cards().filter((c) => c !== except).map((c) => field(c, "id").value.trim()));
  if (base && !used.has(base)) return base;
  const stem = base || "doc";
  for (let n = base ? 2 : 1; ; n++) if (!used.has(`${stem}${base ? "-" : ""}${n}`)) return `${stem}${base ? "-" : ""}${n}`;
}

function refreshCard(card) {
  const id = field(card, "id").value.trim() || "untitled";
  const length = field(card, "text").value.length;
  card.setAttribute("aria-label", `Document ${id}`);
  card.querySelector(".doc-title").textContent = id;
  card.querySelector("[data-action=remove]").setAttribute("aria-label", `Remove document ${id}`);
  card.querySelector(".char-count").textContent = length ? `${length.toLocaleString("en")} characters` : "empty";
}

function addCard({ id = "", text = "", lang = "", date = "" } = {}) {
  const card = ui.documentTemplate.content.firstElementChild.cloneNode(true);
  const n = ++cardSeq;
  for (const label of card.querySelectorAll("label[data-for]")) {
    const input = field(card, label.dataset.for);
    input.id = `doc-${n}-${label.dataset.for}`;
    label.htmlFor = input.id;
  }
  field(card, "id").value = uniqueId(id.trim());
  field(card, "lang").value = lang;
  field(card, "date").value = date;
  field(card, "text").value = text;
  refreshCard(card);
  ui.documents.append(card);
  return card;
}

/** Replaces blank cards (nothing typed) so added files do not pile up after them. */
function dropBlankCards() {
  for (const card of cards()) if (!field(card, "text").value.trim()) card.remove();
}

// ------------------------------------------------------------ state <-> page

function currentState() {
  return {
    documents: cards().map((card) => ({
      id: field(card, "id").value.trim(),
      text: field(card, "text").value,
      lang: field(card, "lang").value.trim(),
      date: field(card, "date").value,
    })),
    settings: { mode: ui.mode.value, minSeverity: ui.minSeverity.value, numericTolerance: Math.min(0.99, Math.max(0, Number(ui.tolerance.value) / 100 || 0)) },
    suppress: suppressed,
  };
}

function applyState(state) {
  ui.documents.replaceChildren();
  for (const doc of state.documents) addCard(doc);
  while (cards().length < 2) addCard();
  ui.mode.value = state.settings.mode;
  ui.minSeverity.value = state.settings.minSeverity;
  ui.tolerance.value = String(Math.round(state.settings.numericTolerance * 1000) / 10);
  suppressed = state.suppress;
  renderSuppressed();
}

let saveTimer = 0;
function save() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  try {
    store.saveLocal(currentState());
    if (ui.notice.dataset.kind === "storage") ui.notice.hidden = true;
  } catch (err) {
    ui.notice.dataset.kind = "storage";
    showNotice(err.message, [["Save session to file", exportSession]]);
  }
}
const saveSoon = () => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, 300);
};

function changed() {
  saveSoon();
  if (report) ui.stale.hidden = false;
}

// ------------------------------------------------------------ compare

/** The documents to send: cards with text, each with a unique id. */
function documentsToCompare() {
  const docs = [];
  const seen = new Set();
  for (const card of cards()) {
    const text = field(card, "text").value;
    if (!text.trim()) continue;
    const idInput = field(card, "id");
    if (!idInput.value.trim()) idInput.value = uniqueId("", card);
    const id = idInput.value.trim();
    if (seen.has(id)) {
      idInput.focus();
      throw Object.assign(new Error(`Two documents have the id "${id}". Give each its own id.`), { name: "ClaimdiffError", code: "invalid_input" });
    }
    seen.add(id);
    const doc = { id, text };
    if (field(card, "lang").value.trim()) doc.lang = field(card, "lang").value.trim();
    if (field(card, "date").value) doc.date = field(card, "date").value;
    docs.push(doc);
  }
  return docs;
}

let ticker = 0;
async function runCompare() {
  ui.alert.hidden = true;
  let docs;
  try {
    docs = documentsToCompare();
  } catch (err) {
    showError(err);
    setState("error");
    return;
  }
  const state = currentState();
  save();
  setState("comparing");
  ui.results.setAttribute("aria-busy", "true");
  ui.cancel.hidden = false;
  const started = performance.now();
  const tick = () => setStatus(`Comparing ${docs.length} documents… ${((performance.now() - started) / 1000).toFixed(1)} s`);
  tick();
  clearInterval(ticker);
  ticker = setInterval(tick, 200);
  try {
    const result = await comparer.compare(docs, store.compareOptions(state));
    report = result;
    view.render(result, new Map(docs.map((d) => [d.id, d.text])));
    showDetected(result);
    ui.results.hidden = false;
    ui.stale.hidden = true;
    ui.linkBox.hidden = true;
    ui.permalink.value = "";
    setStatus(`Compared ${docs.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    document.body.dataset.compares = String(Number(document.body.dataset.compares || 0) + 1); // lets tests wait for a fresh report
    setState("compared");
  } catch (err) {
    if (err.name === "AbortError") {
      setStatus("Cancelled.");
      setState(report ? "compared" : "ready");
    } else {
      showError(err, "Could not compare");
      setStatus("Not compared: see the message above.");
      setState("error");
    }
  } finally {
    clearInterval(ticker);
    ui.cancel.hidden = true;
    ui.results.removeAttribute("aria-busy");
  }
}

/** Shows the language the library detected next to each card whose language was left empty. */
function showDetected(result) {
  const byId = new Map(result.documents.map((d) => [d.id, d]));
  for (const card of cards()) {
    const d = byId.get(field(card, "id").value.trim());
    const out = card.querySelector(".detected");
    out.textContent = d?.langDetected ? `detected: ${d.lang}` : "";
    field(card, "lang").placeholder = d?.langDetected ? d.lang : "auto";
  }
}

// ------------------------------------------------------------ suppressions

function suppress(d) {
  if (!suppressed.some((s) => s.fingerprint === d.fingerprint)) suppressed = [...suppressed, { fingerprint: d.fingerprint, kind: d.kind, message: d.message }];
  renderSuppressed();
  setStatus(`Suppressed: ${d.message}`);
  runCompare();
}

function restore(fingerprint) {
  suppressed = suppressed.filter((s) => s.fingerprint !== fingerprint);
  renderSuppressed();
  runCompare();
}

function renderSuppressed() {
  ui.suppressedCount.textContent = String(suppressed.length);
  ui.suppressed.hidden = suppressed.length === 0;
  ui.suppressedList.replaceChildren(
    ...suppressed.map((s) => {
      const li = document.createElement("li");
      li.dataset.fingerprint = s.fingerprint;
      const text = document.createElement("span");
      text.textContent = s.message || s.fingerprint;
      const button = Object.assign(document.createElement("button"), { type: "button", textContent: "Restore", onclick: () => restore(s.fingerprint) });
      button.setAttribute("aria-label", `Restore: ${s.message || s.fingerprint}`);
      li.append(text, " ", button);
      return li;
    }),
  );
}

// ------------------------------------------------------------ files, examples, sessions

async function addFiles(files) {
  const problems = [];
  for (const file of files) {
    try {
      const got = await readFile(file);
      if (got.kind === "session") {
        loadSession(store.parseSessionFile(got.text), `Opened session ${file.name}.`);
        continue;
      }
      dropBlankCards();
      addCard(got.doc);
    } catch (err) {
      problems.push(err.message);
    }
  }
  while (cards().length < 2) addCard();
  if (problems.length) showError(new Error(problems.join(" ")), "Some files were not added");
  changed();
}

function loadSession(state, message) {
  applyState(state);
  save();
  setStatus(message);
  if (state.documents.filter((d) => d.text.trim()).length >= 2) runCompare();
}

async function loadExamples() {
  const base = new URL("examples/articles/", location.href);
  const get = async (name) => {
    const response = await fetch(new URL(name, base));
    if (!response.ok) throw new Error(`examples/articles/${name}: HTTP ${response.status}`);
    return response;
  };
  const index = await (await get("index.json")).json();
  const docs = await Promise.all(index.documents.map(async (e) => ({ id: e.id, lang: e.lang || "", date: e.date || "", text: (await (await get(e.file)).text()).replace(/^\uFEFF/, "") })));
  dropBlankCards();
  for (const doc of docs) {
    const same = cards().find((c) => field(c, "id").value.trim() === doc.id);
    if (same) same.remove(); // loading the examples twice replaces them
    addCard(doc);
  }
  changed();
  setStatus(`Loaded ${docs.length} example documents.`);
}

function exportSession() {
  download(`claimdiff-session-${stamp()}.json`, store.sessionFile(currentState()), "application/json");
}

function exportReport(kind) {
  if (!report) return;
  if (kind === "json") download(`claimdiff-report-${stamp()}.json`, reportJson(report), "application/json");
  else download(`claimdiff-report-${stamp()}.csv`, reportCsv(report), "text/csv");
}

async function copyLink() {
  const link = await store.permalink(currentState());
  ui.permalink.value = link;
  ui.linkBox.hidden = false;
  ui.permalink.select();
  try {
    await navigator.clipboard.writeText(link);
    setStatus(`Permalink copied (${Math.round(link.length / 1024)} KB).`);
  } catch {
    setStatus("Copy the selected permalink (the browser did not allow copying).");
  }
  if (link.length > 64_000) showNotice("This permalink is very long; some apps cut such links. A session file is safer for long documents.");
}

// ------------------------------------------------------------ events

function wire() {
  ui.alertClose.onclick = () => (ui.alert.hidden = true);
  ui.noticeClose.onclick = () => (ui.notice.hidden = true);
  ui.addDocument.onclick = () => field(addCard(), "text").focus();
  ui.fileInput.onchange = async () => {
    await addFiles([...ui.fileInput.files]);
    ui.fileInput.value = "";
  };
  ui.sessionInput.onchange = async () => {
    const [file] = ui.sessionInput.files;
    ui.sessionInput.value = "";
    try {
      loadSession(store.parseSessionFile(await file.text()), `Opened session ${file.name}.`);
    } catch (err) {
      showError(err, "Could not open the session");
    }
  };
  ui.loadExamples.onclick = () => loadExamples().catch((err) => showError(err, "Could not load the examples"));
  ui.compare.onclick = runCompare;
  ui.cancel.onclick = () => comparer.cancel();
  ui.exportJson.onclick = () => exportReport("json");
  ui.exportCsv.onclick = () => exportReport("csv");
  ui.copyLink.onclick = () => copyLink().catch((err) => showError(err, "Could not make a permalink"));
  ui.exportSession.onclick = exportSession;
  ui.clearAll.onclick = () => {
    if (!confirm("Remove all documents, settings and suppressions from this page? Save the session to a file first to keep them.")) return;
    applyState(store.emptyState());
    report = null;
    ui.results.hidden = true;
    view.clear();
    save();
  };
  for (const input of [ui.mode, ui.minSeverity, ui.tolerance]) input.addEventListener("change", changed);

  ui.documents.addEventListener("input", (event) => {
    const card = event.target.closest(".doc-card");
    if (card) refreshCard(card);
    changed();
  });
  ui.documents.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action=remove]");
    if (!button) return;
    const card = button.closest(".doc-card");
    const next = card.nextElementSibling || card.previousElementSibling;
    card.remove();
    (next?.querySelector("[data-action=remove]") || ui.addDocument).focus();
    changed();
  });
  ui.documents.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) runCompare();
  });

  // j/k anywhere outside a text field walks through the discrepancies.
  document.addEventListener("keydown", (event) => {
    if (!report || event.ctrlKey || event.metaKey || event.altKey || event.target.closest("input, textarea, select, .cd-list")) return;
    if (event.key === "j" || event.key === "k") view.move(event.key === "j" ? 1 : -1);
  });

  // Files dropped anywhere on the page.
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes("Files");
  let depth = 0;
  document.addEventListener("dragenter", (e) => hasFiles(e) && (e.preventDefault(), depth++, document.body.classList.add("dragging")));
  document.addEventListener("dragleave", (e) => hasFiles(e) && --depth <= 0 && ((depth = 0), document.body.classList.remove("dragging")));
  document.addEventListener("dragover", (e) => hasFiles(e) && e.preventDefault());
  document.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    document.body.classList.remove("dragging");
    addFiles([...e.dataTransfer.files]);
  });
  // Save at once when the tab goes away, not after the debounce.
  addEventListener("pagehide", () => saveTimer && save());
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && saveTimer && save());
}

// ------------------------------------------------------------ start

/** Which state to start from: a permalink, ?examples, the saved session, or two empty cards. */
async function initialState() {
  let saved = null;
  try {
    saved = store.loadLocal();
  } catch (err) {
    showNotice(`The saved session could not be read (${err.message}); starting empty.`);
  }
  const examples = new URLSearchParams(location.search).has("examples");
  let linked = null;
  if (store.hasPermalink()) linked = await store.readPermalink().catch((err) => (showError(err, "Could not open the link"), null));
  // The link or ?examples is used once: a reload must show later edits, not the link again.
  if (store.hasPermalink() || examples) history.replaceState(null, "", location.pathname);
  if ((linked || examples) && saved?.documents.some((d) => d.text.trim())) {
    showNotice(`Opened ${linked ? "the documents from a link" : "the examples"}; your previous documents were put aside.`, [
      ["Bring them back", () => loadSession(saved, "Previous documents restored.")],
    ]);
  }
  if (linked) return { state: linked, compare: true };
  if (examples) return { state: { ...store.emptyState(), settings: saved?.settings || store.DEFAULT_SETTINGS, suppress: saved?.suppress || [] }, examples: true };
  return { state: saved || store.emptyState(), compare: Boolean(saved) };
}

async function main() {
  wire();
  const start = await initialState();
  applyState(start.state);
  try {
    const version = await comparer.ready;
    ui.version.textContent = `claimdiff ${version}`;
  } catch (err) {
    showError(new Error(`${err.message}. Build it with scripts/build.sh.`), "claimdiff is not available");
    setState("error");
    return;
  }
  setState("ready");
  if (start.examples) await loadExamples().catch((err) => showError(err, "Could not load the examples"));
  save();
  if ((start.compare || start.examples) && documentsToCompareCount() >= 2) await runCompare();
}

const documentsToCompareCount = () => cards().filter((c) => field(c, "text").value.trim()).length;

main();
