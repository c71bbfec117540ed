"""User text to reportlab paragraph markup, printed literally in fonts that cover it.

Every string a user typed goes through :meth:`TextStyler.markup`: it is escaped (so ``<b>`` prints as ``<b>``),
right-to-left lines are reshaped (Arabic/Urdu letter joining) and put in visual order, and each run of
characters is wrapped in the first embedded font that has glyphs for it. A character no font covers prints as
``[U+XXXX]`` and is remembered, so the report can list the characters it could not print.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from .fonts import FontSet

_RTL_CLASSES = {"R", "AL"}
_ZERO_WIDTH_OK = {"\u200c", "\u200d"}  # joiners that matter to shaping only


def has_rtl(text: str) -> bool:
    """Whether ``text`` contains right-to-left letters (Arabic, Urdu, Hebrew...)."""
    return any(unicodedata.bidirectional(char) in _RTL_CLASSES for char in text)


def visual_line(line: str) -> str:
    """One line in display order: Arabic letters joined (presentation forms) and right-to-left runs reversed."""
    if not has_rtl(line):
        return line
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(line))


def clean(text: str) -> str:
    """``text`` with tabs and other control characters (except newlines) turned into spaces."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(" " if (unicodedata.category(c) == "Cc" and c != "\n") else c for c in text)


def codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


class TextStyler:
    """Turns plain text into markup for one document and collects the characters it could not print."""

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self.unprintable: dict[str, None] = {}  # insertion-ordered set

    def markup(self, text: str | None) -> str:
        """Escaped, font-tagged markup for ``text`` (newlines become line breaks)."""
        lines = [visual_line(line) for line in clean(text or "").split("\n")]
        return "<br/>".join(self._line_markup(line) for line in lines)

    def _line_markup(self, line: str) -> str:
        parts: list[str] = []
        run, run_font = "", None
        for char in line:
            font = self._font_for(char, run_font)
            if font is None:
                parts.append(self._run(run, run_font))
                parts.append(self._missing(char))
                run, run_font = "", None
                continue
            if run and font != run_font:
                parts.append(self._run(run, run_font))
                run = ""
            run, run_font = run + char, font
        parts.append(self._run(run, run_font))
        return "".join(parts)

    def _font_for(self, char: str, current: str | None) -> str | None:
        """Spaces and joiners stay in the current run's font; other characters take the first covering font."""
        if current is not None and (char.isspace() or char in _ZERO_WIDTH_OK):
            return current
        return self.fonts.font_for(char)

    def _missing(self, char: str) -> str:
        if char in _ZERO_WIDTH_OK:
            return ""
        self.unprintable[char] = None
        return self._run(f"[{codepoint(char)}]", self.fonts.base)

    @staticmethod
    def _run(text: str, font: str | None) -> str:
        if not text:
            return ""
        return f'<font face="{font}">{escape(text)}</font>' if font else escape(text)

    def unprintable_note(self) -> str:
        """Plain-text note naming the characters that could not be printed ('' when all printed)."""
        if not self.unprintable:
            return ""
        codes = " ".join(codepoint(c) for c in self.unprintable)
        return (f"Characters not printable (no embedded font covers them; shown in the text as [U+XXXX]): {codes}. "
                "Check these fields against the case record.")
