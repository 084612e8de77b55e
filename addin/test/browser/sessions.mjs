// Fresh headless-Chromium sessions that start the task pane with the stub Office/Word and Scan:
// each session is a new browser with a new, empty profile (as a new WebView2 would be), opens
// BASE_URL/addin/taskpane.html, waits for the pane to start, clicks Scan and waits for the
// findings (the pane sends the document to POST /api/v1/plan, which audits it). A stall is a
// session whose scan is not done within STALL_MS. Used by benchmarks/service.py; not a test.
// Usage: node sessions.mjs BASE_URL DOCUMENT.docx PARAGRAPHS.json PROFILES_DIR SESSIONS
// Prints one JSON line per session, then one with the summary.
import { mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const HERE = dirname(fileURLToPath(import.meta.url));
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const STALL_MS = 10000;
const SCAN = /^POST \/api\/v1\/(audit|plan) 200$/; // Scan sends the document to /plan (its audit included) or /audit
const SESSION_MS = 60000; // a session that takes longer is abandoned (and counted a stall)

const [baseUrl, documentPath, paragraphsPath, profiles, count] = process.argv.slice(2);
if (!count) {
  console.error("usage: node sessions.mjs BASE_URL DOCUMENT.docx PARAGRAPHS.json PROFILES_DIR SESSIONS");
  process.exit(2);
}
const origin = new URL(baseUrl).origin;
const stubFiles = {
  "/__stub__/fake-word.js": join(HERE, "..", "fake-word.js"),
  "/__stub__/paragraphs.json": resolve(paragraphsPath),
  "/__stub__/document.docx": resolve(documentPath),
};

async function session(index) {
  const profile = mkdtempSync(join(profiles, `session-${index}-`));
  const started = Date.now();
  const result = { session: index, api: [], errors: [] };
  // A persistent context on an empty folder: a fresh profile (no cache, no connections, no HSTS).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    args: FLAGS,
    ignoreHTTPSErrors: true, // the throw-away CA is not in this profile's trust store
    viewport: { width: 350, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(SESSION_MS);
    page.on("pageerror", (e) => result.errors.push(String(e)));
    page.on("response", (r) => {
      const url = new URL(r.url());
      if (url.origin === origin && url.pathname.startsWith("/api/v1/")) result.api.push(`${r.request().method()} ${url.pathname} ${r.status()}`);
    });
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.href === OFFICE_JS) return route.fulfill({ path: join(HERE, "stub-office.js"), contentType: "text/javascript" });
      if (url.origin === origin && stubFiles[url.pathname]) return route.fulfill({ path: stubFiles[url.pathname], contentType: url.pathname.endsWith(".js") ? "text/javascript" : undefined });
      if (url.origin === origin) return route.continue();
      return route.abort();
    });
    await page.goto(`${origin}/addin/taskpane.html`);
    await page.waitForFunction(() => window.__word !== undefined);
    result.paneMs = Date.now() - started;
    const clicked = Date.now();
    await page.click("#scan");
    await page.waitForSelector("#findings .finding", { timeout: SESSION_MS });
    result.scanMs = Date.now() - clicked;
    result.findings = await page.locator("#findings .finding").count();
  } catch (error) {
    result.errors.push(String(error).split("\n")[0]);
  } finally {
    result.totalMs = Date.now() - started;
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  result.stall = result.scanMs === undefined || result.scanMs > STALL_MS || !result.api.some((a) => SCAN.test(a));
  return result;
}

const results = [];
for (let i = 0; i < Number(count); i += 1) {
  const result = await session(i);
  results.push(result);
  console.log(JSON.stringify(result));
}
const scans = results.filter((r) => r.scanMs !== undefined).map((r) => r.scanMs).sort((a, b) => a - b);
const totals = results.map((r) => r.totalMs).sort((a, b) => a - b);
console.log(JSON.stringify({
  sessions: results.length,
  stalls: results.filter((r) => r.stall).length,
  scans: results.filter((r) => r.api.some((a) => SCAN.test(a))).length,
  scanMedianMs: scans[Math.floor(scans.length / 2)] ?? null,
  scanMaxMs: scans.at(-1) ?? null,
  sessionMedianMs: totals[Math.floor(totals.length / 2)],
  sessionMaxMs: totals.at(-1),
}));
