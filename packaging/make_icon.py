"""Draw the app icon: ``resources/icons/xincept-desktop.png`` (256 px) and ``.svg``.

A lymphoblast on a smear: a pale pink cell with a large violet nucleus, on a deep teal rounded square.
Run once with the venv's Python; the outputs are committed (the PNG is a few KB).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"  # the package copy: make resources
BACKGROUND, CELL, NUCLEUS, NUCLEOLUS, MARK = "#0f5f66", "#f4c9d6", "#5b2a86", "#8e5bb8", "#ffffff"

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>XIncept Desktop</title>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="{BACKGROUND}"/>
  <circle cx="124" cy="132" r="88" fill="{CELL}"/>
  <ellipse cx="116" cy="138" rx="62" ry="56" fill="{NUCLEUS}"/>
  <circle cx="96" cy="122" r="12" fill="{NUCLEOLUS}"/>
  <circle cx="134" cy="156" r="9" fill="{NUCLEOLUS}"/>
  <path d="M182 30 L226 74 M226 30 L182 74" stroke="{MARK}" stroke-width="14" stroke-linecap="round"/>
</svg>
"""


def draw(size: int = 256) -> Image.Image:
    scale = 4  # draw large, then shrink: smooth edges without an anti-aliasing library
    big = Image.new("RGBA", (size * scale, size * scale), (0, 0, 0, 0))
    pen = ImageDraw.Draw(big)
    s = size * scale / 256

    def box(cx, cy, rx, ry):
        return [(cx - rx) * s, (cy - ry) * s, (cx + rx) * s, (cy + ry) * s]

    pen.rounded_rectangle([8 * s, 8 * s, 248 * s, 248 * s], radius=48 * s, fill=BACKGROUND)
    pen.ellipse(box(124, 132, 88, 88), fill=CELL)
    pen.ellipse(box(116, 138, 62, 56), fill=NUCLEUS)
    pen.ellipse(box(96, 122, 12, 12), fill=NUCLEOLUS)
    pen.ellipse(box(134, 156, 9, 9), fill=NUCLEOLUS)
    for (x0, y0), (x1, y1) in (((182, 30), (226, 74)), ((226, 30), (182, 74))):
        pen.line([x0 * s, y0 * s, x1 * s, y1 * s], fill=MARK, width=int(14 * s))
        for x, y in ((x0, y0), (x1, y1)):
            pen.ellipse(box(x, y, 7, 7), fill=MARK)
    return big.filter(ImageFilter.GaussianBlur(scale / 3)).resize((size, size), Image.Resampling.LANCZOS)


def main(out: Path = OUT) -> int:
    out.mkdir(parents=True, exist_ok=True)
    draw().save(out / "xincept-desktop.png", optimize=True)
    (out / "xincept-desktop.svg").write_text(SVG, encoding="utf-8")
    print(f"wrote {out / 'xincept-desktop.png'} ({(out / 'xincept-desktop.png').stat().st_size} bytes) and .svg")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
