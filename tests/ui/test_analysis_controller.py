"""The analysis bookkeeping without a window: jobs, the run's progress, saving each batch, cancelling, idle."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from xincept_desktop.ui.analysis_controller import AnalysisController
from xincept_desktop.ui.case_session import CaseSession
from xincept_desktop.ui.settings import Preferences
from xincept_desktop.ui.worker import WorkerController


class Owner(QObject):
    """What a case session needs of its owner: the preferences (the reviewer's name)."""

    def __init__(self):
        super().__init__()
        self.prefs = Preferences(reviewer="tester")


@pytest.fixture
def controller(qtbot, tmp_path, tiny_model):
    owner = Owner()
    workers = WorkerController(owner)
    case = CaseSession(owner, tmp_path / "cases.sqlite3")
    analysis = AnalysisController(workers, case, owner)
    ready = []
    workers.worker.model_ready.connect(ready.append)  # the worker traces the model in its thread first
    workers.use_model(tiny_model)
    qtbot.waitUntil(lambda: bool(ready), timeout=60_000)
    events = []
    analysis.run_grew.connect(lambda total: events.append(("total", total)))
    analysis.result_ready.connect(lambda result, done: events.append(("result", done)))
    analysis.job_unfinished.connect(lambda paths: events.append(("unfinished", len(paths))))
    analysis.run_finished.connect(lambda cancelled: events.append(("finished", cancelled)))
    analysis.idle.connect(lambda stopped: events.append(("idle", stopped)))
    yield analysis, events
    workers.shutdown(10_000)
    case.close()


def test_images_asked_for_before_the_model_run_once_it_is_ready_and_are_stored(controller, tiny_model,
                                                                               case_folder, qtbot):
    analysis, events = controller
    paths = sorted(case_folder(5).glob("*.png"))
    analysis.queue(paths)
    assert not analysis.busy and events == []  # no model yet
    analysis.set_model(tiny_model)
    assert analysis.busy and analysis.in_flight() == set(paths) and events == [("total", 5)]
    qtbot.waitUntil(lambda: ("idle", False) in events, timeout=60_000)
    assert [e for e in events if e[0] == "result"] == [("result", n) for n in range(1, 6)]
    assert ("unfinished", 0) in events and ("finished", False) in events and not analysis.busy
    assert len(analysis.case.record.images) == 5  # every batch stored in the case before idle


def test_cancel_stops_at_a_batch_reports_the_rest_and_runs_what_waited(controller, tiny_model, case_folder,
                                                                       qtbot):
    analysis, events = controller
    analysis.set_model(tiny_model)
    waited = []
    analysis.analyse(sorted(case_folder(20).glob("*.png")))
    analysis.run_when_idle(lambda: waited.append(len(events)))
    assert analysis.cancel()
    qtbot.waitUntil(lambda: bool(waited), timeout=60_000)
    unfinished = next(count for kind, count in events if kind == "unfinished")
    results = sum(kind == "result" for kind, _ in events)
    assert unfinished + results == 20 and unfinished > 0
    assert ("finished", True) in events and ("idle", True) in events and not analysis.cancel()
