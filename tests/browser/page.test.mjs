// Browser test of the claimdiff page (www/) with Node's test runner and playwright-core.
//
//   node --test tests/browser/
//
// Needs Debian's chromium at /usr/bin/chromium (override: CLAIMDIFF_CHROMIUM),
// playwright-core (root devDependency) and the built wasm package in www/pkg/
// (scripts/build.sh). Set CLAIMDIFF_SKIP_BROWSER=1 to skip it on purpose.
// Screenshots go to test-results/screenshots/.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { startServer } from "../../scripts/serve.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const WWW = process.env.CLAIMDIFF_WWW ? path.resolve(process.env.CLAIMDIFF_WWW) : path.join(REPO, "www");
const EXAMPLES = path.join(WWW, "examples", "articles");
const SCREENSHOTS = path.join(REPO, "test-results", "screenshots");
const CHROMIUM = process.env.CLAIMDIFF_CHROMIUM || "/usr/bin/chromium";
const SKIP = process.env.CLAIMDIFF_SKIP_BROWSER === "1";
const TIMEOUT = 120_000;

const XSS = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

let browser;
let server;
/** Every request any page made: { url, page }. */
const requests = [];

function readExamples() {
  const index = JSON.parse(readFileSync(path.join(EXAMPLES, "index.json"), "utf8"));
  const texts = new Map();
  for (const d of index.documents) {
    // fetch().text() drops a UTF-8 BOM, so do the same here.
    texts.set(d.id, readFileSync(path.join(EXAMPLES, d.file), "utf8").replace(/^\uFEFF/, ""));
  }
  return { index, texts };
}

/** A new context + page that records requests, console errors and page errors. */
async function openPage(name, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  context.on("request", (request) => requests.push({ url: request.url(), page: name }));
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** Waits until the page has settled on "compared"; fails with the alert text on "error". */
async function waitCompared(page, timeout = 60_000) {
  await page.waitForFunction(() => ["compared", "error"].includes(document.body.dataset.state), null, { timeout });
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== "compared") {
    const alert = (await page.locator("#alert").textContent()) || "";
    assert.fail(`page state is "${state}", alert: ${alert.replace(/\s+/g, " ").trim()}`);
  }
}

/** Chromium, playwright-core and the built package: an error message when one is missing. */
async function checkPrerequisites() {
  if (!existsSync(CHROMIUM)) {
    return {
      error:
        `Chromium not found at ${CHROMIUM}. Install it (apt-get install chromium), point CLAIMDIFF_CHROMIUM at it, ` +
        "or set CLAIMDIFF_SKIP_BROWSER=1 to skip the browser test.",
    };
  }
  if (!existsSync(path.join(WWW, "pkg", "claimdiff.js"))) {
    return { error: `${path.join(WWW, "pkg", "claimdiff.js")} is missing: build the wasm package first (scripts/build.sh).` };
  }
  try {
    const { chromium } = await import("playwright-core");
    return { chromium };
  } catch (err) {
    return { error: `playwright-core is not installed (run npm ci at the repository root): ${err.message}` };
  }
}

const prerequisites = SKIP ? null : await checkPrerequisites();

if (SKIP) {
  it("claimdiff page in Chromium", { skip: "CLAIMDIFF_SKIP_BROWSER=1: browser test skipped on purpose" }, () => {});
} else if (prerequisites.error) {
  it("claimdiff page in Chromium: prerequisites", () => {
    assert.fail(prerequisites.error);
  });
} else {
  describe("claimdiff page in Chromium", { timeout: 10 * TIMEOUT }, () => {
    before(async () => {
      browser = await prerequisites.chromium.launch({
        executablePath: CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
      });
      server = await startServer({ root: WWW, port: 0 });
      mkdirSync(SCREENSHOTS, { recursive: true });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it("serves the page with a CSP header", { timeout: TIMEOUT }, async () => {
      const response = await fetch(server.url);
      assert.equal(response.status, 200);
      const csp = response.headers.get("content-security-policy") || "";
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      const wasm = await fetch(new URL("pkg/claimdiff_bg.wasm", server.url));
      assert.equal(wasm.status, 200, "pkg/claimdiff_bg.wasm is served");
      assert.equal(wasm.headers.get("content-type"), "application/wasm");
    });

    it("compares the examples on ?examples", { timeout: TIMEOUT }, async () => {
      const { index, texts } = readExamples();
      const { context, page, problems } = await openPage("examples", { reducedMotion: "reduce" });
      try {
        await page.goto(new URL("?examples", server.url).href);
        await waitCompared(page);

        // One column per example document, in order.
        const columns = await page.locator("#alignment-head-row th[data-doc]").evaluateAll((ths) => ths.map((th) => th.dataset.doc));
        assert.deepEqual(columns, index.documents.map((d) => d.id), "one column per example document");

        // Aligned rows.
        const rows = await page.locator("#alignment-body tr").count();
        assert.ok(rows > 5, `expected more than 5 aligned rows, got ${rows}`);

        // At least one number discrepancy in the list.
        const numberItems = page.locator('#discrepancy-list li[data-kind="number"]');
        const numberCount = await numberItems.count();
        assert.ok(numberCount >= 1, "at least one discrepancy of kind number is listed");
        assert.match((await numberItems.first().locator(".badge.kind").textContent()) || "", /number/);

        // Highlighted fact spans are exactly the source text at their offsets.
        const marks = await page.locator("#alignment-body mark.fact").evaluateAll((ms) =>
          ms.map((m) => ({ doc: m.dataset.doc, start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent })),
        );
        assert.ok(marks.length > 0, "fact spans are highlighted");
        for (const m of marks) {
          assert.ok(texts.has(m.doc), `mark refers to a known document: ${m.doc}`);
          assert.equal(m.text, texts.get(m.doc).slice(m.start, m.end), `mark text equals ${m.doc}[${m.start}..${m.end}]`);
        }
        const withDigits = marks.filter((m) => /\d/.test(m.text));
        assert.ok(withDigits.length > 0, "some highlighted facts are digits from the source");
        for (const m of withDigits) {
          const digits = texts.get(m.doc).slice(m.start, m.end).replace(/\D/g, "");
          assert.equal(m.text.replace(/\D/g, ""), digits);
        }

        // Spans cited by a number discrepancy are marked strongly, and they are numbers.
        const evidenceMarks = await page.locator("#alignment-body mark.evidence").allTextContents();
        assert.ok(evidenceMarks.length >= 1, "discrepancy evidence is marked");
        assert.ok(evidenceMarks.some((text) => /\d/.test(text)), "some evidence marks are numbers");

        // A missing counterpart shows as an empty, labelled cell.
        const empty = page.locator("#alignment-body td.empty");
        assert.ok((await empty.count()) >= 1, "an empty 'no counterpart' cell exists");
        assert.equal(((await empty.first().textContent()) || "").trim(), "no counterpart");

        // Clicking a discrepancy highlights its row and scrolls it into view.
        await numberItems.first().locator("button").click();
        const activeRow = page.locator("#alignment-body tr.active").first();
        await activeRow.waitFor({ state: "visible" });
        await page.waitForFunction(() => {
          const row = document.querySelector("#alignment-body tr.active");
          if (!row) return false;
          const r = row.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight;
        });
        assert.equal(await numberItems.first().locator("button").getAttribute("aria-pressed"), "true");

        await page.screenshot({ path: path.join(SCREENSHOTS, "examples-1280-light-clicked.png") });
        assert.deepEqual(problems, [], "no page errors or console errors");
      } finally {
        await context.close();
      }
    });

    it("keeps pasted markup as text and shows errors", { timeout: TIMEOUT }, async () => {
      const { context, page, problems } = await openPage("paste");
      try {
        await page.goto(server.url);
        await page.waitForFunction(() => document.body.dataset.state === "ready");
        const cardsLocator = page.locator("#documents .doc-card");
        assert.equal(await cardsLocator.count(), 2, "two empty cards to start with");

        const first = cardsLocator.nth(0);
        const second = cardsLocator.nth(1);
        await first.getByLabel("Id").fill("xss");
        await first.getByLabel("Language").fill("en");
        await first
          .getByLabel("Text")
          .pressSequentially(`Police said 12 people were hurt. ${XSS} The fire destroyed 40 houses.`);
        await second.getByLabel("Id").fill("plain");
        await second.getByLabel("Language").fill("en");

        // Only one document with text: the library's error must be shown, the text kept.
        await page.getByRole("button", { name: "Compare", exact: true }).click();
        await page.waitForFunction(() => document.body.dataset.state === "error");
        await page.locator("#alert").waitFor({ state: "visible" });
        assert.ok(((await page.locator("#alert").textContent()) || "").length > 0, "the alert says something");
        assert.match(await first.getByLabel("Text").inputValue(), /Police said 12 people/, "text survives the error");

        await second.getByLabel("Text").pressSequentially("Police said 15 people were hurt. The fire destroyed 40 houses.");
        await page.getByRole("button", { name: "Compare", exact: true }).click();
        await page.locator('#alignment-head-row th[data-doc="plain"]').waitFor();
        await waitCompared(page);
        assert.ok(await page.locator("#alert").isHidden(), "the alert is cleared after a good compare");

        assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined", "pasted markup did not run");
        assert.equal(await page.locator("#results img, #results script").count(), 0, "no elements made from user text");
        const literal = page.locator("#alignment-body").getByText("<img src=x", { exact: false });
        assert.ok((await literal.count()) >= 1, "the literal <img text is shown");
        assert.ok(await literal.first().isVisible(), "the literal <img text is visible");

        assert.deepEqual(problems, [], "no page errors or console errors while pasting and comparing");

        // An HTML file is reduced to text in an inert document.
        await page.locator("#file-input").setInputFiles({
          name: "story.en.html",
          mimeType: "text/html",
          buffer: Buffer.from(
            `<!doctype html><html><head><title>Story</title><script>window.__pwned=3</script></head>` +
              `<body><p>Hello, <b>12</b> people.</p><img src="http://example.invalid/x.png" onerror="window.__pwned=4"></body></html>`,
          ),
        });
        await page.waitForFunction(() => document.querySelectorAll("#documents .doc-card").length === 3);
        const fileCard = cardsLocator.nth(2);
        assert.equal(await fileCard.getByLabel("Id").inputValue(), "story.en");
        assert.equal(await fileCard.getByLabel("Language").inputValue(), "en");
        assert.equal(await fileCard.getByLabel("Text").inputValue(), "Hello, 12 people.");
        await page.waitForTimeout(200);
        assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined", "HTML file did not run");

        // Chromium checks the inert document's inline handlers against the page's CSP and logs
        // "Executing inline event handler violates … Content Security Policy" (blocked); nothing else may appear.
        const unexpected = problems.filter((p) => !/inline event handler violates .*Content Security Policy/.test(p));
        assert.deepEqual(unexpected, [], "opening an HTML file causes no other errors");
      } finally {
        await context.close();
      }
    });

    for (const width of [1280, 360]) {
      for (const colorScheme of ["light", "dark"]) {
        it(`renders at ${width}px, ${colorScheme}`, { timeout: TIMEOUT }, async () => {
          const height = width === 360 ? 780 : 900;
          const { context, page, problems } = await openPage(`shot-${width}-${colorScheme}`, {
            viewport: { width, height },
            colorScheme,
          });
          try {
            await page.goto(new URL("?examples", server.url).href);
            await waitCompared(page);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `no horizontal page scroll at ${width}px (overflow ${overflow}px)`);
            const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
            assert.equal(dark, colorScheme === "dark");
            await page.screenshot({ path: path.join(SCREENSHOTS, `examples-${width}-${colorScheme}.png`), fullPage: true });
            assert.deepEqual(problems, []);
          } finally {
            await context.close();
          }
        });
      }
    }

    it("makes no request to any host but 127.0.0.1", () => {
      assert.ok(requests.length > 0, "requests were recorded");
      const origin = new URL(server.url).origin;
      const foreign = requests.filter((r) => new URL(r.url).origin !== origin);
      assert.deepEqual(foreign, [], "every request goes to the local server");
    });
  });
}
