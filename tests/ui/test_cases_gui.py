"""The case store in the GUI: analyses saved, cases re-opened without recomputing, override, sign-off, export."""

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from tests.ui.conftest import answer_review, answer_sign_off, wait_analysed
from xincept_desktop.core.cases import CaseStore
from xincept_desktop.ui.case_browser import CaseBrowser
from xincept_desktop.ui.image_list import DONE


def answer_override(monkeypatch, new_class: str, reason: str) -> None:
    answer_review(monkeypatch, new_class, reason)


def analysed_window(ready_window, case_folder, qtbot, n=4):
    window = ready_window
    folder = case_folder(n)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    return window, folder


def other_class(label: str) -> str:
    return next(name for name in ("Benign", "Early", "Pre", "Pro") if name != label)


def test_analysis_is_saved_into_a_new_case(ready_window, case_folder, qtbot, isolated_data_dir):
    window, folder = analysed_window(ready_window, case_folder, qtbot)
    assert window.case.store.path == isolated_data_dir / "cases.sqlite3"
    case_id = window.case.case_id
    assert case_id is not None
    with CaseStore(isolated_data_dir / "cases.sqlite3") as store:
        entries = store.list_cases()
        assert [e.case_id for e in entries] == [case_id] and entries[0].image_count == 4
        record = store.load_case(case_id, verify_files=False)
    assert {Path(r.path) for r in record.results} == set(window.image_list.paths())
    assert "Case" in window.case_panel.case_status.text()
    assert window.actions["sign_off"].isEnabled() and window.actions["override_class"].isEnabled()


def test_open_case_shows_stored_labels_without_analysing(ready_window, case_folder, qtbot, monkeypatch,
                                                         make_window, tiny_model):
    window, folder = analysed_window(ready_window, case_folder, qtbot)
    labels = {p: window.results[p].label for p in window.image_list.paths()}
    case_id = window.case.case_id
    window.close()

    second = make_window(model=tiny_model)
    qtbot.waitUntil(lambda: second.model is not None, timeout=10_000)
    analysed = []
    monkeypatch.setattr(second.controller, "analyse", lambda paths: analysed.append(paths) or 0)
    monkeypatch.setattr(CaseBrowser, "choose", classmethod(lambda cls, store, parent=None: case_id))
    second.actions["open_case"].trigger()
    assert analysed == []
    assert {p: second.results[p].label for p in second.image_list.paths()} == labels
    assert all(second.image_list.status(p) == DONE for p in second.image_list.paths())
    assert second.results[folder / "img000.png"].cams  # heat maps come back too
    second.actions["analyse"].trigger()  # nothing left to analyse
    assert analysed == []
    qtbot.waitUntil(lambda: not second.case._checks, timeout=10_000)
    assert second.case.file_problems == []


def test_open_case_reports_a_changed_file(ready_window, case_folder, qtbot, monkeypatch):
    window, folder = analysed_window(ready_window, case_folder, qtbot)
    case_id = window.case.case_id
    (folder / "img001.png").write_bytes((folder / "img002.png").read_bytes())
    monkeypatch.setattr(CaseBrowser, "choose", classmethod(lambda cls, store, parent=None: case_id))
    window.actions["open_case"].trigger()
    qtbot.waitUntil(lambda: bool(window.case.file_problems), timeout=10_000)
    assert "img001.png" in window.case_panel.case_status.text()
    assert "changed" in window.case_panel.case_status.text()


def test_override_then_sign_off_then_refused(ready_window, case_folder, qtbot, monkeypatch, warnings):
    window, folder = analysed_window(ready_window, case_folder, qtbot)
    path = folder / "img000.png"
    window.image_list.select(path)
    new_class = other_class(window.results[path].label)
    answer_override(monkeypatch, new_class, "nuclear detail")
    window.actions["override_class"].trigger()
    assert warnings == []
    image = window.case.image_for(path)
    assert image.overridden and image.reviewed_class == new_class
    assert f"reviewed: {new_class}" in window.image_list.item_text(path)
    assert "nuclear detail" in window.result_panel.review.text()

    answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()
    assert window.case.signed and "signed by" in window.case_panel.case_status.text()
    assert not window.actions["override_class"].isEnabled() and window.actions["reopen_case"].isEnabled()

    window.image_list.select(folder / "img001.png")
    answer_override(monkeypatch, other_class(window.results[folder / "img001.png"].label), "late change")
    window.case_actions.override()  # even if called directly, the store refuses
    assert len(warnings) == 1 and "sign" in warnings[0][1].lower()
    assert not window.case.image_for(folder / "img001.png").overridden

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("flow result came late", True))
    window.actions["reopen_case"].trigger()
    assert not window.case.signed and window.actions["override_class"].isEnabled()


def test_override_without_reason_is_refused(ready_window, case_folder, qtbot, monkeypatch, warnings):
    window, folder = analysed_window(ready_window, case_folder, qtbot, n=1)
    path = folder / "img000.png"
    window.image_list.select(path)
    wanted = other_class(window.results[path].label)
    shown = answer_review(monkeypatch, wanted, "")
    window.actions["override_class"].trigger()
    assert not window.case.image_for(path).overridden
    assert shown[0].result() != shown[0].DialogCode.Accepted and shown[0].error.isVisibleTo(shown[0])
    assert shown[0].chosen() == wanted  # the choice stays as it was


def test_export_writes_csv_and_json(ready_window, case_folder, qtbot, monkeypatch, tmp_path, warnings):
    window, folder = analysed_window(ready_window, case_folder, qtbot)
    for kind in ("csv", "json"):
        target = tmp_path / f"out.{kind}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        window.actions[f"export_case_{kind}"].trigger()
        assert target.is_file() and target.stat().st_size > 0
    assert warnings == []
    rows = list(csv.reader((tmp_path / "out.csv").open(encoding="utf-8")))
    assert sum("img000.png" in ",".join(row) for row in rows) == 1
    assert "img000.png" in json.dumps(json.loads((tmp_path / "out.json").read_text(encoding="utf-8")))
    with CaseStore(window.case.db_path) as store:
        assert [e.action for e in store.audit_log(window.case.case_id)].count("export") == 2


def test_new_case_starts_another_stored_case(ready_window, case_folder, qtbot):
    window, _ = analysed_window(ready_window, case_folder, qtbot, n=1)
    first = window.case.case_id
    window.actions["new_case"].trigger()
    assert window.case.case_id is None and not window.actions["sign_off"].isEnabled()
    window.open_paths([case_folder(2)])
    wait_analysed(qtbot, window)
    assert window.case.case_id not in (None, first)


def test_unusable_database_leaves_the_window_working(make_window, tiny_model, qtbot, monkeypatch, tmp_path,
                                                     case_folder, warnings):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("XINCEPT_DATA_DIR", str(blocker))
    window = make_window(model=tiny_model)
    qtbot.waitUntil(lambda: window.model is not None, timeout=10_000)
    assert window.case.open_error
    window.open_paths([case_folder(1)])
    wait_analysed(qtbot, window)
    assert window.case.case_id is None and len(window.results) == 1
    window.actions["open_case"].trigger()
    assert len(warnings) == 1 and "not available" in warnings[0][1]
