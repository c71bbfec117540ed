"""GUI fixtures: isolated QSettings, case folders of tiny-model images, and windows that clean up."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.accounts import PASSWORD, people


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

    def make(model=None, model_dir: Path | None = None, start: bool = True, user: str = "dr_a"):
        window = MainWindow(model_dir or tmp_path / "no-model", model=model)
        qtbot.addWidget(window)
        if user and not window.case.open_error:  # as ui.app does after the sign-in dialog: the test accounts (tests/accounts.py), one signed in
            window.sign_in(getattr(people(window.case.store), user))
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

    qtbot.waitUntil(lambda: not window.analysis.busy and not window.case.saving
                    and all(window.image_list.status(p) in (DONE, ERROR) for p in window.image_list.paths()),
                    timeout=timeout)


def wait_view(qtbot, window, timeout: int = 30_000) -> None:
    """Wait until the viewer's background work (decoding the picture, rendering the heat map) is shown."""
    qtbot.waitUntil(lambda: not window.view_loader.busy, timeout=timeout)


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


@pytest.fixture(autouse=True)
def no_unexpected_modal(monkeypatch):
    """A modal dialog that a test did not answer fails the test instead of waiting forever."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    def refuse(dialog, *_args):
        raise AssertionError(f"unexpected modal dialog: {type(dialog).__name__} {dialog.windowTitle()!r}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


def answer_sign_off(monkeypatch, password: str = PASSWORD, acknowledge: bool = True) -> list:
    """The next sign-off dialogs are answered with ``password`` (the signed-in account's, by default) and the
    acknowledgement ticked when asked; each dialog is appended to the returned list. Sign is pressed only when
    the dialog allows it."""
    from PySide6.QtWidgets import QDialog

    from xincept_desktop.ui.sign_off_dialog import SignOffDialog

    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        dialog.password.setText(password)
        dialog.acknowledge.setChecked(acknowledge and dialog.acknowledge.isVisible() or
                                      acknowledge and bool(dialog.check.warnings))
        if not dialog.sign_button.isEnabled():
            return QDialog.DialogCode.Rejected
        dialog.accept()
        finish_password_check(dialog)
        return dialog.result()

    monkeypatch.setattr(SignOffDialog, "exec", fake_exec)
    return shown


def finish_password_check(dialog, timeout_s: float = 60.0) -> None:
    """Let the event loop run until ``dialog``'s background password check has reported (sign-in, lock screen,
    sign-off)."""
    import time

    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout_s
    while dialog.password_check.running:
        assert time.monotonic() < deadline, "the password check did not finish"
        QTest.qWait(5)


def answer_review(monkeypatch, choice: str, reason: str, comment: str = "") -> list:
    """The next review dialogs choose ``choice`` (a class or EXCLUDED) with ``reason``; appended to the list."""
    from xincept_desktop.ui.review_dialog import ReviewDialog

    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        dialog.choice.setCurrentIndex(dialog.choice.findData(choice))
        dialog.reason.setText(reason)
        dialog.comment.setText(comment)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReviewDialog, "exec", fake_exec)
    return shown
