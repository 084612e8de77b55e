"""Train the learned paragraph classifier (noai.analysis.learned) on CUAD dev and gold.json.

Reproducible: the data, the document folds (``benchmarks/understanding.py``), the vocabulary and the
optimiser (L-BFGS from zero weights) are all deterministic; no random numbers are drawn. Needs numpy and
scipy (``pip install .[train]``), at training time only.

    python scripts/train_classifier.py                      # CV, thresholds, then the shipped model
    python scripts/train_classifier.py --cv-dir /tmp/cv      # also keep the five fold models for the harness
    python scripts/train_classifier.py --dump /tmp/oof.npz   # also keep the out-of-fold scores (threshold study)
    python scripts/train_classifier.py --cv-dir /tmp/cv --thresholds-only   # after a change of the rules:
        # keep the weights (fold models in /tmp/cv, the shipped model), score again with today's rule
        # findings as context, choose the thresholds again (a few minutes instead of a retraining)

Steps:
1. every non-empty paragraph of the 250 CUAD dev contracts and the 23 gold contracts, read as the audit
   reads it and with the rule findings the audit would hand the model (``learned.Neighbours``: the kinds of
   the rule findings around it, its lead-in's words), becomes features (``learned.features``) and a label
   per kind; CUAD labels the four CUAD kinds
   (its other paragraphs are negatives for them, and for existing_ai_restriction), gold labels every kind
   (sure or likely = positive);
2. five-fold cross-validation by document (``understanding.fold``): each fold scored by a model trained
   on the other four, vocabulary included (one L2 logistic regression per kind, all kinds fitted in one
   L-BFGS run: the same optimum, one pass over the data per step);
3. each kind's review threshold is chosen on the out-of-fold scores of the *dev* part only: the lowest
   threshold at which the review findings the model adds (paragraphs no rule finding covers) are right at
   least ``--precision`` of the time there (else the best F1 of rules + model); the check part is never
   used to choose anything;
4. the shipped model is trained on all 273 contracts (none of ``tests/data/cuad-sample.jsonl``, which the
   test scores) and written to ``server/noai/analysis/learned_model.bin.gz``.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize
from scipy.special import expit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import understanding as U  # noqa: E402

from noai.analysis import learned  # noqa: E402
from noai.analysis.audit import audit_document  # noqa: E402

CUAD_KINDS = {
    "license_grant": "License Grant",
    "ip_assignment": "Ip Ownership Assignment",
    "perpetual_irrevocable": "Irrevocable Or Perpetual License",
    "governing_law": "Governing Law",
}
GOLD_ONLY = ("existing_ai_restriction", "derivative_works", "confidentiality", "reservation_of_rights")
KINDS = (*CUAD_KINDS, *GOLD_ONLY)
CUAD_NEGATIVE_FOR = {"existing_ai_restriction"}  # CUAD (1990s-2010s) text has no AI clauses: negatives
GOLD_ALIASES = {"ip_assignment": ("ip_assignment", "work_made_for_hire")}
MIN_DOCS = 3  # a feature enters the vocabulary when at least this many training documents have it
PRUNE = 0.03  # weights smaller than this (in every kind) are dropped from the file


@dataclass
class Data:
    doc_ids: list[str]  # per example
    feats: list[list[str]]
    labels: np.ndarray  # (n, kinds) 0/1
    mask: np.ndarray  # (n, kinds) 1 = the example counts for that kind
    rules: np.ndarray  # (n, kinds + 1) 1 = a rule finding of that kind (last column: of any kind) covers it
    source: list[str]
    fingerprints: dict[str, str]  # document id -> CUAD text sha256 (prefix) or gold key


def collect(limit: int | None) -> Data:
    doc_ids, feats, labels, mask, rules, source = [], [], [], [], [], []
    contracts = U.cuad_contracts(limit=limit) + U.gold_contracts(limit=limit)
    fingerprints = {c.id: c.labels["raw"]["text_sha256"][:16] if c.source == "cuad" else c.id for c in contracts}
    for c in contracts:
        paragraphs = c.doc.paragraphs
        with learned.using(None):
            result = audit_document(c.doc)
        found = U.predicted_pairs(result.to_dict())
        # the context features read the rule findings as the audit hands them to the model
        neighbours = learned.Neighbours(
            paragraphs, {(i, f.kind) for f in result.findings for i in range(f.start, f.end + 1)}
        )
        if c.source == "cuad":
            positive = {k: c.labels["categories"][cat] for k, cat in CUAD_KINDS.items()}
            counts = {k: k in CUAD_KINDS or k in CUAD_NEGATIVE_FOR for k in KINDS}
        else:
            positive = {
                k: {cl["index"] for cl in c.labels["clauses"] if set(cl["kinds"]) & set(GOLD_ALIASES.get(k, (k,)))}
                for k in KINDS
            }
            counts = dict.fromkeys(KINDS, True)
        last = max(1, len(paragraphs) - 1)
        for i, p in enumerate(paragraphs):
            if not p.text.strip():
                continue
            doc_ids.append(c.id)
            source.append(c.source)
            feats.append(learned.features(p, i / last, neighbours.context(i)))
            labels.append([int(i in positive.get(k, ())) for k in KINDS])
            mask.append([int(counts[k]) for k in KINDS])
            rules.append(
                [int(any((i, a) in found for a in GOLD_ALIASES.get(k, (k,)))) for k in KINDS]
                + [int(any(j == i for j, _ in found))]
            )
    return Data(
        doc_ids,
        feats,
        np.array(labels, dtype=np.int8),
        np.array(mask, dtype=np.int8),
        np.array(rules, dtype=np.int8),
        source,
        fingerprints,
    )


def vocabulary(data: Data, rows: np.ndarray) -> dict[str, int]:
    df: Counter[str] = Counter()
    per_doc: dict[str, set[str]] = {}
    for r in rows:
        per_doc.setdefault(data.doc_ids[r], set()).update(data.feats[r])
    for fs in per_doc.values():
        df.update(fs)
    return {f: j for j, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DOCS))}


def matrix(data: Data, rows: np.ndarray, vocab: dict[str, int]) -> sparse.csr_matrix:
    indptr, indices = [0], []
    for r in rows:
        cols = sorted({vocab[f] for f in data.feats[r] if f in vocab})
        indices.extend(cols)
        indptr.append(len(indices))
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))


def fit(
    X: sparse.csr_matrix, y: np.ndarray, mask: np.ndarray, weight: np.ndarray, l2: float
) -> tuple[np.ndarray, np.ndarray]:
    """Weighted L2 logistic regression of every kind at once (``y``, ``mask`` and ``weight`` have a column
    per kind; a row counts for a kind where its mask is 1), by L-BFGS from zero (deterministic). The loss
    is the sum of the kinds' own losses, so the optimum is each kind's own fit; one optimisation for all
    of them passes over ``X`` once per step instead of once per kind."""
    d = X.shape[1]
    kinds = y.shape[1]
    signs = 2.0 * y - 1.0
    counted = mask * weight
    Xt = X.T.tocsr()

    def loss(wb):
        W, b = wb[: d * kinds].reshape(d, kinds), wb[d * kinds :]
        m = signs * (X @ W + b)
        value = np.sum(counted * np.logaddexp(0.0, -m)) + 0.5 * l2 * np.sum(W * W)
        g = -counted * signs * expit(-m)
        return value, np.concatenate([(Xt @ g + l2 * W).ravel(), g.sum(axis=0)])

    start = np.zeros(d * kinds + kinds)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    return result.x[: d * kinds].reshape(d, kinds), result.x[d * kinds :]


def class_weights(y: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Each kind's positives weigh sqrt(negatives / positives) (at most 20) among the rows it counts."""
    weight = np.ones_like(y, dtype=float)
    for k in range(y.shape[1]):
        counted = y[mask[:, k] == 1, k]
        positives = max(1.0, float(counted.sum()))
        weight[:, k] = np.where(y[:, k] == 1, min(20.0, np.sqrt((len(counted) - positives) / positives)), 1.0)
    return weight


def train(data: Data, rows: np.ndarray, l2: float, thresholds: list[float] | None = None) -> learned.Model:
    vocab = vocabulary(data, rows)
    X = matrix(data, rows, vocab)
    names = sorted(vocab, key=vocab.get)
    y, mask = data.labels[rows].astype(float), data.mask[rows].astype(float)
    W, bias = fit(X, y, mask, class_weights(y, mask), l2)
    weights = {
        names[j]: tuple(float(x) if abs(x) >= PRUNE else 0.0 for x in W[j])
        for j in range(len(names))
        if np.abs(W[j]).max() >= PRUNE
    }
    return learned.Model(
        KINDS,
        tuple(float(b) for b in bias),
        tuple(thresholds or [0.5] * len(KINDS)),
        weights,
        {
            "l2": l2,
            "min_docs": MIN_DOCS,
            "prune": PRUNE,
            "training_documents_sha256": sorted({data.fingerprints[data.doc_ids[r]] for r in rows}),
        },
    )


def predict(model: learned.Model, data: Data, rows: np.ndarray) -> np.ndarray:
    return np.array([model.probabilities(data.feats[r]) for r in rows])


def choose_threshold(
    scores: np.ndarray, labels: np.ndarray, rules: np.ndarray, any_rule: np.ndarray, target: float
) -> float:
    """The lowest threshold at which the review findings the model adds (paragraphs no rule covers) are
    right at least ``target`` of the time; else the one that gives rules + model the best F1."""
    best_f1, best_t = -1.0, 0.99
    for t in np.arange(0.20, 0.991, 0.01):
        added = (scores >= t) & (any_rule == 0)
        right = int(np.sum(added & (labels == 1)))
        if added.sum() and right / added.sum() >= target:
            return round(float(t), 2)
        predicted = (rules == 1) | added
        tp = int(np.sum(predicted & (labels == 1)))
        p = tp / predicted.sum() if predicted.sum() else 0.0
        r = tp / labels.sum() if labels.sum() else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best_f1:
            best_f1, best_t = f1, float(t)
    return round(best_t, 2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N contracts of each corpus (a quick trial)")
    ap.add_argument("--l2", type=float, default=2.0)
    ap.add_argument(
        "--precision", type=float, default=0.75, help="how often a review finding must be right (out-of-fold, dev part)"
    )
    ap.add_argument("--cv-dir", type=Path, help="write the five fold models here (fold-N.bin.gz)")
    ap.add_argument("--out", type=Path, default=learned.MODEL_PATH)
    ap.add_argument("--dump", type=Path, help="also save the out-of-fold scores, labels and rules here (.npz)")
    ap.add_argument(
        "--thresholds-only",
        action="store_true",
        help="keep the weights of the fold models in --cv-dir and of --out; only score again with today's rules "
        "(their findings are context features and decide what the model may add) and choose the thresholds again",
    )
    args = ap.parse_args(argv)
    if args.thresholds_only and not args.cv_dir:
        ap.error("--thresholds-only needs --cv-dir (the fold models to keep)")
    started = time.perf_counter()
    data = collect(args.limit)
    took = time.perf_counter() - started
    print(f"{len(data.feats)} paragraphs from {len(set(data.doc_ids))} contracts ({took:.0f} s)")
    folds = np.array([U.fold(d) for d in data.doc_ids])
    oof = np.zeros((len(data.feats), len(KINDS)))
    fold_models = []
    for n in range(U.K):
        train_rows, test_rows = np.where(folds != n)[0], np.where(folds == n)[0]
        if args.thresholds_only:
            model = learned.load_model(args.cv_dir / f"fold-{n}.bin.gz")
        else:
            model = train(data, train_rows, args.l2)
        oof[test_rows] = predict(model, data, test_rows)
        fold_models.append(model)
        print(f"fold {n}: {len(model.weights)} features ({time.perf_counter() - started:.0f} s)")
    dev = np.array([U.fold(d) in U.DEV_FOLDS for d in data.doc_ids])
    if args.dump:
        np.savez_compressed(
            args.dump,
            oof=oof,
            labels=data.labels,
            mask=data.mask,
            rules=data.rules,
            dev=dev,
            doc_ids=np.array(data.doc_ids),
            source=np.array(data.source),
        )
    thresholds = []
    for k, kind in enumerate(KINDS):
        rows = dev & (data.mask[:, k] == 1)
        thresholds.append(
            choose_threshold(
                oof[rows, k], data.labels[rows, k], data.rules[rows, k], data.rules[rows, -1], args.precision
            )
        )
        print(f"{kind}: review threshold {thresholds[-1]}")
    if args.cv_dir:
        args.cv_dir.mkdir(parents=True, exist_ok=True)
        for n, model in enumerate(fold_models):
            write(
                learned.Model(model.kinds, model.bias, tuple(thresholds), model.weights, model.meta),
                args.cv_dir / f"fold-{n}.bin.gz",
            )
    if args.thresholds_only:
        kept = learned.load_model(args.out)
        final = learned.Model(kept.kinds, kept.bias, tuple(thresholds), kept.weights, kept.meta)
    else:
        final = train(data, np.arange(len(data.feats)), args.l2, thresholds)
    write(final, args.out)
    print(
        f"wrote {args.out}: {len(final.weights)} features, {args.out.stat().st_size // 1024} KB "
        f"({time.perf_counter() - started:.0f} s)"
    )
    return 0


def write(model: learned.Model, path: Path) -> None:
    # mtime=0 and no file name in the gzip header: the same model gives the same bytes, wherever it is written
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as f:
        f.write(model.to_bytes())


if __name__ == "__main__":
    sys.exit(main())
