"""The main window's accounts side (a mixin of ``MainWindow``): who is signed in, what their role greys out and
why, the idle lock, Users and Verify Signatures.

``sign_in(actor)`` (``ui.app`` after the sign-in dialog, the lock screen when another user signs in, and the
tests' fixtures) makes ``actor`` the acting user of the case session. ``apply_permissions()`` runs after every
update of the actions: an action the role may not take is disabled with a tooltip saying why (the store refuses
it as well).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox

from ..core.accounts import Permission
from .actions import ACTIONS
from .i18n import role_name, why_not_text

translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads

#: action -> what it needs; ``override_class`` is open to technologists, whose choice becomes a proposal
ACTION_PERMISSIONS = {
    "analyse": Permission.ANALYSE, "remove_image": Permission.ANALYSE,
    "override_class": Permission.PROPOSE_CLASS, "sign_off": Permission.SIGN, "reopen_case": Permission.REOPEN,
    "export_case_csv": Permission.EXPORT, "export_case_json": Permission.EXPORT,
    "export_pdf": Permission.EXPORT, "print": Permission.EXPORT,
    "preferences": Permission.SETTINGS, "manage_users": Permission.MANAGE_USERS,
    "verify_signatures": Permission.VIEW,
    "site_adaptation": Permission.MANAGE_MODELS,  # it makes a new model
}
PROPOSE_TIP = QT_TRANSLATE_NOOP("AccountsMixin", "Propose a class for the selected image (a hematologist decides)")
PROPOSE_TEXT = QT_TRANSLATE_NOOP("AccountsMixin", "&Propose Class\u2026")
#: actions whose state nothing else sets (``analyse``: the model is ready): enabled again when a role allows them
#: (after a user switch); the others are set by the case state first (``_update_case_actions``) and only disabled
#: here
_OWN_STATE = {"analyse": lambda window: window.model is not None, "preferences": lambda window: True,
              "manage_users": lambda window: True, "verify_signatures": lambda window: True,
              "export_pdf": lambda window: True, "print": lambda window: True,
              "site_adaptation": lambda window: True}


def verify_in_thread(db_path, actor):
    """Recompute every signed case's hash with a store of its own (runs in a background thread)."""
    from ..core.cases import CaseStore

    with CaseStore(db_path) as store:
        return store.verify_signatures(user=actor)


class AccountsMixin:
    """Needs the window's ``case`` (``CaseSession``), ``actions`` and ``prefs``."""

    idle_lock = None
    user_label: QLabel | None = None

    def sign_in(self, actor) -> None:
        """Act as ``actor`` from now on (another user's unsaved dialogs are already closed by the lock)."""
        self.case.actor = actor
        if self.user_label is None:
            self.user_label = QLabel()
            self.statusBar().addPermanentWidget(self.user_label)
        self.user_label.setText(translate("AccountsMixin", "Signed in: %1 (%2)").replace("%1", actor.display_name)
                                .replace("%2", role_name(actor.role)))
        self.user_label.setToolTip(translate("AccountsMixin", "User name %1; File \u25b8 Lock (Ctrl+L) locks the "
                                             "window").replace("%1", actor.username))
        if self.idle_lock is None and not self.case.open_error:
            from .lock_screen import IdleLock

            from .password_check import authenticator

            accounts = self.case.store.accounts  # the password is checked in a thread, with a store of its own
            self.idle_lock = IdleLock(self, authenticator(self.case.db_path), self.sign_in,
                                      audit=lambda action, who, **details: accounts.record(who, action, **details))
        self._update_case_actions()
        self.refresh_case_view()

    def apply_permissions(self) -> None:
        """Disable the actions the signed-in role may not take, with the reason as tooltip."""
        actor = getattr(self.case, "actor", None)
        role = actor.role if actor is not None else None
        anyone = actor is None and not self.case.has_accounts()  # no accounts yet: the store decides alone
        for name, permission in ACTION_PERMISSIONS.items():
            action = self.actions.get(name)
            if action is None:
                continue
            allowed = anyone or (actor is not None and actor.may(permission))
            if name in _OWN_STATE:
                action.setEnabled(allowed and _OWN_STATE[name](self))
            if not allowed:
                action.setEnabled(False)
                action.setToolTip(why_not_text(role, permission))
            elif name == "override_class" and actor is not None and not actor.may(Permission.OVERRIDE):
                action.setToolTip(translate("AccountsMixin", PROPOSE_TIP))
            else:
                action.setToolTip(action.statusTip())
        proposes = actor is not None and not actor.may(Permission.OVERRIDE)
        if "override_class" in self.actions:
            self.actions["override_class"].setText(translate("AccountsMixin", PROPOSE_TEXT) if proposes else
                                                  translate("Actions", ACTIONS["override_class"][0]))

    def on_lock(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.lock()

    def on_manage_users(self) -> None:
        from .users_dialog import UsersDialog

        if not self.case.may(Permission.MANAGE_USERS) or self.case.actor is None:
            QMessageBox.information(self, translate("AccountsMixin", "Users"),
                                    why_not_text(getattr(self.case.actor, "role", None), Permission.MANAGE_USERS))
            return
        dialog = UsersDialog(self.case.store.accounts, self.case.actor, self.case.db_path, self)
        dialog.exec()
        dialog.deleteLater()

    def on_verify_signatures(self) -> None:
        """Recompute every signed case's content hash in the background and report what no longer matches."""
        from .background import BackgroundJob

        job = BackgroundJob(partial(verify_in_thread, self.case.db_path, self.case.user), self)
        job.then(self._on_signatures_verified)
        self.statusBar().showMessage(translate("AccountsMixin", "Checking the signatures of every signed case\u2026"))
        job.start()
        self._verify_job = job

    def _on_signatures_verified(self, checks, error) -> None:
        if getattr(self, "_closed", False):
            return
        self.statusBar().clearMessage()
        if error is not None:
            QMessageBox.warning(self, translate("AccountsMixin", "Verify signatures"),
                                translate("AccountsMixin", "The check could not run: %1").replace("%1", str(error)))
            return
        QMessageBox.information(self, translate("AccountsMixin", "Verify signatures"), signature_report(checks))


def signature_report(checks) -> str:
    """The check's outcome in sentences: every mismatch named, or all signed cases match."""
    bad = [check for check in checks if not check.ok]
    unchecked = [check for check in checks if check.ok and check.note]
    if not checks:
        return translate("AccountsMixin", "No case is signed at present.")
    old = "\n\n" + translate("AccountsMixin", "%1 of them were signed before electronic signatures were kept and "
                                              "have no hash to compare.").replace("%1", str(len(unchecked))) \
        if unchecked else ""
    if not bad:
        return translate("AccountsMixin", "All %1 electronically signed case(s) still hold exactly what was "
                                          "signed.").replace("%1", str(len(checks) - len(unchecked))) + old
    lines = "\n".join(f"\u2022 {check.describe()}" for check in bad)
    return (translate("AccountsMixin", "%1 of %2 signed case(s) no longer match their signature:")
            .replace("%1", str(len(bad))).replace("%2", str(len(checks))) + f"\n\n{lines}\n\n"
            + translate("AccountsMixin", "The database was changed outside the program; keep the file as it is and "
                                         "tell the administrator.") + old)
