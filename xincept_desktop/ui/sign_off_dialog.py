"""The Sign Off dialog: what will be signed, what blocks it, what the signer must acknowledge, and the
electronic signature (the signed-in account's printed name, the meaning, and the password re-entered).

Usage from the case actions::

    dialog = SignOffDialog(check, actor, parent, sign=lambda password, acknowledged: ...)
    if dialog.exec() == QDialog.DialogCode.Accepted:   # ``sign`` succeeded; its result is ``dialog.signed``
        ...

``sign`` does the signing (the store checks the password and records the signature in one transaction); it runs
in a background thread, so it opens its own store and touches no widget, while the dialog shows "Checking..."
with its controls disabled. A wrong password (``AuthenticationError``) is shown in the dialog, which stays open
with the password cleared; any other store error closes it with ``dialog.failure`` set. Sign stays disabled
while images are not analysed or failed, while warnings are not acknowledged, or while the password is empty.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from ..core.cases.signatures import MEANING
from ..errors import AuthenticationError
from .i18n import class_description, role_name
from .password_check import PasswordCheck

BLOCK_STYLE = "color: #a61b1b; font-weight: bold;"
WARN_STYLE = "color: #a15c00;"
BLOCK_HINT = QT_TRANSLATE_NOOP("SignOffDialog", "Analyse them (Analysis \u25b8 Analyse), exclude them (Case \u25b8 "
                               "Override Class \u25b8 Exclude, with a reason) or remove those never analysed (Case "
                               "\u25b8 Remove Image, with a reason) before signing.")
ACKNOWLEDGE = QT_TRANSLATE_NOOP("SignOffDialog", "I have seen these warnings and sign the case as it is")
WRONG_PASSWORD = QT_TRANSLATE_NOOP("SignOffDialog", "Not signed: the password was not accepted, or your account "
                                   "cannot sign now (locked for a while after repeated failures). Each wrong password "
                                   "counts towards the lockout.")
#: the stored meaning of a signature (English, as recorded) -> its text on screen
MEANINGS = {MEANING: QT_TRANSLATE_NOOP("SignOffDialog", "Reviewed and approved")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SignOffDialog", text)


def _names(items, shown: int = 6) -> str:
    text = "; ".join(items[:shown])
    more = QCoreApplication.translate("SignOffDialog", "; and %1 more").replace("%1", str(len(items) - shown))
    return text + (more if len(items) > shown else "")


def blocker_lines(check) -> list[str]:
    """``check.blockers`` in the interface language (the check's own sentences are the English record)."""
    translate = QCoreApplication.translate
    lines = []
    if check.not_analysed:
        lines.append(translate("SignOffDialog", "%1 image(s) not analysed: %2")
                     .replace("%1", str(len(check.not_analysed))).replace("%2", _names(check.not_analysed)))
    if check.failed:
        lines.append(translate("SignOffDialog", "%1 image(s) could not be analysed: %2")
                     .replace("%1", str(len(check.failed))).replace("%2", _names(check.failed)))
    return lines


def warning_lines(check) -> list[str]:
    """``check.warnings`` in the interface language."""
    translate = QCoreApplication.translate
    identifiers = {"patient name": translate("SignOffDialog", "patient name"),
                   "patient ID": translate("SignOffDialog", "patient ID")}
    lines = []
    if check.unreviewed:
        lines.append(translate("SignOffDialog", "%1 out-of-domain or low-confidence image(s) not reviewed: %2")
                     .replace("%1", str(len(check.unreviewed))).replace("%2", _names(check.unreviewed)))
    if check.missing_identifiers:
        missing = translate("SignOffDialog", " and ").join(identifiers.get(name, name)
                                                           for name in check.missing_identifiers)
        lines.append(translate("SignOffDialog", "missing %1").replace("%1", missing))
    return lines


def _label(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file and patient names are shown as typed
    if style:
        label.setStyleSheet(style)
    return label


class SignOffDialog(QDialog):
    def __init__(self, check, signer=None, parent: QWidget | None = None, sign=None):
        super().__init__(parent)
        self.check, self.signer, self._sign = check, signer, sign
        self.failure: Exception | None = None
        self.signed = None  # what ``sign`` returned, once signed
        self.setWindowTitle(self.tr("Sign off case %1").replace("%1", str(check.case_id)))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("You are signing:"), "font-weight: bold;"))
        form = QFormLayout()
        form.addRow(self.tr("Images analysed"), _label(str(check.analysed)))
        form.addRow(self.tr("Excluded by the reviewer"), _label(str(check.excluded)))
        form.addRow(self.tr("Could not be analysed"), _label(str(len(check.failed))))
        form.addRow(self.tr("Not analysed"), _label(str(len(check.not_analysed))))
        form.addRow(self.tr("Case suggestion"), _label(class_description(check.suggestion), "font-weight: bold;"))
        layout.addLayout(form)
        self.blockers = [_label("\u26d4 " + line, BLOCK_STYLE) for line in blocker_lines(check)]
        for label in self.blockers:
            layout.addWidget(label)
        if self.blockers:
            layout.addWidget(_label(_tr(BLOCK_HINT)))
        self.warnings = [_label("\u26a0 " + line, WARN_STYLE) for line in warning_lines(check)]
        for label in self.warnings:
            layout.addWidget(label)
        self.acknowledge = QCheckBox(_tr(ACKNOWLEDGE))
        self.acknowledge.setVisible(bool(check.warnings))
        self.acknowledge.toggled.connect(self._update)
        layout.addWidget(self.acknowledge)
        layout.addWidget(_label(self.tr("Electronic signature"), "font-weight: bold;"))
        names = QFormLayout()
        isolate = "\u2068%s\u2069"  # names in Latin script keep their place in a right-to-left sentence
        who = self.tr("%1 (%2, %3)").replace("%1", isolate % signer.display_name) \
            .replace("%2", isolate % signer.username).replace("%3", role_name(signer.role)) if signer is not None \
            else self.tr("nobody is signed in")
        names.addRow(self.tr("Signed by"), _label(who, "font-weight: bold;"))
        names.addRow(self.tr("Meaning"), _label(_tr(MEANINGS.get(MEANING, MEANING))))
        names.addRow(self.tr("Time"), _label(self.tr("now, in UTC, when you press Sign Off")))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("your password, to sign"))
        self.password.textChanged.connect(self._update)
        names.addRow(self.tr("Password"), self.password)
        layout.addLayout(names)
        self.error = _label("", BLOCK_STYLE)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        layout.addWidget(_label(self.tr("Your signature is linked to exactly what is shown in this case now (a "
                                        "SHA-256 of its images, results, reviews and details); re-opening the case "
                                        "voids it."), "color: #555;"))
        self.checking = _label("", "color: #555;")
        self.checking.setVisible(False)
        layout.addWidget(self.checking)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(self.tr("Sign Off"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.password_check = PasswordCheck(self, self.checking, [self.password, self.acknowledge, self.buttons])
        self._update()

    def acknowledged(self) -> list[str]:
        """The warnings the signer accepted (empty when there were none)."""
        return list(self.check.warnings) if self.acknowledge.isChecked() else []

    def can_sign(self) -> bool:
        return self.signer is not None and bool(self.password.text()) and not self.password_check.running and \
            self.check.can_sign(self.acknowledge.isChecked())

    def _update(self) -> None:
        self.sign_button.setEnabled(self.can_sign())

    def accept(self) -> None:
        """Sign (``sign`` in a background thread); stay open on a wrong password, close with ``failure`` on other
        errors."""
        if not self.can_sign():
            return
        password = self.password.text()
        self.password.clear()
        self.error.setVisible(False)
        if self._sign is None:
            super().accept()
            return
        self.password_check.start(partial(self._sign, password, self.acknowledged()), self._signed,
                           self.tr("Checking the password and signing\u2026"))

    def _signed(self, result, error) -> None:
        self._update()
        if isinstance(error, AuthenticationError):
            self.error.setText(_tr(WRONG_PASSWORD))
            self.error.setVisible(True)
            self.adjustSize()
            self.password.setFocus()
        elif error is not None:  # CaseStoreError, or anything else the store raised: the caller reports it
            self.failure = error
            super().reject()
        else:
            self.signed = result
            super().accept()

    def reject(self) -> None:
        if not self.password_check.running:  # the signature is being recorded: Esc and Cancel wait for it
            super().reject()
