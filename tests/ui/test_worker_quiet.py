"""The GUI's worker loads TensorFlow through ``quiet_tensorflow`` (its CUDA, oneDNN and absl start-up notices stay
off the terminal the app was started from), before the model is loaded."""

from __future__ import annotations


def test_the_worker_quiets_tensorflow_before_it_loads_the_model(tiny_bundle, monkeypatch, qtbot):
    from xincept_desktop import quiet
    from xincept_desktop.ui.worker import AnalysisWorker

    calls = []
    original = quiet.quiet_tensorflow
    monkeypatch.setattr(quiet, "quiet_tensorflow", lambda: calls.append("quiet") or original())
    worker = AnalysisWorker()
    worker.model_ready.connect(lambda _model: calls.append("ready"))  # same thread here: the worker is not moved
    worker.model_failed.connect(calls.append)
    worker.load_model(str(tiny_bundle))
    assert calls == ["quiet", "ready"]


def test_the_cli_keeps_its_name_for_the_shared_helper():
    from xincept_desktop import cli_common, quiet

    assert cli_common.quiet_tensorflow is quiet.quiet_tensorflow
    assert cli_common.is_tensorflow_noise is quiet.is_tensorflow_noise
