"""``verification.pdf``: the study a laboratory files, rendered with reportlab (the case report's fonts).

Page 1: the verdict (PASS / FAIL against the acceptance criterion), who ran it when, on which model and data, the
agreement, kappa, per-class sensitivity and specificity with their 95 % intervals, and the confusion matrix.
Then calibration (reliability diagram, ECE) and the out-of-domain rate, then the misclassified images with their
heat maps. Paths and the operator's name are user text: escaped and set in fonts that cover them.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from ...config import APP_NAME
from ..report.fonts import FontSet, default_fonts
from ..report.text import TextStyler
from .study import GALLERY_PER_CLASS, Study

ACCENT = colors.HexColor("#1f4e79")
PASS_COLOUR = colors.HexColor("#1b6e2a")
FAIL_COLOUR = colors.HexColor("#a61b1b")
RULE = colors.HexColor("#9aa7b4")
GALLERY_COLUMNS = 4


def percent(value: float | None) -> str:
    return "\u2014" if value is None else f"{value * 100:.1f} %"


def interval(ci) -> str:
    return "\u2014" if not ci else f"{ci[0] * 100:.1f}\u2013{ci[1] * 100:.1f} %"


class VerificationRenderer:
    def __init__(self, fonts: FontSet | None = None):
        self.fonts = fonts or default_fonts()
        self.text = TextStyler(self.fonts)
        base = ParagraphStyle("body", fontName=self.fonts.base, fontSize=8.5, leading=11)
        self.styles = {
            "body": base,
            "small": ParagraphStyle("small", base, fontSize=7, leading=8.5),
            "title": ParagraphStyle("title", base, fontName=self.fonts.bold, fontSize=14, leading=18,
                                    textColor=ACCENT),
            "heading": ParagraphStyle("heading", base, fontName=self.fonts.bold, fontSize=10.5, leading=13,
                                      spaceBefore=6, spaceAfter=3, textColor=ACCENT),
            "label": ParagraphStyle("label", base, fontName=self.fonts.bold, textColor=ACCENT),
            "cell": ParagraphStyle("cell", base, fontSize=8, leading=10),
            "verdict": ParagraphStyle("verdict", base, fontName=self.fonts.bold, fontSize=12, leading=15,
                                      textColor=colors.white),
        }
        self.width = A4[0] - 30 * mm

    def _p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.styles[style])

    def _user(self, text: str, style: str = "body") -> Paragraph:
        return self._p(self.text.markup(text) if text else "\u2014", style)

    def render(self, study: Study) -> bytes:
        buffer = io.BytesIO()
        record = study.record
        document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                                     topMargin=14 * mm, bottomMargin=14 * mm, invariant=1,
                                     title=f"{APP_NAME} verification study", author=record.get("operator") or APP_NAME,
                                     subject="Verification of a qualitative examination (decision support)")
        story = (self._header(record) + self._figures(record) + self._calibration(record, study)
                 + self._gallery(record, study))
        document.build(story, onFirstPage=self._footer, onLaterPages=self._footer)
        return buffer.getvalue()

    def _footer(self, canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(self.fonts.base, 7)
        canvas.setFillColor(colors.grey)
        canvas.drawString(15 * mm, 8 * mm, f"{APP_NAME} verification study \u00b7 decision support only, not a "
                                           f"diagnosis \u00b7 page {document.page}")
        canvas.restoreState()

    def _header(self, record: dict) -> list:
        model = record["model"]
        verdict = "PASS" if record["passed"] else "FAIL"
        accuracy = record["accuracy"]
        criterion = record["acceptance"]["min_agreement"]
        line = (f"{verdict}: overall agreement {percent(accuracy)} (95 % CI {interval(record['accuracy_ci'])}) "
                f"{'meets' if record['passed'] else 'does not meet'} the acceptance criterion of "
                f"{criterion * 100:.1f} %")
        banner = Table([[self._p(line, "verdict")]], colWidths=[self.width])
        banner.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), PASS_COLOUR if record["passed"] else FAIL_COLOUR),
                                    ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        model_text = f"{model['name']} {model['version']} (hash {model['hash']})"
        if model.get("adapted"):
            model_text += (f"; site-adapted ({model.get('site') or 'this laboratory'}) from "
                           f"{model.get('parent') or 'its parent'} (hash {model.get('parent_hash', '')})")
        fields = [("Date (UTC)", record["date"].replace("T", " ").replace("Z", "")), ("Operator", record["operator"]),
                  ("Model", model_text), ("Data", record["data"]),
                  ("Data digest", record["data_digest"][:16]),
                  ("Images", f"{record['n']} analysed" + (f", {len(record['not_analysed'])} could not be analysed"
                                                           if record["not_analysed"] else "")),
                  ("Acceptance", record["acceptance"]["rule"])]
        rows = [[self._p(label, "label"), self._user(str(value))] for label, value in fields]
        table = Table(rows, colWidths=[self.width * 0.18, self.width * 0.82])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        return [self._p("Verification study: leukemia subtype decision support", "title"), Spacer(1, 2 * mm),
                banner, Spacer(1, 3 * mm), table]

    def _figures(self, record: dict) -> list:
        kappa = record["kappa"]
        kappa_text = "\u2014" if kappa is None else (f"{kappa:.3f} (95 % CI {record['kappa_ci'][0]:.3f}\u2013"
                                                     f"{record['kappa_ci'][1]:.3f})")
        summary = [("Overall agreement", f"{percent(record['accuracy'])} (95 % CI {interval(record['accuracy_ci'])})"),
                   ("Cohen's kappa", kappa_text),
                   ("Out of domain", f"{percent(record['ood_rate'])} of images flagged "
                                     f"(95 % CI {interval(record['ood_rate_ci'])}); counted in every figure"),
                   ("Calibration", "ECE " + ("\u2014" if record["ece"] is None else f"{record['ece']:.3f}"))]
        summary_table = Table([[self._p(a, "label"), self._p(b)] for a, b in summary],
                              colWidths=[self.width * 0.22, self.width * 0.78])
        summary_table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                                           ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        header = [self._p(h, "label") for h in ("Class", "n", "Sensitivity", "95 % CI", "Specificity", "95 % CI")]
        rows = [header]
        for name, figures in record["per_class"].items():
            rows.append([self._p(name), self._p(str(figures["n"])), self._p(percent(figures["sensitivity"])),
                         self._p(interval(figures["sensitivity_ci"])), self._p(percent(figures["specificity"])),
                         self._p(interval(figures["specificity_ci"]))])
        per_class = Table(rows, colWidths=[self.width * w for w in (0.16, 0.1, 0.17, 0.2, 0.17, 0.2)])
        per_class.setStyle(self._grid_style())
        return [self._p("Agreement with the reference classification", "heading"), summary_table,
                Spacer(1, 3 * mm), per_class, Spacer(1, 2 * mm), *self._confusion(record)]

    def _confusion(self, record: dict) -> list:
        classes = record["classes"]
        rows = [[self._p("reference \u2193 / model \u2192", "small")] + [self._p(c, "label") for c in classes]
                + [self._p("n", "label")]]
        for name, counts in zip(classes, record["confusion"]):
            rows.append([self._p(name, "label")] + [self._p(str(v)) for v in counts] + [self._p(str(sum(counts)))])
        table = Table(rows, colWidths=[self.width * 0.2] + [self.width * 0.13] * len(classes) + [self.width * 0.1])
        style = self._grid_style()
        for index in range(len(classes)):
            style.add("BACKGROUND", (index + 1, index + 1), (index + 1, index + 1), colors.HexColor("#e3eef8"))
        table.setStyle(style)
        return [self._p("Confusion matrix (rows: reference class; columns: the model's class)", "heading"), table]

    @staticmethod
    def _grid_style() -> TableStyle:
        return TableStyle([("GRID", (0, 0), (-1, -1), 0.3, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f3f6")),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])

    def _calibration(self, record: dict, study: Study) -> list:
        story = [PageBreak(), self._p("Calibration", "heading")]
        ece = "\u2014" if record["ece"] is None else f"{record['ece']:.3f}"
        text = self._p("Reliability diagram: for the images in each confidence band, the share the model classed "
                       "correctly (bars) against their mean confidence (dots). Bars under the diagonal: the model is "
                       f"over-confident there. Expected calibration error (ECE): "
                       f"{ece}.")
        if study.reliability_png:
            picture = Image(io.BytesIO(study.reliability_png), width=72 * mm, height=64 * mm)
            block = Table([[picture, text]], colWidths=[76 * mm, self.width - 76 * mm])
            block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(block)
        else:
            story.append(text)
        return story

    def _gallery(self, record: dict, study: Study) -> list:
        wrong = sum(1 for row in record["images"] if row["truth"] != row["predicted"])
        story = [self._p(f"Misclassified images ({wrong})", "heading")]
        if not study.gallery:
            return story + [self._p("None: the model's class agreed with the reference for every analysed image.")]
        if wrong > len(study.gallery):
            story.append(self._p(f"{len(study.gallery)} are shown (at most {GALLERY_PER_CLASS} of each reference "
                                 "class); verification.json lists them all."))
        story.append(self._p("Each: the image, then its Grad-CAM heat map for the class the model explained.",
                             "small"))
        cells = [self._gallery_cell(item) for item in study.gallery]
        while len(cells) % GALLERY_COLUMNS:
            cells.append("")
        rows = [cells[i:i + GALLERY_COLUMNS] for i in range(0, len(cells), GALLERY_COLUMNS)]
        table = Table(rows, colWidths=[self.width / GALLERY_COLUMNS] * GALLERY_COLUMNS)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.3, RULE)]))
        story.append(table)
        if record["not_analysed"]:
            story.append(self._p("Images that could not be analysed", "heading"))
            for row in record["not_analysed"]:
                story.append(self._user(f"{row['path']}: {row['error']}", "small"))
        return story

    def _gallery_cell(self, item) -> list:
        side = self.width / GALLERY_COLUMNS / 2 - 2 * mm
        pictures = [_fitted_image(png, side) if png else self._p("\u2014")
                    for png in (item.thumbnail_png, item.overlay_png)]
        pair = Table([pictures], colWidths=[side + 1 * mm] * 2)
        pair.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        name = item.path.replace("\\", "/").rsplit("/", 1)[-1]
        caption = (f"{self.text.markup(name)}<br/>reference {item.truth}, model {item.predicted} "
                   f"({item.confidence * 100:.0f} %)" + ("" if item.in_domain else "<br/>flagged out of domain"))
        return [pair, self._p(caption, "small")]


def _fitted_image(png: bytes, side: float) -> Image:
    """A PNG drawn at most ``side`` wide and high, keeping its aspect ratio."""
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(png)) as picture:
        width, height = picture.size
    scale = side / max(width, height)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale)


def render_study_pdf(study: Study) -> bytes:
    return VerificationRenderer().render(study)
