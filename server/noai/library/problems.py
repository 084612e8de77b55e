"""Collecting every problem of every library file, to raise them together."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from marshmallow import Schema, ValidationError

from noai.errors import LibraryError


class Problems:
    """A list of ``{"file", "field", "message"}``; :meth:`raise_if_any` raises one LibraryError."""

    def __init__(self) -> None:
        self.items: list[dict[str, str | None]] = []

    def add(self, file: Path | str, field: str | None, message: str) -> None:
        self.items.append({"file": str(file), "field": field, "message": message})

    def add_messages(self, file: Path | str, messages: dict[Any, Any] | list[Any], prefix: str = "") -> None:
        """Flatten marshmallow's nested ``messages`` into one problem a message."""
        if isinstance(messages, list):
            for message in messages:
                if isinstance(message, (dict, list)):
                    self.add_messages(file, message, prefix)
                else:
                    self.add(file, prefix or None, str(message))
            return
        for key, value in messages.items():
            key = str(key)
            if key in ("key", "value", "_schema"):  # fields.Dict wraps its errors in "key"/"value"
                path = prefix
            else:
                path = f"{prefix}.{key}" if prefix else key
            self.add_messages(file, value, path)

    def read_toml(self, path: Path) -> dict[str, Any] | None:
        """The parsed file, or ``None`` with a problem recorded."""
        try:
            with path.open("rb") as f:
                return tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            self.add(path, None, f"Not valid TOML: {e}")
        except OSError as e:
            self.add(path, None, f"Cannot read the file: {e.strerror or e}")
        return None

    def load(self, schema: Schema, path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
        """``schema.load(data)``, or ``None`` with every validation message recorded."""
        try:
            loaded: dict[str, Any] = schema.load(data)
            return loaded
        except ValidationError as e:
            self.add_messages(path, e.messages)
            return None

    def raise_if_any(self, what: str) -> None:
        if self.items:
            count = len(self.items)
            files = len({p["file"] for p in self.items})
            raise LibraryError(
                f"The {what} has {count} problem{'s' * (count != 1)} in {files} "
                f"file{'s' * (files != 1)}; each is listed with its file and field.",
                problems=list(self.items),
            )
