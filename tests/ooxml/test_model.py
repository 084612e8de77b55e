"""The document model: the reader's fast constructor builds the same frozen Paragraph."""

from dataclasses import FrozenInstanceError, fields

import pytest

from noai.ooxml.model import Paragraph, new_paragraph


def test_new_paragraph_is_the_paragraph_of_the_same_fields():
    values = [f"value {i}" for i in range(len(fields(Paragraph)))]
    made = new_paragraph(*values)
    assert type(made) is Paragraph and made == Paragraph(*values)
    assert hash(made) == hash(Paragraph(*values))
    with pytest.raises(FrozenInstanceError):
        made.text = "changed"
