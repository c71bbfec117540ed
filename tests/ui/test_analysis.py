"""Open, analyse, errors, cancel, close during analysis, and a UI thread that never stalls."""

from PySide6.QtCore import QTimer

from tests.ui.conftest import wait_analysed, wait_view
from xincept_desktop.ui.image_list import DONE, ERROR, NOT_ASSESSABLE_MARK, QUEUED


def test_open_folder_analyses_every_image_and_shows_errors(ready_window, case_folder, qtbot):
    window = ready_window
    folder = case_folder(6, bad=1)
    window.open_paths([folder])
    assert window.image_list.count() == 7
    wait_analysed(qtbot, window)
    statuses = {p.name: window.image_list.status(p) for p in window.image_list.paths()}
    assert statuses["broken0.png"] == ERROR
    assert sum(s == DONE for s in statuses.values()) == 6
    assert "error: " in window.image_list.item_text(folder / "broken0.png")
    good = window.results[folder / "img000.png"]
    text = window.image_list.item_text(good.path)
    assert good.label in text and f"{good.confidence:.0%}" in text
    assert (NOT_ASSESSABLE_MARK in text) == (good.in_domain is False)
    assert window.case_panel.totals.text().startswith("6 analysed of 7 images, 1 failed")
    assert window.case_panel.review_list.count() >= 1  # the broken file at least
    assert not window.progress.isVisible()


def test_selected_result_is_shown_with_its_heat_map(ready_window, case_folder, qtbot):
    window = ready_window
    folder = case_folder(4)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    window.image_list.select(folder / "img001.png")
    wait_view(qtbot, window)  # picture and heat map come from background threads
    result = window.results[folder / "img001.png"]
    assert window.result_panel.bars.probabilities == result.probabilities
    confidence = window.result_panel.confidence.text()
    # an out-of-domain result gives its class only as the closest one (issue 19, point 3)
    assert confidence.startswith("Calibrated confidence" if result.in_domain else "Closest class")
    assert window.result_panel.domain.text().endswith("domain")
    assert window.result_panel.domain_reason.text() == result.ood_reason
    assert "tiny-test" in window.result_panel.model_version.text()
    assert not window.viewer.heat_item.pixmap().isNull()
    heat = window.viewer.heat_item  # rendered at view resolution, stretched over the whole image
    assert heat.sceneBoundingRect() == window.viewer.image_item.sceneBoundingRect()


def test_bad_file_selected_shows_its_error(ready_window, case_folder, qtbot):
    window = ready_window
    folder = case_folder(1, bad=1)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    window.image_list.select(folder / "broken0.png")
    wait_view(qtbot, window)
    assert window.result_panel.label.text() == "Not analysed"
    assert "not an image" in window.result_panel.domain_reason.text()
    assert window.viewer.heat_item.pixmap().isNull()


def test_cancel_stops_the_analysis_and_leaves_the_rest_queued(ready_window, case_folder, qtbot):
    window = ready_window
    window.open_paths([case_folder(40)])
    qtbot.waitUntil(lambda: bool(window.results), timeout=60_000)
    window.actions["cancel"].trigger()
    qtbot.waitUntil(lambda: not window.analysis.busy, timeout=10_000)
    statuses = [window.image_list.status(p) for p in window.image_list.paths()]
    assert statuses.count(QUEUED) > 0 and statuses.count(DONE) > 0
    assert not window.progress.isVisible()
    window.actions["analyse"].trigger()  # resume: only what is left is analysed
    wait_analysed(qtbot, window)
    assert len(window.results) == 40


def test_progress_shows_eta(ready_window, case_folder, qtbot):
    window = ready_window
    window.open_paths([case_folder(24)])
    assert window.progress.isVisible() and window.progress.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: "ETA" in window.progress.eta_text and bool(window.results), timeout=60_000)
    wait_analysed(qtbot, window)


def test_close_during_analysis_stops_the_worker(ready_window, case_folder, qtbot):
    """How long closing takes is measured by ``make bench`` (close during analysis)."""
    window = ready_window
    window.open_paths([case_folder(50)])
    qtbot.waitUntil(lambda: bool(window.results), timeout=60_000)
    window.close()
    assert window.controller.thread.isFinished() and not window.worker_stuck


def test_ui_thread_keeps_running_while_50_images_are_analysed(ready_window, case_folder, qtbot):
    """The event loop keeps turning while the worker analyses: a heartbeat timer fires while some results are in
    and others not yet. (The longest gap between its ticks is a figure, printed by ``make bench``, not a test.)"""
    window = ready_window
    folder = case_folder(49, bad=1)
    seen = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: seen.append(len(window.results)))
    heartbeat.start()
    QTimer.singleShot(20, lambda: window.open_paths([folder]))
    qtbot.waitUntil(lambda: window.image_list.count() == 50, timeout=5_000)
    wait_analysed(qtbot, window, timeout=120_000)
    heartbeat.stop()
    assert len(window.results) == 50
    partial = sorted({count for count in seen if 0 < count < 50})
    assert partial, f"the heartbeat never fired between the first and the last result (saw {sorted(set(seen))})"
