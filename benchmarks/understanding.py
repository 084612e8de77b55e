"""How well the whole audit understands contracts: CUAD dev and the hand-labelled gold, by document fold.

Measures the audit exactly as the CLI runs it (``audit_document(read_document(docx)).to_dict()``)
against two label sets in ``../shared/corpus`` (the repository's sibling folder):

* ``cuad-dev.jsonl.gz``: 250 CUAD contracts, text only. Each becomes a .docx in memory, one paragraph
  a line (as ``benchmarks/cuad.py`` does); a paragraph is gold for a CUAD category when an expert span
  overlaps it, predicted when a finding of the mapped kinds covers it (``start..end``). Per-category
  paragraph precision / recall for License Grant, IP Ownership Assignment, Irrevocable/Perpetual,
  Governing Law, and the four together (pooled counts).
* ``gold.json``: the 23 Word contracts of ``docx/`` labelled paragraph by paragraph (``GOLD.md``).
  Paragraph level: recall of ``sure`` paragraphs (found when any finding of a gold kind covers them)
  and precision (a predicted paragraph is correct when gold lists it at any confidence); the same by
  kind as (paragraph, kind) pairs; the No-AI insertion point (right when it is gold's ``after`` or an
  alternative, over the non-negative contracts that have one); the party terms (client, provider,
  work product) against gold ``party_terms``. The audit's ``ip_section`` counts as a prediction of its
  first paragraph as ``ip_section_heading``.

Document folds (fixed; never tune a rule or a model on the check part):
``fold(id) = int(sha256(id).hexdigest()[:8], 16) % 5``, with ``id`` = CUAD's ``contract_id`` or gold's
key (``docx/NAME.docx``). Folds 0-2 are the *dev* part, folds 3-4 the *check* part. Cross-validation
uses the five folds (``folds()``); the learned model's scripts train on four and score the fifth.

    python benchmarks/understanding.py                      # dev, check and all, both corpora
    python benchmarks/understanding.py --part dev --limit 40
    python benchmarks/understanding.py --corpus gold --cv-models DIR   # audit each doc with its fold's model
    python benchmarks/understanding.py --no-model                     # the rules alone

From a git worktree (not beside ``shared``): ``NOAI_SHARED=/path/to/shared python benchmarks/understanding.py``.
Writes nothing (but ``--json``). Documents are converted and read once per run (kept in memory).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from cuad import _gold as _cuad_gold  # noqa: E402  (benchmarks/cuad.py, the one-paragraph-a-line convention)
from cuad import _line_spans, contract_docx  # noqa: E402

from noai.analysis.audit import audit_document  # noqa: E402
from noai.ooxml.document import Document, read_document  # noqa: E402

# ``../shared`` beside the repository (as on CI); NOAI_SHARED names another place (e.g. from a git worktree)
CORPUS = Path(os.environ.get("NOAI_SHARED") or ROOT.parent / "shared") / "corpus"
CUAD_DEV = CORPUS / "cuad-dev.jsonl.gz"
GOLD = CORPUS / "gold.json"
K = 5
DEV_FOLDS = frozenset({0, 1, 2})
PARTS = ("dev", "check", "all")

CUAD_CATEGORIES = {
    "License Grant": frozenset({"license_grant"}),
    "Ip Ownership Assignment": frozenset({"ip_assignment", "work_made_for_hire"}),
    "Irrevocable Or Perpetual License": frozenset({"perpetual_irrevocable"}),
    "Governing Law": frozenset({"governing_law"}),
}
FOUR = "all four"
GOLD_KINDS = (
    "ip_section_heading",
    "ip_assignment",
    "work_made_for_hire",
    "license_grant",
    "perpetual_irrevocable",
    "any_and_all_purposes",
    "derivative_works",
    "future_technologies",
    "moral_rights_waiver",
    "feedback_usage_data",
    "existing_ai_restriction",
    "governing_law",
    "indemnification",
    "confidentiality",
    "reservation_of_rights",
)
ROLES = {"client": "client", "provider": "provider", "work_product": "deliverables"}  # gold role -> v1 terms key


def fold(doc_id: str, k: int = K) -> int:
    """The document's fold, 0..k-1, from the hash of its id (stable across runs and machines)."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % k


def part(doc_id: str) -> str:
    """``"dev"`` (folds 0-2: develop here) or ``"check"`` (folds 3-4: only measure here)."""
    return "dev" if fold(doc_id) in DEV_FOLDS else "check"


def in_part(doc_id: str, which: str) -> bool:
    return which == "all" or part(doc_id) == which


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, predicted: set, *, acceptable: set | None = None) -> None:
        """Count ``predicted`` against ``gold`` (must find); a prediction in ``acceptable`` is no error."""
        ok = gold | (acceptable or set())
        self.tp += len(gold & predicted)
        self.fn += len(gold - predicted)
        self.fp += len(predicted - ok)

    def __iadd__(self, other: Score) -> Score:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


# -- the corpora --------------------------------------------------------------------------------------


@dataclass
class Contract:
    """One labelled document: its id, its read paragraphs (lazily, once) and its labels."""

    id: str
    source: str  # "cuad" | "gold"
    load: Callable[[], Document]
    labels: dict
    _doc: Document | None = field(default=None, repr=False)

    @property
    def doc(self) -> Document:
        if self._doc is None:
            self._doc = self.load()
        return self._doc


def cuad_contracts(path: Path = CUAD_DEV, limit: int | None = None, which: str = "all") -> list[Contract]:
    """CUAD contracts of ``path`` (jsonl, gzip or not), their gold paragraph sets per category."""
    opener = gzip.open if path.suffix == ".gz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            c = json.loads(line)
            doc_id = f"cuad:{c['contract_id']}"
            if not in_part(doc_id, which):
                continue
            spans = _line_spans(c["text"])
            gold = {cat: _cuad_gold(c, spans, cat) for cat in CUAD_CATEGORIES}
            lines = c["text"].split("\n")
            out.append(
                Contract(
                    doc_id,
                    "cuad",
                    lambda lines=lines: read_document(contract_docx(lines)),
                    {"categories": gold, "lines": lines, "raw": c},
                )
            )
            if limit and len(out) >= limit:
                break
    return out


def gold_contracts(path: Path = GOLD, limit: int | None = None, which: str = "all") -> list[Contract]:
    """The hand-labelled Word contracts (paths in gold.json are relative to its folder)."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for key in sorted(entries):
        if not in_part(key, which):
            continue
        out.append(Contract(key, "gold", lambda f=path.parent / key: read_document(f.read_bytes()), entries[key]))
        if limit and len(out) >= limit:
            break
    return out


# -- what the audit predicts -------------------------------------------------------------------------------


Auditor = Callable[[Contract], dict]


def audit(contract: Contract) -> dict:
    """The audit JSON as the CLI produces it."""
    return audit_document(contract.doc).to_dict()


def predicted_pairs(result: dict, kinds: Iterable[str] | None = None) -> set[tuple[int, str]]:
    """(paragraph, kind) for every paragraph a finding covers (``start..end``), and the IP section's
    heading: the audit reports it as ``ip_section`` (its ``start`` is the heading paragraph), not as a
    finding, since a heading does nothing (no act, no party); gold's kind for it is ``ip_section_heading``."""
    wanted = None if kinds is None else set(kinds)
    pairs = {
        (i, f["kind"])
        for f in result["findings"]
        if wanted is None or f["kind"] in wanted
        for i in range(f["start"], f["end"] + 1)
    }
    if result.get("ip_section") and (wanted is None or "ip_section_heading" in wanted):
        pairs.add((result["ip_section"]["start"], "ip_section_heading"))
    return pairs


def title_pairs(result: dict, kinds: Iterable[str]) -> set[tuple[int, str]]:
    """(paragraph, kind) for the bare title of each clause found (a finding's attribute ``titles``:
    "Governing Law" over the governing-law sentence). Gold labels a clause's heading with the clause's
    kind; CUAD labels no headings, so only the gold scoring counts them."""
    wanted = set(kinds)
    return {
        (i, f["kind"])
        for f in result["findings"]
        if f["kind"] in wanted
        for i in f.get("attributes", {}).get("titles", ())
    }


# -- scoring ---------------------------------------------------------------------------------------------


def score_cuad(contracts: list[Contract], auditor: Auditor = audit) -> dict[str, Score]:
    scores = {cat: Score() for cat in [*CUAD_CATEGORIES, FOUR]}
    for c in contracts:
        pairs = predicted_pairs(auditor(c))
        lines = c.labels["lines"]
        # an empty line a finding reaches over (between a lead-in's items) holds no clause: neither right nor wrong
        pairs = {(i, k) for i, k in pairs if i >= len(lines) or lines[i].strip()}
        for cat, kinds in CUAD_CATEGORIES.items():
            s = Score()
            s.add(c.labels["categories"][cat], {i for i, k in pairs if k in kinds})
            scores[cat] += s
            scores[FOUR] += s
    return scores


def _norm(term: str | None) -> str:
    term = " ".join((term or "").split()).lower()
    for article in ("the ", "this "):
        term = term.removeprefix(article)
    return term.strip("\"'“”‘’")


def predicted_terms(result: dict) -> dict[str, set[str]]:
    """The names the audit gives the client, the provider (creator) and the work product: v2 ``parties``
    (name and terms by role) and ``work_product`` when present, else the v1 ``terms`` (name, surface,
    aliases). An empty set = the audit names none."""
    terms = result.get("terms") or {}
    out: dict[str, set[str]] = {}
    for role, key in ROLES.items():
        t = terms.get(key) or {}
        out[role] = {_norm(n) for n in [t.get("name"), t.get("surface"), *t.get("aliases", [])] if n}
    if isinstance(result.get("parties"), list):
        for role, v2 in (("client", "client"), ("provider", "creator")):
            out[role] = {
                _norm(n)
                for p in result["parties"]
                if p.get("role") == v2
                for n in [p.get("name"), *p.get("terms", [])]
                if n
            }
    if "work_product" in result:
        wp = result["work_product"]
        out["work_product"] = {_norm(wp["term"])} if isinstance(wp, dict) and wp.get("term") else set()
    return out


def insertion_index(result: dict) -> int | None:
    return next(
        (ip["index"] for ip in result.get("insertion_points", []) if ip["protection"] == "no_ai_restriction"), None
    )


@dataclass
class GoldScores:
    paragraphs: Score = field(default_factory=Score)
    kinds: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in GOLD_KINDS})
    insertion_right: int = 0
    insertion_total: int = 0
    insertion_misses: list[str] = field(default_factory=list)
    terms_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    terms_total: int = 0
    term_misses: list[str] = field(default_factory=list)

    @property
    def kinds_all(self) -> Score:
        total = Score()
        for s in self.kinds.values():
            total += s
        return total


def score_gold(contracts: list[Contract], auditor: Auditor = audit) -> GoldScores:
    out = GoldScores()
    for c in contracts:
        entry, result = c.labels, auditor(c)
        clauses = entry["clauses"]
        sure = {cl["index"] for cl in clauses if cl["confidence"] == "sure"}
        listed = {cl["index"] for cl in clauses}
        pairs = predicted_pairs(result, GOLD_KINDS) | title_pairs(result, GOLD_KINDS)
        # an empty paragraph a finding reaches over (a blank line inside a clause) holds no clause: gold lists
        # none, so it counts neither right nor wrong
        doc = c.doc
        if doc is not None:
            pairs = {(i, k) for i, k in pairs if i >= len(doc.paragraphs) or doc.paragraphs[i].text.strip()}
        out.paragraphs.add(sure, {i for i, _ in pairs}, acceptable=listed)
        for kind in GOLD_KINDS:
            gold_sure = {cl["index"] for cl in clauses if cl["kind_confidence"].get(kind) == "sure"}
            gold_any = {cl["index"] for cl in clauses if kind in cl["kinds"]}
            out.kinds[kind].add(gold_sure, {i for i, k in pairs if k == kind}, acceptable=gold_any)
        point = entry.get("insertion_point")
        if point and not entry.get("negative"):
            right = {point["after"]["index"], *(a["index"] for a in point.get("alternatives", []))}
            got = insertion_index(result)
            out.insertion_total += 1
            if got in right:
                out.insertion_right += 1
            else:
                out.insertion_misses.append(f"{c.id}: {got} not in {sorted(right)}")
        gold_terms, got_terms = entry.get("party_terms", {}), predicted_terms(result)
        out.terms_total += 1
        for role in ROLES:
            allowed, got = {_norm(t) for t in gold_terms.get(role, [])}, got_terms[role]
            if got & allowed or not (got or allowed):
                out.terms_right[role] += 1
            else:
                out.term_misses.append(f"{c.id}: {role} {sorted(got) or 'none'} not in {sorted(allowed) or 'none'}")
    return out


# -- cross-validated models ------------------------------------------------------------------------------


def fold_auditor(models_dir: Path) -> Auditor:
    """Audit each document with the learned model trained without its fold (``fold-N.bin.gz`` in
    ``models_dir``, written by ``scripts/train_classifier.py --cv``)."""
    from noai.analysis import learned

    models = {n: learned.load_model(models_dir / f"fold-{n}.bin.gz") for n in range(K)}

    def run(contract: Contract) -> dict:
        with learned.using(models[fold(contract.id)]):
            return audit(contract)

    return run


# -- report ----------------------------------------------------------------------------------------------


def _row(name: str, s: Score, width: int = 34) -> str:
    return f"  {name:{width}} {s.tp + s.fn:5d} {s.tp + s.fp:6d} {s.precision:9.2f} {s.recall:7.2f}"


def report_cuad(scores: dict[str, Score], n: int, label: str) -> Iterator[str]:
    yield f"CUAD dev [{label}]: {n} contracts, paragraph level"
    yield f"  {'category':34} {'gold':>5} {'found':>6} {'precision':>9} {'recall':>7}"
    for cat, s in scores.items():
        yield _row(cat, s)


def report_gold(g: GoldScores, n: int, label: str) -> Iterator[str]:
    yield f"gold [{label}]: {n} contracts"
    yield (
        f"  {'paragraphs (sure recall, any precision)':40} gold {g.paragraphs.tp + g.paragraphs.fn:4d}  "
        f"precision {g.paragraphs.precision:.2f}  recall {g.paragraphs.recall:.2f}"
    )
    yield f"  {'kind (pairs)':34} {'sure':>5} {'found':>6} {'precision':>9} {'recall':>7}"
    for kind, s in [*g.kinds.items(), ("all kinds", g.kinds_all)]:
        if s.tp + s.fn + s.fp:
            yield _row(kind, s)
    yield f"  No-AI insertion point right: {g.insertion_right}/{g.insertion_total}"
    yield "  party terms right: " + ", ".join(f"{r} {g.terms_right[r]}/{g.terms_total}" for r in ROLES)


def run(corpus: str, which: Iterable[str], limit: int | None, auditor: Auditor, verbose: bool) -> dict:
    """Score the parts ``which`` of the corpora; print the tables; return the figures as a dict."""
    figures: dict = {}
    loaded = {}
    if corpus in ("cuad", "both"):
        loaded["cuad"] = cuad_contracts(limit=limit)
    if corpus in ("gold", "both"):
        loaded["gold"] = gold_contracts(limit=limit)
    cache: dict[str, dict] = {}

    def cached(c: Contract) -> dict:
        if c.id not in cache:
            cache[c.id] = auditor(c)
        return cache[c.id]

    for label in which:
        for name, contracts in loaded.items():
            chosen = [c for c in contracts if in_part(c.id, label)]
            if name == "cuad":
                s = score_cuad(chosen, cached)
                figures[f"cuad/{label}"] = {k: v.as_dict() for k, v in s.items()}
                print("\n".join(report_cuad(s, len(chosen), label)))
            else:
                g = score_gold(chosen, cached)
                figures[f"gold/{label}"] = {
                    "paragraphs": g.paragraphs.as_dict(),
                    "kinds": {k: v.as_dict() for k, v in g.kinds.items()},
                    "all_kinds": g.kinds_all.as_dict(),
                    "insertion": [g.insertion_right, g.insertion_total],
                    "terms": {**g.terms_right, "total": g.terms_total},
                }
                print("\n".join(report_gold(g, len(chosen), label)))
                if verbose:
                    print("\n".join("    miss: " + m for m in g.insertion_misses + g.term_misses))
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=("cuad", "gold", "both"), default="both")
    ap.add_argument("--part", choices=PARTS, action="append", help="dev, check or all (repeatable; default all three)")
    ap.add_argument("--limit", type=int, help="only the first N contracts of each corpus (before the split)")
    ap.add_argument(
        "--cv-models",
        type=Path,
        help="folder of fold-N.bin.gz models: audit each document with the model trained without its fold",
    )
    ap.add_argument("--no-model", action="store_true", help="rules only: audit without the learned model")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list insertion-point and party-term misses")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"{CORPUS} not found: the shared corpus sits beside the repository", file=sys.stderr)
        return 2
    auditor = fold_auditor(args.cv_models) if args.cv_models else audit
    if args.no_model:
        from noai.analysis import learned

        def auditor(contract: Contract) -> dict:
            with learned.using(None):
                return audit(contract)

    started = time.perf_counter()
    figures = run(args.corpus, args.part or PARTS, args.limit, auditor, args.verbose)
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
