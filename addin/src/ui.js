// The task pane: wires taskpane.html to the Word logic (document.js, redline.js, anchor.js,
// library.js) and the backend client (api.js). One Word.run per user action, every failure
// shown as a message that says what to do. Office and Word are the globals office.js defines.

import { BackendUnreachableError, createClient, loadSettings, saveSettings } from "./api.js";
import { selectAnchor } from "./anchor.js";
import { readDocument } from "./document.js";
import { explainFailure, origin } from "./messages.js";
import { filterClauses, insertClause, listClauses, previewClause } from "./library.js";
import { STATUS_WORDS, groupBySeverity, highlights, needsParty, readAudit, readRound, readScan } from "./model.js";
import { applyEdits } from "./redline.js";
import { COMMENT_SET, REVIEW_SET, acceptChange, counter, gated, reinstate } from "./round.js";

const TABS = ["scan", "round", "library", "settings"];
const DEFAULT_VARIANT = "standard";
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const state = {
  settings: null, office: null, canTrack: false, sent: null, scan: null, after: null, results: new Map(),
  round: null, clauses: [], clause: null, rendered: null, we: "", askedParty: false, blocked: new Set(),
};

/**
 * Create an element with text and attributes.
 * @param {string} tag
 * @param {Record<string, string>} [options] text, className and attributes
 * @param {(Node|string)[]} [children]
 * @returns {HTMLElement}
 */
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

/** Explain a failure in words that say what to do. */
function explain(error) {
  return explainFailure(error, { baseUrl: state.settings.baseUrl, blocked: state.blocked, page: location.origin });
}

/** Run `action`, showing its failure in the message bar; buttons in `busy` are disabled meanwhile. */
async function guarded(action, ...busy) {
  say("");
  busy.forEach((b) => (b.disabled = true));
  try {
    await action();
  } catch (error) {
    // The page's securitypolicyviolation event may come after the failed fetch: let it arrive first.
    if (error instanceof BackendUnreachableError) await new Promise((resolve) => setTimeout(resolve, 100));
    say(explain(error));
  } finally {
    busy.forEach((b) => (b.disabled = false));
    syncButtons();
  }
}

/** Enable the scan actions as the state allows (after any action re-enabled its buttons). */
function syncButtons() {
  if (!state.scan) return;
  const open = state.scan.edits.filter((e) => !state.results.get(e.id)?.ok).length;
  $("apply-all").hidden = !state.scan.edits.length;
  $("apply-all").textContent = open ? `Apply all ${open} as tracked changes` : "All changes applied";
  /** @type {HTMLButtonElement} */ ($("apply-all")).disabled = !open || !state.canTrack;
}

/**
 * @template T
 * @param {(context: Word.RequestContext) => Promise<T>} batch
 * @returns {Promise<T>}
 */
function runWord(batch) {
  if (!globalThis.Word) throw new Error("Word is not available: open this pane from Word's Home tab.");
  return globalThis.Word.run(batch);
}

/** Show progress (announced to screen readers by the live region); `busy` false ends the bar. */
function progress(text, busy = true) {
  $("progress").hidden = !text || !busy;
  $("progress-text").textContent = text;
}

// -- Scan ---------------------------------------------------------------------------------

async function scan() {
  try {
    progress("Reading the document from Word…");
    state.sent = await readDocument(state.office, runWord);
    progress("Checking the IP and licence clauses…");
    const answer = await client().plan(state.sent, state.we ? { we: state.we } : {});
    state.scan = readScan(answer);
    state.round = readRound(answer);
    renderRound();
    state.after = null;
    state.results.clear();
    renderScan();
    progress(`Scan done: risk ${state.scan.score.value ?? "not scored"}, grade ${state.scan.score.grade || "none"}.`, false);
    if (needsParty(state.scan) && !state.askedParty) askParty();
  } catch (error) {
    progress("");
    throw error;
  }
}

function askParty() {
  state.askedParty = true;
  $("party-choices").replaceChildren(
    ...state.scan.parties.map((party, i) => element("div", { className: "radio" }, [
      element("input", { type: "radio", name: "party", id: `party-${i}`, value: party.name, ...(i === 0 ? { checked: "" } : {}) }),
      element("label", { for: `party-${i}`, text: party.name }),
    ])),
  );
  $("party").hidden = false;
  /** @type {HTMLInputElement} */ ($("party").querySelector("input")).focus();
}

async function chooseParty(event) {
  event.preventDefault();
  const chosen = /** @type {HTMLInputElement|null} */ ($("party").querySelector("input:checked"));
  if (!chosen) return;
  state.we = chosen.value;
  $("party").hidden = true;
  await scan();
}

function renderScan() {
  $("first-run").hidden = true;
  $("results").hidden = false;
  renderSummary();
  $("findings").replaceChildren(
    ...(state.scan.findings.length ? groupBySeverity(state.scan.findings).map(renderGroup) : [element("p", { className: "muted", text: "No risky clause found." })]),
  );
  renderEdits();
  $("scan").textContent = "Scan again";
  $("scan").className = "secondary";
  syncButtons();
}

/** The summary card: the score now (after the applied changes when re-audited), what changed, what matters. */
function renderSummary() {
  const view = state.after ?? state.scan;
  const { score } = view;
  $("summary").hidden = false;
  $("score-value").textContent = score.value === null ? "–" : String(score.value);
  $("score-grade").textContent = score.grade;
  $("score-grade").hidden = !score.grade;
  $("score-grade").setAttribute("aria-label", `grade ${score.grade}`);
  $("score-grade").className = `grade grade-${score.grade.toLowerCase()}`;
  $("score-summary").textContent = score.summary || score.reasons[0] || "";
  $("score-legend").textContent = score.legend;
  const before = state.scan.score;
  $("score-change").hidden = !state.after;
  $("score-change").textContent = state.after
    ? `Risk ${before.value} (${before.grade}) → ${score.value} (${score.grade}) once the changes are accepted.` : "";
  $("highlights").replaceChildren(...highlights(view).map((line) => element("li", { text: line })));
  renderProtections(view.protections);
}

function renderProtections(protections) {
  const mark = { present: "✓", missing: "✗", unknown: "?", proposed: "+", struck: "✗", removed: "✗", weakened: "!" };
  $("protections").replaceChildren(
    ...protections.map((p) => {
      const id = `protection-${p.kind}`;
      const button = element("button", { type: "button", className: "disclosure", "aria-expanded": "false", "aria-controls": id }, [
        element("span", { className: `mark ${p.status}`, text: mark[p.status], "aria-hidden": "true" }),
        element("span", { text: p.title }),
        element("span", { className: `status ${p.status}`, text: STATUS_WORDS[p.status] }),
      ]);
      const body = element("div", { id, className: "disclosure-body", hidden: "" }, [
        ...(p.explanation ? [element("p", { text: p.explanation })] : []),
        ...(p.detail ? [element("p", { className: "muted", text: p.detail })] : []),
      ]);
      button.addEventListener("click", () => toggle(button, body));
      return element("li", { className: p.status }, [button, body]);
    }),
  );
}

function toggle(button, body, open = button.getAttribute("aria-expanded") !== "true") {
  button.setAttribute("aria-expanded", String(open));
  body.hidden = !open;
}

function renderGroup({ severity, title, findings }) {
  const details = /** @type {HTMLDetailsElement} */ (element("details", { className: `severity ${severity}` }, [
    element("summary", {}, [element("span", { className: "severity-title", text: `${title} (${findings.length})` })]),
    element("ul", { className: "findings" }, findings.map(renderFinding)),
  ]));
  details.open = severity !== "info";
  return details;
}

function renderFinding(f) {
  const bodyId = `finding-${f.id}-body`;
  const head = element("button", { type: "button", className: "disclosure finding-head", "aria-expanded": "false", "aria-controls": bodyId, id: `finding-${f.id}` }, [
    element("strong", { text: f.title }),
    element("span", { className: "muted", text: [f.section, f.phrase ? `“${f.phrase}”` : ""].filter(Boolean).join(" · ") }),
  ]);
  const actions = [element("button", { type: "button", className: "secondary", text: "Show in the document" })];
  actions[0].addEventListener("click", () => guarded(() => showFinding(f)));
  const change = state.scan.edits.find((e) => e.id === f.edit);
  const proposal = [];
  if (change) {
    const link = element("button", { type: "button", className: "link", text: "See the proposed change" });
    link.addEventListener("click", () => showEdit(change.id));
    proposal.push(element("div", { className: "proposal" }, [element("strong", { text: "Proposed change" }), element("span", { text: change.summary }), link]));
  }
  const body = element("div", { id: bodyId, className: "disclosure-body", hidden: "" }, [
    element("p", { text: f.explanation }),
    ...proposal,
    element("div", { className: "row" }, actions),
  ]);
  head.addEventListener("click", () => toggle(head, body));
  return element("li", { className: "finding" }, [head, body]);
}

/** Highlight the change `id` in the change list, bring it into view and focus it. */
function showEdit(id) {
  for (const li of $("edits").querySelectorAll(".highlight")) li.classList.remove("highlight");
  const item = /** @type {HTMLElement} */ ($("edits").querySelector(`[data-edit="${id}"]`));
  if (!item) return;
  item.classList.add("highlight");
  item.scrollIntoView({ block: "center" });
  item.focus();
}

/** Open finding `id` (expanding its group), bring it into view and focus it. */
function showFindingCard(id) {
  const head = $(`finding-${id}`);
  const details = head.closest("details");
  if (details) details.open = true;
  toggle(head, $(`finding-${id}-body`), true);
  head.scrollIntoView({ block: "center" });
  head.focus();
}

async function showFinding(finding) {
  if (!finding.anchor.text) return;
  const result = await runWord((context) => selectAnchor(context, finding.anchor, finding.phrase));
  if (!result.ok) say(result.reason, "info");
}

function renderEdits() {
  $("edits").replaceChildren(...state.scan.edits.map(renderEdit));
}

function renderEdit(edit) {
  const result = state.results.get(edit.id);
  const button = /** @type {HTMLButtonElement} */ (element("button", { type: "button", className: "secondary", text: "Apply", "aria-label": `Apply: ${edit.summary}` }));
  button.disabled = !state.canTrack || Boolean(result?.ok);
  button.addEventListener("click", () => guarded(() => apply([edit]), button));
  const answers = edit.findings.map((id) => {
    const finding = state.scan.findings.find((f) => f.id === id);
    const link = element("button", { type: "button", className: "link", text: `Answers: ${finding.title}` });
    link.addEventListener("click", () => showFindingCard(id));
    return link;
  });
  const status = result ? [element("span", { className: `result ${result.ok ? "ok" : "failed"}`, text: result.ok ? "Applied as a tracked change" : `Not applied: ${result.reason}` })] : [];
  return element("li", { "data-edit": edit.id, tabindex: "-1" }, [element("span", { text: edit.summary }), ...status, element("div", { className: "row" }, [button, ...answers])]);
}

async function apply(edits) {
  const results = await runWord((context) => applyEdits(context, edits));
  for (const result of results) state.results.set(result.id, result);
  const failed = results.filter((r) => !r.ok).length;
  await reaudit();
  renderScan();
  say(failed ? `${results.length - failed} of ${results.length} changes applied; see the reasons under Proposed changes.` : `${results.length} changes applied as tracked changes.`, failed ? "error" : "info");
}

/** Audit the document as it is now, read as accept-all leaves it (`accepted`: tracked insertions in, deletions and
 * struck paragraphs out), so the summary shows the score once the changes are accepted. */
async function reaudit() {
  try {
    progress("Checking the document with the changes…");
    const sent = await readDocument(state.office, runWord);
    state.after = readAudit(await client().audit(sent, { ...(state.we ? { we: state.we } : {}), accepted: true }));
    progress(`Risk now ${state.after.score.value}, grade ${state.after.score.grade}.`, false);
  } catch (error) {
    progress("");
    throw error;
  }
}

/** The name the document has in Word, with ".noai" before the extension, for the download. */
function downloadName() {
  const url = String(state.office?.context?.document?.url ?? "");
  const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? "").replace(/\.(docx|docm|doc)$/i, "");
  return `${name || "contract"}.noai.docx`;
}

async function downloadRedline() {
  const sent = state.sent ?? (await readDocument(state.office, runWord));
  const blob = await client().redline(sent, state.we ? { we: state.we } : {});
  const link = element("a", { href: URL.createObjectURL(blob), download: downloadName() });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.getAttribute("href") ?? ""), 60000);
}

// -- Round: the other side's reply to our redline ---------------------------------------------

const ACTION_WORDS = { deleted: "Deleted", inserted: "Inserted", edited: "Edited", replied: "Replied", rejected: "Rejected", modified: "Changed" };

/** Show the Round tab when the audit has a negotiation section (hide it, and leave it, otherwise). */
function renderRound() {
  const round = state.round;
  $("tab-round").hidden = !round;
  if (!round) {
    if ($("tab-round").getAttribute("aria-selected") === "true") showTab("scan");
    return;
  }
  const c = round.counts;
  $("round-title").textContent = `Their reply to round ${round.round}`;
  $("round-summary").textContent = `Of our proposals: ${c.accepted ?? 0} accepted, ${c.rejected ?? 0} rejected, ${c.modified ?? 0} changed, ${c.countered ?? 0} answered in a comment, ${c.pending ?? 0} still open.`;
  $("round-dangling").hidden = !round.dangling.length;
  $("round-dangling").textContent = round.dangling.length ? `Used but no longer defined: ${round.dangling.join(", ")}.` : "";
  $("round-groups").replaceChildren(
    ...(round.groups.length ? round.groups.map(renderRoundGroup) : [element("p", { className: "muted", text: "They changed nothing in the IP, licence or AI clauses." })]),
  );
}

function renderRoundGroup(group, number) {
  const titleId = `round-group-${number}`;
  const head = element("h3", { id: titleId }, [
    element("span", { text: group.title }),
    ...(group.status ? [element("span", { className: `status ${group.status}`, text: ` ${STATUS_WORDS[group.status]}` })] : []),
  ]);
  const children = [head];
  if (group.detail) children.push(element("p", { className: "muted", text: group.detail }));
  children.push(element("ul", { className: "round-items", "aria-labelledby": titleId }, group.items.map((item) => renderRoundItem(group, item))));
  if (group.edits.length) {
    const button = element("button", { type: "button", className: "secondary", text: "Reinstate ours", "aria-label": `Reinstate ours: ${group.title}` });
    button.addEventListener("click", () => guarded(() => roundAction(
      () => gated(state.office, COMMENT_SET, () => runWord((context) => reinstate(context, group.edits))),
      `${group.title}: our text is back as a tracked change.`), button));
    children.push(element("p", { className: "muted", text: group.edits.map((e) => e.summary).join("; ") }), element("div", { className: "row" }, [button]));
  }
  return element("section", { className: "card round-group", "aria-labelledby": titleId }, children);
}

function renderRoundItem(group, item) {
  const meta = [item.author, item.date].filter(Boolean).join(" · ");
  const actions = [];
  if (item.tracked && (item.action === "deleted" || item.action === "inserted")) {
    const accept = element("button", { type: "button", className: "secondary", text: "Accept", "aria-label": `Accept: ${item.summary}` });
    accept.addEventListener("click", () => guarded(() => roundAction(
      () => gated(state.office, REVIEW_SET, () => runWord((context) => acceptChange(context, item))), "Their change is accepted."), accept));
    actions.push(accept);
  }
  const answerId = `round-answer-${item.id}`;
  const answer = /** @type {HTMLTextAreaElement} */ (element("textarea", { id: answerId, rows: "3" }));
  answer.value = counterText(group, item);
  const send = element("button", { type: "button", className: "secondary", text: "Counter", "aria-label": `Counter: ${item.summary}` });
  send.addEventListener("click", () => guarded(() => roundAction(
    () => gated(state.office, COMMENT_SET, () => runWord((context) => counter(context, item, answer.value))),
    item.thread.length ? "Your answer is in their comment thread." : "Your answer is a comment on that paragraph."), send));
  const form = element("details", { className: "counter" }, [
    element("summary", { text: "Counter with a comment" }),
    element("label", { for: answerId, text: "Your answer" }),
    answer,
    element("div", { className: "row" }, [send]),
  ]);
  return element("li", { className: "round-item" }, [
    element("span", { className: "round-action", text: ACTION_WORDS[item.action] ?? "Changed" }),
    element("span", { text: item.summary }),
    ...(meta ? [element("span", { className: "muted", text: meta })] : []),
    ...(actions.length ? [element("div", { className: "row" }, actions)] : []),
    form,
  ]);
}

/** The answer offered in the Counter box: what the protection is for, which the user edits. */
function counterText(group, item) {
  const why = state.scan?.protections.find((p) => p.kind === group.kind)?.explanation;
  if (item.action === "replied") return why ? `We need to keep this clause. ${why}` : "We need to keep this clause as proposed.";
  return why ? `We cannot agree to this change. ${why}` : "We cannot agree to this change.";
}

/** Run a Round action (returning {ok, reason}) and say what became of it. */
async function roundAction(action, done) {
  const outcome = await action();
  $("round-status").textContent = outcome.ok ? done : "";
  if (!outcome.ok) say(outcome.reason, "error");
}

// -- Library ------------------------------------------------------------------------------

async function loadLibrary() {
  state.clauses = await listClauses(client());
  renderClauses();
}

function renderClauses() {
  const query = /** @type {HTMLInputElement} */ ($("library-search")).value;
  const shown = filterClauses(state.clauses, query);
  $("no-clauses").textContent = shown.length || !state.clauses.length ? "" : `No clause matches “${query.trim()}”. Try another word, or clear the search.`;
  $("clauses").replaceChildren(
    ...shown.map((clause) => {
      const chosen = clause.id === state.clause?.id;
      const button = element("button", { type: "button", "aria-expanded": String(chosen), "aria-controls": "clause-detail" }, [
        element("strong", { text: clause.title }),
        ...(chosen ? [element("span", { className: "muted", text: clause.summary })] : []),
      ]);
      button.addEventListener("click", () => guarded(() => chooseClause(clause)));
      const li = element("li", {}, [button]);
      if (chosen) li.append($("clause-detail"));
      return li;
    }),
  );
  if (!shown.some((c) => c.id === state.clause?.id)) $("clause-detail").hidden = true;
}

async function chooseClause(clause) {
  state.clause = clause;
  const preferred = [state.scan?.variant, DEFAULT_VARIANT].find((v) => v && clause.variants.includes(v)) ?? clause.variants[0];
  $("variant").replaceChildren(...clause.variants.map((v) => element("option", { value: v, text: v[0].toUpperCase() + v.slice(1) })));
  /** @type {HTMLSelectElement} */ ($("variant")).value = preferred;
  renderClauses();
  await preview();
}

async function preview() {
  const terms = state.scan?.terms ?? {};
  state.rendered = await previewClause(client(), state.clause.id, /** @type {HTMLSelectElement} */ ($("variant")).value, terms);
  $("clause-detail").hidden = false;
  $("preview").replaceChildren(
    ...[state.rendered.title, ...state.rendered.paragraphs].filter(Boolean).map((t) => element("p", { text: t })),
  );
  $("preview-comment").textContent = state.rendered.comment;
  /** @type {HTMLButtonElement} */ ($("insert")).disabled = !state.canTrack;
}

async function insert() {
  const count = await runWord((context) => insertClause(context, state.rendered));
  say(`Inserted ${count} paragraphs after the cursor as tracked changes.`, "info");
}

// -- Tabs, settings and start-up ------------------------------------------------------------

function showTab(name, focus = false) {
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    button.setAttribute("aria-selected", String(tab === name));
    button.tabIndex = tab === name ? 0 : -1;
    $(`panel-${tab}`).hidden = tab !== name;
  }
  if (focus) $(`tab-${name}`).focus();
  if (name === "library" && !state.clauses.length) guarded(loadLibrary);
}

/** Arrow keys, Home and End move between the shown tabs (roving tabindex, automatic activation). */
function tabKeys(event) {
  const shown = TABS.filter((tab) => !$(`tab-${tab}`).hidden);
  const at = shown.findIndex((tab) => $(`tab-${tab}`) === event.target);
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: shown.length - 1 }[event.key];
  if (at < 0 || next === undefined) return;
  event.preventDefault();
  showTab(shown[(next + shown.length) % shown.length], true);
}

function saveForm(event) {
  event.preventDefault();
  state.settings = saveSettings(localStorage, sessionStorage, {
    baseUrl: /** @type {HTMLInputElement} */ ($("backend-url")).value,
    token: /** @type {HTMLInputElement} */ ($("backend-token")).value,
    remember: /** @type {HTMLInputElement} */ ($("remember-token")).checked,
  });
  state.clauses = [];
  $("server-name").textContent = state.settings.baseUrl;
  $("settings-status").textContent = state.settings.remember ? "Saved; the token is kept on this computer." : "Saved; the token is kept until Word closes.";
}

async function checkConnection() {
  $("settings-status").textContent = "Checking…";
  try {
    const count = await client().check();
    $("settings-status").textContent = `Connected to ${state.settings.baseUrl}: the server answers and accepts the token (${count} clauses in its library).`;
  } catch (error) {
    $("settings-status").textContent = "";
    throw error;
  }
}

function wire() {
  for (const tab of TABS) $(`tab-${tab}`).addEventListener("click", () => showTab(tab));
  document.querySelector('[role="tablist"]')?.addEventListener("keydown", tabKeys);
  $("scan").addEventListener("click", () => guarded(scan, $("scan")));
  $("apply-all").addEventListener("click", () => guarded(() => apply(state.scan.edits.filter((e) => !state.results.get(e.id)?.ok)), $("apply-all")));
  $("party").addEventListener("submit", (event) => guarded(() => chooseParty(event)));
  $("download").addEventListener("click", () => guarded(downloadRedline, $("download")));
  $("first-run-settings").addEventListener("click", () => showTab("settings", true));
  $("library-search").addEventListener("input", renderClauses);
  $("variant").addEventListener("change", () => guarded(preview));
  $("insert").addEventListener("click", () => guarded(insert, $("insert")));
  $("settings-form").addEventListener("submit", saveForm);
  $("check-connection").addEventListener("click", () => guarded(checkConnection));
  // A fetch the page's security policy refuses fails like a network error: remember which, to say so.
  document.addEventListener("securitypolicyviolation", (event) => state.blocked.add(origin(event.blockedURI)));
}

/** Start the pane once Office is ready; outside Word (host null) only the library and settings work. */
function start(info) {
  state.office = globalThis.Office;
  state.settings = loadSettings(localStorage, sessionStorage, location.origin);
  /** @type {HTMLInputElement} */ ($("backend-url")).value = state.settings.baseUrl;
  /** @type {HTMLInputElement} */ ($("backend-token")).value = state.settings.token;
  /** @type {HTMLInputElement} */ ($("remember-token")).checked = state.settings.remember;
  $("server-name").textContent = state.settings.baseUrl;
  wire();
  const inWord = info?.host === globalThis.Office?.HostType?.Word && Boolean(globalThis.Word);
  state.canTrack = inWord && Boolean(globalThis.Office.context.requirements?.isSetSupported("WordApi", "1.4"));
  /** @type {HTMLButtonElement} */ ($("scan")).disabled = !inWord;
  $("no-tracking").hidden = !inWord || state.canTrack;
  if (!inWord) say("This pane works inside Word: open it from Home › AI-training check. You can still browse the library.", "info");
}

if (globalThis.Office?.onReady) globalThis.Office.onReady(start);
else {
  start(null);
  say("Office.js could not be loaded from Microsoft's CDN; check the network connection.");
}
