// Shared set-up of the browser tests: Chromium through playwright-core, the
// static server on a free port, pages that record requests and errors.
//
// Needs Debian's chromium at /usr/bin/chromium (override: CLAIMDIFF_CHROMIUM),
// playwright-core (root devDependency) and the built wasm in www/pkg/
// (scripts/build.sh). CLAIMDIFF_SKIP_BROWSER=1 skips the browser tests on purpose.

import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { it } from "node:test";

import { startServer } from "../../scripts/serve.mjs";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const WWW = process.env.CLAIMDIFF_WWW ? path.resolve(process.env.CLAIMDIFF_WWW) : path.join(REPO, "www");
export const EXAMPLES = path.join(WWW, "examples", "articles");
export const SCREENSHOTS = path.join(REPO, "test-results", "screenshots");
export const TIMEOUT = 120_000;
const CHROMIUM = process.env.CLAIMDIFF_CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

export function readExamples() {
  const index = JSON.parse(readFileSync(path.join(EXAMPLES, "index.json"), "utf8"));
  const texts = new Map(index.documents.map((d) => [d.id, readFileSync(path.join(EXAMPLES, d.file), "utf8").replace(/^\uFEFF/, "")]));
  return { index, texts };
}

/** Skips or fails with a clear message when Chromium, playwright-core or the wasm build is missing; else null. */
async function prerequisites() {
  if (process.env.CLAIMDIFF_SKIP_BROWSER === "1") return { skip: "CLAIMDIFF_SKIP_BROWSER=1: browser tests skipped on purpose" };
  if (!existsSync(CHROMIUM)) return { error: `Chromium not found at ${CHROMIUM}: apt-get install chromium, set CLAIMDIFF_CHROMIUM, or CLAIMDIFF_SKIP_BROWSER=1.` };
  if (!existsSync(path.join(WWW, "pkg", "claimdiff.js"))) return { error: `${WWW}/pkg/claimdiff.js is missing: run scripts/build.sh first.` };
  try {
    return { chromium: (await import("playwright-core")).chromium };
  } catch (err) {
    return { error: `playwright-core is not installed (npm ci at the repository root): ${err.message}` };
  }
}

/**
 * Runs `define(env)` inside a describe-like body when the browser can run;
 * env has browser, server, requests (every request made) and openPage().
 */
export async function browserSuite(name, define) {
  const pre = await prerequisites();
  if (pre.skip) return it(name, { skip: pre.skip }, () => {});
  if (pre.error) return it(`${name}: prerequisites`, () => assert.fail(pre.error));
  const env = { requests: [] };
  const { describe, before, after } = await import("node:test");
  describe(name, { timeout: 10 * TIMEOUT }, () => {
    before(async () => {
      env.browser = await pre.chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      env.server = await startServer({ root: WWW, port: 0 });
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    after(async () => {
      await env.browser?.close();
      await env.server?.close();
    });
    env.url = (rel = "") => new URL(rel, env.server.url).href;
    /** A fresh context and page recording requests, console errors and page errors. */
    env.openPage = async (label, options = {}) => {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce", acceptDownloads: true, ...options });
      const page = await context.newPage();
      const problems = [];
      context.on("request", (r) => env.requests.push({ url: r.url(), page: label }));
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
      return { context, page, problems };
    };
    define(env);
  });
}

/** Waits for the page to settle on "compared"; fails with the alert's text otherwise. */
export async function waitCompared(page, timeout = 60_000) {
  await page.waitForFunction(() => ["compared", "error"].includes(document.body.dataset.state), null, { timeout });
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== "compared") assert.fail(`page state is "${state}", alert: ${((await page.locator("#alert").textContent()) || "").replace(/\s+/g, " ").trim()}`);
}

/** Runs action and waits until it has led to a new finished comparison. */
export async function waitRecompared(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.compares || 0));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.compares || 0) > n || document.body.dataset.state === "error", before, { timeout: 60_000 });
  await waitCompared(page);
}

export const cardTexts = (page) =>
  page.locator("#documents .doc-card").evaluateAll((cards) =>
    cards.map((c) => ({
      id: c.querySelector("[data-field=id]").value,
      lang: c.querySelector("[data-field=lang]").value,
      date: c.querySelector("[data-field=date]").value,
      text: c.querySelector("[data-field=text]").value,
    })),
  );
