// Drive the real task pane in headless Chromium at 350 px against a running backend, with the
// stub Office/Word, as a new user would: first run, Settings (token), Scan, a finding and its
// change, Apply all, Library, Settings with a wrong token, and the party question. Runs axe-core
// on each screen. Usage: node run.mjs BASE_URL DOCUMENT.docx PARAGRAPHS.json ARTIFACTS_DIR TOKEN
// Prints one JSON line with what it measured; exits non-zero when a step fails.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const TIMEOUT = 30000;
const WIDTH = 350;
const SNAKE = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g;

const [baseUrl, documentPath, paragraphsPath, artifacts, token] = process.argv.slice(2);
if (!token) {
  console.error("usage: node run.mjs BASE_URL DOCUMENT.docx PARAGRAPHS.json ARTIFACTS_DIR TOKEN");
  process.exit(2);
}
mkdirSync(artifacts, { recursive: true });
const origin = new URL(baseUrl).origin;
const stubFiles = {
  "/__stub__/fake-word.js": join(HERE, "..", "fake-word.js"),
  "/__stub__/paragraphs.json": resolve(paragraphsPath),
  "/__stub__/document.docx": resolve(documentPath),
  "/__stub__/axe.js": require.resolve("axe-core/axe.min.js"),
};

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
const report = { console: [], blocked: [], axe: {}, snake: {}, tabs: [] };

/** A page at 350 px with the stub Office, no network beyond the backend. */
async function openPane(patch) {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 800 } });
  page.setDefaultTimeout(TIMEOUT);
  // The expected failures (the wrong token's 401, the address the policy refuses) are not errors of the pane.
  const expected = /401|Content Security Policy|Failed to fetch/;
  page.on("console", (m) => m.type() === "error" && !expected.test(m.text()) && report.console.push(m.text()));
  page.on("pageerror", (e) => report.console.push(String(e)));
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.href === OFFICE_JS) return route.fulfill({ path: join(HERE, "stub-office.js"), contentType: "text/javascript" });
    if (url.origin === origin && stubFiles[url.pathname]) return route.fulfill({ path: stubFiles[url.pathname], contentType: url.pathname.endsWith(".js") ? "text/javascript" : undefined });
    if (url.origin === origin && patch && (await patch(route, url).catch(() => true))) return undefined;
    if (url.origin === origin) return route.continue();
    report.blocked.push(url.href);
    return route.abort();
  });
  await page.goto(`${origin}/addin/taskpane.html`);
  await page.waitForFunction(() => window.__word !== undefined);
  return page;
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.0/2.1 A and AA). */
async function audit(page, name) {
  await page.addScriptTag({ url: "/__stub__/axe.js" });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  report.axe[name] = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  report.snake[name] = await snakeCase(page);
}

/** snake_case words anywhere in the pane's text (hidden parts included) or its labels. */
function snakeCase(page) {
  return page.evaluate((pattern) => {
    const re = new RegExp(pattern, "g");
    const texts = [document.body.textContent ?? ""];
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], option")) {
      texts.push(el.getAttribute("aria-label") ?? "", el.getAttribute("title") ?? "", el.getAttribute("placeholder") ?? "", el.textContent ?? "");
    }
    return [...new Set(texts.join(" ").match(re) ?? [])];
  }, SNAKE.source);
}

const shot = (page, name) => page.screenshot({ path: join(artifacts, name) });
const bottom = (page, selector) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().bottom);
const activeTab = (page) => page.evaluate(() => [document.activeElement?.id, document.querySelector('[aria-selected="true"]')?.id]);

try {
  const page = await openPane();

  // First run: privacy note naming the server, help, the primary action near the top.
  report.firstRun = {
    privacy: await page.locator(".privacy").innerText(),
    help: await page.locator('#first-run a[href="help.html"]').count(),
    scanBottom: await bottom(page, "#scan"),
  };
  await audit(page, "first-run");
  await shot(page, "pane-first-run.png");

  // Keyboard: the tabs are one tab stop; arrows, Home and End move between them.
  await page.focus("#tab-scan");
  for (const key of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowLeft", "Home", "End"]) {
    await page.keyboard.press(key);
    report.tabs.push(await activeTab(page));
  }
  report.tabStops = await page.locator('[role="tab"][tabindex="0"]').count();

  // Settings (the End key left us there): the right token, saved for the session, checked.
  await page.fill("#backend-token", token);
  await page.click('#settings-form button[type="submit"]');
  await page.click("#check-connection");
  await page.waitForFunction(() => document.getElementById("settings-status").textContent.startsWith("Connected"));
  report.connected = await page.locator("#settings-status").innerText();
  report.tokenStored = await page.evaluate(() => ({ local: localStorage.getItem("noai.settings"), session: sessionStorage.getItem("noai.settings") }));

  // Scan the example.
  await page.click("#tab-scan");
  await page.click("#scan");
  await page.waitForSelector("#findings .finding");
  report.findings = await page.locator("#findings .finding").count();
  report.severities = await page.locator("#findings .severity-title").allTextContents();
  report.infoOpen = await page.locator("#findings details.info").evaluateAll((d) => d.map((x) => x.open));
  report.scoreBefore = Number(await page.locator("#score-value").textContent());
  report.gradeBefore = await page.locator("#score-grade").textContent();
  report.summary = await page.locator("#score-summary").textContent();
  report.highlights = await page.locator("#highlights li").allTextContents();
  report.applyBottom = await bottom(page, "#apply-all");
  report.applyText = await page.locator("#apply-all").textContent();
  report.progress = await page.locator("#progress-text").textContent();
  report.fileClosed = await page.evaluate(() => window.__fileClosed === true);
  await shot(page, "pane-scan.png");
  // The narrowest and widest task panes: nothing wider than the pane, the primary action still near the top.
  for (const width of [320, 450]) {
    await page.setViewportSize({ width, height: 800 });
    report[`fits${width}`] = await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
    report[`applyBottom${width}`] = await bottom(page, "#apply-all");
  }
  await page.setViewportSize({ width: WIDTH, height: 800 });

  // A protection's explanation opens from the keyboard.
  await page.focus("#protections button");
  await page.keyboard.press("Enter");
  report.protectionOpen = await page.locator("#protections .disclosure-body").first().isVisible();

  // A finding expanded, its change highlighted, and back.
  const linked = page.locator("#findings .finding").filter({ has: page.locator("text=See the proposed change") }).first();
  await linked.locator(".finding-head").click();
  await linked.evaluate((el) => el.scrollIntoView({ block: "start" }));
  report.proposal = await linked.locator(".proposal").innerText();
  await shot(page, "pane-finding.png");
  await linked.locator("text=Show in the document").click();
  report.selected = await page.evaluate(() => window.__word.log.filter((e) => e.op === "select").length);
  await linked.locator("text=See the proposed change").click();
  report.highlighted = await page.evaluate(() => {
    const li = document.querySelector("#edits li.highlight");
    const box = li?.getBoundingClientRect();
    return li ? { focused: document.activeElement === li, inView: box.top >= 0 && box.bottom <= innerHeight, text: li.textContent } : null;
  });
  await audit(page, "scan");
  await page.locator("#edits li.highlight button.link").first().click();
  report.backToFinding = await page.evaluate(() => document.activeElement?.classList.contains("finding-head") && document.activeElement.getAttribute("aria-expanded") === "true");

  // Apply all: every change as a tracked change, then the summary from a re-audit.
  report.edits = await page.locator("#edits li").count();
  const reaudits = []; // the re-audit asks for the accepted view: the score once the changes are accepted
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith("/api/v1/audit")) reaudits.push(url.searchParams.get("accepted"));
  });
  await page.click("#apply-all");
  await page.waitForSelector("#score-change:not([hidden])");
  report.applied = await page.locator("#edits .result.ok").count();
  report.notApplied = await page.locator("#edits .result.failed").allTextContents();
  report.wordEdits = await page.evaluate(() => window.__word.edits.map((e) => ({ op: e.op, mode: e.mode })));
  report.scoreAfter = Number(await page.locator("#score-value").textContent());
  report.scoreChange = await page.locator("#score-change").textContent();
  report.missingAfter = await page.locator("#protections li.missing").count();
  report.reaudits = reaudits;
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "pane-applied.png");

  // Library: an empty search says so; the preview opens next to the chosen clause, standard wording.
  await page.click("#tab-library");
  await page.waitForSelector("#clauses button");
  report.clauses = await page.locator("#clauses button").count();
  await page.fill("#library-search", "zzzz");
  report.emptySearch = await page.locator("#no-clauses").textContent();
  await page.fill("#library-search", "");
  const chosen = page.locator("#clauses li").filter({ hasText: "No AI" }).first();
  await chosen.locator("button").click();
  await page.waitForSelector("#preview p");
  report.preview = await page.locator("#preview").innerText();
  report.variant = await page.locator("#variant").inputValue();
  report.previewInChosen = await chosen.locator("#clause-detail").count();
  await chosen.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 260)); // the list above, the preview below
  await audit(page, "library");
  await shot(page, "pane-library.png");

  // Settings with an address the page may not connect to (another origin): the message names the policy.
  await page.click("#tab-settings");
  const elsewhere = new URL(baseUrl);
  elsewhere.hostname = "localhost";
  await page.fill("#backend-url", elsewhere.origin);
  await page.click('#settings-form button[type="submit"]');
  await page.click("#check-connection");
  await page.waitForSelector("#message:not([hidden])");
  report.elsewhere = await page.locator("#message").innerText();
  await page.fill("#backend-url", origin);

  // Settings with a wrong token: the check says what to do.
  await page.fill("#backend-token", "not-the-token");
  await page.click('#settings-form button[type="submit"]');
  await page.click("#check-connection");
  await page.waitForSelector("#message:not([hidden])");
  report.wrongToken = await page.locator("#message").innerText();
  await audit(page, "settings");
  await shot(page, "pane-settings-wrong-token.png");
  await page.close();

  // The party question: asked once when the audit is unsure, the answer sent as `we`.
  const plans = [];
  const unsure = await openPane(async (route, url) => {
    if (url.pathname !== "/api/v1/plan") return false;
    plans.push(url.searchParams.get("we"));
    const response = await route.fetch();
    if (!response.ok()) return route.fulfill({ response });
    const body = await response.json();
    body.audit.parties = [{ id: "p1", name: "Client", role: "unknown" }, { id: "p2", name: "Studio", role: "unknown" }];
    body.audit.we = { given: url.searchParams.get("we"), party: null, role: null, source: "inferred", sure: Boolean(url.searchParams.get("we")) };
    await route.fulfill({ response, json: body });
    return true;
  });
  await unsure.evaluate((t) => sessionStorage.setItem("noai.settings", JSON.stringify({ token: t })), token);
  await unsure.reload();
  await unsure.waitForFunction(() => window.__word !== undefined);
  await unsure.click("#scan");
  await unsure.waitForSelector("#party:not([hidden])");
  report.partyQuestion = await unsure.locator("#party legend").textContent();
  await unsure.check("#party-1");
  await unsure.click('#party button[type="submit"]');
  await unsure.waitForFunction(() => document.getElementById("party").hidden);
  await unsure.waitForSelector("#findings .finding");
  report.partyPlans = plans;
  await unsure.close();

  // A round: the backend's answer for the other side's reply to our redline (tests/data/wire), the
  // Round tab shown, grouped by protection; Word API 1.4 only, so Accept explains the Review tab.
  const round = await openPane(async (route, url) => {
    if (url.pathname !== "/api/v1/plan") return false;
    await route.fulfill({ path: join(HERE, "..", "..", "..", "tests", "data", "wire", "agency-round-2.answer.json"), contentType: "application/json" });
    return true;
  });
  await round.evaluate((t) => sessionStorage.setItem("noai.settings", JSON.stringify({ token: t })), token);
  await round.reload();
  await round.waitForFunction(() => window.__word !== undefined);
  await round.click("#scan");
  await round.waitForSelector("#tab-round:not([hidden])");
  await round.click("#tab-round");
  report.roundGroups = await round.locator("#round-groups h3").allTextContents();
  report.roundItems = await round.locator("#round-groups .round-item").count();
  await round.locator("#round-groups button", { hasText: "Accept" }).first().click();
  await round.waitForSelector("#message:not([hidden])");
  report.roundAccept = await round.locator("#message").innerText();
  await round.locator("#round-groups .counter summary").first().click();
  await audit(round, "round");
  await shot(round, "pane-round.png");
} catch (error) {
  report.error = String(error);
  process.exitCode = 1;
} finally {
  await browser.close();
  console.log(JSON.stringify(report));
}
