"""Loading ``clauses/``: every file validated, every problem reported at once.

A clause folder holds one ``<id>.toml`` a clause, ``fixes/<id>.toml`` for the red-flag fixes,
an optional ``placeholders.toml`` and (read by :mod:`.playbook`, skipped here) ``playbook.toml``.
The shipped folder comes first; a user's folders extend it, and a file with the same id
overrides the shipped one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from marshmallow import Schema

from noai.errors import RenderError, UnknownClauseError
from noai.kinds import Placement
from noai.resources import shipped

from .model import VARIANTS, Clause, Definition, Fix, FixRule, Placeholder, Variant
from .problems import Problems
from .render import BRACE, MATCH, PLACEHOLDER, Filler, placeholder_key, term_pattern
from .schema import ClauseSchema, FixSchema, PlaceholderSchema

CLAUSES_ENV = "NOAI_CLAUSES_DIR"
PLACEHOLDERS_FILE = "placeholders.toml"
PLAYBOOK_FILE = "playbook.toml"
FIXES_DIR = "fixes"
_NAME = re.compile(r"^[a-z][a-z_]*$")


def shipped_dir() -> Path:
    """The shipped ``clauses/`` folder, or the folder named by ``NOAI_CLAUSES_DIR``."""
    override = os.environ.get(CLAUSES_ENV)
    return Path(override) if override else shipped("clauses")


@dataclass(frozen=True)
class Library:
    """The validated clauses and fixes, in id order."""

    clauses: tuple[Clause, ...]
    fixes: tuple[Fix, ...]
    placeholders: Mapping[str, Placeholder]
    glossary: Mapping[str, Definition]
    dirs: tuple[Path, ...] = ()
    _by_id: dict[str, Clause] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {c.id: c for c in self.clauses})

    def get(self, clause_id: str) -> Clause:
        """The clause ``clause_id``; :class:`UnknownClauseError` names the ones there are."""
        try:
            return self._by_id[clause_id]
        except KeyError:
            raise UnknownClauseError(
                f"There is no clause {clause_id!r}. Known clauses: {', '.join(self._by_id)}.",
                detail={"clause": clause_id},
            ) from None

    def fix_for(self, finding: str) -> Fix | None:
        """The fix for finding kind ``finding``, if the library has one."""
        return next((f for f in self.fixes if f.finding == finding), None)

    def clause_defining(self, term: str) -> Clause:
        """The clause that owns the definition of ``term`` ("Permitted Purpose" -> scope-limitation)."""
        return self.get(self.glossary[term].owner)

    def answering(self, kind: str) -> list[Clause]:
        """The clauses whose ``answers`` name finding or protection ``kind``."""
        return [c for c in self.clauses if kind in c.answers]


def load_library(extra_dirs: Sequence[Path] = ()) -> Library:
    """The shipped library extended (same id = overridden) by each folder of ``extra_dirs``.

    Raises :class:`~noai.errors.LibraryError` listing every problem of every file."""
    dirs = (shipped_dir(), *(Path(d) for d in extra_dirs))
    problems = Problems()
    placeholder_specs: dict[str, tuple[Path, Placeholder]] = {}
    clause_data: dict[str, tuple[Path, dict[str, Any]]] = {}
    fix_data: dict[str, tuple[Path, dict[str, Any]]] = {}
    for folder in dirs:
        if not folder.is_dir():
            problems.add(folder, None, "The clause folder does not exist.")
            continue
        placeholder_specs.update(_read_placeholders(folder / PLACEHOLDERS_FILE, problems))
        clause_data.update(_read_files(_clause_files(folder), ClauseSchema(), problems))
        fix_data.update(_read_files(sorted((folder / FIXES_DIR).glob("*.toml")), FixSchema(), problems))
    _check_fallbacks(placeholder_specs, problems)
    placeholders_view = MappingProxyType({name: spec for name, (_, spec) in placeholder_specs.items()})
    glossary = MappingProxyType(_glossary(clause_data, problems))
    clauses = tuple(
        _clause(path, data, glossary, placeholders_view, problems) for _, (path, data) in sorted(clause_data.items())
    )
    fixes = tuple(
        _fix(path, data, glossary, placeholders_view, problems) for _, (path, data) in sorted(fix_data.items())
    )
    _check_one_fix_per_finding(fixes, problems)
    problems.raise_if_any("clause library")
    return Library(clauses=clauses, fixes=fixes, placeholders=placeholders_view, glossary=glossary, dirs=dirs)


# -- reading ---------------------------------------------------------------------------------


def _clause_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.name not in (PLACEHOLDERS_FILE, PLAYBOOK_FILE))


def _read_files(
    paths: Sequence[Path], schema: Schema, problems: Problems
) -> Iterator[tuple[str, tuple[Path, dict[str, Any]]]]:
    """(id, (path, validated data)) of each valid file whose id is its file name."""
    for path in paths:
        raw = problems.read_toml(path)
        data = None if raw is None else problems.load(schema, path, raw)
        if data is None:
            continue
        if data["id"] != path.stem:
            problems.add(path, "id", f"The id {data['id']!r} must equal the file name {path.stem!r}.")
            continue
        yield data["id"], (path, data)


def _read_placeholders(path: Path, problems: Problems) -> dict[str, tuple[Path, Placeholder]]:
    """name -> (file, placeholder) of a ``placeholders.toml``, if the folder has one."""
    raw = problems.read_toml(path) if path.exists() else None
    found = {}
    for name, table in (raw or {}).items():
        if not _NAME.match(name) or not isinstance(table, dict):
            problems.add(
                path,
                name,
                "Each placeholder is a [table] named in lower-case letters and "
                "underscores, with a description and an optional fallback.",
            )
        elif (data := problems.load(PlaceholderSchema(), path, table)) is not None:
            found[name] = (path, Placeholder(name=name, **data))
    return found


# -- cross-file checks ----------------------------------------------------------------------------


def _check_text(
    path: Path,
    field_name: str,
    text: str,
    placeholders: Mapping[str, Placeholder],
    problems: Problems,
    extra: frozenset[str] = frozenset(),
) -> None:
    """Every ``{name}`` is a known placeholder and no brace stands alone."""
    for m in PLACEHOLDER.finditer(text):
        key = placeholder_key(m.group(1))
        if key not in placeholders and key not in extra:
            problems.add(
                path,
                field_name,
                f"Unknown placeholder {{{m.group(1)}}}; known: {', '.join('{%s}' % k for k in sorted(placeholders))}.",
            )
    if BRACE.search(PLACEHOLDER.sub("", text)):
        problems.add(path, field_name, "A brace that is not part of a {placeholder}.")


def _check_fallbacks(placeholders: Mapping[str, tuple[Path, Placeholder]], problems: Problems) -> None:
    """Fallbacks use known placeholders only and never refer back to themselves (a placeholder
    without a fallback, such as a party, is one the document or the caller must give)."""
    given = {name: name for name, (_, spec) in placeholders.items() if spec.fallback is None}
    filler = Filler({name: spec for name, (_, spec) in placeholders.items()}, given)
    for name, (path, spec) in placeholders.items():
        if spec.fallback is None:
            continue
        before = len(problems.items)
        _check_text(path, f"{name}.fallback", spec.fallback, filler.placeholders, problems)
        if len(problems.items) == before:
            try:
                filler.value(name)
            except RenderError as e:
                problems.add(path, f"{name}.fallback", e.message)


def _terms_in(text: str, glossary_terms: Iterable[str]) -> list[str]:
    """Library terms used in ``text``, in order of first use."""
    found = [(m.start(), t) for t in glossary_terms if (m := term_pattern(t).search(text))]
    return [t for _, t in sorted(found)]


def _definition_texts(term: str, data: dict[str, Any]) -> dict[str, str]:
    spec = data["definitions"][term]
    return {v: spec.get("text", spec.get(v)) for v in VARIANTS}


def _glossary(clause_data: Mapping[str, tuple[Path, dict[str, Any]]], problems: Problems) -> dict[str, Definition]:
    owners: dict[str, str] = {}
    for clause_id, (path, data) in sorted(clause_data.items()):
        for term in data["defines"]:
            if term in owners:
                problems.add(path, f"definitions.{term}", f"{term!r} is already defined by {owners[term]}.")
            else:
                owners[term] = clause_id
    glossary = {}
    for term, owner in owners.items():
        texts = _definition_texts(term, clause_data[owner][1])
        others = [t for t in owners if t != term]
        needs = {v: tuple(_terms_in(text, others)) for v, text in texts.items()}
        glossary[term] = Definition(
            term=term, owner=owner, texts=MappingProxyType(texts), needs=MappingProxyType(needs)
        )
    return glossary


def _clause(
    path: Path,
    data: dict[str, Any],
    glossary: Mapping[str, Definition],
    placeholders: Mapping[str, Placeholder],
    problems: Problems,
) -> Clause:
    texts = [("rationale", data["rationale"]), ("title", data["title"])]
    for term in data["definitions"]:
        texts += [(f"definitions.{term}", t) for t in set(_definition_texts(term, data).values())]
    variants = {}
    for name in VARIANTS:
        spec = data["variants"][name]
        prefix = f"variants.{name}"
        texts += [(f"{prefix}.title", spec["title"]), (f"{prefix}.rationale", spec.get("rationale", ""))]
        texts += [(f"{prefix}.paragraphs.{i}", p) for i, p in enumerate(spec["paragraphs"])]
        cases = {}
        for case, alt in spec["cases"].items():  # the rung in a situation: its own paragraphs
            where = f"{prefix}.cases.{case}"
            texts += [(f"{where}.title", alt.get("title", "")), (f"{where}.rationale", alt.get("rationale", ""))]
            texts += [(f"{where}.paragraphs.{i}", p) for i, p in enumerate(alt["paragraphs"])]
            cases[case] = _variant(name, {**spec, **alt, "cases": {}}, glossary, {})
        variants[name] = _variant(name, spec, glossary, cases)
    for field_name, text in texts:
        _check_text(path, field_name, text, placeholders, problems)
    _check_declared_terms(path, data, variants, glossary, problems)
    return Clause(
        id=data["id"],
        kind=data["kind"],
        title=data["title"],
        summary=data["summary"],
        rationale=data["rationale"],
        answers=tuple(data["answers"]),
        placement=Placement(data["placement"]),
        version=data["version"],
        variants=MappingProxyType(variants),
        defines=tuple(data["defines"]),
        uses=tuple(data["uses"]),
        source=str(path),
        glossary=glossary,
        placeholders=placeholders,
    )


def _variant(name: str, spec: dict[str, Any], glossary: Mapping[str, Definition], cases: dict[str, Variant]) -> Variant:
    uses = _terms_in("\n".join([spec["title"], *spec["paragraphs"]]), glossary)
    return Variant(
        name=name,
        title=spec["title"],
        paragraphs=tuple(spec["paragraphs"]),
        rationale=spec.get("rationale"),
        uses=tuple(uses),
        definitions_at=min(spec["definitions_at"], len(spec["paragraphs"])),
        cases=MappingProxyType(cases),
    )


def _check_declared_terms(
    path: Path,
    data: dict[str, Any],
    variants: Mapping[str, Variant],
    glossary: Mapping[str, Definition],
    problems: Problems,
) -> None:
    """``defines`` + ``uses`` name exactly the library terms the clause's text relies on."""
    declared = set(data["defines"]) | set(data["uses"])
    for term in data["uses"]:
        if term not in glossary:
            problems.add(path, "uses", f"No clause defines {term!r}.")
    used = {t for v in variants.values() for t in (*v.uses, *(u for c in v.cases.values() for u in c.uses))}
    for term in sorted(used - declared):
        problems.add(path, "uses", f"The text uses the defined term {term!r}; list it in `uses`.")


def _fix(
    path: Path,
    data: dict[str, Any],
    glossary: Mapping[str, Definition],
    placeholders: Mapping[str, Placeholder],
    problems: Problems,
) -> Fix:
    rules = []
    for i, rule in enumerate(data["rules"]):
        per = {v: {**rule, **rule.get(v, {})} for v in VARIANTS}
        for v, spec in per.items():
            where = f"rules.{i}.{v}" if v in rule else f"rules.{i}"
            if spec["action"] == "replace" and "replacement" not in spec and rule["target"] == "phrase":
                problems.add(path, f"{where}.replacement", "A `replace` rule needs a replacement.")
            for key in ("replacement", "comment"):
                if key in spec:
                    _check_text(path, f"{where}.{key}", spec[key], placeholders, problems, frozenset({MATCH}))
        rules.append(
            FixRule(
                phrases=tuple(rule["phrases"]),
                actions=MappingProxyType({v: s["action"] for v, s in per.items()}),
                replacements=MappingProxyType({v: s.get("replacement") for v, s in per.items()}),
                comments=MappingProxyType({v: s["comment"] for v, s in per.items()}),
                target=rule["target"],
            )
        )
    if sum(1 for r in rules if not r.phrases and r.target == "phrase") > 1:
        problems.add(path, "rules", "Only one rule may leave `phrases` empty (the catch-all).")
    return Fix(
        id=data["id"],
        finding=data["finding"],
        title=data["title"],
        version=data["version"],
        rules=tuple(rules),
        source=str(path),
        glossary=glossary,
        placeholders=placeholders,
    )


def _check_one_fix_per_finding(fixes: Sequence[Fix], problems: Problems) -> None:
    seen: dict[str, str] = {}
    for fix in fixes:
        if fix.finding in seen:
            problems.add(fix.source, "finding", f"{seen[fix.finding]} already fixes {fix.finding!r}.")
        seen.setdefault(fix.finding, fix.id)
