// The one place that reads the backend's JSON (audit noai.audit/1, plan noai.plan/1, clause
// list and rendered clause). Field names may still move a little, so every read is defensive
// and the rest of the pane sees only the plain shapes returned here.

export const SEVERITIES = ["critical", "high", "medium", "low", "info"];

const text = (value) => (value === undefined || value === null ? "" : String(value));
const list = (value) => (Array.isArray(value) ? value : []);
const label = (kind) => text(kind).replace(/[_-]+/g, " ").replace(/^\w/, (c) => c.toUpperCase());

/** Return {value, max, grade, label} from the audit's score (an object or a bare number). */
export function readScore(score) {
  if (typeof score === "number") return { value: score, max: 100, grade: "", label: "" };
  const s = score ?? {};
  const value = s.value ?? s.score ?? s.total ?? s.risk ?? null;
  const reasons = list(s.reasons).map((r) => text(r?.why ?? r));
  return { value: typeof value === "number" ? value : null, max: s.max ?? s.out_of ?? 100, grade: text(s.grade), label: text(s.label ?? s.summary), reasons };
}

/**
 * Return {present, missing, unknown} lists of {kind, title, detail} from the audit's protections:
 * a map kind -> {status, detail}, a list of {kind, present|status}, or {present: [], missing: []}.
 */
export function readProtections(protections) {
  const item = (p, kind) => (typeof p === "string" ? { kind: p, title: label(p), detail: "" } : {
    kind: text(kind ?? p.kind ?? p.id),
    title: text(p.title ?? p.label) || label(kind ?? p.kind ?? p.id),
    detail: text(p.detail),
  });
  const status = (p) => text(p.status) || (p.present === true || p.found === true ? "present" : "missing");
  let entries;
  if (Array.isArray(protections)) entries = protections.map((p) => [status(p), item(p)]);
  else if (Array.isArray(protections?.present) || Array.isArray(protections?.missing)) {
    entries = [...list(protections.present).map((p) => ["present", item(p)]), ...list(protections.missing).map((p) => ["missing", item(p)])];
  } else entries = Object.entries(protections ?? {}).map(([kind, p]) => [status(p ?? {}), item(p ?? {}, kind)]);
  const pick = (wanted) => entries.filter(([s]) => s === wanted).map(([, i]) => i);
  return { present: pick("present"), missing: pick("missing"), unknown: entries.filter(([s]) => s !== "present" && s !== "missing").map(([, i]) => i) };
}

/** Return the audit's findings as plain objects with the paragraph anchor the pane navigates to. */
export function readFindings(findings) {
  return list(findings).map((f, number) => {
    // noai.audit/1 gives the paragraph index as start (and end, for a multi-paragraph finding).
    const index = f.paragraph ?? f.paragraph_index ?? f.start;
    const phrase = typeof f.phrase === "object" && f.phrase !== null ? f.phrase.text : f.phrase;
    return {
      id: text(f.id) || `f${number + 1}`,
      kind: text(f.kind),
      title: text(f.title) || label(f.kind),
      severity: SEVERITIES.includes(f.severity) ? f.severity : "info",
      phrase: text(phrase),
      explanation: text(f.explanation),
      section: text(f.section_label ?? f.heading),
      anchor: { index: Number.isInteger(index) ? index : -1, text: text(f.paragraph_text) },
    };
  });
}

/** Group findings by severity, most severe first, leaving out empty groups. */
export function groupBySeverity(findings) {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (group) => group.findings.length,
  );
}

/** Return the view of a POST /plan answer: score, protections, findings, edits, terms. */
export function readScan(answer) {
  const audit = answer?.audit ?? {};
  const plan = answer?.plan ?? {};
  return {
    score: readScore(audit.score),
    protections: readProtections(audit.protections),
    findings: readFindings(audit.findings),
    edits: list(plan.edits).map((edit) => ({ ...edit, summary: describeEdit(edit) })),
    terms: { ...readTerms(audit.terms), ...readTerms(plan.terms) },
    variant: text(plan.variant),
  };
}

/** Return {role: name} from terms given as strings or as {name, surface, ...} objects. */
function readTerms(terms) {
  const names = {};
  for (const [role, term] of Object.entries(terms ?? {})) {
    const name = typeof term === "string" ? term : term?.name;
    if (name) names[role] = String(name);
  }
  return names;
}

/** One line saying what an edit does, for the change list. */
export function describeEdit(edit) {
  const name = label(edit.clause ?? edit.finding ?? edit.op);
  if (edit.op === "insert_after") return `Insert "${name}" after ${quote(edit.anchor?.text)}`;
  if (edit.op === "replace") return `Replace "${text(edit.find)}" with "${text(edit.replacement)}"`;
  if (edit.op === "comment") return `Comment on "${text(edit.find)}"`;
  return name;
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
    title: text(c.title) || label(c.id),
    summary: text(c.summary),
    variants: Array.isArray(c.variants) ? c.variants.map((v) => text(v.name ?? v.id ?? v)) : Object.keys(c.variants ?? {}),
  }));
}

/** Return {id, variant, title, paragraphs: [string], comment} from GET /clauses/{id}. */
export function readRenderedClause(answer) {
  const paragraphs = list(answer?.paragraphs).map((p) => text(p?.text ?? p));
  return {
    id: text(answer?.clause ?? answer?.id),
    variant: text(answer?.variant),
    title: text(answer?.title),
    paragraphs: paragraphs.length ? paragraphs : text(answer?.text).split(/\n\s*\n/).filter(Boolean),
    comment: text(answer?.comment),
  };
}
