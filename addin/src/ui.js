// The task pane: wires taskpane.html to the Word logic (document.js, redline.js, anchor.js,
// library.js) and the backend client (api.js). One Word.run per user action, every failure
// shown as a message a user can act on. Office and Word are the globals office.js defines.

import { BackendUnreachableError, DocumentTooLargeError, ProblemError, createClient, loadSettings, saveSettings } from "./api.js";
import { selectAnchor } from "./anchor.js";
import { readDocument } from "./document.js";
import { filterClauses, insertClause, listClauses, previewClause } from "./library.js";
import { groupBySeverity, readScan } from "./model.js";
import { applyEdits } from "./redline.js";

const $ = (id) => document.getElementById(id);
const state = { settings: null, office: null, canTrack: false, sent: null, scan: null, results: new Map(), clauses: [], clause: null, rendered: null };

/** Create an element with text and attributes. */
function element(tag, { text = "", className = "", ...attributes } = {}, children = []) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function client() {
  return createClient(state.settings);
}

/** Show `text` in the message bar (kind "error" or "info"); empty text hides it. */
function say(text, kind = "error") {
  const bar = $("message");
  bar.textContent = text;
  bar.className = `message ${kind}`;
  bar.hidden = !text;
}

/** Explain a failure in words a user can act on. */
function explain(error) {
  if (error instanceof BackendUnreachableError || error instanceof DocumentTooLargeError) return error.message;
  if (error instanceof ProblemError) {
    const title = error.title && error.detail ? `${error.title}: ` : "";
    return `${title}${error.message}${error.requestId ? ` (request ${error.requestId})` : ""}`;
  }
  return `Something went wrong: ${error.message}`;
}

/** Run `action`, showing its failure in the message bar; buttons in `busy` are disabled meanwhile. */
async function guarded(action, ...busy) {
  say("");
  busy.forEach((b) => (b.disabled = true));
  try {
    await action();
  } catch (error) {
    say(explain(error));
  } finally {
    busy.forEach((b) => (b.disabled = false));
  }
}

function runWord(batch) {
  if (!globalThis.Word) throw new Error("Word is not available: open this pane from Word's Home tab.");
  return globalThis.Word.run(batch);
}

function progress(text) {
  $("progress").hidden = !text;
  $("progress-text").textContent = text;
}

// -- Scan ---------------------------------------------------------------------------------

async function scan() {
  try {
    progress("Reading the document from Word…");
    state.sent = await readDocument(state.office, runWord);
    progress("Checking the IP and licence clauses…");
    state.scan = readScan(await client().plan(state.sent));
    state.results.clear();
    renderScan();
  } finally {
    progress("");
  }
}

function renderScan() {
  const { score, protections, findings, edits } = state.scan;
  $("results").hidden = false;
  $("score-value").textContent = score.value ?? "–";
  $("score-max").textContent = score.value === null ? "" : ` / ${score.max} risk`;
  $("score-grade").textContent = score.grade;
  $("score-grade").hidden = !score.grade;
  $("score-label").textContent = score.label || score.reasons.slice(0, 3).join("; ");
  $("protections").replaceChildren(
    ...protections.present.map((p) => element("li", { className: "present", text: `✓ ${p.title}`, title: p.detail })),
    ...protections.missing.map((p) => element("li", { className: "missing", text: `✗ ${p.title}`, title: p.detail })),
    ...protections.unknown.map((p) => element("li", { className: "unknown", text: `? ${p.title}`, title: p.detail })),
  );
  $("findings").replaceChildren(
    ...(findings.length ? groupBySeverity(findings).map(renderGroup) : [element("p", { className: "muted", text: "No risky clause found." })]),
  );
  $("edits").replaceChildren(...edits.map(renderEdit));
  $("apply-all").disabled = !edits.length || !state.canTrack;
}

function renderGroup({ severity, findings }) {
  return element("div", { className: `severity ${severity}` }, [
    element("h3", { text: `${severity} (${findings.length})` }),
    ...findings.map((f) => {
      const button = element("button", { className: "finding", title: "Show in the document" }, [
        element("strong", { text: f.title }),
        element("span", { text: f.phrase ? `“${f.phrase}” ` : "" }),
        element("small", { text: [f.section, f.explanation].filter(Boolean).join(" · ") }),
      ]);
      button.addEventListener("click", () => guarded(() => showFinding(f)));
      return button;
    }),
  ]);
}

async function showFinding(finding) {
  if (!finding.anchor.text) return;
  const result = await runWord((context) => selectAnchor(context, finding.anchor, finding.phrase));
  if (!result.ok) say(result.reason, "info");
}

function renderEdit(edit) {
  const result = state.results.get(edit.id);
  const button = element("button", { text: "Apply" });
  button.disabled = !state.canTrack || Boolean(result?.ok);
  button.addEventListener("click", () => guarded(() => apply([edit]), button));
  const status = result ? element("span", { className: `result ${result.ok ? "ok" : "failed"}`, text: result.ok ? "Applied as a tracked change" : `Not applied: ${result.reason}` }) : "";
  return element("li", { "data-edit": edit.id }, [element("span", { text: edit.summary }), status, button]);
}

async function apply(edits) {
  const results = await runWord((context) => applyEdits(context, edits));
  for (const result of results) state.results.set(result.id, result);
  $("edits").replaceChildren(...state.scan.edits.map(renderEdit));
  const failed = results.filter((r) => !r.ok).length;
  say(failed ? `${results.length - failed} of ${results.length} changes applied; see the reasons below.` : `${results.length} changes applied as tracked changes.`, failed ? "error" : "info");
}

async function downloadRedline() {
  const sent = state.sent ?? (await readDocument(state.office, runWord));
  const blob = await client().redline(sent);
  const link = element("a", { href: URL.createObjectURL(blob), download: "redlined.docx" });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

// -- Library ------------------------------------------------------------------------------

async function loadLibrary() {
  state.clauses = await listClauses(client());
  renderClauses();
}

function renderClauses() {
  $("clauses").replaceChildren(
    ...filterClauses(state.clauses, $("library-search").value).map((clause) => {
      const button = element("button", { "aria-pressed": String(clause.id === state.clause?.id) }, [
        element("strong", { text: clause.title }),
        element("div", { className: "muted", text: clause.summary }),
      ]);
      button.addEventListener("click", () => guarded(() => chooseClause(clause)));
      return element("li", {}, [button]);
    }),
  );
}

async function chooseClause(clause) {
  state.clause = clause;
  $("clause-title").textContent = clause.title;
  $("variant").replaceChildren(...clause.variants.map((v) => element("option", { value: v, text: v })));
  renderClauses();
  await preview();
}

async function preview() {
  const terms = state.scan?.terms ?? {};
  state.rendered = await previewClause(client(), state.clause.id, $("variant").value, terms);
  $("clause-detail").hidden = false;
  $("preview").replaceChildren(
    ...[state.rendered.title, ...state.rendered.paragraphs].filter(Boolean).map((t) => element("p", { text: t })),
  );
  $("preview-comment").textContent = state.rendered.comment;
  $("insert").disabled = !state.canTrack;
}

async function insert() {
  const count = await runWord((context) => insertClause(context, state.rendered));
  say(`Inserted ${count} paragraphs after the cursor as tracked changes.`, "info");
}

// -- Settings and start-up ----------------------------------------------------------------

function showTab(name) {
  for (const tab of ["scan", "library", "settings"]) {
    $(`tab-${tab}`).setAttribute("aria-selected", String(tab === name));
    $(`panel-${tab}`).hidden = tab !== name;
  }
  if (name === "library" && !state.clauses.length) guarded(loadLibrary);
}

function saveForm(event) {
  event.preventDefault();
  state.settings = saveSettings(localStorage, { baseUrl: $("backend-url").value, token: $("backend-token").value });
  state.clauses = [];
  $("settings-status").textContent = "Saved.";
}

async function checkConnection() {
  const health = await client().health();
  $("settings-status").textContent = `Connected: noai ${health.version ?? ""} is ${health.status}.`;
}

function wire() {
  for (const tab of ["scan", "library", "settings"]) $(`tab-${tab}`).addEventListener("click", () => showTab(tab));
  $("scan").addEventListener("click", () => guarded(scan, $("scan")));
  $("apply-all").addEventListener("click", () => guarded(() => apply(state.scan.edits.filter((e) => !state.results.get(e.id)?.ok)), $("apply-all")));
  $("download").addEventListener("click", () => guarded(downloadRedline, $("download")));
  $("library-search").addEventListener("input", renderClauses);
  $("variant").addEventListener("change", () => guarded(preview));
  $("insert").addEventListener("click", () => guarded(insert, $("insert")));
  $("settings-form").addEventListener("submit", saveForm);
  $("check-connection").addEventListener("click", () => guarded(checkConnection));
}

/** Start the pane once Office is ready; outside Word (host null) only the library and settings work. */
function start(info) {
  state.office = globalThis.Office;
  state.settings = loadSettings(localStorage, location.origin);
  $("backend-url").value = state.settings.baseUrl;
  $("backend-token").value = state.settings.token;
  wire();
  const inWord = info?.host === globalThis.Office?.HostType?.Word && Boolean(globalThis.Word);
  state.canTrack = inWord && Boolean(globalThis.Office.context.requirements?.isSetSupported("WordApi", "1.4"));
  $("scan").disabled = !inWord;
  $("no-tracking").hidden = !inWord || state.canTrack;
  if (!inWord) say("This pane works inside Word: open it from Home › AI-training check. You can still browse the library.", "info");
}

if (globalThis.Office?.onReady) globalThis.Office.onReady(start);
else {
  start(null);
  say("Office.js could not be loaded from Microsoft's CDN; check the network connection.");
}
