// <claim-diff>: the claimdiff view as a custom element for any page.
//
//   <script type="module" src="/path/to/claim-diff.js"></script>
//   <claim-diff mode="auto" min-severity="info">
//     <article lang="pl" data-date="2024-06-19" data-id="pl">…</article>
//     <article lang="sl">…</article>
//   </claim-diff>
//
// Or set `element.documents = [{id, text, lang?, date?}]`. The view lives in a
// shadow root (the host page's CSS cannot reach it); worker.js, pkg/ and
// view.css are found next to this script through import.meta.url. Fires
// `report` (detail: the report) after each comparison and `error` (detail: the Error).

import { Comparer } from "./compare-client.js";
import { ReportView, h } from "./render.js";

const CSS_URL = new URL("./view.css", import.meta.url).href;

/** An <article>'s text: its paragraphs, or its whole text, with the HTML source's line breaks folded. */
function articleText(article) {
  const paragraphs = [...article.querySelectorAll("p")];
  const parts = paragraphs.length ? paragraphs.map((p) => p.textContent) : [article.textContent];
  return parts.map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean).join("\n\n");
}

class ClaimDiffElement extends HTMLElement {
  static observedAttributes = ["mode", "min-severity"];

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    this.statusLine = h("p", { class: "cd-status", role: "status" });
    this.container = h("div", { class: "cd-view" });
    root.append(h("link", { rel: "stylesheet", href: CSS_URL }), h("div", { class: "cd-root" }, this.statusLine, this.container));
    this.view = new ReportView(this.container);
    this._documents = null;
    this.report = null;
  }

  connectedCallback() {
    // Child articles may be added or edited after the element upgrades.
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["lang", "data-date", "data-id"] });
    this.schedule();
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.comparer?.cancel();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.schedule();
  }

  /** The documents compared: the property when set, else the child <article>s. */
  get documents() {
    if (this._documents) return this._documents;
    const used = new Set();
    return [...this.querySelectorAll(":scope > article")].map((a, i) => {
      let id = a.dataset.id || a.lang || `doc${i + 1}`;
      while (used.has(id)) id += `-${i + 1}`;
      used.add(id);
      const doc = { id, text: articleText(a) };
      if (a.lang) doc.lang = a.lang;
      if (a.dataset.date) doc.date = a.dataset.date;
      return doc;
    });
  }

  set documents(value) {
    this._documents = Array.isArray(value) ? value : null;
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), 0); // one comparison for a burst of changes
  }

  async run() {
    const documents = this.documents;
    if (documents.length < 2) {
      this.statusLine.textContent = "Add at least two documents to compare.";
      return;
    }
    const options = { mode: this.getAttribute("mode") || "auto", minSeverity: this.getAttribute("min-severity") || "info" };
    this.comparer ??= new Comparer();
    this.statusLine.textContent = `Comparing ${documents.length} documents…`;
    this.setAttribute("aria-busy", "true");
    try {
      const report = await this.comparer.compare(documents, options);
      this.report = report;
      this.statusLine.textContent = "";
      this.view.render(report, new Map(documents.map((d) => [d.id, d.text])));
      this.dispatchEvent(new CustomEvent("report", { detail: report }));
    } catch (err) {
      if (err.name === "AbortError") return; // a newer comparison replaced this one
      this.statusLine.textContent = `claimdiff could not compare: ${err.message}`;
      this.dispatchEvent(new CustomEvent("error", { detail: err }));
    } finally {
      this.removeAttribute("aria-busy");
    }
  }
}

if (!customElements.get("claim-diff")) customElements.define("claim-diff", ClaimDiffElement);
export { ClaimDiffElement };
