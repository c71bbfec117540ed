"""Asking before images go near a signed case: start a new case with them, or re-open this one with a reason.

The window calls :func:`ask_signed_case` whenever images would be added to (or analysed into) the case on screen
while that case is signed; the answer is ``NEW_CASE``, ``REOPEN`` or ``None`` (leave everything as it is).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

NEW_CASE, REOPEN = "new case", "re-open"
translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


def signed_case_box(parent: QWidget | None, case_id: int, signed_by: str, count: int) -> QMessageBox:
    """The question, with the buttons' answers in ``box.answers`` (button -> answer)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("CaseGuard", "Case is signed"))
    box.setText(translate("CaseGuard", "Case %1 is signed off by %2 and is read-only. The %3 image(s) cannot be "
                                       "added to it.").replace("%1", str(case_id)).replace("%2", signed_by)
                .replace("%3", str(count)))
    box.setInformativeText(translate("CaseGuard", "Start a new case with these images, or re-open this case (the "
                                                  "reason is kept in its audit trail, and it will need a new "
                                                  "sign-off)."))
    new = box.addButton(translate("CaseGuard", "Start a New Case"), QMessageBox.ButtonRole.AcceptRole)
    reopen = box.addButton(translate("CaseGuard", "Re-open This Case\u2026"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(new)
    box.answers = {new: NEW_CASE, reopen: REOPEN, cancel: None}
    return box


def ask_signed_case(parent: QWidget | None, case_id: int, signed_by: str, count: int) -> str | None:
    box = signed_case_box(parent, case_id, signed_by, count)
    box.exec()
    return box.answers.get(box.clickedButton())


def ask_reopen_reason(parent: QWidget | None) -> str | None:
    """A non-empty reason for re-opening, or None when cancelled (an empty answer asks again)."""
    label = translate("CaseGuard", "Why is the signed case re-opened? (kept in the audit trail)")
    while True:
        reason, ok = QInputDialog.getText(parent, translate("CaseGuard", "Re-open case"), label)
        if not ok:
            return None
        if reason.strip():
            return reason.strip()
        label = translate("CaseGuard", "A reason is required to re-open a signed case:")


WAIT, STOP = "wait", "stop"


def busy_box(parent: QWidget | None, what: str, remaining: int) -> QMessageBox:
    """Asked before ``what`` ("Quit", "New Case") while an analysis runs; answers in ``box.answers``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("CaseGuard", "%1: analysis running").replace("%1", what))
    box.setText(translate("CaseGuard", "%1 image(s) are still being analysed.").replace("%1", str(remaining)))
    box.setInformativeText(translate("CaseGuard", "Results of finished batches are already stored in the case. Wait "
                                                  "for the rest, or stop now and keep what is done (the case will "
                                                  "list the images not analysed)?"))
    wait = box.addButton(translate("CaseGuard", "Wait, then %1").replace("%1", what),
                         QMessageBox.ButtonRole.AcceptRole)
    stop = box.addButton(translate("CaseGuard", "Stop and Keep What Is Done"), QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton(translate("CaseGuard", "Stay"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.answers = {wait: WAIT, stop: STOP, stay: None}
    return box


def ask_busy(parent: QWidget | None, what: str, remaining: int) -> str | None:
    box = busy_box(parent, what, remaining)
    box.exec()
    return box.answers.get(box.clickedButton())
