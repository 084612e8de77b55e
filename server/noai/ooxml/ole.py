"""The directory of an OLE compound file (MS-CFB), read only far enough to name its streams.

Word 97-2003 files and password-protected OOXML files are both compound files; the names of
their streams tell them apart (``WordDocument`` versus ``EncryptionInfo`` + ``EncryptedPackage``).
The reader is bounded and defensive: every sector number is range-checked, every chain is
followed at most once per sector (a cyclic FAT ends the walk), and a damaged file yields the
names found so far rather than an exception.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_HEADER_SIZE = 512
_HEADER_DIFAT_COUNT = 109  # FAT sector numbers held in the header itself
_DIR_ENTRY_SIZE = 128
_END_OF_CHAIN = 0xFFFFFFFE


def is_ole(data: bytes) -> bool:
    return data[:8] == SIGNATURE


def stream_names(data: bytes) -> set[str]:
    """Names of the storages and streams in the directory of the compound file ``data``."""
    if len(data) < _HEADER_SIZE or not is_ole(data):
        return set()
    (sector_shift,) = struct.unpack_from("<H", data, 0x1E)
    if sector_shift not in (9, 12):  # 512-byte (version 3) or 4096-byte (version 4) sectors
        return set()
    reader = _SectorReader(data, 1 << sector_shift)
    (first_dir,) = struct.unpack_from("<I", data, 0x30)
    names = set()
    for sector in reader.chain(first_dir):
        block = reader.sector(sector)
        for offset in range(0, len(block) - _DIR_ENTRY_SIZE + 1, _DIR_ENTRY_SIZE):
            name = _entry_name(block, offset)
            if name:
                names.add(name)
    return names


def _entry_name(block: bytes, offset: int) -> str:
    """The name of the directory entry at ``offset``; "" for an unused or damaged entry."""
    name_size, entry_type = struct.unpack_from("<HB", block, offset + 0x40)
    if entry_type not in (1, 2, 5) or not 2 <= name_size <= 64 or name_size % 2:
        return ""
    raw = block[offset : offset + name_size - 2]  # the size counts the terminating NUL
    return raw.decode("utf-16-le", errors="replace")


class _SectorReader:
    """Sectors and FAT chains of one compound file, every access bounds-checked."""

    def __init__(self, data: bytes, sector_size: int):
        self._data = data
        self._size = sector_size
        self._count = len(data) // sector_size - 1  # sector 0 follows the header's sector
        self._fat_sectors = self._read_difat()

    def sector(self, number: int) -> bytes:
        start = (number + 1) * self._size
        return self._data[start : start + self._size]

    def chain(self, first: int) -> Iterator[int]:
        """Sector numbers of the chain starting at ``first``; each sector at most once."""
        seen = set()
        sector = first
        while sector < self._count and sector not in seen:
            seen.add(sector)
            yield sector
            sector = self._next(sector)

    def _next(self, sector: int) -> int:
        per_sector = self._size // 4
        index, slot = divmod(sector, per_sector)
        if index >= len(self._fat_sectors):
            return _END_OF_CHAIN
        fat_sector = self._fat_sectors[index]
        if fat_sector >= self._count:
            return _END_OF_CHAIN
        next_sector: int = struct.unpack_from("<I", self.sector(fat_sector), slot * 4)[0]
        return next_sector

    def _read_difat(self) -> list[int]:
        """FAT sector numbers: 109 in the header, the rest in the chained DIFAT sectors."""
        (fat_count,) = struct.unpack_from("<I", self._data, 0x2C)
        numbers = list(struct.unpack_from(f"<{_HEADER_DIFAT_COUNT}I", self._data, 0x4C))
        (difat,) = struct.unpack_from("<I", self._data, 0x44)
        per_sector = self._size // 4 - 1  # the last slot links to the next DIFAT sector
        seen = set()
        while difat < self._count and difat not in seen and len(numbers) < fat_count:
            seen.add(difat)
            block = self.sector(difat)
            numbers.extend(struct.unpack_from(f"<{per_sector}I", block))
            (difat,) = struct.unpack_from("<I", block, per_sector * 4)
        return numbers[: min(fat_count, self._count)]
