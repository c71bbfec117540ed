"""GUI fixtures: isolated QSettings, case folders of tiny-model images, and windows that clean up."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Every GUI test gets its own case database (never the user's)."""
    monkeypatch.setenv("XINCEPT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture
def case_folder(tmp_path):
    """Factory: a folder of ``n`` good tiny-model images (all four tints), plus ``bad`` broken files."""
    def make(n: int = 6, bad: int = 0) -> Path:
        from PIL import Image

        from tests.tiny_bundle import class_images

        folder = tmp_path / f"case-{n}-{bad}"
        folder.mkdir()
        images, _ = class_images(n // 4 + 1, seed=3)
        order = np.argsort(np.arange(len(images)) % (n // 4 + 1), kind="stable")  # interleave the classes
        for i, index in enumerate(order[:n]):
            Image.fromarray(images[index].astype(np.uint8)).save(folder / f"img{i:03d}.png")
        for i in range(bad):
            (folder / f"broken{i}.png").write_bytes(b"this is not a png")
        return folder

    return make


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Factory for a shown MainWindow; ``model`` is handed to the worker, or ``model_dir`` is loaded by it."""
    from xincept_desktop.ui.main_window import MainWindow

    def make(model=None, model_dir: Path | None = None, start: bool = True):
        window = MainWindow(model_dir or tmp_path / "no-model", model=model)
        qtbot.addWidget(window)
        window.show()
        if start:
            window.start()
        return window

    return make


@pytest.fixture
def ready_window(make_window, tiny_model, qtbot):
    window = make_window(model=tiny_model)
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    return window


def wait_analysed(qtbot, window, timeout: int = 60_000) -> None:
    """Wait until every listed image is done or failed, no job is left and the results are in the case store."""
    from xincept_desktop.ui.image_list import DONE, ERROR

    qtbot.waitUntil(lambda: not window._jobs and not window.case.saving
                    and all(window.image_list.status(p) in (DONE, ERROR) for p in window.image_list.paths()),
                    timeout=timeout)


def wait_job(qtbot, job, timeout: int = 30_000):
    """Wait until a ``BackgroundJob`` has reported (its ``done`` handlers have run); returns the job."""
    from xincept_desktop.ui.background import BackgroundJob

    qtbot.waitUntil(lambda: job not in BackgroundJob.running(), timeout=timeout)
    return job


@pytest.fixture
def warnings(monkeypatch):
    """Warning message boxes are recorded as (title, text) instead of shown."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a, **k: shown.append((title, text)))
    return shown
