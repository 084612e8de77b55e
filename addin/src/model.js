// The one place that reads the backend's JSON (audit noai.audit, plan noai.plan/1, clause list
// and rendered clause) into the plain shapes the pane shows. Display text (titles and one-line
// explanations) comes from the server (noai.kinds): the pane never makes a title out of an id.
// It reads exactly what the backend sends (server/noai/schemas/*.json; the real answers of
// tests/data/wire are read in test/wire.test.js), and no other shape.

export const SEVERITIES = ["high", "medium", "low", "info"];
export const SEVERITY_TITLES = { high: "High risk", medium: "Medium risk", low: "Low risk", info: "For information" };
export const STATUS_WORDS = {
  present: "present", missing: "missing", unknown: "not sure",
  // In a negotiation (the audit's `negotiation` section): our pending insertion, the other side's pending
  // deletion of it, gone since our round, present without a core limb.
  proposed: "proposed", struck: "struck out", removed: "removed", weakened: "weakened",
};
const LEGEND = "Risk 0 (safe) to 100 (worst); grade A (low risk) to F (high risk).";

const text = (value) => (value === undefined || value === null ? "" : String(value));
const list = (value) => (Array.isArray(value) ? value : []);

/**
 * @typedef {{value: number|null, max: number, grade: string, summary: string, legend: string, reasons: string[]}} Score
 * @param {any} score the audit's `score` object
 * @returns {Score}
 */
export function readScore(score) {
  const s = score ?? {};
  const value = typeof s.risk === "number" ? s.risk : null;
  return {
    value,
    max: 100,
    grade: text(s.grade),
    summary: text(s.summary),
    legend: text(s.legend) || LEGEND,
    reasons: list(s.reasons).map((r) => text(r?.why)),
  };
}

/**
 * @typedef {{kind: string, status: string, title: string, explanation: string, detail: string, evidence: number|null}} Protection
 * @param {any} protections the audit's map name -> {status, title, explanation, detail, evidence}
 * @returns {Protection[]} missing (or taken out by the other side) first, then weakened, unknown, proposed, present
 */
export function readProtections(protections) {
  const order = { missing: 0, removed: 0, struck: 0, weakened: 1, unknown: 2, proposed: 3, present: 4 };
  return Object.entries(protections ?? {})
    .map(([kind, p]) => ({
      kind,
      status: order[p?.status] === undefined ? "unknown" : p.status,
      title: text(p?.title),
      explanation: text(p?.explanation),
      detail: text(p?.detail),
      evidence: Number.isInteger(p?.evidence?.index) ? p.evidence.index : null,
    }))
    .sort((a, b) => order[a.status] - order[b.status]);
}

/**
 * @typedef {{id: string, kind: string, title: string, severity: string, phrase: string, explanation: string,
 *   section: string, anchor: {index: number, text: string}, edit: string}} Finding
 * @param {any} findings the audit's findings
 * @returns {Finding[]}
 */
export function readFindings(findings) {
  return list(findings).map((f, number) => ({
    id: `f${number + 1}`,
    kind: text(f.kind),
    title: text(f.title),
    severity: SEVERITIES.includes(f.severity) ? f.severity : "info",
    phrase: text(f.phrase?.text),
    explanation: text(f.explanation),
    section: text(f.section_label ?? f.heading),
    anchor: { index: Number.isInteger(f.start) ? f.start : -1, text: text(f.paragraph_text) },
    edit: "",
  }));
}

/** Group findings by severity, most severe first, leaving out empty groups. */
export function groupBySeverity(findings) {
  return SEVERITIES.map((severity) => ({ severity, title: SEVERITY_TITLES[severity], findings: findings.filter((f) => f.severity === severity) })).filter(
    (group) => group.findings.length,
  );
}

/**
 * Link each finding to the proposed change that answers it (same kind, same paragraph) and back:
 * sets finding.edit and edit.findings (ids).
 */
export function linkFindings(findings, edits) {
  for (const edit of edits) edit.findings = [];
  for (const finding of findings) {
    const edit = edits.find((e) => e.finding === finding.kind && e.anchor?.index === finding.anchor.index);
    if (!edit) continue;
    finding.edit = edit.id;
    edit.findings.push(finding.id);
  }
}

/**
 * The 1-3 things that matter most: the distinct titles of the worst findings, and how many
 * protections are missing.
 * @param {{findings: Finding[], protections: Protection[]}} scan
 * @returns {string[]}
 */
export function highlights(scan) {
  const out = [];
  const worst = groupBySeverity(scan.findings.filter((f) => f.severity !== "info"))[0];
  if (worst) {
    const titles = [...new Set(worst.findings.map((f) => f.title))];
    const shown = titles.slice(0, 2);
    out.push(`${worst.title}: ${shown.join(", ")}${titles.length > shown.length ? ` and ${titles.length - shown.length} more` : ""}`);
  }
  const missing = scan.protections.filter((p) => p.status !== "present").length;
  if (missing) out.push(`${missing} of ${scan.protections.length} protections missing or unclear`);
  if (!out.length) out.push("No risky clause found and every protection is there.");
  return out.slice(0, 3);
}

/** Return the view of an audit (POST /audit, or the audit of POST /plan). */
export function readAudit(audit) {
  const a = audit ?? {};
  return {
    score: readScore(a.score),
    protections: readProtections(a.protections),
    findings: readFindings(a.findings),
    parties: list(a.parties).map((p) => ({ id: text(p?.id), name: text(p?.name) || text(list(p?.terms)[0]), role: text(p?.role) })).filter((p) => p.id && p.name),
    we: a.we ?? null,
    terms: readTerms(a.terms),
  };
}

/** Return {role: name} of the audit's terms: each role's term object (or null), and `creator`/`all`, which name no role. */
function readTerms(terms) {
  const names = {};
  for (const [role, term] of Object.entries(terms ?? {})) {
    if (role !== "all" && typeof term?.name === "string") names[role] = term.name;
  }
  return names;
}

/** Return the view of a POST /plan answer: the audit's view plus the edits (linked to findings) and terms. */
export function readScan(answer) {
  const view = readAudit(answer?.audit);
  const plan = answer?.plan ?? {};
  const edits = list(plan.edits).map((edit) => ({ ...edit, summary: describeEdit(edit), findings: [] }));
  linkFindings(view.findings, edits);
  return { ...view, edits, terms: { ...view.terms, ...plan.terms }, variant: text(plan.variant) };
}

/** True when the audit is unsure which party the user is and there are parties to choose from. */
export function needsParty(view) {
  return view.we?.sure === false && view.parties.length > 1;
}

/** One line saying what an edit does, for the change list. */
export function describeEdit(edit) {
  if (edit.op === "insert_after") return `Add ${edit.title ? `the clause "${text(edit.title)}"` : "a clause"} after ${quote(edit.anchor?.text)}`;
  if (edit.op === "replace" && !text(edit.replacement)) return `Strike "${text(edit.find).trim()}"`;
  if (edit.op === "replace") return `Replace "${text(edit.find)}" with "${text(edit.replacement)}"`;
  if (edit.op === "comment") return `Comment on "${text(edit.find)}"`;
  return "Change the document";
}

function quote(value) {
  const t = text(value);
  return `"${t.length > 40 ? `${t.slice(0, 39)}…` : t}"`;
}

/** Return [{id, kind, title, summary, variants: [name]}] from GET /clauses. */
export function readClauseList(answer) {
  return list(answer?.clauses).map((c) => ({
    id: text(c.id),
    kind: text(c.kind),
    title: text(c.title),
    summary: text(c.summary),
    variants: list(c.variants).map(text),
  }));
}

/** Return {id, variant, title, paragraphs: [string], comment} from GET /clauses/{id}. */
export function readRenderedClause(answer) {
  return {
    id: text(answer?.id),
    variant: text(answer?.variant),
    title: text(answer?.title),
    paragraphs: list(answer?.paragraphs).map(text),
    comment: text(answer?.comment),
  };
}

/**
 * @typedef {{id: string, kind: string, author: string, date: string, summary: string, action: string, text: string,
 *   tracked: boolean, anchor: {index: number, text: string}, thread: string[]}} RoundItem
 * @typedef {{kind: string, title: string, status: string, detail: string, items: RoundItem[], edits: any[]}} RoundGroup
 * @typedef {{round: number, counts: Record<string, number>, groups: RoundGroup[], dangling: string[]}} Round
 */

const OTHER_CHANGES = "Other changes to the IP and licence clauses";
const OUTCOME_WORDS = { rejected: "rejected", modified: "changed" };

/**
 * The Round view of a POST /plan answer whose audit has a `negotiation` section (else null): the
 * other side's changes, their replies in our threads and our rejected or changed proposals, grouped
 * by the protection they touch (a protection they struck, removed or weakened is there even without
 * a change of theirs to show, with its detail) (the protection of our proposal at that paragraph, else the one the
 * paragraph evidences), with the next round's plan edits of each protection (to reinstate).
 * @param {any} answer
 * @returns {Round|null}
 */
export function readRound(answer) {
  const audit = answer?.audit ?? {};
  const talks = audit.negotiation;
  if (!talks || typeof talks !== "object") return null;
  const paragraphs = list(audit.paragraphs);
  const anchorAt = (index) => ({ index: Number.isInteger(index) ? index : -1, text: text(paragraphs.find((p) => p?.index === index)?.text) });
  const protections = readProtections(audit.protections);
  const proposals = list(talks.proposals);
  const protectionAt = (index) =>
    text(proposals.find((p) => p.protection && list(p.indexes).includes(index))?.protection) || (protections.find((p) => p.evidence === index)?.kind ?? "");
  /** @type {RoundItem[]} */
  const items = [];
  list(talks.changes).forEach((c, i) => {
    items.push({
      id: `c${i + 1}`, kind: protectionAt(c.index), author: text(c.author) || "Someone", date: day(c.date), summary: text(c.summary),
      action: text(c.action), text: text(c.text), tracked: Boolean(c.tracked), anchor: anchorAt(c.index), thread: [],
    });
  });
  for (const p of proposals) {
    const kind = text(p.protection);
    list(p.replies).forEach((r, i) => {
      items.push({
        id: `${text(p.id)}-reply-${i + 1}`, kind, author: text(r.author) || "Someone", date: day(r.date), summary: `${text(r.author) || "Someone"} replied: ${quote(r.text)}`,
        action: "replied", text: text(r.text), tracked: false, anchor: anchorAt(list(p.indexes)[0]), thread: [text(r.text)],
      });
    });
    const word = OUTCOME_WORDS[p.state];
    if (word && kind) {
      const title = protections.find((x) => x.kind === kind)?.title;
      items.push({
        id: `${text(p.id)}-outcome`, kind, author: list(p.by).map(text).join(", ") || "The other side", date: "", summary: title ? `Our clause "${title}" was ${word}.` : `Our clause was ${word}.`,
        action: text(p.state), text: "", tracked: Boolean(p.tracked), anchor: anchorAt(list(p.indexes)[0]), thread: [],
      });
    }
  }
  const clauseKind = new Map(proposals.filter((p) => p.protection).map((p) => [text(p.clause), text(p.protection)]));
  const edits = list(answer?.plan?.edits).map((edit) => ({ ...edit, summary: describeEdit(edit), kind: clauseKind.get(text(edit.clause)) ?? "" }));
  const lost = ["struck", "removed", "weakened"];
  const groups = [...protections.map((p) => ({ kind: p.kind, title: p.title, status: p.status, detail: lost.includes(p.status) ? p.detail : "" })),
    { kind: "", title: OTHER_CHANGES, status: "", detail: "" }]
    .map((g) => ({ ...g, items: items.filter((item) => item.kind === g.kind), edits: g.kind ? edits.filter((e) => e.kind === g.kind) : [] }))
    .filter((g) => g.items.length || g.detail);
  return {
    round: Number.isInteger(talks.round) ? talks.round : 1,
    counts: { ...(talks.counts ?? {}) },
    groups,
    dangling: list(talks.dangling_terms).map((d) => text(d?.term)).filter(Boolean),
  };
}

/** The day of an ISO date ("2026-02-03T09:30:00Z" → "2026-02-03"), or "". */
function day(value) {
  return text(value).slice(0, 10);
}
