// The page on the bundled examples, untrusted markup, screenshots, the embed
// example and the network: node --test tests/browser/
// Screenshots go to test-results/screenshots/.

import assert from "node:assert/strict";
import path from "node:path";
import { it } from "node:test";

import { SCREENSHOTS, TIMEOUT, browserSuite, readExamples, waitCompared } from "./helpers.mjs";

const XSS = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

await browserSuite("claimdiff page in Chromium", (env) => {
  it("serves the page with a strict CSP header", async () => {
    const response = await fetch(env.url());
    assert.equal(response.status, 200);
    const csp = response.headers.get("content-security-policy") || "";
    for (const part of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'"]) assert.ok(csp.includes(part), `CSP has ${part}: ${csp}`);
    const html = await response.text();
    assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'/, "the <meta> CSP matches");
    const wasm = await fetch(env.url("pkg/claimdiff_bg.wasm"));
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
  });

  it("compares the examples: columns, aligned rows, connectors, highlights, grouped list", { timeout: TIMEOUT }, async () => {
    const { index, texts } = readExamples();
    const { context, page, problems } = await env.openPage("examples");
    try {
      await page.goto(env.url("?examples"));
      await waitCompared(page);

      assert.ok(page.workers().some((w) => w.url().endsWith("/worker.js")), "the wasm runs in the module worker www/worker.js");
      const columns = await page.locator(".cd-table thead th[data-doc]").evaluateAll((ths) => ths.map((th) => th.dataset.doc));
      assert.deepEqual(columns, index.documents.map((d) => d.id), "one column per example document, in order");
      const rows = await page.locator(".cd-table tbody tr").count();
      assert.ok(rows > 5, `more than 5 aligned rows, got ${rows}`);
      assert.ok((await page.locator(".cd-table td.cd-link-on").count()) > rows, "connectors join aligned claims");
      assert.ok((await page.locator(".cd-table td.cd-empty").count()) >= 1, "a claim one version lacks shows a 'missing' cell");
      assert.match((await page.locator(".cd-table td.cd-empty").first().textContent()) || "", /missing in/);

      // Every highlighted span is exactly the source text at its UTF-16 offsets.
      const marks = await page.locator(".cd-table mark.cd-fact, .cd-table mark.cd-evidence").evaluateAll((ms) =>
        ms.map((m) => ({ doc: m.dataset.doc, start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent })),
      );
      assert.ok(marks.length > 20, `facts are highlighted (got ${marks.length})`);
      for (const m of marks) assert.equal(m.text, texts.get(m.doc).slice(m.start, m.end), `mark text equals ${m.doc}[${m.start}..${m.end}]`);
      const evidence = await page.locator(".cd-table mark.cd-evidence").allTextContents();
      assert.ok(evidence.some((t) => t.includes("1,8")), `the differing 1,8 milijona is highlighted in place (evidence: ${evidence.join(" | ")})`);

      // Grouped by kind and severity, with counts, and severity written out (not colour alone).
      const headings = await page.locator(".cd-group h4").allTextContents();
      assert.ok(headings.length >= 1 && headings.every((t) => /^[✖▲ℹ] (error|warning|info) · \w+ \(\d+\)$/.test(t.trim())), `group headings: ${headings.join(" | ")}`);
      const items = page.locator(".cd-item");
      const total = await items.count();
      assert.ok(total >= 2, `at least two discrepancies listed, got ${total}`);

      // Filtering by kind narrows the list; the filter is undone by clicking again.
      await page.locator('.cd-chip[data-field="kind"][data-value="number"]').click();
      const numbers = await page.locator(".cd-item").evaluateAll((bs) => bs.map((b) => b.dataset.kind));
      assert.ok(numbers.length >= 1 && numbers.every((k) => k === "number"), `kind filter keeps only numbers: ${numbers}`);
      await page.locator('.cd-chip[data-field="kind"][data-value="number"]').click();
      assert.equal(await page.locator(".cd-item").count(), total, "clearing the filter shows every discrepancy again");
      await page.getByLabel("Filter discrepancies by text").fill("1.8 million in sl");
      assert.equal(await page.locator(".cd-item").count(), 1, "text filter finds the 1.8 million discrepancy");
      await page.getByLabel("Filter discrepancies by text").fill("");

      // Keyboard: focus the list, move with j / ArrowDown, show with Enter.
      await items.first().focus();
      await page.keyboard.press("j");
      const second = await page.evaluate(() => document.activeElement.dataset.index);
      assert.equal(second, await items.nth(1).getAttribute("data-index"), "j moves focus to the next discrepancy");
      await page.keyboard.press("ArrowUp");
      assert.equal(await page.evaluate(() => document.activeElement.dataset.index), await items.first().getAttribute("data-index"), "ArrowUp moves back");
      await page.keyboard.press("Enter");
      assert.equal(await items.first().getAttribute("aria-pressed"), "true", "Enter selects the discrepancy");
      const active = await page.locator(".cd-table .cd-active").count();
      assert.ok(active >= 2, `its evidence is highlighted in the columns (${active} elements)`);
      await page.waitForFunction(() => {
        const el = document.querySelector(".cd-table mark.cd-active, .cd-table .cd-claim.cd-active");
        const r = el?.getBoundingClientRect();
        return r && r.bottom > 0 && r.top < innerHeight;
      }, null, { timeout: 5000 });

      await page.screenshot({ path: path.join(SCREENSHOTS, "examples-1280-light-selected.png") });
      assert.deepEqual(problems, [], "no page or console errors");
    } finally {
      await context.close();
    }
  });

  it("keeps pasted and opened markup as text: nothing runs", { timeout: TIMEOUT }, async () => {
    const { context, page, problems } = await env.openPage("xss");
    try {
      await page.goto(env.url());
      await page.waitForFunction(() => document.body.dataset.state === "ready");
      const cards = page.locator("#documents .doc-card");
      await cards.nth(0).getByLabel("Id").fill("xss");
      await cards.nth(0).getByLabel("Text").fill(`Police said 12 people were hurt. ${XSS} The fire destroyed 40 houses.`);
      await cards.nth(1).getByLabel("Id").fill("plain");
      await cards.nth(1).getByLabel("Text").fill("Police said 15 people were hurt. The fire destroyed 40 houses.");
      await page.getByRole("button", { name: "Compare", exact: true }).click();
      await waitCompared(page);
      const literal = page.locator(".cd-table").getByText("<img src=x", { exact: false });
      assert.ok(await literal.first().isVisible(), "the markup is shown literally as text");
      assert.equal(await page.locator("#view img, #view script").count(), 0, "no element is made from article text");

      await page.locator("#file-input").setInputFiles({
        name: "story.en.html",
        mimeType: "text/html",
        buffer: Buffer.from(`<title>T</title><script>window.__pwned=3</script><p>Hello, <b>12</b> people.</p><img src="http://example.invalid/x.png" onerror="window.__pwned=4">`),
      });
      await page.waitForFunction(() => document.querySelectorAll("#documents .doc-card").length === 3);
      assert.equal(await cards.nth(2).getByLabel("Text").inputValue(), "Hello, 12 people.", "the HTML file is reduced to its text");
      assert.equal(await cards.nth(2).getByLabel("Language").inputValue(), "en", "language guessed from the file name");
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined", "neither the pasted nor the opened markup ran");
      // Chromium logs the CSP refusing the inert document's inline handler; nothing else may appear.
      assert.deepEqual(problems.filter((p) => !/inline event handler violates .*Content Security Policy/.test(p)), []);
    } finally {
      await context.close();
    }
  });

  for (const width of [1280, 360]) {
    for (const colorScheme of ["light", "dark"]) {
      it(`renders at ${width}px, ${colorScheme}, without page-wide horizontal scroll`, { timeout: TIMEOUT }, async () => {
        const { context, page, problems } = await env.openPage(`shot-${width}-${colorScheme}`, { viewport: { width, height: width === 360 ? 780 : 900 }, colorScheme });
        try {
          await page.goto(env.url("?examples"));
          await waitCompared(page);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert.ok(overflow <= 0, `no horizontal page scroll at ${width}px (overflow ${overflow}px)`);
          assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), colorScheme === "dark");
          await page.screenshot({ path: path.join(SCREENSHOTS, `page-${width}-${colorScheme}.png`), fullPage: true });
          await page.locator("#results").scrollIntoViewIfNeeded();
          await page.locator(".cd-item").first().click();
          await page.screenshot({ path: path.join(SCREENSHOTS, `results-${width}-${colorScheme}.png`) });
          assert.deepEqual(problems, [], "no page or console errors");
        } finally {
          await context.close();
        }
      });
    }
  }

  it("the embed example: <claim-diff> from another path renders in a shadow root and fires report", { timeout: TIMEOUT }, async () => {
    const { context, page, problems } = await env.openPage("embed");
    try {
      await page.goto(env.url("examples/embed.html"));
      await page.waitForFunction(() => document.getElementById("event-log").textContent.startsWith("report event:"), null, { timeout: 60_000 });
      const element = page.locator("claim-diff");
      assert.ok((await element.locator(".cd-table th[data-doc]").count()) === 2, "one column per child <article>");
      assert.ok((await element.locator(".cd-item").count()) >= 1, "the discrepancy list is rendered");
      assert.equal(await page.evaluate(() => Boolean(document.querySelector("claim-diff").shadowRoot.querySelector(".cd-root"))), true, "the view is in the shadow root");
      const color = await element.locator(".cd-message").first().evaluate((el) => getComputedStyle(el).color);
      assert.notEqual(color, "rgb(255, 105, 180)", "the host page's hotpink rule does not reach the element");
      // The property works too, and mode/min-severity attributes are passed on.
      const report = await page.evaluate(async () => {
        const el = document.querySelector("claim-diff");
        const got = new Promise((resolve) => el.addEventListener("report", (e) => resolve(e.detail), { once: true }));
        el.setAttribute("min-severity", "error");
        el.documents = [
          { id: "a", text: "Police said 12 people were hurt.", lang: "en" },
          { id: "b", text: "Police said 15 people were hurt.", lang: "en" },
        ];
        return got;
      });
      assert.deepEqual(report.documents.map((d) => d.id), ["a", "b"], "the documents property replaces the child articles");
      assert.ok(report.discrepancies.every((d) => d.severity === "error"), "min-severity reaches compare()");
      await page.screenshot({ path: path.join(SCREENSHOTS, "embed-1280-light.png"), fullPage: true });
      assert.deepEqual(problems, [], "no page or console errors");
    } finally {
      await context.close();
    }
  });

  it("makes no request to any host but 127.0.0.1", () => {
    assert.ok(env.requests.length > 0, "requests were recorded");
    const origin = new URL(env.url()).origin;
    const foreign = env.requests.filter((r) => new URL(r.url).origin !== origin && !r.url.startsWith("blob:"));
    assert.deepEqual(foreign, [], "every request goes to the local server");
  });
});
