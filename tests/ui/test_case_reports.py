"""PDF reports of stored cases made from the window: reviewed classes next to the model's, the case's patient and
specimen fields (read-only in the report dialog), and the sign-off."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.core.report.pdftext import pdf_text
from tests.ui.conftest import answer_review, answer_sign_off, wait_analysed, wait_job
from xincept_desktop.ui.background import BackgroundJob
from xincept_desktop.ui.report_dialog import ReportFieldsDialog

REASON = "Blasts with <fine> chromatin & nucleoli"


@pytest.fixture
def report_dialogs(monkeypatch):
    """Accept the report fields dialog as prefilled, recording its values and which fields were read-only."""
    seen = []

    def fake_exec(dialog):
        seen.append((dialog.values(), {key for key, edit in dialog.edits.items() if edit.isReadOnly()}))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportFieldsDialog, "exec", fake_exec)
    return seen


def export_pdf(window, monkeypatch, qtbot, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.actions["export_pdf"].trigger()
    job, = BackgroundJob.running()
    wait_job(qtbot, job)
    return pdf_text(path.read_bytes())


def override(window, monkeypatch, path, new_class: str, reason: str) -> None:
    window.image_list.select(path)
    answer_review(monkeypatch, new_class, reason)
    window.actions["override_class"].trigger()


def test_report_shows_the_model_and_the_reviewer_class_and_the_case_fields(ready_window, case_folder, qtbot,
                                                                           monkeypatch, tmp_path, report_dialogs,
                                                                           warnings):
    window = ready_window
    folder = case_folder(4)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    window.case.save_details({"patient_id": "P-88", "patient_name": "Omar <b>Saleh</b>",
                              "date_of_birth": "1979-09-30", "specimen_id": "S-5", "collection_date": "2026-02-20"})
    path = folder / "img000.png"
    model_class = window.results[path].label
    new_class = next(name for name in ("Benign", "Early", "Pre", "Pro") if name != model_class)
    override(window, monkeypatch, path, new_class, REASON)
    assert warnings == [] and window.case.image_for(path).overridden

    text = export_pdf(window, monkeypatch, qtbot, tmp_path / "reviewed.pdf")
    assert warnings == []
    assert f"Reviewer's class: {new_class}" in text and f"Model's class: {model_class}" in text
    assert f"Reason: {REASON}" in text
    for expected in ("P-88", "Omar <b>Saleh</b>", "1979-09-30", "S-5", "2026-02-20"):
        assert expected in text, expected
    assert "Signed off" not in text
    values, read_only = report_dialogs[0]
    assert values["patient_id"] == "P-88" and values["dob"] == "1979-09-30"
    assert {"patient_id", "patient_name", "dob", "specimen_id", "collection_date"} <= read_only
    assert "reviewer" not in read_only and "institution" not in read_only

    answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()
    signed = export_pdf(window, monkeypatch, qtbot, tmp_path / "signed.pdf")
    assert "Electronically signed in XIncept by Dr. A (dr.a, hematologist)" in signed
    assert "Meaning of the signature: Reviewed and approved." in signed
    assert window.case.record.signature.content_sha256 in signed
    assert f"Reviewer's class: {new_class}" in signed


def test_case_summary_uses_the_reviewed_class(ready_window, case_folder, qtbot, monkeypatch, warnings):
    window = ready_window
    folder = case_folder(1)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    path = folder / "img000.png"
    model_class = window.results[path].label
    new_class = next(name for name in ("Benign", "Early", "Pre", "Pro") if name != model_class)
    before = window.case_panel.count_labels[new_class].text()
    override(window, monkeypatch, path, new_class, "clear morphology")
    assert before.startswith("0") and window.case_panel.count_labels[new_class].text().startswith("1")
    assert window.case_panel.count_labels[model_class].text().startswith("0")
    assert window.case_panel.review_list.count() == 0  # a reviewed image is not listed for review


def test_report_without_a_stored_case_keeps_fields_editable(make_window, qtbot):
    from xincept_desktop.ui.reports import report_settings

    window = make_window(start=False)
    settings = report_settings(window.prefs, window.controls, window.case.report_context())
    assert "case_id" not in settings  # no stored case yet
    dialog = ReportFieldsDialog(window, settings)
    qtbot.addWidget(dialog)
    assert not any(edit.isReadOnly() for edit in dialog.edits.values())
