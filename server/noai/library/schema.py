"""marshmallow schemas of the library's TOML files: clauses, fixes, placeholders, playbook.

Unknown keys are rejected (marshmallow's default ``RAISE``). The schemas check shape and
vocabulary only; cross-file checks (ids, placeholders, terms) live in :mod:`.loader`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from .model import (
    ACTIONS,
    CASES,
    CLAUSE_KINDS,
    FINDING_KINDS,
    PLACEMENTS,
    PROTECTIONS,
    SENTENCE_FINDINGS,
    TARGETS,
    VARIANTS,
)

_ID = validate.Regexp(r"^[a-z0-9]+(-[a-z0-9]+)*$", error="Use lower-case words joined by hyphens.")
_TEXT = validate.Length(min=1, error="Must not be empty.")


class Text(fields.Str):
    """A string whose runs of white space (TOML line breaks included) become single spaces."""

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> str:
        return " ".join(super()._deserialize(value, attr, data, **kwargs).split())


def _one_of(choices: Iterable[str]) -> validate.OneOf:
    return validate.OneOf(sorted(choices), error="Must be one of: {choices}.")


class CaseSchema(Schema):
    """``[variants.standard.cases.exclusive]``: the rung's paragraphs (and, if they differ, its title and
    rationale) in one of the situations of ``CASES``."""

    title = Text(validate=_TEXT)
    paragraphs = fields.List(
        Text(validate=_TEXT), required=True, validate=validate.Length(min=1, error="Give at least one paragraph.")
    )
    rationale = Text(validate=_TEXT)


class VariantSchema(Schema):
    """``[variants.standard]``: title, paragraphs, optional rationale for this rung;
    ``definitions_at`` = how many paragraphs come before the definitions (default 0)."""

    title = Text(required=True, validate=_TEXT)
    paragraphs = fields.List(
        Text(validate=_TEXT), required=True, validate=validate.Length(min=1, error="Give at least one paragraph.")
    )
    rationale = Text(validate=_TEXT)
    definitions_at = fields.Int(strict=True, load_default=0, validate=validate.Range(min=0))
    cases = fields.Dict(keys=fields.Str(validate=_one_of(CASES)), values=fields.Nested(CaseSchema), load_default=dict)

    @validates_schema
    def _definitions_within_paragraphs(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data.get("definitions_at", 0) > len(data.get("paragraphs", [])):
            raise ValidationError("Must not exceed the number of paragraphs.", "definitions_at")


class VariantsSchema(Schema):
    """``[variants]``: exactly the three rungs of the ladder."""

    strict = fields.Nested(VariantSchema, required=True)
    standard = fields.Nested(VariantSchema, required=True)
    minimal = fields.Nested(VariantSchema, required=True)


class DefinitionSchema(Schema):
    """``[definitions."Term"]``: one ``text`` for every variant, or one text per variant."""

    text = Text(validate=_TEXT)
    strict = Text(validate=_TEXT)
    standard = Text(validate=_TEXT)
    minimal = Text(validate=_TEXT)

    @validates_schema
    def _text_or_every_variant(self, data: dict[str, Any], **kwargs: Any) -> None:
        per_variant = [v for v in VARIANTS if v in data]
        if "text" in data and per_variant:
            raise ValidationError("Give either `text` or per-variant texts, not both.")
        if "text" not in data and len(per_variant) != len(VARIANTS):
            raise ValidationError("Give `text`, or a text for each of strict, standard and minimal.")


class ClauseSchema(Schema):
    """One clause file."""

    id = fields.Str(required=True, validate=_ID)
    kind = fields.Str(required=True, validate=_one_of(CLAUSE_KINDS))
    title = Text(required=True, validate=_TEXT)
    summary = Text(required=True, validate=_TEXT)
    rationale = Text(required=True, validate=_TEXT)
    answers = fields.List(
        fields.Str(validate=_one_of(FINDING_KINDS | PROTECTIONS)), required=True, validate=validate.Length(min=1)
    )
    placement = fields.Str(required=True, validate=_one_of(PLACEMENTS))
    version = fields.Int(required=True, strict=True, validate=validate.Range(min=1))
    defines = fields.List(fields.Str(validate=_TEXT), load_default=list)
    uses = fields.List(fields.Str(validate=_TEXT), load_default=list)
    definitions = fields.Dict(
        keys=fields.Str(validate=_TEXT), values=fields.Nested(DefinitionSchema), load_default=dict
    )
    variants = fields.Nested(VariantsSchema, required=True)

    @validates_schema
    def _definitions_match_defines(self, data: dict[str, Any], **kwargs: Any) -> None:
        if set(data.get("defines", [])) != set(data.get("definitions", {})):
            raise ValidationError("Every term in `defines` needs a [definitions] entry, and no other.", "defines")


class FixVariantSchema(Schema):
    """``[rules.minimal]``: overrides of a rule for one variant."""

    action = fields.Str(validate=_one_of(ACTIONS))
    replacement = Text(validate=_TEXT)
    comment = Text(validate=_TEXT)


class FixRuleSchema(FixVariantSchema):
    """``[[rules]]``: the phrases it handles (or ``target = "sentence"``: the whole sentence the red flag stands
    in) and what to do with them."""

    phrases = fields.List(Text(validate=_TEXT), load_default=list)
    target = fields.Str(load_default="phrase", validate=_one_of(TARGETS))
    action = fields.Str(required=True, validate=_one_of(ACTIONS))
    comment = Text(required=True, validate=_TEXT)
    strict = fields.Nested(FixVariantSchema)
    standard = fields.Nested(FixVariantSchema)
    minimal = fields.Nested(FixVariantSchema)

    @validates_schema
    def _a_sentence_rule_matches_the_sentence(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data.get("target") != "sentence":
            return
        if data.get("phrases"):
            raise ValidationError(
                "A rule whose target is the whole sentence lists no phrases: the sentence is what it matches.",
                "phrases",
            )
        given = [("", data), *((f"{v}.", data[v]) for v in VARIANTS if v in data)]
        for where, spec in given:
            if "replacement" in spec:
                raise ValidationError(
                    "A rule whose target is the whole sentence strikes it: give no `replacement`.",
                    f"{where}replacement",
                )
            if spec.get("action") == "comment":
                raise ValidationError(
                    "A rule whose target is the whole sentence strikes it (`replace`) or leaves it (`ignore`).",
                    f"{where}action",
                )


class FixSchema(Schema):
    """One file of ``clauses/fixes/``."""

    id = fields.Str(required=True, validate=_ID)
    finding = fields.Str(required=True, validate=_one_of(FINDING_KINDS))
    title = Text(required=True, validate=_TEXT)
    version = fields.Int(required=True, strict=True, validate=validate.Range(min=1))
    rules = fields.List(fields.Nested(FixRuleSchema), required=True, validate=validate.Length(min=1))

    @validates_schema
    def _sentence_rules_where_the_plan_reads_the_sentence(self, data: dict[str, Any], **kwargs: Any) -> None:
        targets = [(i, rule.get("target")) for i, rule in enumerate(data.get("rules", []))]
        sentences = [i for i, target in targets if target == "sentence"]
        if sentences and data.get("finding") not in SENTENCE_FINDINGS:
            raise ValidationError(
                f"Only a fix of {', '.join(sorted(SENTENCE_FINDINGS))} may have a rule whose target is the whole "
                "sentence: the plan reads no sentence for any other finding.",
                f"rules.{sentences[0]}.target",
            )
        if len(sentences) > 1:
            raise ValidationError("Only one rule may target the whole sentence.", f"rules.{sentences[1]}.target")


class PlaceholderSchema(Schema):
    """One ``[name]`` table of ``placeholders.toml``."""

    description = Text(required=True, validate=_TEXT)
    fallback = Text(validate=_TEXT)


class ProtectionSchema(Schema):
    """``[protections.<kind>]`` of a playbook."""

    mode = fields.Str(required=True, validate=_one_of(("require", "offer", "off")))
    clause = fields.Str(required=True, validate=_ID)
    require_in = fields.List(fields.Str(validate=_one_of(VARIANTS)), load_default=list)


class PlaybookSchema(Schema):
    """A playbook file; a user's own is loaded with ``partial=True`` and merged over the default."""

    variant = fields.Str(required=True, validate=_one_of(VARIANTS))
    comments = fields.Bool(required=True, truthy={True}, falsy={False})
    protections = fields.Dict(
        keys=fields.Str(validate=_one_of(PROTECTIONS)), values=fields.Nested(ProtectionSchema), required=True
    )
    red_flags = fields.Dict(
        keys=fields.Str(validate=_one_of(FINDING_KINDS)), values=fields.Str(validate=_one_of(ACTIONS)), required=True
    )
