"""Password checks off the UI thread, for the sign-in, lock screen and sign-off dialogs.

An argon2id check takes a few tenths of a second (more on a loaded machine); the UI thread never waits on it.
The check runs in a :class:`~.background.BackgroundJob` with a case store of its own (one SQLite connection per
thread); while it runs the dialog keeps processing events, its controls are disabled and a label says what runs;
the result is handled on the UI thread, and only while the dialog still exists.

Usage (in a dialog)::

    self.check = PasswordCheck(self, self.status, [self.ok_button, self.password])
    self.check.start(partial(authenticate, username, password, "unlock"), self._checked, self.tr("Checking\u2026"))

    def _checked(self, actor, error):       # UI thread; the controls are enabled again as they were
        ...

``authenticator(db_path)`` is the ``authenticate(username, password, purpose)`` these dialogs take: each call opens
the store at ``db_path`` itself, so it may run in any thread.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from .background import BackgroundJob


def authenticate_in_thread(db_path: Path | str, username: str, password: str, purpose: str = "sign_in"):
    """``CaseAccounts.authenticate`` with a store of its own (runs in a background thread)."""
    from ..core.cases import CaseStore

    with CaseStore(db_path) as store:
        return store.accounts.authenticate(username, password, purpose)


def create_first_administrator_in_thread(db_path: Path | str, username: str, display_name: str, password: str):
    """``CaseAccounts.create_first_administrator`` (hashes the password) with a store of its own."""
    from ..core.cases import CaseStore

    with CaseStore(db_path) as store:
        return store.accounts.create_first_administrator(username, display_name, password)


def authenticator(db_path: Path | str) -> Callable:
    """``authenticate(username, password, purpose="sign_in") -> Actor`` safe to call from any thread."""
    return partial(authenticate_in_thread, Path(db_path))


class PasswordCheck:
    """Runs one password check at a time for ``dialog``: its ``controls`` disabled and ``status`` showing the
    checking text until the result is back."""

    def __init__(self, dialog: QWidget, status: QLabel, controls: list[QWidget]):
        self.dialog, self.status, self.controls = dialog, status, list(controls)
        self.job: BackgroundJob | None = None
        self._enabled: list[tuple[QWidget, bool]] = []

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, work: Callable[[], object], on_done: Callable[[object, Exception | None], None],
              text: str) -> BackgroundJob | None:
        """Run ``work()`` in a thread; ``on_done(result, error)`` on the UI thread. Nothing while one runs."""
        if self.running:
            return None
        self._enabled = [(widget, widget.isEnabled()) for widget in self.controls]
        for widget in self.controls:
            widget.setEnabled(False)
        self.status.setText(text)
        self.status.setVisible(True)
        # owned by the window behind the dialog (which waits for its jobs when it closes), not by the dialog,
        # which may go first; without one the job keeps itself referenced until it reports
        owner = self.dialog.parentWidget()
        job = self.job = BackgroundJob(work, owner.window() if owner is not None else None)
        job.then(partial(self._finished, job, on_done))  # called by the job's own slot, on the UI thread
        job.start()
        return job

    def _finished(self, job: BackgroundJob, on_done, result, error) -> None:
        job.deleteLater()
        if job is not self.job:
            return
        self.job = None
        if not isValid(self.dialog):  # the dialog went while the check ran (its window closed)
            return
        for widget, enabled in self._enabled:
            if isValid(widget):
                widget.setEnabled(enabled)
        self.status.setVisible(False)
        on_done(result, error)
