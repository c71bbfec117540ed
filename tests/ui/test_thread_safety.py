"""No widget is touched off the GUI thread (issue 17, point 1).

PySide6 runs a lambda or ``functools.partial`` slot in the thread that emits the signal, even with a queued
connection: a worker signal connected to one would call widgets from the TensorFlow thread. Two checks:

* at run time, every widget update a real analysis causes (device and model labels, status bar, image list and
  its thumbnails, result and case panels, progress) is recorded with the thread it ran in, and must be the application's thread;
* in the source, no signal of the worker, a background job or the thumbnail loader is connected to a lambda, a
  ``partial`` or a function defined inside the connecting function.
"""

from __future__ import annotations

import ast
import threading
from pathlib import Path

from PySide6.QtCore import Signal

from tests.ui.conftest import wait_analysed

UI_DIR = Path(__file__).resolve().parents[2] / "xincept_desktop" / "ui"


class ThreadLog:
    """Wraps methods so that each call records (name, whether it ran in the application's thread)."""

    def __init__(self):
        self.calls: list[tuple[str, bool]] = []
        self.lock = threading.Lock()

    def wrap(self, name: str, method):
        def recorded(*args, **kwargs):
            on_main = threading.current_thread() is threading.main_thread()  # the thread QApplication runs in
            with self.lock:
                self.calls.append((name, on_main))
            return method(*args, **kwargs)

        return recorded

    def off_thread(self) -> list[str]:
        return [name for name, on_main in self.calls if not on_main]

    def names(self) -> set[str]:
        return {name for name, _ in self.calls}


def test_a_real_analysis_touches_widgets_only_on_the_gui_thread(make_window, tiny_model, case_folder, qtbot,
                                                               monkeypatch):
    from xincept_desktop.ui.case_panel import CasePanel
    from xincept_desktop.ui.image_list import ImageList
    from xincept_desktop.ui.progress import AnalysisProgress
    from xincept_desktop.ui.result_panel import ResultPanel

    log = ThreadLog()
    for cls, names in ((ResultPanel, ("show_result", "show_pending", "set_model_version")),
                       (ImageList, ("set_result", "set_status", "add_paths", "_set_thumbnail")),
                       (CasePanel, ("show_summary", "set_case_status")),
                       (AnalysisProgress, ("start", "update_done", "finish"))):
        for name in names:
            monkeypatch.setattr(cls, name, log.wrap(f"{cls.__name__}.{name}", getattr(cls, name)))
    window = make_window(model=tiny_model, start=False)
    for label_name in ("device_label", "model_label"):
        label = getattr(window, label_name)
        label.setText = log.wrap(f"{label_name}.setText", label.setText)
    bar = window.statusBar()
    bar.showMessage = log.wrap("statusBar.showMessage", bar.showMessage)
    window.start()
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    qtbot.waitUntil(lambda: window.device_label.text() != "Device: \u2026", timeout=10_000)
    folder = case_folder(6, bad=1)
    window.open_paths([folder])
    window.image_list.setCurrentRow(0)
    wait_analysed(qtbot, window)
    qtbot.waitUntil(lambda: "ImageList._set_thumbnail" in log.names(), timeout=30_000)  # from the thumbnail pool

    assert {"device_label.setText", "model_label.setText", "ImageList.set_result", "ImageList.set_status",
            "ResultPanel.show_result", "AnalysisProgress.update_done", "CasePanel.show_summary"} <= log.names()
    assert log.off_thread() == []


def _signal_names() -> set[str]:
    """The names of every signal emitted from another thread: the worker's, a background job's, the thumbnails'."""
    from xincept_desktop.ui.background import BackgroundJob
    from xincept_desktop.ui.thumbnails import ThumbnailLoader
    from xincept_desktop.ui.worker import AnalysisWorker

    names = {"finished", "started"}  # QThread's own
    for cls in (AnalysisWorker, BackgroundJob, ThumbnailLoader):
        names |= {name for name, value in vars(cls).items() if isinstance(value, Signal)}
    return names


def _bad_connections(source: str, signals: set[str]) -> list[str]:
    """``<x>.<signal>.connect(slot)`` where slot is a lambda, a partial or a function nested in the caller."""
    found = []

    def visit(node, nested: set[str]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested = nested | {child.name for child in ast.walk(node)
                               if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and child is not node}
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Attribute) and node.func.value.attr in signals and node.args):
            slot = node.args[0]
            partial = isinstance(slot, ast.Call) and getattr(slot.func, "id", getattr(slot.func, "attr", "")) \
                == "partial"
            if isinstance(slot, ast.Lambda) or partial or (isinstance(slot, ast.Name) and slot.id in nested):
                found.append(f"line {node.lineno}: .{node.func.value.attr}.connect({ast.unparse(slot)[:40]})")
        for child in ast.iter_child_nodes(node):
            visit(child, nested)

    visit(ast.parse(source), set())
    return found


def test_the_checker_finds_lambdas_partials_and_nested_functions():
    source = ("def wire(self, job):\n"
              "    def finished(a, b):\n        pass\n"
              "    job.done.connect(lambda a, b: self.x(a))\n"
              "    job.done.connect(functools.partial(self.y, 1))\n"
              "    job.done.connect(finished)\n"
              "    self.worker.device_found.connect(self._on_device_found)\n"
              "    self.button.clicked.connect(lambda: None)\n")
    assert len(_bad_connections(source, {"done", "device_found"})) == 3


def test_no_cross_thread_signal_is_connected_to_a_lambda_or_partial():
    signals = _signal_names()
    assert {"device_found", "result_ready", "done", "ready"} <= signals
    problems = {path.name: bad for path in sorted(UI_DIR.glob("*.py"))
                if (bad := _bad_connections(path.read_text(encoding="utf-8"), signals))}
    assert problems == {}
