"""Export PDF and Print dialogs (offscreen): prefilled fields, written file, errors shown, painted preview."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from tests.core.report.conftest import fake_result
from tests.core.report.pdftext import pdf_text
from tests.ui.conftest import wait_job

NAME = "Ann <b>O'Brien</b> & Co"
MODEL = SimpleNamespace(manifest=SimpleNamespace(name="xincept-all", version="1.0", short_hash="cafe1234"))
SETTINGS = {"institution": "City Lab", "reviewer": "Dr Ñúñez", "opacity": 0.5, "colormap": "viridis",
            "cam_method": "gradcam", "case_fields": {"specimen_id": "S-1"}}


@pytest.fixture
def results(tmp_path):
    out = []
    for i in range(3):
        path = tmp_path / f"img{i}.png"
        Image.fromarray(np.full((90, 120, 3), 60 * i, np.uint8)).save(path)
        out.append(fake_result(path, i % 4, seed=i))
    return out


@pytest.fixture
def accept_with(monkeypatch):
    """Make the fields dialog return at once, with ``fields`` typed over the prefilled values."""
    from PySide6.QtWidgets import QDialog

    from xincept_desktop.ui import report_dialog

    def install(**fields):
        def fake_exec(dialog):
            for key, value in fields.items():
                edit = dialog.edits[key]
                edit.setPlainText(value) if hasattr(edit, "setPlainText") else edit.setText(value)
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(report_dialog.ReportFieldsDialog, "exec", fake_exec)

    return install


def _save_as(monkeypatch, path):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "PDF files (*.pdf)"))


def test_fields_are_prefilled_from_settings_and_case(qtbot):
    from xincept_desktop.ui.report_dialog import ReportFieldsDialog

    dialog = ReportFieldsDialog(None, SETTINGS)
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert values["institution"] == "City Lab" and values["reviewer"] == "Dr Ñúñez" and values["specimen_id"] == "S-1"
    assert values["patient_name"] == ""


def test_export_writes_the_pdf(qtbot, results, accept_with, monkeypatch, tmp_path):
    from xincept_desktop.ui.report_dialog import export_case_pdf

    accept_with(patient_name=NAME, conclusion="Pre-B ALL likely.\nConfirm by flow cytometry.")
    _save_as(monkeypatch, tmp_path / "out" / "case")
    job = wait_job(qtbot, export_case_pdf(None, results, MODEL, SETTINGS))
    written, report_id, sha256 = job.result
    assert written == tmp_path / "out" / "case.pdf" and job.error is None
    assert report_id.startswith("XR-") and hashlib.sha256(written.read_bytes()).hexdigest() == sha256
    text = pdf_text(written.read_bytes())
    for expected in (NAME, "City Lab", "Dr Ñúñez", "S-1", "Confirm by flow cytometry.", "cafe1234", "50 % opacity"):
        assert expected in text


def test_cancelled_save_writes_nothing(qtbot, results, accept_with, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from xincept_desktop.ui.report_dialog import export_case_pdf

    accept_with()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert export_case_pdf(None, results, MODEL, SETTINGS) is None


def test_unwritable_destination_is_shown(qtbot, results, accept_with, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from xincept_desktop.ui.report_dialog import export_case_pdf

    blocker = tmp_path / "file"
    blocker.write_text("x")
    accept_with()
    _save_as(monkeypatch, blocker / "case.pdf")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    job = wait_job(qtbot, export_case_pdf(None, results, MODEL, SETTINGS))
    assert job.result is None
    assert shown and "cannot write the report to" in shown[0]


def test_print_pages_paints_one_sheet_per_page_image(qtbot, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtPrintSupport import QPrinter

    from xincept_desktop.ui.report_print import paint_pages

    pages = []
    for colour in ("red", "blue"):
        image = QImage(200, 280, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        pages.append(image)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "pages.pdf"))
    paint_pages(printer, pages)
    assert len(PdfReader(str(tmp_path / "pages.pdf")).pages) == 2


def print_to_file(monkeypatch, path, titles: list) -> None:
    """The print dialog answers "Print to file (PDF)" with ``path``; its titles are recorded."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    def fake_exec(dialog):
        titles.append(dialog.windowTitle())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(path))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)


def test_print_to_file_gives_the_exported_pdf_itself(qtbot, results, accept_with, monkeypatch, tmp_path):
    from xincept_desktop.ui import report_print
    from xincept_desktop.ui.report_dialog import export_case_pdf, print_case

    accept_with(patient_name=NAME)
    _save_as(monkeypatch, tmp_path / "exported.pdf")
    fixed = {**SETTINGS, "created": datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)}  # one case state, one time
    exported = wait_job(qtbot, export_case_pdf(None, results, MODEL, fixed)).result
    titles, printed = [], []
    print_to_file(monkeypatch, tmp_path / "printed.pdf", titles)
    settings = {**SETTINGS, "on_printed": lambda target, identity: printed.append((target, identity))}
    settings["created"] = fixed["created"]
    wait_job(qtbot, print_case(None, results, MODEL, settings))
    assert titles == [f"Print report {exported[1]}"]
    assert (tmp_path / "printed.pdf").read_bytes() == (tmp_path / "exported.pdf").read_bytes()
    assert printed == [(str(tmp_path / "printed.pdf"), {"report_id": exported[1], "sha256": exported[2]})]


def test_printing_to_a_printer_spools_the_same_pdf(monkeypatch, tmp_path):
    from xincept_desktop.errors import ReportError
    from xincept_desktop.ui import report_print

    spooled = tmp_path / "spooled.pdf"
    lp = tmp_path / "lp"
    lp.write_text(f"#!/bin/sh\ncat > {spooled}\n")
    lp.chmod(0o755)
    monkeypatch.setattr(report_print.shutil, "which", lambda name: str(lp) if name == "lp" else None)
    assert report_print.send_to_cups(b"%PDF-1.4 same bytes", "Ward-3") == "Ward-3"
    assert spooled.read_bytes() == b"%PDF-1.4 same bytes"
    monkeypatch.setattr(report_print.shutil, "which", lambda name: None)
    with pytest.raises(ReportError, match="Export PDF"):
        report_print.send_to_cups(b"%PDF", "Ward-3")


def test_print_pages_are_the_exported_pdf_rasterised_at_300_dpi_at_most(qtbot, results, accept_with, monkeypatch,
                                                                         tmp_path):
    from pypdf import PdfReader

    from xincept_desktop.ui import report_print
    from xincept_desktop.ui.report_dialog import export_case_pdf

    accept_with(patient_name=NAME)
    _save_as(monkeypatch, tmp_path / "exported.pdf")
    wait_job(qtbot, export_case_pdf(None, results, MODEL, SETTINGS))
    pdf = (tmp_path / "exported.pdf").read_bytes()
    pages = report_print.rasterise(pdf, dpi=600)
    assert pages is not None, "pypdfium2 is a dependency: printing always has page images"
    reader = PdfReader(str(tmp_path / "exported.pdf"))
    assert len(pages) == len(reader.pages)
    width_points = float(reader.pages[0].mediabox.width)
    assert abs(pages[0].width() - width_points * 300 / 72) <= 2  # 600 asked, 300 given
    assert not pages[0].isNull() and pages[0].pixelColor(5, 5).name() == "#ffffff"  # a white page margin
