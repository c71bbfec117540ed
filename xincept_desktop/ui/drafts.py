"""Unsaved input kept for its user when another user signs in at the lock screen.

The lock screen closes the first user's open dialogs (nothing is saved under the new user's name). Before it does,
:func:`capture` keeps what was typed in Case Details (patient and specimen fields, the conclusion, comments) and
in Override Class / Propose Class as a :class:`Draft` for that user, in memory only (it is not part of the
record until that user saves it). When the same user signs in again, :func:`offer` asks whether to restore it and
opens the dialog again with the typed values, for that user to check and save; another user never gets it.

Usage (the idle lock)::

    draft = capture(dialog, window.case.actor.username, window.case.case_id, window.current)
    drafts.keep(draft)                     # a Drafts box, keyed by user name
    offer(window, drafts.take(username))   # once ``username`` is signed in again
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox

KINDS = {"case_details": QT_TRANSLATE_NOOP("Drafts", "Case Details"),
         "review": QT_TRANSLATE_NOOP("Drafts", "Override Class")}
translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


def _tr(text: str) -> str:
    return QCoreApplication.translate("Drafts", text)


@dataclass(frozen=True)
class Draft:
    """What ``username`` had typed in an open dialog of case ``case_id`` (``path``: the image reviewed)."""

    username: str
    kind: str  # a key of KINDS
    case_id: int | None
    values: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def describe(self) -> str:
        """The typed values, one per line, for a user who cannot get them back into the dialog."""
        return "\n".join(f"{name}: {value}" for name, value in self.values.items() if value)


def capture(widget, username: str, case_id: int | None, current_path=None, stored_fields=None) -> Draft | None:
    """The draft of ``widget`` when it is a dialog with typed input worth keeping, else ``None``.

    ``stored_fields``: the case's stored ``CaseFields`` (Case Details left as stored needs no draft)."""
    from .case_details import CaseDetailsDialog
    from .review_dialog import ReviewDialog

    if isinstance(widget, CaseDetailsDialog) and not widget.read_only:
        values = widget.values()
        stored = stored_fields.as_dict() if hasattr(stored_fields, "as_dict") else dict(stored_fields or {})
        if all(value == str(stored.get(name) or "") for name, value in values.items()):
            return None
        return Draft(username, "case_details", case_id, values)
    if isinstance(widget, ReviewDialog) and current_path is not None:
        choice, reason, comment = widget.values()
        if not reason and not comment:
            return None
        return Draft(username, "review", case_id, {"choice": choice, "reason": reason, "comment": comment},
                     Path(current_path))
    return None


class Drafts:
    """Drafts by user name; each is handed out once, and only to its own user."""

    def __init__(self):
        self._by_user: dict[str, list[Draft]] = {}

    def keep(self, draft: Draft) -> None:
        self._by_user.setdefault(draft.username, []).append(draft)

    def take(self, username: str) -> list[Draft]:
        return self._by_user.pop(username, [])

    def waiting(self, username: str) -> int:
        return len(self._by_user.get(username, []))


def offer(window, drafts: list[Draft]) -> int:
    """Ask the signed-in user about each of their drafts and open the dialog again with it; how many restored.

    A draft of another user is never offered (it would be saved under the wrong name)."""
    restored = 0
    actor = getattr(window.case, "actor", None)
    for draft in drafts:
        if actor is None or draft.username != actor.username:
            continue
        where = _tr(KINDS[draft.kind])
        answer = QMessageBox.question(
            window, translate("Drafts", "Unsaved changes"),
            translate("Drafts", "You had unsaved changes in {0} when another user signed in: restore them?").format(where))
        if answer != QMessageBox.StandardButton.Yes:
            continue
        why = (translate("Drafts", "Case {0} is no longer the open case").format(draft.case_id)
               if draft.case_id != window.case.case_id else
               translate("Drafts", "Case {0} was signed off meanwhile").format(draft.case_id) if window.case.signed else "")
        if why:  # shown, so that nothing typed is lost without the user seeing it
            QMessageBox.information(
                window, translate("Drafts", "Unsaved changes"),
                translate("Drafts", "{0}, so the changes cannot be put back into {1}. What you had typed:\n\n{2}")
                .format(why, where, draft.describe()))
            continue
        restore(window, draft)
        restored += 1
    return restored


def restore(window, draft: Draft) -> None:
    """Open the draft's dialog again with its values, for its user to check and save."""
    if draft.kind == "case_details":
        window.case_actions.edit_details(prefill=draft.values)
    elif draft.kind == "review":
        if draft.path in window.image_list.paths():
            window.image_list.select(draft.path)
        window.case_actions.override(prefill=draft.values)
