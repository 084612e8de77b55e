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


def _make_large():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "make_large.py"
    spec = importlib.util.spec_from_file_location("make_large", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_large


def test_a_background_licences_fix_is_filled_once_for_each_phrase_and_plans_what_filling_afresh_plans(monkeypatch):
    data = _make_large()(200)  # its background licence repeats "for any and all purposes" section after section
    options = engine.Options(we="creator")
    fill = plan_module._fill
    calls: list[tuple[str, str]] = []

    def counted(template, terms, match, done=None):
        if done is None:
            calls.append((template, match))
        return fill(template, terms, match, done)

    monkeypatch.setattr(plan_module, "_fill", counted)
    once = engine.plan(data, options)[1].to_dict()
    assert calls and len(calls) == len(set(calls))  # something filled, each template and phrase once
    filled = len(calls)
    monkeypatch.setattr(plan_module, "_fill", lambda template, terms, match, done=None: counted(template, terms, match))
    calls.clear()
    assert engine.plan(data, options)[1].to_dict() == once
    assert len(calls) > filled
