"""Work off the UI thread: saving analyses (file hashing) and making reports return at once, report later, and a
window closed while such a job runs waits for it instead of crashing."""

from __future__ import annotations

import hashlib
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.ui.conftest import wait_analysed, wait_job
from xincept_desktop.core.cases import CaseStore
from xincept_desktop.ui.background import BackgroundJob


@pytest.fixture
def gate():
    """An event the patched slow step waits for; opened at teardown so no thread is left blocked."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def slow_hashing(monkeypatch, gate):
    """File hashing in the case store waits for ``gate``; records the threads it ran in."""
    from xincept_desktop.core.cases import store as store_module

    original, threads = store_module.sha256_file, []

    def gated(path):
        threads.append(threading.current_thread())
        assert gate.wait(30), "test never opened the gate"
        return original(path)

    monkeypatch.setattr(store_module, "sha256_file", gated)
    return threads


@pytest.fixture
def slow_snapshot(monkeypatch, gate):
    """Building the report snapshot waits for ``gate``."""
    from xincept_desktop.ui import report_dialog

    original = report_dialog.build_snapshot

    def gated(*args, **kwargs):
        assert gate.wait(30), "test never opened the gate"
        return original(*args, **kwargs)

    monkeypatch.setattr(report_dialog, "build_snapshot", gated)


@pytest.fixture
def export_to(monkeypatch):
    """Accept the report fields dialog as prefilled and save the PDF to the given path."""
    from xincept_desktop.ui import report_dialog

    def install(path):
        monkeypatch.setattr(report_dialog.ReportFieldsDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))

    return install


def open_later(gate, seconds: float = 0.3) -> threading.Timer:
    """Open ``gate`` from another thread while the UI thread is busy closing the window."""
    timer = threading.Timer(seconds, gate.set)
    timer.start()
    return timer


def stored_analyses(db_path, case_id) -> int:
    with CaseStore(db_path) as store:
        return sum(1 for entry in store.audit_log(case_id) if entry.action == "analysis")


# --- BackgroundJob -----------------------------------------------------------------------------------------------

def test_job_reports_result_and_error_on_the_ui_thread(qtbot):
    seen = []
    ok = BackgroundJob(threading.get_ident)
    ok.done.connect(lambda result, error: seen.append((result, error, threading.get_ident())))
    ok.start()
    wait_job(qtbot, ok)
    worker_thread, error, receiver_thread = seen[0]
    assert error is None and worker_thread != receiver_thread == threading.main_thread().ident

    failing = BackgroundJob(lambda: 1 / 0)
    failing.done.connect(lambda result, error: seen.append((result, error)))
    failing.start()
    wait_job(qtbot, failing)
    assert isinstance(seen[1][1], ZeroDivisionError) and seen[1][0] is None


def test_stopped_job_finishes_its_work_and_reports_nothing(qtbot, gate):
    done, seen = [], []
    job = BackgroundJob(lambda: gate.wait(30) and done.append(True))
    job.done.connect(lambda *outcome: seen.append(outcome))
    job.start()
    open_later(gate, 0.2)
    job.stop()
    qtbot.wait(50)
    assert done == [True] and seen == [] and job not in BackgroundJob.running()


# --- saving analyses ---------------------------------------------------------------------------------------------

def test_save_results_returns_at_once_and_saved_arrives_later(ready_window, case_folder, qtbot, gate, slow_hashing):
    window = ready_window
    gate.set()  # the first analysis is saved normally
    window.open_paths([case_folder(2)])
    wait_analysed(qtbot, window)
    case_id = window.case.case_id
    gate.clear()

    saved, ticks = [], []
    window.case.saved.connect(lambda *args: saved.append(args))
    assert window.case.save_results(list(window.results.values()), window.model) == 2
    assert not gate.is_set()  # save_results returned while the hashing still waits for the gate
    assert window.case.saving and not window.actions["sign_off"].isEnabled()

    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.wait(300)
    assert ticks and saved == []  # the event loop keeps running while the files wait to be hashed
    assert slow_hashing[-1] is not threading.main_thread()

    with qtbot.waitSignal(window.case.saved, timeout=30_000):
        gate.set()
    timer.stop()
    assert saved == [(case_id, 2)] and not window.case.saving
    assert window.actions["sign_off"].isEnabled()
    assert stored_analyses(window.case.db_path, case_id) == 4


def test_closing_while_saving_waits_for_the_save(ready_window, case_folder, qtbot, gate, slow_hashing):
    window = ready_window
    window.open_paths([case_folder(2)])
    qtbot.waitUntil(lambda: window.case.saving, timeout=60_000)  # analysed; the hashing waits for the gate
    case_id, db_path = window.case.case_id, window.case.db_path
    saved = []
    window.case.saved.connect(lambda *args: saved.append(args))
    open_later(gate)
    window.close()
    qtbot.wait(100)
    assert saved == []  # nothing is reported to a closed window...
    assert stored_analyses(db_path, case_id) == 2  # ...but the results are in the store


# --- reports -----------------------------------------------------------------------------------------------------

def test_export_pdf_returns_at_once_and_reports_when_written(ready_window, case_folder, qtbot, gate, slow_snapshot,
                                                            export_to, tmp_path, warnings):
    window = ready_window
    window.open_paths([case_folder(2)])
    wait_analysed(qtbot, window)
    target = tmp_path / "report.pdf"
    export_to(target)
    window.actions["export_pdf"].trigger()
    jobs = BackgroundJob.running()
    assert len(jobs) == 1 and not target.exists()  # the snapshot waits for the gate; the UI thread does not
    assert "Preparing the report" in window.statusBar().currentMessage()
    gate.set()
    wait_job(qtbot, jobs[0])
    assert target.read_bytes().startswith(b"%PDF") and warnings == []
    assert f"written to {target}" in window.statusBar().currentMessage()
    with CaseStore(window.case.db_path) as store:
        exports = [e.details for e in store.audit_log(window.case.case_id) if e.action == "export"]
    report_id = jobs[0].result[1]
    assert f"Report {report_id} written" in window.statusBar().currentMessage()
    assert exports == [{"kind": "pdf", "path": str(target), "report_id": report_id,
                        "sha256": hashlib.sha256(target.read_bytes()).hexdigest()}]


def test_closing_while_a_report_is_made_waits_and_shows_nothing(ready_window, case_folder, qtbot, gate,
                                                                slow_snapshot, export_to, tmp_path, warnings,
                                                                monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    previews = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: previews.append(self) or 0)
    window = ready_window
    window.open_paths([case_folder(1)])
    wait_analysed(qtbot, window)
    target = tmp_path / "late.pdf"
    export_to(target)
    window.actions["export_pdf"].trigger()
    window.actions["print"].trigger()
    jobs = BackgroundJob.running()
    assert len(jobs) == 2
    open_later(gate)
    window.close()
    assert all(job.isFinished() for job in jobs)
    qtbot.wait(100)
    assert target.is_file()  # the PDF asked for is still written
    assert previews == [] and warnings == []  # but no dialog pops up for a closed window
