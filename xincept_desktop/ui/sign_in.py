"""Sign-in at start: the first-run dialog that creates the administrator, and the sign-in dialog.

Usage (``ui.app`` before the main window is shown)::

    actor = sign_in_at_start(db_path)     # an Actor, or None when the user quits

Both dialogs take a callable that does the store call, so they hold no store and tests drive them directly:
``SignInDialog(authenticate)`` with ``authenticate(username, password) -> Actor`` (raising
``AuthenticationError``, whose one message never tells whether a user name exists; it runs in a background
thread, so it opens its own store: ``ui.password_check.authenticator(db_path)``), and
``FirstRunDialog(create, db_path)`` with ``create(username, display_name, password) -> Actor`` (hashing the password:
it runs in a background thread too, ``partial(ui.password_check.create_first_administrator_in_thread, db_path)``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

from ..config import APP_NAME
from ..core.accounts import password_problem, username_problem
from ..errors import AuthenticationError, CaseStoreError
from .background import describe_error
from .password_check import PasswordCheck, authenticator, create_first_administrator_in_thread

ERROR_STYLE = "color: #a61b1b;"
TITLE_STYLE = "font-size: 16pt; font-weight: bold;"


def _label(text: str, style: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


class SignInDialog(QDialog):
    """User name and password; ``actor`` once accepted."""

    def __init__(self, authenticate, parent: QWidget | None = None, note: str = ""):
        super().__init__(parent)
        self._authenticate = authenticate
        self.actor = None
        self.setWindowTitle(self.tr("Sign in \u2014 %1 Desktop").replace("%1", APP_NAME))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(f"{APP_NAME} Desktop", TITLE_STYLE))
        layout.addWidget(_label(self.tr("Sign in with your own account. What you do is recorded under your name; "
                                        "signatures need your password again.")))
        if note:
            layout.addWidget(_label(note, "color: #555;"))
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("user name"))
        self.password = password_field(self.tr("password"))
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.error = _label("", ERROR_STYLE)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.checking = _label("", "color: #555;")
        self.checking.setVisible(False)
        layout.addWidget(self.checking)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(self.tr("Sign In"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.password_check = PasswordCheck(self, self.checking, [self.username, self.password, self.sign_in_button,
                                                         self.quit_button])
        for field in (self.username, self.password):
            field.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.sign_in_button.setEnabled(bool(self.username.text().strip() and self.password.text())
                                       and not self.password_check.running)

    def accept(self) -> None:
        """Check the password in the background; the dialog closes once it is accepted."""
        if not self.sign_in_button.isEnabled() or self.password_check.running:
            return
        password = self.password.text()
        self.password.clear()
        self.error.setVisible(False)
        self.password_check.start(partial(self._authenticate, self.username.text(), password), self._checked,
                         self.tr("Checking\u2026"))

    def _checked(self, actor, error) -> None:
        self._update()
        if isinstance(error, AuthenticationError):
            self.show_error(str(error))
        elif isinstance(error, CaseStoreError):
            self.show_error(self.tr("The case database cannot be used: {0}").format(error))
        elif error is not None:
            self.show_error(describe_error(error))
        else:
            self.actor = actor
            super().accept()

    def reject(self) -> None:
        if not self.password_check.running:  # the answer comes in a moment; Esc and Quit wait for it
            super().reject()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.adjustSize()
        self.password.setFocus()


class FirstRunDialog(QDialog):
    """The first start with a case database that has no accounts: create the administrator."""

    def __init__(self, create, db_path: Path | str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._create = create
        self.actor = None
        self.setWindowTitle(self.tr("First start \u2014 %1 Desktop").replace("%1", APP_NAME))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("Welcome to %1 Desktop").replace("%1", APP_NAME), TITLE_STYLE))
        layout.addWidget(_label(self.tr(
            "This case database has no user accounts yet. Create the administrator account now. The "
            "administrator then adds the people who use the program: technologists (open and analyse cases, enter "
            "details, propose a class) and hematologists (also override classes, sign off and re-open cases). "
            "An administrator account manages users, models and settings; it does not analyse or sign cases.")))
        if db_path:
            layout.addWidget(_label(self.tr("Case database: %1").replace("%1", str(db_path)), "color: #555;"))
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("the name printed where this account acts"))
        self.password = password_field(self.tr("at least 10 characters"))
        self.repeat = password_field(self.tr("the same password again"))
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Printed name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        layout.addLayout(form)
        self.problem = _label("", ERROR_STYLE)
        layout.addWidget(self.problem)
        self.checking = _label("", "color: #555;")
        self.checking.setVisible(False)
        layout.addWidget(self.checking)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(self.tr("Create Administrator"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.password_check = PasswordCheck(self, self.checking, [self.username, self.display_name, self.password,
                                                                  self.repeat, self.buttons])
        for field in (self.username, self.display_name, self.password, self.repeat):
            field.textChanged.connect(self._update)
        self._update()

    def current_problem(self) -> str:
        """What stops the account being created ('' when nothing)."""
        username = self.username.text().strip().lower()
        if not username:
            return ""
        problem = username_problem(username)
        if not problem and not self.display_name.text().strip():
            problem = "a printed name is required"
        if not problem and self.password.text():
            problem = password_problem(self.password.text(), username)
            if not problem and self.repeat.text() and self.repeat.text() != self.password.text():
                problem = "the two passwords differ"
        return problem

    def _update(self) -> None:
        problem = self.current_problem()
        self.problem.setText(problem)
        complete = all(f.text() for f in (self.username, self.display_name, self.password, self.repeat))
        self.create_button.setEnabled(complete and not problem)

    def accept(self) -> None:
        """Create the account in the background (hashing the password takes a moment)."""
        if not self.create_button.isEnabled() or self.password_check.running:
            return
        self.password_check.start(partial(self._create, self.username.text(), self.display_name.text(),
                                          self.password.text()), self._created,
                                  self.tr("Creating the account\u2026"))

    def _created(self, actor, error) -> None:
        if error is not None:
            self.problem.setText(str(error) if isinstance(error, CaseStoreError) else describe_error(error))
            return
        self.actor = actor
        super().accept()

    def reject(self) -> None:
        if not self.password_check.running:
            super().reject()


def sign_in_at_start(db_path: Path | None = None, parent: QWidget | None = None):
    """Open the case store, create the first administrator or sign in; the ``Actor``, or ``None`` to quit.

    A case database that cannot be opened is reported and ``None`` returned (the program cannot attribute work
    to anyone without it).
    """
    from PySide6.QtWidgets import QMessageBox

    from ..core.cases import CaseStore, default_path

    path = Path(db_path) if db_path is not None else default_path()
    try:
        store = CaseStore(path)
    except CaseStoreError as exc:
        message = QCoreApplication.translate("SignIn", "The case database cannot be opened, so no one can sign in:")
        title = QCoreApplication.translate("SignIn", "%1 Desktop").replace("%1", APP_NAME)
        QMessageBox.critical(parent, title, message + "\n\n" + str(exc))
        return None
    try:
        if not store.accounts.has_users():
            dialog = FirstRunDialog(partial(create_first_administrator_in_thread, path), path, parent)
        else:
            dialog = SignInDialog(authenticator(path), parent)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        store.close()
