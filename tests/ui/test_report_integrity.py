"""One report for a stored case: the same case state gives the same report ID in Export and Print (both audited
with the PDF's sha256), each image names the model that analysed it, a changed file is printed without its picture,
excluded images leave the counts, conclusion and comments are case fields, overlays use the report's own settings."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.accounts import people
from tests.core.report.pdftext import pdf_text
from tests.ui.conftest import answer_review, answer_sign_off, wait_analysed, wait_job
from xincept_desktop.core.case_summary import EXCLUDED
from xincept_desktop.core.cases import CaseStore
from xincept_desktop.ui.background import BackgroundJob
from xincept_desktop.ui.report_dialog import ReportFieldsDialog


@pytest.fixture
def report_dialogs(monkeypatch):
    """Accept the report dialog, typing ``typed[key]`` over its fields; records each dialog shown."""
    seen, typed = [], {}

    def fake_exec(dialog):
        seen.append(dialog)
        for key, value in typed.items():
            edit = dialog.edits[key]
            if not edit.isReadOnly():
                edit.setPlainText(value) if hasattr(edit, "setPlainText") else edit.setText(value)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportFieldsDialog, "exec", fake_exec)
    return seen, typed


def export_pdf(window, monkeypatch, qtbot, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.actions["export_pdf"].trigger()
    job, = BackgroundJob.running()
    wait_job(qtbot, job)
    assert job.error is None, job.error
    return job.result


def print_report(window, monkeypatch, qtbot, path=None):
    """Print to a PDF file (``path``, default beside the test's files); returns ``(report data, identity)``."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    def to_file(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(path or window.case.db_path.parent / "printed.pdf"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", to_file)
    window.actions["print"].trigger()
    job, = BackgroundJob.running()
    wait_job(qtbot, job)
    assert job.error is None, job.error
    return job.result[:2]


def audit(window, action):
    with CaseStore(window.case.db_path) as store:
        return [e.details for e in store.audit_log(window.case.case_id) if e.action == action]


def test_export_and_print_of_the_same_signed_case_share_the_report_id(ready_window, case_folder, qtbot,
                                                                      monkeypatch, tmp_path, report_dialogs,
                                                                      warnings):
    window = ready_window
    window.open_paths([case_folder(2)])
    wait_analysed(qtbot, window)
    window.case.save_details({"patient_id": "P-7", "patient_name": "N. N."})
    answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()

    first = export_pdf(window, monkeypatch, qtbot, tmp_path / "a.pdf")
    second = export_pdf(window, monkeypatch, qtbot, tmp_path / "b.pdf")
    data, identity = print_report(window, monkeypatch, qtbot, tmp_path / "printed.pdf")
    assert first[1] == second[1] == data.report_id == identity["report_id"]
    assert (tmp_path / "printed.pdf").read_bytes() == (tmp_path / "a.pdf").read_bytes()  # the same pages
    assert identity["sha256"] == first[2] == hashlib.sha256((tmp_path / "a.pdf").read_bytes()).hexdigest()
    exports = audit(window, "export")
    assert [e["report_id"] for e in exports] == [first[1], first[1]] and exports[0]["sha256"] == first[2]
    printed, = audit(window, "print")
    assert printed["report_id"] == first[1] and printed["sha256"] == first[2] and printed["kind"] == "print"
    assert printed["path"] == str(tmp_path / "printed.pdf")
    assert warnings == []


def test_report_names_the_model_per_image_and_drops_changed_pictures(ready_window, case_folder, qtbot,
                                                                     monkeypatch, tmp_path, report_dialogs):
    window = ready_window
    folder = case_folder(3)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    (folder / "img001.png").write_bytes((folder / "img002.png").read_bytes())
    (folder / "img002.png").unlink()
    path, _, _ = export_pdf(window, monkeypatch, qtbot, tmp_path / "r.pdf")
    text = pdf_text(path.read_bytes())
    model = window.model
    assert model.manifest.short_hash in model.version_label  # the label carries the hash: printed once
    assert text.count(f"Analysed by model {model.version_label}") == 3
    assert "changed since it was analysed" in text and "The image file is gone" in text
    data, _ = print_report(window, monkeypatch, qtbot)
    entries = {entry.file_name: entry for entry in data.images}
    assert entries["img000.png"].thumbnail_png and not entries["img000.png"].file_warning
    assert entries["img001.png"].thumbnail_png is None and entries["img001.png"].overlay_png is None
    assert entries["img002.png"].thumbnail_png is None and entries["img001.png"].label  # stored result kept


def test_excluded_image_is_listed_but_left_out_of_the_report_counts(ready_window, case_folder, qtbot,
                                                                     monkeypatch, tmp_path, report_dialogs):
    window = ready_window
    folder = case_folder(4)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    window.image_list.select(folder / "img000.png")
    answer_review(monkeypatch, EXCLUDED, "smudge cell")
    window.actions["override_class"].trigger()
    data, _ = print_report(window, monkeypatch, qtbot)
    assert sum(count for _, count in data.summary.counts) == 3 and data.summary.excluded == 1
    path, _, _ = export_pdf(window, monkeypatch, qtbot, tmp_path / "x.pdf")
    text = " ".join(pdf_text(path.read_bytes()).split())  # the result column wraps lines
    assert "Exclude: not a lymphoblast / unusable image" in text and "Reason: smudge cell" in text
    assert "Excluded by the reviewer" in text


def test_conclusion_typed_in_the_report_dialog_is_stored_then_read_only_once_signed(ready_window, case_folder,
                                                                                   qtbot, monkeypatch, tmp_path,
                                                                                   report_dialogs):
    seen, typed = report_dialogs
    window = ready_window
    window.open_paths([case_folder(1)])
    wait_analysed(qtbot, window)
    typed.update(conclusion="Pre-B ALL <likely>", comments="Flow pending")
    text = pdf_text(export_pdf(window, monkeypatch, qtbot, tmp_path / "c.pdf")[0].read_bytes())
    assert "Pre-B ALL <likely>" in text and "Flow pending" in text
    assert window.case.fields().conclusion == "Pre-B ALL <likely>"
    assert "Conclusion: Pre-B ALL <likely>" in window.case_panel.conclusion.text()
    assert any(e["changes"].get("conclusion") == ["", "Pre-B ALL <likely>"] for e in audit(window, "update_case"))

    answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()
    typed.update(conclusion="changed after signing")
    data, _ = print_report(window, monkeypatch, qtbot)
    assert seen[-1].edits["conclusion"].isReadOnly() and data.review.conclusion == "Pre-B ALL <likely>"
    assert window.case.fields().conclusion == "Pre-B ALL <likely>"


def test_report_overlay_uses_the_preferences_not_the_screen(ready_window, case_folder, qtbot, monkeypatch,
                                                            tmp_path, report_dialogs):
    seen, _ = report_dialogs
    window = ready_window
    window.open_paths([case_folder(1)])
    wait_analysed(qtbot, window)
    window.controls.opacity_slider.setValue(87)
    assert abs(window.controls.opacity - 0.87) < 1e-6
    data, _ = print_report(window, monkeypatch, qtbot)
    assert data.model.opacity == pytest.approx(window.prefs.opacity)
    assert data.model.colormap == window.prefs.colormap
    assert seen[-1].opacity.value() == pytest.approx(window.prefs.opacity)  # shown in the report dialog
    seen[-1].opacity.setValue(0.25)
    assert seen[-1].values()["opacity"] == "0.25"


def test_report_of_a_case_signed_again_after_reopening_says_amended(ready_window, case_folder, qtbot, monkeypatch,
                                                                   tmp_path, report_dialogs):
    from PySide6.QtWidgets import QInputDialog

    window = ready_window
    window.open_paths([case_folder(1)])
    wait_analysed(qtbot, window)
    answer_sign_off(monkeypatch)  # Dr. A, signed in
    window.actions["sign_off"].trigger()
    signed_once = export_pdf(window, monkeypatch, qtbot, tmp_path / "1.pdf")
    assert "Amended" not in pdf_text(signed_once[0].read_bytes())
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("late flow result", True))
    window.actions["reopen_case"].trigger()
    reopened = export_pdf(window, monkeypatch, qtbot, tmp_path / "reopened.pdf")
    text = " ".join(pdf_text(reopened[0].read_bytes()).split())
    assert "Not signed: the case was re-opened after its sign-off, which is void" in text
    assert "Void sign-off: Dr. A" in text and "Electronically signed" not in text
    window.sign_in(people(window.case.store).dr_b)
    answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()
    amended = export_pdf(window, monkeypatch, qtbot, tmp_path / "2.pdf")
    text = " ".join(pdf_text(amended[0].read_bytes()).split())
    assert "Amended report. Electronically signed in XIncept by Dr. B (dr.b, hematologist)" in text
    assert "Earlier sign-off: Dr. A" in text and "late flow result (signature void)" in text
    assert amended[1] != signed_once[1]  # another case state, another report ID


def test_report_of_a_stopped_analysis_lists_the_images_not_analysed(make_window, tiny_model, case_folder, qtbot,
                                                                     monkeypatch, tmp_path, report_dialogs):
    from tests.gated_model import GatedModel

    gate = GatedModel(tiny_model, allow=1)
    window = make_window(model=gate)
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    try:
        window.open_paths([case_folder(12)])
        qtbot.waitUntil(lambda: len(window.case.image_ids) == 4, timeout=60_000)
        window.actions["cancel"].trigger()
    finally:
        gate.release()
    qtbot.waitUntil(lambda: not window.analysis.busy and not window.case.saving and bool(window.case.not_analysed),
                    timeout=60_000)
    data, _ = print_report(window, monkeypatch, qtbot)
    assert data.not_analysed == tuple(f"img{i:03d}.png" for i in range(8, 12))
    text = " ".join(pdf_text(export_pdf(window, monkeypatch, qtbot, tmp_path / "s.pdf")[0].read_bytes()).split())
    assert "4 image(s) of this case were not analysed" in text and "img011.png" in text
