"""The idle lock: after ``prefs.lock_minutes`` without keyboard or mouse input the screen is covered (the main
window and every open dialog and message of the program) until someone signs in again.

Open dialogs are covered, not hidden: hiding a dialog that runs its own event loop (``exec``) would end it as
cancelled and lose what was typed.

* The same user unlocks with their password: their dialogs are there as they left them.
* Another user signs in instead: the first user's open dialogs are closed as cancelled (nothing is saved under
  the new user's name), then the window carries on as the new user. What the first user had typed in Case
  Details or Override Class is kept for them in memory (``ui.drafts``) and offered back when they sign in again.

Usage (the main window, once someone is signed in)::

    self.idle_lock = IdleLock(self, authenticate=authenticator(db_path), on_switch=self.sign_in,
                              audit=lambda action, actor, **details: ...)
    self.idle_lock.lock()          # File > Lock, or the idle timer
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QFormLayout, QFrame, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ..config import APP_NAME
from ..errors import AuthenticationError, CaseStoreError
from .background import describe_error
from .drafts import Drafts
from .password_check import PasswordCheck

DEFAULT_MINUTES = 10
PANEL_WIDTH = 440
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin}


class LockScreen(QDialog):
    """Covers the main window; unlocks with the signed-in user's password or signs another user in."""

    def __init__(self, window: QWidget, actor, authenticate, kept: int = 0):
        super().__init__(window)
        self._authenticate = authenticate
        self.actor, self.new_actor = actor, None
        self.setWindowTitle(self.tr("Locked \u2014 %1 Desktop").replace("%1", APP_NAME))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setObjectName("lock-screen")
        self.setStyleSheet("#lock-screen { background: #2b3440; } #lock-panel { background: white; "
                           "border-radius: 8px; }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        panel = self.panel = QFrame()
        panel.setObjectName("lock-panel")
        panel.setFixedWidth(PANEL_WIDTH)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel(self.tr("Locked"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        self.who = _wrapped(self.tr("%1 (%2) is signed in. Enter the password to unlock.")
                            .replace("%1", actor.display_name).replace("%2", actor.username))
        layout.addWidget(self.who)
        if kept:
            layout.addWidget(_wrapped(self.tr("{0} open window(s) of {1} are kept behind this screen as they are; "
                                              "if someone else signs in, they are closed without saving, and what "
                                              "was typed in Case Details or Override Class is offered back to {1} "
                                              "at the next sign-in.").format(kept, actor.display_name),
                                      "color: #555;"))
        form = QFormLayout()
        self.other = QCheckBox(self.tr("Sign in as someone else"))
        self.username = QLineEdit(actor.username)
        self.username.setEnabled(False)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("password"))
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.other)
        layout.addLayout(form)
        self.error = _wrapped("", "color: #a61b1b;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.accept)
        self.checking = _wrapped("", "color: #555;")
        self.checking.setVisible(False)
        layout.addWidget(self.checking)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        self.password_check = PasswordCheck(self, self.checking, [self.username, self.password, self.other,
                                                         self.unlock_button])
        self.other.toggled.connect(self._toggle_other)
        self.password.returnPressed.connect(self.accept)
        self._fit()

    def _fit(self) -> None:
        """The panel as tall as its wrapped text needs (a centred widget gets no height-for-width otherwise)."""
        self.panel.setFixedHeight(self.panel.layout().totalHeightForWidth(PANEL_WIDTH))

    def _toggle_other(self, other: bool) -> None:
        self.username.setEnabled(other)
        self.username.setText("" if other else self.actor.username)
        self.unlock_button.setText(self.tr("Sign In") if other else self.tr("Unlock"))
        (self.username if other else self.password).setFocus()

    def cover(self) -> None:
        """Cover the screen of the main window (the program's dialogs on it included)."""
        screen = self.parentWidget().screen() or QApplication.primaryScreen()
        self.setGeometry(screen.geometry())

    def accept(self) -> None:
        """Check the password in the background; unlock (or switch user) once it is accepted."""
        if self.password_check.running:
            return
        password = self.password.text()
        self.password.clear()
        if not password:
            return
        username = self.username.text() if self.other.isChecked() else self.actor.username
        purpose = "sign_in" if self.other.isChecked() else "unlock"
        self.error.setVisible(False)
        self.password_check.start(partial(self._authenticate, username, password, purpose), self._checked,
                         self.tr("Checking\u2026"))
        self._fit()

    def _checked(self, actor, error) -> None:
        if error is not None:
            self.error.setText(str(error) if isinstance(error, (AuthenticationError, CaseStoreError))
                               else describe_error(error))
            self.error.setVisible(True)
            self._fit()
            self.password.setFocus()
            return
        self.new_actor = actor
        super().accept()

    def reject(self) -> None:  # Esc does not unlock
        return

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)


def _wrapped(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


def _curtain(screen) -> QWidget:
    """A plain dark cover for another screen while the window is locked."""
    curtain = QWidget(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
    curtain.setStyleSheet("background: #2b3440;")
    curtain.setGeometry(screen.geometry())
    curtain.show()
    return curtain


class IdleLock(QObject):
    """Watches input to the whole application and locks ``window`` after its preferences' idle minutes."""

    def __init__(self, window, authenticate, on_switch, audit=None):
        super().__init__(window)
        self.window, self._authenticate, self._on_switch = window, authenticate, on_switch
        self._audit = audit or (lambda *args, **kwargs: None)
        self.screen: LockScreen | None = None
        self._covered: list[QWidget] = []
        self._curtains: list[QWidget] = []
        self.drafts = Drafts()  # unsaved input of users another user replaced at the lock screen
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.restart()

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def minutes(self) -> int:
        return max(1, int(getattr(self.window.prefs, "lock_minutes", DEFAULT_MINUTES) or DEFAULT_MINUTES))

    def restart(self) -> None:
        if not self.locked:
            self.timer.start(self.minutes() * 60_000)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _INPUT and not self.locked:
            self.timer.start(self.minutes() * 60_000)
        return False

    def lock(self) -> None:
        """Hide the program's other windows and cover the main window until someone signs in."""
        actor = self.window.case.actor
        if self.locked or actor is None or getattr(self.window, "_closed", False):
            return
        self.timer.stop()
        self._covered = [w for w in QApplication.topLevelWidgets()
                         if w.isVisible() and w is not self.window and w.isWindow()]
        self._audit("lock", actor, open_windows=len(self._covered))
        self.screen = LockScreen(self.window, actor, self._authenticate, kept=len(self._covered))
        self._curtains = [_curtain(screen) for screen in QApplication.screens() if screen is not self.window.screen()]
        self.screen.accepted.connect(self._unlocked)
        self.screen.cover()
        self.screen.show()
        self.screen.raise_()
        self.screen.activateWindow()
        self.screen.password.setFocus()

    def _unlocked(self) -> None:
        screen, self.screen = self.screen, None
        previous, actor = screen.actor, screen.new_actor
        screen.deleteLater()
        covered, self._covered = self._covered, []
        for curtain in self._curtains:
            curtain.close()
            curtain.deleteLater()
        self._curtains = []
        if actor.username != previous.username:
            kept = self._keep_drafts(previous, covered)
            closed = 0
            for widget in reversed(covered):  # the first user's dialogs end as cancelled: nothing of theirs is saved
                if isinstance(widget, QDialog):
                    widget.reject()
                else:
                    widget.close()
                closed += 1
            self._audit("sign_out", previous, why="another user signed in at the lock screen",
                        closed_windows=closed, drafts_kept=kept)
            self._on_switch(actor)
            if self.drafts.waiting(actor.username):  # once the closed dialogs have returned from their exec()
                QTimer.singleShot(0, self._offer_drafts)
        self.restart()

    def _keep_drafts(self, previous, covered: list[QWidget]) -> int:
        """Keep what ``previous`` typed in the dialogs about to close, for them alone; how many drafts."""
        from .drafts import capture

        case = self.window.case
        kept = 0
        for widget in covered:
            draft = capture(widget, previous.username, case.case_id, getattr(self.window, "current", None),
                            case.fields())
            if draft is not None:
                self.drafts.keep(draft)
                kept += 1
        return kept

    def _offer_drafts(self) -> None:
        """Offer the signed-in user the drafts kept for them (nobody else's), unless the window is locked again."""
        from .drafts import offer

        actor = self.window.case.actor
        if actor is None or self.locked or getattr(self.window, "_closed", False):
            return
        offer(self.window, self.drafts.take(actor.username))

    def stop(self) -> None:
        """The window closes: no more locking, and a lock screen still up goes with it."""
        self.timer.stop()
        if self.screen is not None:
            self.screen.hide()
            self.screen.deleteLater()
            self.screen = None
        for curtain in self._curtains:
            curtain.close()
        self._curtains = []
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
