// The whole flow as a user: add documents by paste, file and drop, compare,
// pick and suppress a discrepancy, reload, export, re-import a session, follow
// a permalink in a fresh browser; plus storage errors and the worker.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";

import { TIMEOUT, browserSuite, cardTexts, readExamples, waitCompared, waitRecompared } from "./helpers.mjs";

const { texts } = readExamples();
const PL = texts.get("pl");
const SL = texts.get("sl");
const EN = texts.get("en");

const settingsOf = (page) =>
  page.evaluate(() => ({ mode: mode.value, minSeverity: document.getElementById("min-severity").value, tolerance: tolerance.value }));
const listed = (page) => page.locator(".cd-item .cd-message").allTextContents();

await browserSuite("claimdiff user flow in Chromium", (env) => {
  it("paste, file, drop, compare, select, suppress, reload, export, import, permalink", { timeout: 3 * TIMEOUT }, async () => {
    const { context, page, problems } = await env.openPage("flow", { permissions: ["clipboard-read", "clipboard-write"] });
    let fresh;
    try {
      await page.goto(env.url());
      await page.waitForFunction(() => document.body.dataset.state === "ready");
      const cards = page.locator("#documents .doc-card");
      assert.equal(await cards.count(), 2, "a new visitor gets two empty cards");

      // 1. Paste (a real clipboard paste into the first card), with a date, no language.
      await cards.nth(0).getByLabel("Id").fill("pl");
      await page.evaluate((text) => navigator.clipboard.writeText(text), PL);
      await cards.nth(0).getByLabel("Text").focus();
      await page.keyboard.press("Control+V");
      assert.equal(await cards.nth(0).getByLabel("Text").inputValue(), PL, "pasted text lands in the card");
      await cards.nth(0).getByLabel("Date").fill("2024-06-19");

      // 2. Open a file: it replaces the empty second card, language guessed from the name.
      await page.locator("#file-input").setInputFiles({ name: "sl.txt", mimeType: "text/plain", buffer: Buffer.from(SL) });
      await page.waitForFunction(() => document.querySelectorAll("#documents .doc-card").length === 2 && document.querySelectorAll("[data-field=text]")[1].value);
      // 3. Drop a file on the page.
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], "en.txt", { type: "text/plain" }));
        document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, EN);
      await page.waitForFunction(() => document.querySelectorAll("#documents .doc-card").length === 3);
      const docs = await cardTexts(page);
      assert.deepEqual(docs.map((d) => [d.id, d.lang]), [["pl", ""], ["sl", "sl"], ["en", "en"]], "ids and languages after paste, open and drop");
      assert.equal(docs[2].text, EN, "the dropped file's text");

      // 4. Compare: the language left empty is detected and shown.
      await waitRecompared(page, () => page.getByRole("button", { name: "Compare", exact: true }).click());
      assert.match((await cards.nth(0).locator(".detected").textContent()) || "", /^detected: \S+/, "the detected language is shown next to the empty field");
      const before = await listed(page);
      const target = before.find((m) => m.includes("1.8 million in sl"));
      assert.ok(target, `the planted 1.8 million discrepancy is listed (got: ${before.join(" | ")})`);

      // 5. Pick it: every column highlights its evidence.
      const item = page.locator(".cd-item", { hasText: "1.8 million in sl" });
      await item.click();
      const activeDocs = await page.locator(".cd-table mark.cd-active").evaluateAll((ms) => [...new Set(ms.map((m) => m.dataset.doc))].sort());
      assert.deepEqual(activeDocs, ["en", "pl", "sl"], "the evidence is highlighted in all three columns");
      const visible = await page.locator('.cd-table mark.cd-active[data-doc="sl"]').evaluate((m) => {
        const r = m.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      assert.ok(visible, "the columns scrolled to the evidence");

      // 6. Suppress it: gone from the list, kept in the suppressed list.
      await waitRecompared(page, () => page.locator("li", { has: item }).getByRole("button", { name: /^Suppress/ }).click());
      const after = await listed(page);
      assert.ok(!after.includes(target), "the suppressed discrepancy is no longer listed");
      assert.equal(after.length, before.length - 1, "exactly one discrepancy was hidden");
      assert.match((await page.locator("#suppressed-list").textContent()) || "", /1\.8 million/, "the suppressed list names it");

      // 7. Settings.
      await page.getByLabel("Minimum severity").selectOption("warning");
      await page.getByLabel("Number tolerance (%)").fill("0.5");
      await page.getByLabel("Number tolerance (%)").dispatchEvent("change");
      await page.getByLabel("Mode").selectOption("translation");
      await page.waitForFunction(() => (localStorage.getItem("claimdiff:session") || "").includes('"numericTolerance":0.005'));
      const settings = await settingsOf(page);

      // 8. Reload: documents, settings and the suppression are all back, and compared again.
      await page.reload();
      await waitCompared(page);
      assert.deepEqual((await cardTexts(page)).map((d) => d.text), [PL, SL, EN], "documents survive a reload");
      assert.equal((await cardTexts(page))[0].date, "2024-06-19", "the date survives a reload");
      assert.deepEqual(await settingsOf(page), settings, "settings survive a reload");
      assert.match((await page.locator("#suppressed-list").textContent()) || "", /1\.8 million/, "the suppression survives a reload");
      assert.ok(!(await listed(page)).includes(target), "and is still applied");

      // 9. Export the report as JSON and CSV.
      const save = async (button) => {
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
        return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8"), path: await download.path() };
      };
      const json = await save("Export JSON");
      assert.match(json.name, /^claimdiff-report-.*\.json$/);
      const report = JSON.parse(json.text);
      assert.equal(report.schemaVersion, 1);
      assert.deepEqual(report.documents.map((d) => d.id), ["pl", "sl", "en"]);
      assert.ok(report.suppressed >= 1, "the exported report counts the suppressed finding");
      const csv = await save("Export CSV");
      const lines = csv.text.trim().split(/\r\n/);
      assert.equal(lines[0], "kind,severity,confidence,message,fingerprint,doc,claim,start,end,text");
      assert.equal(lines.length - 1, report.discrepancies.reduce((n, d) => n + Math.max(1, d.evidence.length), 0), "one CSV row per piece of evidence");

      // 10. Save the session, clear everything, open the session file again.
      const session = await save("Save to file");
      assert.match(session.name, /^claimdiff-session-.*\.json$/);
      page.once("dialog", (d) => d.accept());
      await page.getByRole("button", { name: "Clear all" }).click();
      assert.deepEqual((await cardTexts(page)).map((d) => d.text), ["", ""], "Clear all empties the page");
      await waitRecompared(page, () => page.locator("#session-input").setInputFiles(session.path));
      assert.deepEqual((await cardTexts(page)).map((d) => d.text), [PL, SL, EN], "the session file brings the documents back");
      assert.deepEqual(await settingsOf(page), settings, "and the settings");
      assert.match((await page.locator("#suppressed-list").textContent()) || "", /1\.8 million/, "and the suppression");

      // 11. Permalink: in the fragment only, compressed; a fresh browser context opens the same documents.
      await page.getByRole("button", { name: "Copy permalink" }).click();
      await page.waitForFunction(() => /^Permalink copied/.test(document.getElementById("status").textContent), null, { timeout: 10_000 });
      const link = await page.locator("#permalink").inputValue();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, "the permalink is on the clipboard");
      const url = new URL(link);
      assert.equal(url.origin + url.pathname, env.url(), "the link points at the page");
      assert.equal(url.search, "", "nothing in the query string (it would reach the server)");
      assert.match(url.hash, /^#c1=[\w-]+$/, "documents travel in the fragment as base64url");
      const plain = Math.ceil((Buffer.byteLength(PL + SL + EN) * 4) / 3); // the texts merely base64-encoded
      assert.ok(link.length < plain * 0.8, `the link is compressed (${link.length} characters, uncompressed texts alone ${plain})`);
      fresh = await env.openPage("permalink");
      await fresh.page.goto(link);
      await waitCompared(fresh.page);
      assert.deepEqual(await cardTexts(fresh.page), await cardTexts(page), "the link opens the same documents");
      assert.deepEqual(await settingsOf(fresh.page), settings, "with the same settings");
      assert.ok(!(await listed(fresh.page)).includes(target), "and the same suppression");
      assert.equal(await fresh.page.evaluate(() => location.hash), "", "the fragment is dropped once read");

      assert.deepEqual(problems, [], "no page or console errors");
      assert.deepEqual(fresh.problems, [], "no page or console errors in the fresh context");
    } finally {
      await fresh?.context.close();
      await context.close();
    }
  });

  it("says so, visibly, when local storage is full", { timeout: TIMEOUT }, async () => {
    const { context, page } = await env.openPage("quota");
    try {
      await context.addInitScript(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException("quota", "QuotaExceededError");
        };
      });
      await page.goto(env.url());
      await page.waitForFunction(() => document.body.dataset.state === "ready");
      await page.locator("#documents .doc-card").first().getByLabel("Text").fill("Some text.");
      const notice = page.locator("#notice");
      await notice.waitFor({ state: "visible" });
      assert.match((await notice.textContent()) || "", /storage is full/, "the notice explains the problem");
      assert.ok(await notice.getByRole("button", { name: "Save session to file" }).isVisible(), "and offers a way to keep the work");
    } finally {
      await context.close();
    }
  });

  it("compares in a worker: the page stays responsive and a comparison can be cancelled", { timeout: TIMEOUT }, async () => {
    const { context, page, problems } = await env.openPage("worker");
    try {
      await page.goto(env.url());
      await page.waitForFunction(() => document.body.dataset.state === "ready");
      // Two ~130 KB documents of shuffled sentences take seconds to compare.
      const words = PL.split(/\s+/);
      let seed = 7;
      const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      const make = () => Array.from({ length: 1500 }, () => Array.from({ length: 12 }, () => words[Math.floor(rnd() * words.length)]).join(" ") + ` ${Math.floor(rnd() * 1000)}.`).join(" ");
      const cards = page.locator("#documents .doc-card");
      await cards.nth(0).getByLabel("Text").fill(make());
      await cards.nth(1).getByLabel("Text").fill(make());
      await page.getByRole("button", { name: "Compare", exact: true }).click();
      await page.waitForFunction(() => document.body.dataset.state === "comparing");
      assert.match((await page.locator("#status").textContent()) || "", /Comparing 2 documents…/, "the status says it is comparing");
      // The main thread answers within a frame while the worker computes.
      const frame = await page.evaluate(() => Promise.race([new Promise((r) => requestAnimationFrame(() => r("frame"))), new Promise((r) => setTimeout(() => r("blocked"), 1000))]));
      assert.equal(frame, "frame", "the page keeps painting during the comparison");
      await page.locator("#documents .doc-card").first().getByLabel("Id").fill("still-typing");
      assert.equal(await cards.nth(0).getByLabel("Id").inputValue(), "still-typing", "the form stays usable");
      assert.equal(await page.evaluate(() => document.body.dataset.state), "comparing", "the comparison was still running");
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.waitForFunction(() => document.body.dataset.state !== "comparing");
      assert.equal(await page.locator("#status").textContent(), "Cancelled.");
      // A new worker is ready afterwards.
      await cards.nth(0).getByLabel("Text").fill("Police said 12 people were hurt.");
      await cards.nth(1).getByLabel("Text").fill("Police said 15 people were hurt.");
      await waitRecompared(page, () => page.getByRole("button", { name: "Compare", exact: true }).click());
      assert.deepEqual(problems, [], "no page or console errors");
    } finally {
      await context.close();
    }
  });

  it("makes no request to any host but 127.0.0.1", () => {
    const origin = new URL(env.url()).origin;
    const foreign = env.requests.filter((r) => new URL(r.url).origin !== origin && !r.url.startsWith("blob:"));
    assert.deepEqual(foreign, [], "every request goes to the local server");
  });
});
