"""The GUI's worker loads the exported runtime, never TensorFlow (so it has no TensorFlow start-up notices to quiet);
the command line keeps its TensorFlow-quieting helper for the commands that still use TensorFlow."""

from __future__ import annotations


def test_the_worker_loads_the_runtime_without_tensorflow(tiny_bundle, monkeypatch, qtbot):
    from xincept_desktop import quiet
    from xincept_desktop.core.model.runtime import RuntimeModel
    from xincept_desktop.ui.worker import AnalysisWorker

    calls = []
    monkeypatch.setattr(quiet, "quiet_tensorflow", lambda: calls.append("quiet"))
    worker = AnalysisWorker()
    worker.model_ready.connect(lambda model: calls.append(type(model)))  # same thread: the worker is not moved
    worker.model_failed.connect(calls.append)
    worker.load_model(str(tiny_bundle))
    assert calls == [RuntimeModel]


def test_the_cli_keeps_its_name_for_the_shared_helper():
    from xincept_desktop import cli_common, quiet

    assert cli_common.quiet_tensorflow is quiet.quiet_tensorflow
    assert cli_common.is_tensorflow_noise is quiet.is_tensorflow_noise
