"""The case browser dialog: lists cases, filters by patient id, name and date, returns the chosen case id."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from xincept_desktop.core.cases import CaseStore
from xincept_desktop.errors import CaseStoreError
from xincept_desktop.ui.case_browser import COLUMNS, CaseBrowser, local_time
from tests.accounts import people, sign


@pytest.fixture
def store(tmp_path):
    ticks = iter(range(10**6))

    def clock():  # one second per call, so "newest change first" is deterministic
        return datetime(2026, 3, 1, tzinfo=timezone.utc) + timedelta(seconds=next(ticks))

    with CaseStore(tmp_path / "cases.sqlite3", clock=clock) as opened:
        yield opened


@pytest.fixture
def cases(store):
    team = people(store)
    ids = {
        "sara": store.create_case({"patient_name": "Sara Ahmadi", "patient_id": "P-100", "specimen_id": "S-1",
                                   "collection_date": "2026-02-27"}, user=team.tech),
        "reza": store.create_case({"patient_name": "Reza Karimi", "patient_id": "P-200",
                                   "collection_date": "2026-01-10"}, user=team.tech),
        "zahra": store.create_case({"patient_name": "\u0632\u0647\u0631\u0627", "patient_id": "Q-7",
                                    "collection_date": "2025-12-31"}, user=team.tech),
    }
    sign(store, ids["reza"], team.dr_a)
    return ids


@pytest.fixture
def browser(qtbot, store, cases):
    dialog = CaseBrowser(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def column(dialog, name):
    index = COLUMNS.index(name)
    return [dialog.table.item(row, index).text() for row in range(dialog.table.rowCount())]


def open_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Open)


def test_lists_every_case_with_status(browser, cases):
    assert column(browser, "Patient ID") == ["P-200", "Q-7", "P-100"]  # newest change first
    status = dict(zip(column(browser, "Patient ID"), column(browser, "Status")))
    assert status == {"P-100": "open", "P-200": "signed by Dr. A", "Q-7": "open"}
    assert browser.status.text() == "3 cases"
    assert browser.selected_case_id() == cases["reza"]  # the first row is preselected
    assert open_button(browser).isEnabled()


def test_typing_filters_by_id_or_name_after_a_pause(browser, qtbot, cases):
    qtbot.keyClicks(browser.search, "ahm")
    qtbot.waitUntil(lambda: browser.table.rowCount() == 1, timeout=3000)
    assert column(browser, "Patient name") == ["Sara Ahmadi"]
    browser.search.setText("\u0632\u0647\u0631")
    browser.refresh()
    assert column(browser, "Patient ID") == ["Q-7"] and browser.selected_case_id() == cases["zahra"]
    browser.search.setText("nobody")
    browser.refresh()
    assert browser.table.rowCount() == 0 and browser.status.text() == "No case matches."
    assert browser.selected_case_id() is None and not open_button(browser).isEnabled()


def test_date_range_filters_on_collection_date(browser):
    assert not browser.date_from.isEnabled()
    browser.date_from.setDate(QDate(2026, 1, 1))
    browser.date_to.setDate(QDate(2026, 1, 31))
    assert browser.table.rowCount() == 3  # dates not used yet
    browser.use_dates.setChecked(True)
    assert browser.date_from.isEnabled() and column(browser, "Patient ID") == ["P-200"]
    browser.date_to.setDate(QDate(2026, 3, 1))
    assert sorted(column(browser, "Patient ID")) == ["P-100", "P-200"]


def test_clicking_a_header_sorts_and_keeps_ids_with_rows(browser, cases):
    browser.table.sortByColumn(COLUMNS.index("Patient ID"), Qt.SortOrder.AscendingOrder)
    assert column(browser, "Patient ID") == ["P-100", "P-200", "Q-7"]
    browser.table.selectRow(0)
    assert browser.selected_case_id() == cases["sara"]


def test_double_click_accepts_the_clicked_case(browser, qtbot, cases):
    row = column(browser, "Patient ID").index("Q-7")
    rect = browser.table.visualItemRect(browser.table.item(row, 0))
    with qtbot.waitSignal(browser.accepted, timeout=3000):
        qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert browser.result() == QDialog.DialogCode.Accepted and browser.selected_case_id() == cases["zahra"]


def test_accept_without_a_selection_does_nothing(browser):
    browser.table.clearSelection()
    browser.accept()
    assert browser.isVisible() and browser.selected_case_id() is None


def test_choose_returns_the_id_or_none(store, cases, monkeypatch):
    monkeypatch.setattr(CaseBrowser, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert CaseBrowser.choose(store) == cases["reza"]
    monkeypatch.setattr(CaseBrowser, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert CaseBrowser.choose(store) is None


def test_store_errors_are_shown_not_raised(qtbot):
    class Broken:
        def list_cases(self, *args):
            raise CaseStoreError("database is locked")

    dialog = CaseBrowser(Broken())
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and "database is locked" in dialog.status.text()


def test_local_time_reads_utc_and_tolerates_junk():
    moment = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)
    assert local_time(moment.isoformat()) == moment.astimezone().strftime("%Y-%m-%d %H:%M")
    assert local_time("yesterday") == "yesterday"


def test_check_signatures_marks_a_case_changed_in_the_database_file(browser, store, cases, tmp_path):
    import sqlite3

    browser.check_button.click()
    assert browser.status.text() == "1 signed case(s) checked: all match their signature"
    raw = sqlite3.connect(tmp_path / "cases.sqlite3")
    raw.execute("DROP TRIGGER signed_case_update")
    raw.execute("UPDATE cases SET patient_name = 'Someone Else' WHERE id = ?", (cases["reza"],))
    raw.commit()
    raw.close()
    browser.check_button.click()
    assert browser.status.text() == "1 signed case(s) checked: 1 no longer match their signature (marked)"
    status = dict(zip(column(browser, "Patient ID"), column(browser, "Status")))
    assert status["P-200"] == "SIGNATURE MISMATCH \u2014 signed by Dr. A" and status["P-100"] == "open"


def test_no_check_button_for_a_store_that_cannot_verify(qtbot):
    class Plain:
        def list_cases(self, *args):
            return []

    dialog = CaseBrowser(Plain())
    qtbot.addWidget(dialog)
    assert dialog.check_button is None
