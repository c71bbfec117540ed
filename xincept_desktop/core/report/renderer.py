"""Render a :class:`ReportData` snapshot to PDF bytes with reportlab Platypus.

:class:`CaseReportRenderer` keeps the page geometry in class attributes and builds the document in small steps
(``_header_block``, ``_patient_block``, ... ``_on_page``) that a subclass can override, after pretix's invoice
renderer. Rendering is deterministic: reportlab's invariant mode plus the snapshot's own creation date give the
same bytes for the same snapshot.
"""

from __future__ import annotations

import contextlib
import io
from datetime import timedelta

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Frame, Image, KeepTogether, PageTemplate, Paragraph, Spacer,
                                Table, TableStyle)

from ...config import APP_NAME, CLASS_DESCRIPTIONS
from ..assessability import UNLIKE_TRAINING, not_assessable_cause, not_assessable_heading
from .fonts import FontSet, default_fonts
from .snapshot import ImageEntry, ReportData
from .language import is_right_to_left, words
from .text import TextStyler

DISCLAIMER = ("Decision support only: these results are suggestions from a computer model and must be confirmed "
              "by a qualified hematologist before any clinical decision.")
NOT_GIVEN = "\u2014"
NOT_ASSESSABLE = UNLIKE_TRAINING


def pdf_date(data: ReportData) -> str:
    """The snapshot's creation time as a PDF date string, e.g. ``D:20250131140500+01'00'``."""
    created = data.created
    offset = created.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"D:{created:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def display_date(data: ReportData) -> str:
    """The snapshot's creation time for people, e.g. ``2025-01-31 14:05 (UTC+01:00)``."""
    created = data.created
    zone = created.strftime("%z")
    suffix = f" (UTC{zone[:3]}:{zone[3:]})" if zone else ""
    return f"{created:%Y-%m-%d %H:%M}{suffix}"


def utc_minutes(iso_time: str) -> str:
    """A stored ISO 8601 UTC time such as ``2026-03-01T09:00:05+00:00`` as ``2026-03-01 09:00 UTC``."""
    text = (iso_time or "").strip()
    return f"{text[:10]} {text[11:16]} UTC" if len(text) >= 16 and text[10] == "T" else text


@contextlib.contextmanager
def _binary_streams():
    """Store streams as binary (no ASCII-85): smaller files, and ~20x faster without reportlab's C accelerator."""
    from reportlab import rl_config

    previous, rl_config.useA85 = rl_config.useA85, 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


class _NumberedCanvas(Canvas):
    """A canvas that defers each page until the end so it can print "Page X of Y" and a fixed date."""

    def __init__(self, *args, renderer: "CaseReportRenderer", data: ReportData, **kwargs):
        super().__init__(*args, **kwargs)
        self._renderer, self._data = renderer, data
        self._saved_pages: list[dict] = []
        fixed = pdf_date(data)
        self.setDateFormatter(lambda *_: fixed)

    def showPage(self):
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._renderer._page_number(self, number, total)
            super().showPage()
        super().save()


class CaseReportRenderer:
    """Turns a :class:`ReportData` into PDF bytes; geometry and wording are class attributes."""

    pagesize = A4
    margin_left = 16 * mm
    margin_right = 16 * mm
    margin_top = 24 * mm
    margin_bottom = 22 * mm
    header_gap = 8 * mm
    thumbnail_width = 34 * mm
    font_size = 9.0
    leading = 12.0
    title = "Case report: leukemia subtype decision support"
    accent = colors.HexColor("#1f4e79")
    warning = colors.HexColor("#a61b1b")
    rule = colors.HexColor("#9aa7b4")
    disclaimer = DISCLAIMER

    def __init__(self, fonts: FontSet | None = None):
        self.fonts = fonts or default_fonts()

    # --- entry point -------------------------------------------------------------------------------------------
    def render(self, data: ReportData) -> bytes:
        """The PDF document for ``data`` as bytes."""
        self.text = TextStyler(self.fonts)
        self.say, self.rtl = words(data.language), is_right_to_left(data.language)  # the report's own wording
        self.styles = self._styles()
        buffer = io.BytesIO()
        document = self._document(buffer, data)
        story = self._story(data)
        with _binary_streams():
            document.build(story, canvasmaker=lambda *a, **k: _NumberedCanvas(*a, renderer=self, data=data, **k))
        return buffer.getvalue()

    def _document(self, buffer, data: ReportData) -> BaseDocTemplate:
        width, height = self.pagesize
        frame = Frame(self.margin_left, self.margin_bottom, width - self.margin_left - self.margin_right,
                      height - self.margin_top - self.margin_bottom, id="body", leftPadding=0, rightPadding=0)
        document = BaseDocTemplate(
            buffer, pagesize=self.pagesize, invariant=1, title=f"{APP_NAME} case report {data.report_id}",
            author=data.review.reviewer or data.institution or APP_NAME,
            subject="Decision-support case report (XIncept-ALL); to be confirmed by a qualified hematologist",
            creator=f"{APP_NAME} {data.app_version}".strip(), keywords="XIncept-ALL, leukemia, decision support",
            leftMargin=self.margin_left, rightMargin=self.margin_right, topMargin=self.margin_top,
            bottomMargin=self.margin_bottom)
        document.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                                onPage=lambda canvas, doc: self._on_page(canvas, doc, data))])
        return document

    def _styles(self) -> dict[str, ParagraphStyle]:
        base = ParagraphStyle("body", fontName=self.fonts.base, fontSize=self.font_size, leading=self.leading)
        return {
            "body": base,
            "small": ParagraphStyle("small", base, fontSize=self.font_size - 1.5, leading=self.leading - 2),
            "label": ParagraphStyle("label", base, fontName=self.fonts.bold, textColor=self.accent),
            "title": ParagraphStyle("title", base, fontName=self.fonts.bold, fontSize=15, leading=19,
                                    textColor=self.accent, alignment=TA_RIGHT if self.rtl else TA_LEFT),
            "heading": ParagraphStyle("heading", base, fontName=self.fonts.bold, fontSize=11, leading=14,
                                      spaceBefore=8, spaceAfter=4, textColor=self.accent,
                                      alignment=TA_RIGHT if self.rtl else TA_LEFT),
            "warning": ParagraphStyle("warning", base, fontName=self.fonts.bold, textColor=self.warning),
            "notice": ParagraphStyle("notice", base, fontName=self.fonts.bold, textColor=self.warning,
                                     alignment=TA_RIGHT if self.rtl else TA_LEFT),
            "centre": ParagraphStyle("centre", base, alignment=TA_CENTER, fontSize=self.font_size - 1),
        }

    # --- story ------------------------------------------------------------------------------------------------
    def _story(self, data: ReportData) -> list:
        story: list = []
        for step in (self._title_block, self._disclaimer_block, self._patient_block, self._summary_block,
                     self._images_block, self._errors_block, self._not_analysed_block, self._method_block, self._review_block,
                     self._signature_block):
            story.extend(step(data))
        story.extend(self._unprintable_block())
        return story

    def _said(self, text: str) -> str:
        """``text`` in the report's language (``core.report.language``), as markup."""
        return self.text.markup(self.say(text))

    def _heading(self, text: str) -> Paragraph:
        return self._p(self._said(text), "heading")

    def _p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.styles[style])

    def _user(self, text: str | None, style: str = "body") -> Paragraph:
        """A paragraph of user-typed text, printed literally (an em dash when empty)."""
        return self._p(self.text.markup(text) if text else NOT_GIVEN, style)

    def _title_block(self, data: ReportData) -> list:
        return [self._p(self._said(self.title), "title"),
                self._p(f"Report ID: {self.text.markup(data.report_id)} &nbsp;&nbsp; "
                        f"Date and time: {display_date(data)}"), Spacer(1, 3 * mm)]

    def _disclaimer_block(self, data: ReportData) -> list:
        table = Table([[self._p(self._said(self.disclaimer), "notice")]], colWidths=[self._body_width()])
        table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, self.warning),
                                   ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbeeee"))]))
        return [table, Spacer(1, 2 * mm)]

    def _field_table(self, rows: list[tuple[str, str]], columns: int = 2) -> Table:
        """Label/value pairs laid out ``columns`` pairs per row; values are user text."""
        cells = [[self._p(label, "label"), self._user(value)] for label, value in rows]
        while len(cells) % columns:
            cells.append(["", ""])
        grid = [sum(cells[i:i + columns], []) for i in range(0, len(cells), columns)]
        width = self._body_width() / columns
        table = Table(grid, colWidths=[width * 0.38, width * 0.62] * columns)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, self.rule)]))
        return table

    def _patient_block(self, data: ReportData) -> list:
        patient, specimen = data.patient, data.specimen
        return [
            self._heading("Patient and specimen"),
            self._field_table([("Patient name", patient.name), ("Patient ID", patient.patient_id),
                               ("Date of birth", patient.date_of_birth), ("Sex", patient.sex),
                               ("Specimen ID", specimen.specimen_id), ("Specimen type", specimen.specimen_type),
                               ("Collection date", specimen.collection_date),
                               ("Requesting physician", specimen.physician)]),
        ]

    def _summary_block(self, data: ReportData) -> list:
        summary = data.summary
        confident = dict(summary.confident_counts)
        rows = [[self._p(t, "label") for t in ("Class", "Images", "Confident, in domain")]]
        rows += [[self._p(self._said(CLASS_DESCRIPTIONS.get(name, name))), self._p(str(count)),
                  self._p(str(confident.get(name, 0)))] for name, count in summary.counts]
        rows += [[self._p("Analysed / failed / to review", "label"),
                  self._p(f"{summary.analysed} / {summary.failed} / {summary.needs_review}"), ""]]
        if summary.excluded:
            rows += [[self._p("Excluded by the reviewer", "label"), self._p(str(summary.excluded)), ""]]
        table = Table(rows, colWidths=[60 * mm, 25 * mm, 40 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, self.rule),
                                   ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.accent)]))
        story = [self._heading("Case-level suggestion"), self._p(self.text.markup(summary.suggestion), "label"),
                 Spacer(1, 2 * mm), table]
        overridden = sum(1 for entry in data.analysed_images if entry.overridden and not entry.excluded)
        if overridden:
            story += [Spacer(1, 1 * mm), self._p(f"Counts and suggestion use the reviewer's class for {overridden} "
                                                 "image(s) where the reviewer overrode the model.", "small")]
        if summary.rule:
            story += [Spacer(1, 1 * mm), self._p(self.text.markup(summary.rule), "small")]
        return story

    def _images_block(self, data: ReportData) -> list:
        entries = data.analysed_images
        if not entries:
            return []
        header = [self._p(t, "label") for t in ("#", "Image", f"{data.model.explanation_name} overlay", "Result")]
        rows = [header] + [self._image_row(entry) for entry in entries]
        width = self._body_width()
        table = Table(rows, colWidths=[9 * mm, self.thumbnail_width + 4, self.thumbnail_width + 4,
                                       width - 9 * mm - 2 * self.thumbnail_width - 8], repeatRows=1)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, self.rule),
                                   ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.accent)]))
        return [self._heading("Images"), table]

    def _image_row(self, entry: ImageEntry) -> list:
        return [self._p(str(entry.index)), self._picture(entry.thumbnail_png), self._picture(entry.overlay_png),
                self._result_cell(entry)]

    def _picture(self, png: bytes | None):
        """A thumbnail-width image from PNG bytes, or a dash when there is none."""
        if not png:
            return self._p("(not available)", "small")
        from reportlab.lib.utils import ImageReader

        width, height = ImageReader(io.BytesIO(png)).getSize()
        scale = self.thumbnail_width / max(width, height)
        return Image(io.BytesIO(png), width=width * scale, height=height * scale)

    def _class_text(self, label: str | None) -> str:
        """``<b>Pre</b>: Pre-B ALL ...``: a class name (escaped) and its description."""
        from ..case_summary import EXCLUDE_CHOICE, EXCLUDED

        if label == EXCLUDED:
            return f"<b>{self.text.markup(EXCLUDE_CHOICE)}</b> (left out of the counts and the suggestion)"
        return f"<b>{self.text.markup(label)}</b>: {self._said(CLASS_DESCRIPTIONS.get(label or '', ''))}"

    def _result_cell(self, entry: ImageEntry) -> list:
        confidence = f"{entry.confidence * 100:.1f} %" if entry.confidence is not None else NOT_GIVEN
        domain = "yes" if entry.in_domain else f"NO: {not_assessable_cause(entry.ood_reason)}"  # as the heading says
        if entry.overridden:
            lines = self._review_lines(entry) + [
                self._p(f"Model's class: {self._class_text(entry.label)}"),
                self._p(f"Model's calibrated confidence: {confidence}")]
        elif entry.in_domain is False:
            # the warning leads: a class heading would be read as a diagnosis of an image the model never learnt
            lines = [self._p(self._said(not_assessable_heading(entry.ood_reason)), "warning")]
            if entry.ood_reason:
                lines.append(self._p(self.text.markup(entry.ood_reason)))
            lines += [self._p(f"Closest class: {self._class_text(entry.label)} (not a diagnosis)", "small"),
                      self._p(f"Calibrated confidence: {confidence}", "small")]
        else:
            lines = [self._p(self._class_text(entry.label)), self._p(f"Calibrated confidence: {confidence}")]
        lines.append(self._p(f"In domain: {domain}", "body" if entry.in_domain else "warning"))
        if entry.needs_review and not entry.overridden:
            lines.append(self._p("Needs review", "warning"))
        lines.append(self._p(f"File: {self.text.markup(entry.file_name)}", "small"))
        lines += self._reading_lines(entry)
        if entry.model_version or entry.model_hash:
            model = entry.model_version or "unknown"
            if entry.model_hash and entry.model_hash not in model:
                model += f" (hash {entry.model_hash})"
            lines.append(self._p(f"Analysed by model {self.text.markup(model)}", "small"))
        if entry.file_warning:
            lines.append(self._p(self.text.markup(entry.file_warning), "warning"))
        if entry.image_note:
            lines.append(self._p(self.text.markup(entry.image_note), "small"))
        return lines

    def _reading_lines(self, entry: ImageEntry) -> list:
        """The scale the image was read at, its tiles, the heat map's class where it differs, reader notes."""
        lines = []
        if entry.scale_note:
            tiles = f"; analysed as {entry.tiles} tiles" if entry.tiles > 1 else ""
            lines.append(self._p(f"Scale: {self.text.markup(entry.scale_note)}{tiles}",
                                 "warning" if entry.scale_unknown else "small"))
        if entry.explained_class and entry.explained_class != entry.label:
            lines.append(self._p(f"Heat map: the network's evidence for {self.text.markup(entry.explained_class)}, "
                                 f"which differs from the given class {self.text.markup(entry.label)}", "warning"))
        lines += [self._p(self.text.markup(note), "small") for note in entry.reading_notes]
        return lines

    def _review_lines(self, entry: ImageEntry) -> list:
        """The reviewer's class of an overridden image, with the reason, comment, reviewer and time."""
        review = entry.review
        lines = [self._p(f"Reviewer's class: {self._class_text(entry.reviewed_label)}"),
                 self._p(f"Reason: {self.text.markup(review.reason) or NOT_GIVEN}")]
        if review.comment:
            lines.append(self._p(f"Comment: {self.text.markup(review.comment)}"))
        by = ", ".join(x for x in (review.reviewer, utc_minutes(review.reviewed_at)) if x)
        if by:
            lines.append(self._p(f"Reviewed by {self.text.markup(by)}", "small"))
        return lines

    def _errors_block(self, data: ReportData) -> list:
        failed = data.failed_images
        if not failed:
            return []
        rows = [[self._p("#", "label"), self._p("File", "label"), self._p("Could not be analysed", "label")]]
        rows += [[self._p(str(e.index)), self._user(e.file_name),
                  self._user(e.error + (f" (excluded by the reviewer: {e.review.reason})" if e.excluded else ""))]
                 for e in failed]
        width = self._body_width()
        table = Table(rows, colWidths=[9 * mm, 55 * mm, width - 64 * mm], repeatRows=1)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, self.rule)]))
        return [self._heading("Images that could not be analysed"), table]

    def _not_analysed_block(self, data: ReportData) -> list:
        if not data.not_analysed:
            return []
        names = ", ".join(data.not_analysed)
        return [self._heading("Images not analysed"),
                self._p(f"{len(data.not_analysed)} image(s) of this case were not analysed and are not in the counts: "
                        f"{self.text.markup(names)}", "warning")]

    def _method_block(self, data: ReportData) -> list:
        model = data.model
        version = " ".join(x for x in (model.name, model.version) if x)
        text = (f"Images were classified by XIncept-ALL (model {self.text.markup(version)}, hash "
                f"{self.text.markup(model.hash_prefix or 'unknown')}): features of two ImageNet-trained networks "
                "(InceptionV3 and Xception) are fused and a gradient-boosted classifier gives calibrated "
                "probabilities for the four classes. \"In domain\" tells whether an image resembles the training "
                f"images. Explanation maps: {model.explanation_name}, overlaid at "
                f"{model.opacity * 100:.0f} % opacity ({self.text.markup(model.colormap)} colormap), show the "
                "network's evidence for the shown class: warm colours mark the cells whose features raised that "
                "class's score in the network's own classification head. Each image's scale (its red cells' size "
                "against the training images) is measured and brought to the training scale before analysis.")
        if model.device:
            text += f" Inference ran on: {self.text.markup(model.device)}."
        return [self._heading("Method"), self._p(text)]

    def _review_block(self, data: ReportData) -> list:
        review = data.review
        story: list = []
        if review.conclusion:
            story += [self._heading("Reviewer's conclusion"), self._user(review.conclusion)]
        if review.comments:
            story += [self._heading("Comments"), self._user(review.comments)]
        return story

    def _signature_block(self, data: ReportData) -> list:
        width = self._body_width()
        reviewer = self.text.markup(data.review.reviewer) if data.review.reviewer else ""
        rows = [["", "", ""], [self._p(f"Reviewed by: {reviewer}"), "", self._p("Date")],
                ["", "", ""], [self._p("Signature"), "", ""]]
        table = Table(rows, colWidths=[width * 0.6, width * 0.1, width * 0.3], rowHeights=[10 * mm, None,
                                                                                             10 * mm, None])
        table.setStyle(TableStyle([("LINEABOVE", (0, 1), (0, 1), 0.6, colors.black),
                                   ("LINEABOVE", (2, 1), (2, 1), 0.6, colors.black),
                                   ("LINEABOVE", (0, 3), (0, 3), 0.6, colors.black)]))
        signed = []
        if data.sign_off is not None:
            sign = data.sign_off
            amended = "Amended report. " if sign.amended else ""
            if sign.content_sha256:
                signed = self._electronic_signature(sign, amended)
            else:
                signed = [self._p(f"{amended}Signed off in {APP_NAME} by {self.text.markup(sign.signed_by)} on "
                                  f"{self.text.markup(utc_minutes(sign.signed_at))}", "label")]
            signed += [self._p(f"Earlier sign-off: {self.text.markup(line)}", "small") for line in sign.earlier]
        elif data.void_signatures:
            signed = [self._p("Not signed: the case was re-opened after its sign-off, which is void; a new "
                              "electronic signature is needed.", "warning")]
            signed += [self._p(f"Void sign-off: {self.text.markup(line)}", "small") for line in data.void_signatures]
        return [Spacer(1, 4 * mm), KeepTogether([self._heading("Review and signature"), *signed, table])]

    def _electronic_signature(self, sign, amended: str) -> list:
        """The signature manifestation: printed name, user name and role, UTC time, meaning, content hash."""
        who = (f"{self.text.markup(sign.signed_by)} ({self.text.markup(sign.username)}, "
               f"{self.text.markup(sign.role)})")
        return [self._p(f"{amended}Electronically signed in {APP_NAME} by {who}", "label"),
                self._p(f"Date and time: {self.text.markup(utc_minutes(sign.signed_at))}. "
                        f"Meaning of the signature: {self.text.markup(sign.meaning)}.", "small"),
                self._p(f"SHA-256 of the signed case content: {self.text.markup(sign.content_sha256)}", "small")]

    def _unprintable_block(self) -> list:
        note = self.text.unprintable_note()
        return [Spacer(1, 3 * mm), self._p(note, "warning")] if note else []

    def _body_width(self) -> float:
        return self.pagesize[0] - self.margin_left - self.margin_right

    # --- page furniture ---------------------------------------------------------------------------------------
    def _on_page(self, canvas, doc, data: ReportData) -> None:
        """Header on every page: institution on the left, report id on the right, a rule below."""
        width, height = self.pagesize
        top = height - self.margin_top + self.header_gap
        institution = Paragraph(self.text.markup(data.institution or APP_NAME), self.styles["label"])
        _, used = institution.wrap(width * 0.6, self.margin_top)
        institution.drawOn(canvas, self.margin_left, top)
        canvas.saveState()
        canvas.setFont(self.fonts.base, self.font_size - 1)
        canvas.drawRightString(width - self.margin_right, top, f"Report {data.report_id}")
        canvas.setStrokeColor(self.rule)
        canvas.line(self.margin_left, top - 2 * mm, width - self.margin_right, top - 2 * mm)
        canvas.restoreState()

    def _page_number(self, canvas, number: int, total: int) -> None:
        """Footer, drawn once the page count is known: disclaimer on the left, "Page X of Y" on the right."""
        width, _ = self.pagesize
        y = self.margin_bottom - 10 * mm
        canvas.saveState()
        canvas.setStrokeColor(self.rule)
        canvas.line(self.margin_left, y + 4 * mm, width - self.margin_right, y + 4 * mm)
        canvas.setFont(self.fonts.base, self.font_size - 2)
        canvas.drawString(self.margin_left, y, "Decision support, to be confirmed by a qualified hematologist.")
        canvas.drawRightString(width - self.margin_right, y, f"Page {number} of {total}")
        canvas.restoreState()


def render_pdf(data: ReportData, renderer: CaseReportRenderer | None = None) -> bytes:
    """PDF bytes of the report for ``data`` (default renderer and fonts)."""
    return (renderer or CaseReportRenderer()).render(data)
