// Drive the real task pane in headless Chromium against a running backend, with the stub
// Office/Word. Usage: node run.mjs BASE_URL DOCUMENT.docx PARAGRAPHS.json ARTIFACTS_DIR
// Prints one JSON line with what happened; exits non-zero when a step fails.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const HERE = dirname(fileURLToPath(import.meta.url));
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const TIMEOUT = 30000;

const [baseUrl, documentPath, paragraphsPath, artifacts] = process.argv.slice(2);
if (!artifacts) {
  console.error("usage: node run.mjs BASE_URL DOCUMENT.docx PARAGRAPHS.json ARTIFACTS_DIR");
  process.exit(2);
}
mkdirSync(artifacts, { recursive: true });
const origin = new URL(baseUrl).origin;
const stubFiles = {
  "/__stub__/fake-word.js": join(HERE, "..", "fake-word.js"),
  "/__stub__/paragraphs.json": resolve(paragraphsPath),
  "/__stub__/document.docx": resolve(documentPath),
};

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
const report = { console: [], blocked: [] };
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  page.setDefaultTimeout(TIMEOUT);
  page.on("console", (m) => m.type() === "error" && report.console.push(m.text()));
  page.on("pageerror", (e) => report.console.push(String(e)));
  // No network: office.js comes from the stub, the stub's files from disk, anything else off this host is refused.
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.href === OFFICE_JS) return route.fulfill({ path: join(HERE, "stub-office.js"), contentType: "text/javascript" });
    if (url.origin === origin && stubFiles[url.pathname]) return route.fulfill({ path: stubFiles[url.pathname], contentType: url.pathname.endsWith(".js") ? "text/javascript" : undefined });
    if (url.origin === origin) return route.continue();
    report.blocked.push(url.href);
    return route.abort();
  });

  await page.goto(`${origin}/addin/taskpane.html`);
  await page.click("#scan");
  await page.waitForSelector("#findings .finding");
  report.findings = await page.locator("#findings .finding").count();
  report.severities = await page.locator("#findings .severity h3").allTextContents();
  report.score = await page.locator("#score-value").textContent();
  report.fileClosed = await page.evaluate(() => window.__fileClosed === true);
  await page.screenshot({ path: join(artifacts, "addin-findings.png"), fullPage: true });

  await page.click("#findings .finding");
  report.selected = await page.evaluate(() => window.__word.log.filter((e) => e.op === "select").length);

  report.edits = await page.locator("#edits li").count();
  await page.click("#apply-all");
  await page.waitForSelector("#edits .result");
  report.applied = await page.locator("#edits .result.ok").count();
  report.notApplied = await page.locator("#edits .result.failed").allTextContents();
  report.wordEdits = await page.evaluate(() => window.__word.edits.map((e) => ({ op: e.op, mode: e.mode })));
  await page.screenshot({ path: join(artifacts, "addin-applied.png"), fullPage: true });

  await page.click("#tab-library");
  await page.waitForSelector("#clauses button");
  report.clauses = await page.locator("#clauses button").count();
  await page.click("#clauses button");
  await page.waitForSelector("#preview p");
  report.preview = await page.locator("#preview").innerText();
  await page.screenshot({ path: join(artifacts, "addin-library.png"), fullPage: true });
  report.message = await page.locator("#message").innerText();
} catch (error) {
  report.error = String(error);
  process.exitCode = 1;
} finally {
  await browser.close();
  console.log(JSON.stringify(report));
}
