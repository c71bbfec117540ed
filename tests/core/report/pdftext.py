"""Helpers to read back what a rendered report says."""

from __future__ import annotations

import io


def reader(pdf: bytes):
    import pypdf

    return pypdf.PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    """All text of all pages, joined by newlines."""
    return "\n".join(page.extract_text() for page in reader(pdf).pages)


def font_names(pdf: bytes) -> set[str]:
    """BaseFont names of every font used on any page."""
    names = set()
    for page in reader(pdf).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names
