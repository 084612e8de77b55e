"""The document model: the reader's fast constructors build the same frozen Paragraph and Section."""

from dataclasses import FrozenInstanceError, fields

import pytest

from noai.ooxml.model import Paragraph, Section, new_paragraph, new_section


def test_new_paragraph_is_the_paragraph_of_the_same_fields():
    values = [f"value {i}" for i in range(len(fields(Paragraph)))]
    made = new_paragraph(*values)
    assert type(made) is Paragraph and made == Paragraph(*values)
    assert hash(made) == hash(Paragraph(*values))
    with pytest.raises(FrozenInstanceError):
        made.text = "changed"


def test_new_section_is_the_section_of_the_same_fields():
    child = Section("(a)", "Scope", 2, 3, 4)
    made = new_section("7", "Licence", 1, 2, 4, (child,))
    assert type(made) is Section and made == Section("7", "Licence", 1, 2, 4, (child,))
    assert made.display == "7 Licence"
    with pytest.raises(FrozenInstanceError):
        made.end = 5
