"""Export PDF and Print for a case: a dialog for the patient and specimen fields, then the same report document.

``export_case_pdf`` writes the reportlab PDF (``core.report``); ``print_case`` prints that same PDF
(``ui.report_print``: its pages rasterised with pdfium or QtPdf, or the PDF itself to a file or through CUPS), so both
carry the same pages and, for the same case state, the same report ID. Freezing the snapshot (thumbnails and
overlays: about 3 s for 32 images) and rendering the PDF run in a :class:`~.background.BackgroundJob`; both
functions return that job (``done(outcome, error)`` on the UI thread) or None when the user cancelled. Export's
outcome is ``(path, report id, sha256)``; both are audited with them by the window.

``settings`` may carry a stored case (``CaseSession.report_context()``): its patient and specimen fields are then
shown read-only (they are edited with Case Details, where they are audited), and the reviewers' classes and the
sign-off go into the report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QWidget)

from ..core.report import ModelInfo, ReportData, build_report_data, fields_from_mapping, model_info_from
from ..core.report.case_link import REPORT_FIELD_NAMES
from .background import BackgroundJob, describe_error

LINE_FIELDS = (("patient_name", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Patient name")),
               ("patient_id", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Patient ID")),
               ("dob", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Date of birth")),
               ("sex", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Sex")),
               ("specimen_id", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Specimen ID")),
               ("specimen_type", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Specimen type")),
               ("collection_date", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Collection date")),
               ("physician", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Requesting physician")),
               ("institution", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Institution")),
               ("reviewer", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Reviewer")))
TEXT_FIELDS = (("conclusion", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Reviewer's conclusion")),
               ("comments", QT_TRANSLATE_NOOP("ReportFieldsDialog", "Comments")))
CASE_KEYS = frozenset(REPORT_FIELD_NAMES.values())  # the fields that come from a stored case
TEXT_KEYS = frozenset(key for key, _ in TEXT_FIELDS)  # case fields editable here until the case is signed
translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


class ReportFieldsDialog(QDialog):
    """Patient, specimen and review fields of a report, prefilled from the settings and the case."""

    def __init__(self, parent: QWidget | None, settings: dict, title: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Case report"))
        prefill = {**dict(settings.get("case_fields") or {}), "institution": settings.get("institution", ""),
                   "reviewer": settings.get("reviewer", "")}
        case_id = settings.get("case_id")
        form = QFormLayout(self)
        if case_id is not None:
            note = QLabel(self.tr("Patient and specimen details come from case %1; change them with "
                                  "Case \u25b8 Case Details.").replace("%1", str(case_id)), self)
            note.setWordWrap(True)
            form.addRow(note)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for key, label in LINE_FIELDS:
            self.edits[key] = QLineEdit(str(prefill.get(key) or ""), self)
            self.edits[key].setReadOnly(case_id is not None and key in CASE_KEYS)
            form.addRow(self.tr(label), self.edits[key])
        for key, label in TEXT_FIELDS:
            edit = QPlainTextEdit(str(prefill.get(key) or ""), self)
            edit.setFixedHeight(64)
            edit.setReadOnly(case_id is not None and bool(settings.get("signed")))
            self.edits[key] = edit
            form.addRow(self.tr(label), edit)
        self._add_overlay_settings(form, settings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _add_overlay_settings(self, form: QFormLayout, settings: dict) -> None:
        """The report's own overlay opacity and colour map (the Preferences' defaults, not the screen's)."""
        from .settings import COLORMAP_CHOICES

        self.opacity = QDoubleSpinBox(self)
        self.opacity.setRange(0.0, 1.0)
        self.opacity.setSingleStep(0.05)
        self.opacity.setValue(float(settings.get("opacity", 0.4)))
        self.colormap = QComboBox(self)
        for name in COLORMAP_CHOICES:
            self.colormap.addItem(name, name)
        self.colormap.setCurrentIndex(max(0, self.colormap.findData(settings.get("colormap") or "jet")))
        form.addRow(self.tr("Overlay opacity (report)"), self.opacity)
        form.addRow(self.tr("Overlay colour map (report)"), self.colormap)

    def values(self) -> dict[str, str]:
        """Field name -> text as typed, with the report's ``opacity`` and ``colormap``."""
        values = {key: (e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text())
                  for key, e in self.edits.items()}
        return {**values, "opacity": f"{self.opacity.value():.2f}", "colormap": self.colormap.currentData()}


def model_info_for(model, settings: dict, values: dict | None = None) -> ModelInfo:
    """The model's name and version with the report's overlay settings: the dialog's ``values`` where given,
    else the settings' (the Preferences' defaults); read on the UI thread, not the job's."""
    chosen = {**settings, **{k: v for k, v in (values or {}).items() if k in ("opacity", "colormap") and v}}
    return model_info_from(model, settings.get("cam_method") or "gradcam", chosen.get("colormap") or "jet",
                           float(chosen.get("opacity", 0.4)))


def build_snapshot(results, info: ModelInfo, settings: dict, values: dict[str, str]) -> ReportData:
    """Freeze the case into a :class:`ReportData` (slow: run it in a background job); reviewers' classes, the
    sign-off and the stored analyses come from ``settings``."""
    patient, specimen, review = fields_from_mapping(values)
    return build_report_data(results, info, patient, specimen, review, institution=values.get("institution", ""),
                             reviews=settings.get("reviews"), sign_off=settings.get("sign_off"),
                             stored=settings.get("stored"), case_id=settings.get("case_id"),
                             created=settings.get("created"), not_analysed=settings.get("not_analysed", ()),
                             void_signatures=settings.get("void_signatures", ()),
                             language=settings.get("language", "en"))


def snapshot_for(results, model, settings: dict, values: dict[str, str]) -> ReportData:
    """Freeze the case into a :class:`ReportData` with the dialog's fields and overlay settings."""
    return build_snapshot(results, model_info_for(model, settings, values), settings, values)


def _ask_fields(parent, settings: dict, title: str) -> dict[str, str] | None:
    dialog = ReportFieldsDialog(parent, settings, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    values = dialog.values()
    _store_case_text(parent, settings, values)
    return values


def _store_case_text(parent, settings: dict, values: dict[str, str]) -> None:
    """Conclusion and comments typed here are case fields: store them (audited) while the case is not signed."""
    save = settings.get("save_case_text")
    if save is None or settings.get("signed"):
        return
    before = dict(settings.get("case_fields") or {})
    changed = {key: values.get(key, "") for key in TEXT_KEYS if values.get(key, "") != before.get(key, "")}
    if changed:
        save(changed)


def pdf_outcome(data: ReportData, path: Path | None = None) -> tuple:
    """Render ``data`` once; write it to ``path`` when given. ``(path, report id, sha256 of the PDF, bytes)``."""
    import hashlib

    from ..core.atomic import atomic_write_bytes
    from ..core.cases.private import PRIVATE_FILE
    from ..core.report import render_pdf

    pdf = render_pdf(data)
    if path is not None:
        from ..errors import ReportError

        try:
            atomic_write_bytes(path, pdf, PRIVATE_FILE)  # patient data: owner only
        except OSError as exc:
            raise ReportError(translate("ReportDialog", "cannot write the report to %1: %2").replace("%1", str(path))
                              .replace("%2", str(exc.strerror or exc))) from exc
    return path, data.report_id, hashlib.sha256(pdf).hexdigest(), pdf


def _default_name(values: dict[str, str]) -> str:
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in (values.get("specimen_id") or "case"))
    return f"report-{stem}.pdf"


def _start(parent, work, title: str, on_success) -> BackgroundJob:
    """Run ``work`` in a background job; a warning titled ``title`` if it fails, else ``on_success(outcome)``."""
    def done(outcome, error) -> None:  # called by the job's own slot, on the UI thread
        if error is not None:
            QMessageBox.warning(parent, title, describe_error(error))
        else:
            on_success(outcome)

    job = BackgroundJob(work, parent, on_done=done)
    job.start()
    return job


def export_case_pdf(parent, results, model, settings: dict) -> BackgroundJob | None:
    """Ask for the fields and a file name, then write the PDF in a background job (returned; its outcome is the
    path written); None when cancelled. A failure is shown in a message box."""
    title = translate("ReportDialog", "Export PDF report")
    values = _ask_fields(parent, settings, title)
    if values is None:
        return None
    name, _ = QFileDialog.getSaveFileName(parent, translate("ReportDialog", "Save report"), _default_name(values),
                                          translate("ReportDialog", "PDF files (*.pdf)"))
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    if path.is_dir():
        QMessageBox.warning(parent, title, translate("ReportDialog", "%1 is a folder; choose a file name")
                            .replace("%1", str(path)))
        return None
    results, info = list(results), model_info_for(model, settings, values)
    return _start(parent, lambda: pdf_outcome(build_snapshot(results, info, settings, values), path)[:3],
                  title, lambda _written: None)


def print_case(parent, results, model, settings: dict) -> BackgroundJob | None:
    """Ask for the fields, then freeze the report in a background job and show its print preview (printing from
    there); the job, or None when cancelled."""
    title = translate("ReportDialog", "Print report")
    values = _ask_fields(parent, settings, title)
    if values is None:
        return None
    results, info = list(results), model_info_for(model, settings, values)
    on_printed = settings.get("on_printed")
    return _start(parent, lambda: _print_job(results, info, settings, values), title,
                  lambda outcome: print_outcome(parent, outcome, on_printed))


def _print_job(results, info: ModelInfo, settings: dict, values: dict) -> tuple:
    """Freeze the report, render its PDF once and rasterise its pages (pdfium or QtPdf); runs off the UI thread."""
    from .report_print import rasterise

    data = build_snapshot(results, info, settings, values)
    _, report_id, sha256, pdf = pdf_outcome(data)
    return data, {"report_id": report_id, "sha256": sha256}, pdf, rasterise(pdf)


def print_outcome(parent, outcome: tuple, on_printed=None) -> None:
    """Print the job's PDF; ``on_printed(target, identity)`` (report id and sha256) once printed."""
    from .report_print import print_pdf

    data, identity, pdf, pages = outcome
    print_pdf(parent, pdf, pages, translate("ReportDialog", "Print report %1").replace("%1", data.report_id),
              None if on_printed is None else lambda target: on_printed(target, identity))
