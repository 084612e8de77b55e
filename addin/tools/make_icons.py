"""Draw the add-in's icons (addin/assets/icon-{16,32,80}.png) with the standard library only.

The picture: a white page on a Fluent-blue rounded square, crossed by a red "no" sign.
Each pixel is supersampled 4x4 from a vector description, then written as an RGBA PNG
(IHDR, IDAT with zlib, IEND). Run: python addin/tools/make_icons.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SIZES = (16, 32, 80)
SUPERSAMPLE = 4

BLUE = (15, 108, 189, 255)  # Fluent brand #0f6cbd
WHITE = (255, 255, 255, 255)
LINE = (150, 190, 230, 255)
RED = (209, 52, 56, 255)  # Fluent danger #d13438
CLEAR = (0, 0, 0, 0)


def _in_rounded_square(x: float, y: float, radius: float = 0.18) -> bool:
    cx, cy = min(max(x, radius), 1 - radius), min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def _colour_at(x: float, y: float) -> tuple[int, int, int, int]:
    """Return the colour of the point (x, y) of the unit square (y grows downwards)."""
    ring = ((x - 0.68) ** 2 + (y - 0.68) ** 2) ** 0.5
    if 0.17 <= ring <= 0.27 or (ring < 0.17 and abs((x - 0.68) - (y - 0.68)) < 0.05):
        return RED
    if ring < 0.17:
        return WHITE
    in_page = 0.2 <= x <= 0.66 and 0.14 <= y <= 0.8 and (x - 0.52) + (0.14 - y) <= 0
    if in_page:
        if 0.28 <= x <= 0.56 and any(abs(y - row) < 0.025 for row in (0.36, 0.48, 0.6)):
            return LINE
        return WHITE
    return BLUE if _in_rounded_square(x, y) else CLEAR


def render(size: int) -> bytes:
    """Return the RGBA rows of a *size* x *size* icon, each row prefixed by filter type 0."""
    rows = bytearray()
    step = 1 / (size * SUPERSAMPLE)
    for py in range(size):
        rows.append(0)
        for px in range(size):
            samples = [
                _colour_at((px * SUPERSAMPLE + sx + 0.5) * step, (py * SUPERSAMPLE + sy + 0.5) * step)
                for sy in range(SUPERSAMPLE)
                for sx in range(SUPERSAMPLE)
            ]
            alpha = sum(s[3] for s in samples)
            for channel in range(3):
                weighted = sum(s[channel] * s[3] for s in samples)
                rows.append(round(weighted / alpha) if alpha else 0)
            rows.append(round(alpha / len(samples)))
    return bytes(rows)


def png(size: int) -> bytes:
    """Return a PNG file of the icon at *size* pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    idat = chunk(b"IDAT", zlib.compress(render(size), 9))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + idat + chunk(b"IEND", b"")


def main() -> None:
    ASSETS.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        (ASSETS / f"icon-{size}.png").write_bytes(png(size))


if __name__ == "__main__":
    main()
