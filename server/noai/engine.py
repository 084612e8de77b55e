"""The engine's facade: what the CLI and the web app call. Pure functions of bytes and options.

read -> audit -> plan -> write. Nothing here prints, logs document text, reads the clock or
touches the disk: the caller passes the revision author and date.
"""

from __future__ import annotations
