// The report view, shared by the page (app.js) and the <claim-diff> element.
//
// Rule: every string from a document or the report reaches the DOM through
// textContent / text nodes (the h() helper below); nothing here parses markup.
// The view is written against js/claimdiff.d.ts generically: unknown
// discrepancy kinds, severities and fact kinds are shown with their names.

export const SEVERITIES = ["error", "warning", "info"];
/** Icons so that severity never depends on colour alone. */
export const SEVERITY_ICON = { error: "✖", warning: "▲", info: "ℹ" };
const RANK = { info: 0, warning: 1, error: 2 };
const rank = (s) => RANK[s] ?? -1;

/** Creates an element; props are properties except `class`, `data` and aria-* / role attributes. */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "data") Object.assign(node.dataset, value);
    else if (key.startsWith("aria-") || key === "role" || key === "for") node.setAttribute(key, String(value));
    else node[key] = value;
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function severityBadge(severity) {
  return h("span", { class: `cd-sev cd-sev-${severity}` }, h("span", { "aria-hidden": "true" }, SEVERITY_ICON[severity] || "•"), ` ${severity}`);
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const key = (doc, index) => `${doc}\u0000${index}`;

/**
 * Renders a report into `root` and handles selection.
 * Options: onSuppress(discrepancy) adds a Suppress button to each item;
 * onSelect(index) is told when a discrepancy is chosen.
 */
export class ReportView {
  constructor(root, { onSuppress = null, onSelect = null } = {}) {
    this.root = root;
    this.onSuppress = onSuppress;
    this.onSelect = onSelect;
    this.filter = { severity: new Set(), kind: new Set(), text: "" }; // empty set = all
    this.active = -1;
    this.targets = [];
    this.report = null;
  }

  clear() {
    this.root.replaceChildren();
    this.report = null;
  }

  /** texts: Map of document id -> original text (offsets index into it); claim texts are used when absent. */
  render(report, texts = new Map()) {
    this.report = report;
    this.texts = texts;
    this.active = -1;
    const discrepancies = report.discrepancies || [];
    this.targets = discrepancies.map(() => ({ rows: [], spans: [] }));
    this.index = this.buildIndex(report);
    const grid = this.renderGrid(report);
    this.listBox = h("div", { class: "cd-list" });
    this.root.replaceChildren(
      h("p", { class: "cd-summary" }, this.summary(report)),
      h(
        "div",
        { class: "cd-layout" },
        h(
          "section",
          { class: "cd-discrepancies", "aria-label": "Discrepancies" },
          h("h3", {}, "Discrepancies ", h("span", { class: "cd-count" }, `(${discrepancies.length})`)),
          this.renderFilters(discrepancies),
          h("p", { class: "cd-keys" }, "Keys: ", h("kbd", {}, "j"), "/", h("kbd", {}, "k"), " or ", h("kbd", {}, "↑"), "/", h("kbd", {}, "↓"), " move, ", h("kbd", {}, "Enter"), " shows it in the columns."),
          this.listBox,
        ),
        grid,
      ),
    );
    this.renderList();
  }

  summary(report) {
    const docs = report.documents || [];
    const parts = [
      `${report.alignment?.mode ?? "?"} mode`,
      plural(docs.length, "document"),
      plural(report.alignment?.groups?.length ?? 0, "aligned row"),
      plural((report.discrepancies || []).length, "discrepancy", "discrepancies"),
    ];
    if (report.suppressed) parts.push(`${report.suppressed} hidden by suppressions or minimum severity`);
    if (typeof report.timings?.totalMs === "number") parts.push(`${report.timings.totalMs.toFixed(0)} ms`);
    if (report.version) parts.push(`claimdiff ${report.version}`);
    return parts.join(" · ");
  }

  /** Claim lookup, the row of each claim, and evidence per claim. */
  buildIndex(report) {
    const claims = new Map();
    for (const d of report.documents || []) for (const c of d.claims || []) claims.set(key(d.id, c.index), c);
    const rowOf = new Map();
    (report.alignment?.groups || []).forEach((g, row) => {
      for (const [doc, indices] of Object.entries(g.claims || {})) for (const i of indices) rowOf.set(key(doc, i), row);
    });
    const evidence = new Map();
    const rowSeverity = new Map();
    const discsByRow = new Map(); // row -> Set of discrepancy indices
    (report.discrepancies || []).forEach((d, di) => {
      for (const ev of d.evidence || []) {
        const k = key(ev.doc, ev.claim);
        if (!evidence.has(k)) evidence.set(k, []);
        evidence.get(k).push({ start: ev.start, end: ev.end, d: di });
        const row = rowOf.get(k);
        if (row === undefined) continue;
        if (rank(d.severity) > rank(rowSeverity.get(row))) rowSeverity.set(row, d.severity);
        if (!discsByRow.has(row)) discsByRow.set(row, new Set());
        discsByRow.get(row).add(di);
      }
    });
    return { claims, rowOf, evidence, rowSeverity, discsByRow };
  }

  // ------------------------------------------------------------ discrepancy list

  renderFilters(discrepancies) {
    const count = (field, value) => discrepancies.filter((d) => d[field] === value).length;
    const kinds = [...new Set(discrepancies.map((d) => d.kind))].sort();
    const severities = [...new Set([...SEVERITIES, ...discrepancies.map((d) => d.severity)])].filter((s) => count("severity", s));
    const toggle = (field, value, label) => {
      const set = this.filter[field];
      const button = h(
        "button",
        { type: "button", class: "cd-chip", "aria-pressed": String(set.size === 0 || set.has(value)), data: { field, value } },
        label,
        ` ${count(field, value)}`,
      );
      button.addEventListener("click", () => {
        // First click narrows to this value; later clicks add or remove values.
        if (set.size === 0) set.add(value);
        else if (set.has(value)) set.delete(value);
        else set.add(value);
        this.refreshFilters();
      });
      return button;
    };
    const search = h("input", { type: "search", class: "cd-search", placeholder: "Filter by text", value: this.filter.text, "aria-label": "Filter discrepancies by text" });
    search.addEventListener("input", () => {
      this.filter.text = search.value;
      this.renderList();
    });
    this.filterBox = h(
      "div",
      { class: "cd-filters", role: "group", "aria-label": "Filter discrepancies" },
      h("div", { class: "cd-chips", role: "group", "aria-label": "Severity" }, severities.map((s) => toggle("severity", s, severityBadge(s)))),
      h("div", { class: "cd-chips", role: "group", "aria-label": "Kind" }, kinds.map((k) => toggle("kind", k, k))),
      search,
    );
    return this.filterBox;
  }

  refreshFilters() {
    for (const chip of this.filterBox.querySelectorAll(".cd-chip")) {
      const set = this.filter[chip.dataset.field];
      chip.setAttribute("aria-pressed", String(set.size === 0 || set.has(chip.dataset.value)));
    }
    this.renderList();
  }

  passes(d) {
    const { severity, kind, text } = this.filter;
    if (severity.size && !severity.has(d.severity)) return false;
    if (kind.size && !kind.has(d.kind)) return false;
    const needle = text.trim().toLowerCase();
    if (!needle) return true;
    return [d.message, d.kind, ...(d.evidence || []).map((e) => `${e.doc} ${e.text}`)].join(" ").toLowerCase().includes(needle);
  }

  /** Groups of kind × severity, worst severity first, with counts. */
  renderList() {
    const all = this.report.discrepancies || [];
    const shown = all.map((d, i) => ({ d, i })).filter(({ d }) => this.passes(d));
    const groups = new Map();
    for (const item of shown.sort((a, b) => rank(b.d.severity) - rank(a.d.severity) || a.d.kind.localeCompare(b.d.kind) || a.i - b.i)) {
      const g = `${item.d.kind}\u0000${item.d.severity}`;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(item);
    }
    const nodes = [];
    if (all.length === 0) nodes.push(h("p", { class: "cd-muted cd-none" }, "No discrepancies found."));
    else if (shown.length < all.length) nodes.push(h("p", { class: "cd-muted" }, `Showing ${shown.length} of ${all.length}.`));
    for (const items of groups.values()) {
      const { kind, severity } = items[0].d;
      const headingId = `cd-g-${kind}-${severity}`.replace(/[^\w-]/g, "_");
      nodes.push(
        h(
          "section",
          { class: "cd-group", "aria-labelledby": headingId },
          h("h4", { id: headingId }, severityBadge(severity), ` · ${kind} `, h("span", { class: "cd-count" }, `(${items.length})`)),
          h("ul", {}, items.map(({ d, i }) => this.renderItem(d, i))),
        ),
      );
    }
    this.listBox.replaceChildren(...nodes);
    const buttons = this.itemButtons();
    const current = buttons.find((b) => Number(b.dataset.index) === this.active) || buttons[0];
    if (current) current.tabIndex = 0; // roving tabindex: one stop in the tab order
  }

  renderItem(d, i) {
    const item = h(
      "button",
      { type: "button", class: `cd-item cd-item-${d.severity}`, tabIndex: -1, "aria-pressed": String(i === this.active), data: { index: i, kind: d.kind, severity: d.severity } },
      h("span", { class: "cd-item-head" }, severityBadge(d.severity), h("span", { class: "cd-kind" }, d.kind), typeof d.confidence === "number" ? h("span", { class: "cd-muted" }, `${Math.round(d.confidence * 100)} % sure`) : null),
      h("span", { class: "cd-message" }, d.message),
      h("span", { class: "cd-item-ev" }, (d.evidence || []).map((e) => h("span", { class: "cd-ev" }, h("b", {}, e.doc), " ", e.text))),
    );
    item.addEventListener("click", () => this.select(i));
    item.addEventListener("keydown", (event) => this.onKey(event, item));
    const li = h("li", { data: { kind: d.kind, severity: d.severity, fingerprint: d.fingerprint } }, item);
    if (this.onSuppress) {
      const suppress = h("button", { type: "button", class: "cd-suppress", "aria-label": `Suppress: ${d.message}`, title: "Hide this finding on later comparisons" }, "Suppress");
      suppress.addEventListener("click", () => this.onSuppress(d));
      li.append(suppress);
    }
    return li;
  }

  itemButtons() {
    return [...this.listBox.querySelectorAll(".cd-item")];
  }

  onKey(event, item) {
    const step = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[event.key];
    const buttons = this.itemButtons();
    const at = buttons.indexOf(item);
    let next = null;
    if (step) next = buttons[at + step];
    else if (event.key === "Home") next = buttons[0];
    else if (event.key === "End") next = buttons[buttons.length - 1];
    else return;
    event.preventDefault();
    if (next) this.focusItem(next);
  }

  focusItem(button) {
    for (const b of this.itemButtons()) b.tabIndex = -1;
    button.tabIndex = 0;
    button.focus();
  }

  /** Moves to the next or previous visible discrepancy and shows it (page-wide j/k). */
  move(step) {
    const buttons = this.itemButtons();
    if (!buttons.length) return;
    const at = buttons.findIndex((b) => Number(b.dataset.index) === this.active);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at < 0 ? 0 : at + step))];
    this.focusItem(next);
    this.select(Number(next.dataset.index));
  }

  /** Highlights discrepancy i in every column and scrolls to its evidence. */
  select(i) {
    const target = this.targets[i];
    if (!target) return;
    this.active = i;
    for (const node of this.root.querySelectorAll(".cd-active")) node.classList.remove("cd-active");
    for (const b of this.itemButtons()) b.setAttribute("aria-pressed", String(Number(b.dataset.index) === i));
    for (const node of [...target.rows, ...target.spans]) node.classList.add("cd-active");
    const first = target.spans[0] || target.rows[0];
    const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
    first?.scrollIntoView({ block: "center", inline: "nearest", behavior: smooth ? "smooth" : "auto" });
    this.live.textContent = `${i + 1}: ${this.report.discrepancies[i].message}`;
    this.onSelect?.(i);
  }

  // ------------------------------------------------------------ aligned columns

  renderGrid(report) {
    const docs = report.documents || [];
    const groups = report.alignment?.groups || [];
    const head = h(
      "tr",
      {},
      h("th", { scope: "col", class: "cd-rownum" }, "#"),
      docs.map((d, j) => [
        j ? h("th", { class: "cd-link", "aria-hidden": "true" }) : null,
        h(
          "th",
          { scope: "col", data: { doc: d.id } },
          h("span", { class: "cd-doc-id" }, d.id),
          h("span", { class: "cd-doc-meta" }, [d.langDetected ? `${d.lang} (detected)` : d.lang, d.date, plural((d.claims || []).length, "claim")].filter(Boolean).join(" · ")),
        ),
      ]),
    );
    const body = h("tbody", {}, groups.map((g, row) => this.renderRow(docs, g, row)));
    this.live = h("p", { class: "cd-sr", "aria-live": "polite" });
    return h(
      "section",
      { class: "cd-columns", "aria-label": "Aligned claims" },
      h("h3", {}, "Aligned claims"),
      h(
        "p",
        { class: "cd-legend" },
        h("mark", { class: "cd-fact" }, "fact"),
        " number, date or name · ",
        h("mark", { class: "cd-fact cd-evidence" }, "differs"),
        " · ",
        h("span", { class: "cd-missing-sample" }, "— missing"),
        " no counterpart · lines join claims that say the same",
      ),
      this.live,
      h("div", { class: "cd-scroll", tabIndex: 0, role: "region", "aria-label": "Aligned claims, one column per document" }, h("table", { class: "cd-table" }, h("thead", {}, head), body)),
    );
  }

  renderRow(docs, group, row) {
    const present = docs.map((d) => (group.claims?.[d.id] || []).length > 0);
    const severity = this.index.rowSeverity.get(row);
    const tr = h("tr", { class: severity ? `cd-flagged cd-row-${severity}` : "", data: { row: row + 1 } });
    tr.append(
      h(
        "th",
        { scope: "row", class: "cd-rownum", title: typeof group.score === "number" ? `alignment confidence ${Math.round(group.score * 100)} %` : "" },
        String(row + 1),
        severity ? h("span", { class: `cd-row-icon cd-sev-${severity}`, title: severity }, SEVERITY_ICON[severity] || "•") : null,
      ),
    );
    docs.forEach((d, j) => {
      if (j) tr.append(h("td", { class: `cd-link ${linkState(present, j)}`, "aria-hidden": "true" }));
      const indices = group.claims?.[d.id] || [];
      if (!indices.length) {
        tr.append(h("td", { class: "cd-empty", data: { doc: d.id } }, h("span", { class: "cd-missing" }, `— missing in ${d.id}`)));
        return;
      }
      const td = h("td", { data: { doc: d.id } });
      for (const index of indices) {
        const claim = this.index.claims.get(key(d.id, index));
        if (claim) td.append(this.renderClaim(d.id, claim, row));
      }
      tr.append(td);
    });
    for (const d of this.index.discsByRow.get(row) || []) this.targets[d].rows.push(tr);
    return tr;
  }

  /** One claim as text nodes and <mark>s: facts, and the spans discrepancies cite. */
  renderClaim(docId, claim) {
    const cs = claim.start;
    const ce = claim.end;
    const full = this.texts.get(docId);
    const slice = (a, b) => (typeof full === "string" ? full.slice(a, b) : String(claim.text ?? "").slice(a - cs, b - cs));
    const clip = (r) => ({ ...r, start: Math.max(r.start, cs), end: Math.min(r.end, ce) });
    const facts = (claim.facts || []).filter((f) => f.end > cs && f.start < ce && f.end > f.start).map(clip);
    const evidence = this.index.evidence.get(key(docId, claim.index)) || [];
    const whole = evidence.filter((e) => e.start <= cs && e.end >= ce);
    const spans = evidence.filter((e) => !whole.includes(e) && e.end > cs && e.start < ce && e.end > e.start).map(clip);

    const box = h("p", { class: "cd-claim", data: { doc: docId, claim: claim.index } });
    if (whole.length) {
      box.classList.add("cd-claim-evidence");
      box.title = whole.map((e) => this.report.discrepancies[e.d].message).join("\n");
      for (const e of whole) this.targets[e.d].spans.push(box);
    }
    const points = [...new Set([cs, ce, ...[...facts, ...spans].flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const fact = facts.find((f) => f.start <= a && f.end >= b);
      const evs = [...new Set(spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.d))];
      const text = slice(a, b);
      if (!fact && !evs.length) {
        box.append(text);
        continue;
      }
      const mark = h("mark", { data: { doc: docId, start: a, end: b } }, text);
      const titles = [];
      if (fact) {
        mark.classList.add("cd-fact", `cd-fact-${fact.kind}`);
        titles.push(describeFact(fact));
      }
      if (evs.length) {
        mark.classList.add("cd-evidence");
        for (const d of evs) {
          titles.push(this.report.discrepancies[d].message);
          this.targets[d].spans.push(mark);
        }
      }
      mark.title = titles.join("\n");
      box.append(mark);
    }
    return box;
  }
}

/** A connector between column j-1 and j: solid when both hold the claim, dashed when it skips a missing one. */
function linkState(present, j) {
  if (present[j - 1] && present[j]) return "cd-link-on";
  if (present.slice(0, j).some(Boolean) && present.slice(j).some(Boolean)) return "cd-link-skip";
  return "";
}

function describeFact(f) {
  const v = f.value || {};
  if (f.kind === "number" && typeof v.value === "number") {
    const range = typeof v.high === "number" ? `–${v.high.toLocaleString("en")}` : "";
    const q = v.qualifier && v.qualifier !== "exact" ? ` (${v.qualifier})` : "";
    return `number: ${v.value.toLocaleString("en")}${range}${v.percent ? " %" : ""}${q}`;
  }
  if (f.kind === "date") return `date: ${v.iso || "unresolved"}`;
  if (f.kind === "duration") return `duration: ${v.amount} ${v.unit}`;
  if (f.kind === "quote") return `quote${v.speaker ? ` by ${v.speaker}` : ""}`;
  if (v.key) return `${f.kind}: ${v.key}`;
  return f.kind;
}
