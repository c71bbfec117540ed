"""English and Persian ship (issue 19, point 6): the Persian catalogue turns the main window, its menus and panels
Persian and lays them out right to left; a missing catalogue leaves English."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from xincept_desktop.ui.i18n import install_language


@pytest.fixture
def persian(qapp):
    assert install_language(qapp, "fa")
    yield
    install_language(qapp, "en")


def test_persian_window_reads_right_to_left(persian, make_window):
    window = make_window(start=False)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "&\u067e\u0631\u0648\u0646\u062f\u0647"  # &پرونده (File)
    assert window.docks[1].windowTitle() == "\u0646\u062a\u06cc\u062c\u0647"  # نتیجه (Result)
    assert window.empty_state.open_images.text().startswith("\u0628\u0627\u0632")  # باز کردن تصاویر…
    assert "\u062e\u0648\u0646" in window.case_panel.disclaimer.text()  # ...خون‌شناسی... (hematologist)
    assert window.actions["analyse"].text() == "&\u062a\u062d\u0644\u06cc\u0644"  # &تحلیل


def test_english_and_a_missing_catalogue_leave_the_source_texts(qapp, make_window, tmp_path):
    assert not install_language(qapp, "fa", folder=tmp_path)  # no catalogue there
    window = make_window(start=False)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.menuBar().actions()[0].text() == "&File"


def test_the_report_is_asked_for_in_the_chosen_language(make_window):
    from xincept_desktop.ui.reports import report_settings

    window = make_window(start=False)
    window.prefs.language = "fa"
    assert report_settings(window.prefs, window.controls)["language"] == "fa"
