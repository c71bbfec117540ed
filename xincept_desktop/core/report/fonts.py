"""Embedded TrueType fonts for the report, and which font can print which character.

Three roles are looked up in order of preference: ``latin`` (Latin incl. accents, Greek, Cyrillic; also the
report's own text), ``arabic`` (Arabic/Urdu presentation forms, as produced by the reshaper) and ``cjk``
(Chinese, Japanese, Korean). The first candidate file that exists and loads wins; a role without a font
simply covers nothing, and the characters no font covers are reported (never printed as empty boxes).
When no TrueType font at all is found the report falls back to Helvetica (Latin-1 only).
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from ...config import PACKAGE_DIR

BUNDLED = PACKAGE_DIR / "resources" / "fonts"
_LINUX = Path("/usr/share/fonts/truetype")
_WINDOWS = Path("C:/Windows/Fonts")
_MAC = Path("/System/Library/Fonts")

#: role -> candidate (path, subfont index) pairs, best first
DEFAULT_CANDIDATES: dict[str, tuple[tuple[Path, int], ...]] = {
    "latin": ((BUNDLED / "DejaVuSans.ttf", 0), (_LINUX / "dejavu" / "DejaVuSans.ttf", 0),
              (_LINUX / "noto" / "NotoSans-Regular.ttf", 0), (_WINDOWS / "arial.ttf", 0),
              (_MAC / "Supplemental" / "Arial.ttf", 0)),
    "arabic": ((BUNDLED / "NotoSansArabic-Regular.ttf", 0), (_LINUX / "noto" / "NotoSansArabic-Regular.ttf", 0),
               (_LINUX / "noto" / "NotoNaskhArabic-Regular.ttf", 0), (_WINDOWS / "arial.ttf", 0),
               (_LINUX / "dejavu" / "DejaVuSans.ttf", 0)),
    "cjk": ((BUNDLED / "wqy-microhei.ttc", 0), (_LINUX / "wqy" / "wqy-microhei.ttc", 0),
            (_LINUX / "wqy" / "wqy-zenhei.ttc", 0), (_WINDOWS / "msyh.ttc", 0), (_WINDOWS / "simsun.ttc", 0)),
}
#: bold face used for the report's own labels when the latin font is DejaVu Sans
BOLD_CANDIDATES: tuple[tuple[Path, int], ...] = (
    (BUNDLED / "DejaVuSans-Bold.ttf", 0), (_LINUX / "dejavu" / "DejaVuSans-Bold.ttf", 0),
    (_LINUX / "noto" / "NotoSans-Bold.ttf", 0), (_WINDOWS / "arialbd.ttf", 0),
)

_lock = threading.Lock()


@dataclass(frozen=True)
class LoadedFont:
    """A font registered with reportlab under ``name`` and the code points it has glyphs for."""

    name: str
    path: str
    covered: frozenset[int]

    def covers(self, char: str) -> bool:
        return ord(char) in self.covered


@functools.lru_cache(maxsize=None)
def _register(path: str, subfont: int) -> LoadedFont | None:
    """Register one TrueType file (once per process); None when it is missing or cannot be read."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not Path(path).is_file():
        return None
    name = f"XI-{Path(path).stem}-{subfont}"
    try:
        font = TTFont(name, path, subfontIndex=subfont)
    except Exception:  # a damaged or unsupported font file is skipped like a missing one
        return None
    with _lock:
        pdfmetrics.registerFont(font)
    return LoadedFont(name, path, frozenset(font.face.charToGlyph))


def _first_loadable(candidates: Sequence[tuple[Path, int]]) -> LoadedFont | None:
    for path, subfont in candidates:
        loaded = _register(str(path), int(subfont))
        if loaded is not None:
            return loaded
    return None


def _latin1_coverage() -> frozenset[int]:
    return frozenset(c for c in range(0x20, 0x100) if c < 0x7F or c >= 0xA0)


class FontSet:
    """The fonts a report uses: a base font for its own text, a bold one, and a fallback chain for user text."""

    def __init__(self, candidates: Mapping[str, Sequence[tuple[Path, int]]] = DEFAULT_CANDIDATES,
                 bold_candidates: Sequence[tuple[Path, int]] = BOLD_CANDIDATES):
        self.by_role: dict[str, LoadedFont] = {}
        for role, paths in candidates.items():
            loaded = _first_loadable(paths)
            if loaded is not None:
                self.by_role[role] = loaded
        latin = self.by_role.get("latin")
        self.base = latin.name if latin else "Helvetica"
        bold = _first_loadable(bold_candidates) if latin else None
        self.bold = bold.name if bold else ("Helvetica-Bold" if not latin else self.base)
        fallback = [] if latin else [LoadedFont("Helvetica", "", _latin1_coverage())]
        self.chain: tuple[LoadedFont, ...] = tuple(self._unique([*self.by_role.values(), *fallback]))
        self._register_families()

    @staticmethod
    def _unique(fonts: list[LoadedFont]) -> list[LoadedFont]:
        seen, out = set(), []
        for font in fonts:
            if font.name not in seen:
                seen.add(font.name)
                out.append(font)
        return out

    def _register_families(self) -> None:
        """Map bold/italic of each font to itself (or the bold face) so ``<b>`` never fails to resolve."""
        from reportlab.lib.fonts import addMapping

        for font in self.chain:
            if font.name == "Helvetica":
                continue
            bold = self.bold if font.name == self.base else font.name
            for is_bold, is_italic, face in ((0, 0, font.name), (1, 0, bold), (0, 1, font.name), (1, 1, bold)):
                addMapping(font.name, is_bold, is_italic, face)

    def font_for(self, char: str) -> str | None:
        """Name of the first font in the chain that has a glyph for ``char``; None when none has."""
        for font in self.chain:
            if font.covers(char):
                return font.name
        return None

    def describe(self) -> dict[str, str]:
        """Role -> font file, for the log and the tests."""
        return {role: font.path for role, font in self.by_role.items()}


@functools.lru_cache(maxsize=1)
def default_fonts() -> FontSet:
    """The process-wide :class:`FontSet` built from :data:`DEFAULT_CANDIDATES`."""
    return FontSet()
