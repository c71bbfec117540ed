"""Closing the window while images are analysed and stored: nothing runs on the closed case database afterwards
(no ``sqlite3.ProgrammingError`` from a slot), and no thread is left running."""

from __future__ import annotations

from xincept_desktop.ui.background import BackgroundJob


def test_late_events_after_close_during_analysis_touch_no_closed_store(ready_window, case_folder, qtbot,
                                                                       monkeypatch):
    window = ready_window
    window.open_paths([case_folder(40)])
    qtbot.waitUntil(lambda: window.case.case_id is not None and bool(window.results), timeout=60_000)
    case_id = window.case.case_id
    window.close()
    assert window.case.closed and window.controller.thread.isFinished() and not window.worker_stuck
    qtbot.wait(200)  # whatever was still queued for the window, its case session and its jobs is delivered

    def closed(*_args, **_kwargs):
        raise AssertionError("the closed case database was used")

    for name in ("case_state", "is_signed", "load_case", "not_analysed", "record_not_analysed", "create_case"):
        monkeypatch.setattr(window.case.store, name, closed, raising=False)
    # what could still arrive late: a stored batch, a case change, the worker's last signals, a file check
    window.case.saved.emit(case_id, 1)
    window.case.changed.emit()
    window.case.reload()
    window.analysis._stopped = True
    window.analysis._on_batch_done(1, list(window.results.values())[:1])  # the worker itself is gone
    window.analysis._on_job_finished(1, True)
    qtbot.wait(50)
    assert not window.actions["sign_off"].isEnabled() and not window.actions["reopen_case"].isEnabled()
    assert [job for job in window.findChildren(BackgroundJob) if job.isRunning()] == []
    assert [job for job in BackgroundJob.running() if job.parent() in (window, window.case)] == []
