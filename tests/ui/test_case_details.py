"""Case Details: patient and specimen fields, conclusion and comments typed into the dialog, stored, audited,
found by the case browser, shown in the case panel, and read-only while the case is signed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from tests.ui.conftest import answer_sign_off, wait_analysed
from xincept_desktop.core.cases import CaseStore
from xincept_desktop.ui.case_browser import CaseBrowser
from xincept_desktop.ui.case_details import CaseDetailsDialog

DETAILS = {"patient_id": "P-2031", "patient_name": "Leila Haddad", "date_of_birth": "1988-04-12", "sex": "F",
           "specimen_id": "S-77/26", "specimen_type": "Bone marrow aspirate", "collection_date": "2026-02-27",
           "requesting_physician": "Dr. Okafor", "conclusion": "Pre-B ALL <b>likely</b>",
           "comments": "Flow cytometry pending"}


@pytest.fixture
def type_details(monkeypatch, qtbot):
    """Make the Case Details dialog, when shown, get ``values`` typed into it and Save clicked; records the
    prefilled values of every dialog shown."""
    def install(**values):
        shown = []

        def fake_exec(dialog):
            shown.append(dialog.values())
            for name, text in values.items():
                dialog.edits[name].clear()
                qtbot.keyClicks(dialog.edits[name], text)
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
            return dialog.result()

        monkeypatch.setattr(CaseDetailsDialog, "exec", fake_exec)
        return shown

    return install


def browser_rows(store, qtbot, search: str) -> list[str]:
    browser = CaseBrowser(store)
    qtbot.addWidget(browser)
    browser.search.setText(search)
    browser.refresh()
    return [browser.table.item(row, 0).text() for row in range(browser.table.rowCount())]


def test_details_of_an_analysed_case_are_stored_audited_and_searchable(ready_window, case_folder, qtbot,
                                                                        type_details, warnings):
    window = ready_window
    window.open_paths([case_folder(2)])
    wait_analysed(qtbot, window)
    case_id = window.case.case_id
    assert browser_rows(window.case.store, qtbot, "P-2031") == []  # nothing to find before the details

    prefilled = type_details(**DETAILS)
    window.actions["case_details"].trigger()
    assert warnings == [] and prefilled == [{name: "" for name in DETAILS}]
    assert window.case.case_id == case_id and window.case.fields().as_dict() == DETAILS
    assert "P-2031 Leila Haddad" in window.case_panel.case_status.text()
    assert "Conclusion: Pre-B ALL <b>likely</b>" in window.case_panel.conclusion.text()
    assert "Flow cytometry pending" in window.case_panel.conclusion.text()

    assert browser_rows(window.case.store, qtbot, "p-2031") == ["P-2031"]
    assert browser_rows(window.case.store, qtbot, "haddad leila") == ["P-2031"]
    assert browser_rows(window.case.store, qtbot, "someone else") == []
    with CaseStore(window.case.db_path) as store:
        update = [e for e in store.audit_log(case_id) if e.action == "update_case"]
        assert len(update) == 1 and update[0].details["changes"]["patient_id"] == ["", "P-2031"]
        assert update[0].details["changes"]["conclusion"] == ["", "Pre-B ALL <b>likely</b>"]
        assert store.load_case(case_id, verify_files=False).fields.specimen_id == "S-77/26"

    prefilled = type_details(patient_name="Leila B. Haddad")
    window.actions["case_details"].trigger()
    assert prefilled[0] == DETAILS  # the dialog opens with the stored values
    assert window.case.fields().patient_name == "Leila B. Haddad"


def test_details_before_any_analysis_start_the_case(make_window, qtbot, type_details, warnings):
    window = make_window(start=False)
    assert window.case.case_id is None and window.actions["case_details"].isEnabled()
    type_details(patient_id="P-1", patient_name="Sam")
    window.actions["case_details"].trigger()
    assert warnings == [] and window.case.case_id is not None
    assert browser_rows(window.case.store, qtbot, "sam") == ["P-1"]


def test_signed_case_opens_details_read_only(ready_window, case_folder, qtbot, monkeypatch, type_details,
                                             warnings):
    window = ready_window
    window.open_paths([case_folder(1)])
    wait_analysed(qtbot, window)
    type_details(patient_id="P-9", conclusion="Early pre-B")
    window.actions["case_details"].trigger()
    answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()
    assert window.case.signed and window.actions["case_details"].isEnabled()

    shown = []

    def look(dialog):
        shown.append(dialog)
        for edit in dialog.edits.values():
            edit.setPlainText("changed") if hasattr(edit, "setPlainText") else edit.setText("changed")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CaseDetailsDialog, "exec", look)
    window.actions["case_details"].trigger()
    dialog = shown[0]
    assert dialog.read_only and "read-only" in dialog.windowTitle()
    assert all(edit.isReadOnly() for edit in dialog.edits.values())
    assert dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save) is None
    assert warnings == []
    assert (window.case.fields().patient_id, window.case.fields().conclusion) == ("P-9", "Early pre-B")


def test_bad_date_keeps_the_dialog_open_with_the_reason(qtbot):
    dialog = CaseDetailsDialog({"patient_id": "P-1"})
    qtbot.addWidget(dialog)
    assert dialog.edits["collection_date"].placeholderText() == "YYYY-MM-DD"
    dialog.edits["collection_date"].setText("27/02/2026")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "collection date" in dialog.error.text() and "YYYY-MM-DD" in dialog.error.text()
    dialog.edits["collection_date"].setText("2026-02-27")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.values()["patient_id"] == "P-1"


def test_cancelled_dialog_changes_nothing(make_window, monkeypatch):
    window = make_window(start=False)
    monkeypatch.setattr(CaseDetailsDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    window.actions["case_details"].trigger()
    assert window.case.case_id is None
