"""Users (administrators only): the accounts of the case store; add, disable or enable, reset a password.

Usage::

    UsersDialog(store.accounts, admin_actor, store.path, parent).exec()

Every change goes through ``core.cases.accounts.Accounts``, which checks again that the acting account is an
enabled administrator and audits it. Accounts are never deleted (their names stay in the audit trail). Adding a
user and resetting a password hash the new password (argon2id, a few tenths of a second): that runs in a
background job with a store of its own at ``db_path``, like every password check (``ui.password_check``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.accounts import Role, password_problem, username_problem
from ..errors import CaseStoreError
from .background import describe_error
from .i18n import account_rule, role_name
from .password_check import PasswordCheck
from .sign_in import ERROR_STYLE, password_field

COLUMNS = (QT_TRANSLATE_NOOP("UsersDialog", "User name"), QT_TRANSLATE_NOOP("UsersDialog", "Printed name"),
           QT_TRANSLATE_NOOP("UsersDialog", "Role"), QT_TRANSLATE_NOOP("UsersDialog", "State"),
           QT_TRANSLATE_NOOP("UsersDialog", "Created"))
translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


def _state(user) -> str:
    if not user.enabled:
        return translate("UsersDialog", "disabled")
    if user.locked_until:
        return translate("UsersDialog", "locked until %1 UTC (or a password reset)").replace(
            "%1", user.locked_until[:16].replace("T", " "))
    return translate("UsersDialog", "enabled")


class NewPasswordForm(QWidget):
    """Password and repeat, with the rule's message; ``problem()`` says what is wrong ('' when fine)."""

    def __init__(self, username_source=lambda: "", parent=None):
        super().__init__(parent)
        self._username = username_source
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.password = password_field(self.tr("at least 10 characters"))
        self.repeat = password_field(self.tr("the same password again"))
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)

    def problem(self) -> str:
        if not self.password.text() or not self.repeat.text():
            return self.tr("type the password twice")
        if self.password.text() != self.repeat.text():
            return self.tr("the two passwords differ")
        return account_rule(password_problem(self.password.text(), self._username()))


class AddUserDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add user"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. s.rahimi"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. Dr. Sara Rahimi (printed on signed reports)"))
        self.role = QComboBox()
        for role in (Role.TECHNOLOGIST, Role.HEMATOLOGIST, Role.ADMINISTRATOR):
            self.role.addItem(role_name(role), role)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Printed name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        layout.addLayout(form)
        self.passwords = NewPasswordForm(lambda: self.username.text().strip().lower())
        layout.addWidget(self.passwords)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(self.tr("Add User"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in (self.username, self.display_name, self.passwords.password, self.passwords.repeat):
            field.textChanged.connect(self._update)
        self._update()

    def current_problem(self) -> str:
        username = self.username.text().strip().lower()
        return (account_rule(username_problem(username)) if username else self.tr("a user name is required")) or \
            ("" if self.display_name.text().strip() else self.tr("a printed name is required")) or \
            self.passwords.problem()

    def _update(self) -> None:
        problem = self.current_problem()
        self.problem.setText(problem if self.username.text() else "")
        self.add_button.setEnabled(not problem)

    def values(self) -> tuple[str, str, Role, str]:
        return (self.username.text().strip().lower(), self.display_name.text().strip(), self.role.currentData(),
                self.passwords.password.text())


class ResetPasswordDialog(QDialog):
    def __init__(self, username: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset the password of %1").replace("%1", username))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("A new password for %1 (tell it to them in person; it also lifts a "
                                        "lockout).").replace("%1", username)))
        self.passwords = NewPasswordForm(lambda: username)
        layout.addWidget(self.passwords)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reset_button = buttons.addButton(self.tr("Reset Password"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in (self.passwords.password, self.passwords.repeat):
            field.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        problem = self.passwords.problem()
        self.problem.setText(problem if self.passwords.password.text() else "")
        self.reset_button.setEnabled(not problem)


def accounts_call_in_thread(db_path, method: str, *args):
    """``store.accounts.<method>(*args)`` with a store of its own (runs in a background thread)."""
    from ..core.cases import CaseStore

    with CaseStore(db_path) as store:
        return getattr(store.accounts, method)(*args)


class UsersDialog(QDialog):
    def __init__(self, accounts, admin, db_path, parent=None):
        super().__init__(parent)
        self.accounts, self.admin, self.db_path = accounts, admin, db_path
        self.setWindowTitle(self.tr("Users"))
        self.resize(760, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Accounts of this case database. Accounts are disabled, never deleted: their names "
                               "stay in the audit trail."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add User\u2026"))
        self.toggle_button = QPushButton(self.tr("Disable"))
        self.reset_button = QPushButton(self.tr("Reset Password\u2026"))
        close = QPushButton(self.tr("Close"))
        for button in (self.add_button, self.toggle_button, self.reset_button):
            row.addWidget(button)
        self.working = QLabel()
        self.working.setVisible(False)
        row.addWidget(self.working)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.password_job = PasswordCheck(self, self.working, [self.table, self.add_button, self.toggle_button,
                                                               self.reset_button, close])
        self.add_button.clicked.connect(self.add_user)
        self.toggle_button.clicked.connect(self.toggle_enabled)
        self.reset_button.clicked.connect(self.reset_password)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.users = self.accounts.list_users(self.admin)
        self.table.setRowCount(len(self.users))
        for index, user in enumerate(self.users):
            created = self.tr("%1 by %2").replace("%1", user.created_at[:10]).replace("%2", str(user.created_by))
            for column, text in enumerate((user.username, user.display_name, role_name(user.role), _state(user),
                                           created)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(index, column, item)
        self._update_buttons()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        self.toggle_button.setEnabled(user is not None and user.username != self.admin.username)
        self.toggle_button.setText(self.tr("Enable") if user is not None and not user.enabled else self.tr("Disable"))
        self.reset_button.setEnabled(user is not None)

    def _try(self, title: str, call) -> bool:
        try:
            call()
        except CaseStoreError as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        self.refresh()
        return True

    def add_user(self) -> None:
        dialog = AddUserDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            username, name, role, password = dialog.values()
            self._in_background(self.tr("Add user"), "add_user", username, name, role, password)
        dialog.deleteLater()

    def toggle_enabled(self) -> None:
        user = self.selected()
        if user is not None:
            self._try(self.tr("Users"), lambda: self.accounts.set_enabled(self.admin, user.username, not user.enabled))

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = ResetPasswordDialog(user.username, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            password = dialog.passwords.password.text()
            self._in_background(self.tr("Reset password"), "reset_password", user.username, password)
        dialog.deleteLater()

    def _in_background(self, title: str, method: str, *args) -> None:
        """``accounts.<method>(admin, *args)`` in a background job (it hashes a password); the table is read again
        and a refusal shown on the UI thread when it is done."""
        def done(_result, error) -> None:
            if isinstance(error, CaseStoreError):
                QMessageBox.warning(self, title, str(error))
            elif error is not None:
                QMessageBox.warning(self, title, describe_error(error))
            self.refresh()

        self.password_job.start(partial(accounts_call_in_thread, self.db_path, method, self.admin, *args), done,
                                self.tr("Saving the account\u2026"))
