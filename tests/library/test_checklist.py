"""The no-AI clause names every act, actor and object of issue 3 (DOMAIN.md §1.2)."""

import pytest

from noai.library import render

ACTS = [
    "dataset",
    "train",
    "pre-train",
    "fine-tun",
    "reinforcement learning",
    "test",
    "evaluat",
    "benchmark",
    "validat",
    "embed",
    "vectoriz",
    "index",
    "retrieval",
    "prompt",
    "reference",
    "style",
    "synthetic data",
    "distil",
]
ACTORS = ["Customer shall not", "affiliates", "contractors", "sublicensees", "AI Vendor", "directly or indirectly"]
OBJECTS = ["Deliverables", "draft", "source file", "derived from"]
SAFEGUARDS = [
    "spelling",
    "grammar",
    "accessibility",
    "neither keeps",
    "extent permitted by law",
    "sublicense",
    "survives",
]
TERMS = {"client": "Customer", "provider": "Provider", "deliverables": "Deliverables"}


def text_of(library, variant):
    rendered = render(library.get("no-ai-training"), variant, TERMS)
    return " ".join(rendered.paragraphs)


@pytest.mark.parametrize("variant", ["strict", "standard"])
@pytest.mark.parametrize("phrase", ACTS + ACTORS + OBJECTS + SAFEGUARDS)
def test_the_strict_and_standard_no_ai_clause_names(library, variant, phrase):
    assert phrase.lower() in text_of(library, variant).lower()


def test_the_standard_carve_outs_include_search_inside_the_clients_own_systems(library):
    assert "search and indexing within Customer's own systems" in text_of(library, "standard")


def test_the_minimal_no_ai_clause_names_fewer_acts(library):
    def named(variant):
        text = text_of(library, variant).lower()
        return {act for act in ACTS if act in text}

    assert named("minimal") < named("standard") <= named("strict")


def test_the_strict_clause_has_narrower_carve_outs_than_the_standard_one(library):
    assert "machine translation" in text_of(library, "standard")
    assert "machine translation" not in text_of(library, "strict")
    assert "Any other exception must be stated expressly" in text_of(library, "strict")
