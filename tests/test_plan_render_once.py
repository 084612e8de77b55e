"""The plan renders each fix once for each variant and phrase (a phrase recurs in clause after clause)
and plans exactly what rendering every finding afresh plans: on every corpus contract, as the creator."""

from __future__ import annotations

import pytest
from support.corpus import contracts

from noai import engine
from noai import plan as plan_module


def _afresh(terms):
    return lambda fix, variant, phrase: plan_module.render_fix(fix, variant, phrase, terms)


@pytest.mark.parametrize("path", contracts())
def test_each_fix_is_rendered_once_and_the_plan_is_the_one_rendered_afresh(path, monkeypatch):
    data = path.read_bytes()
    options = engine.Options(we="creator")
    calls: list[tuple[int, str, str]] = []
    render_fix = plan_module.render_fix

    def counted(fix, variant, phrase, terms):
        calls.append((id(fix), variant, phrase))
        return render_fix(fix, variant, phrase, terms)

    monkeypatch.setattr(plan_module, "render_fix", counted)
    once = engine.plan(data, options)[1].to_dict()
    assert len(calls) == len(set(calls))
    rendered = len(calls)
    monkeypatch.setattr(plan_module, "_rendering", _afresh)
    calls.clear()
    assert engine.plan(data, options)[1].to_dict() == once
    assert len(calls) >= rendered
