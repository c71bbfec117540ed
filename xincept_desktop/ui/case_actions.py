"""The dialogs behind the Case menu: open a stored case, details, review, remove, sign off, re-open, export.

``CaseActions`` asks (dialogs) and tells (messages); the ``CaseSession`` does the store calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ..core.accounts import Permission
from ..errors import CaseStoreError

if TYPE_CHECKING:  # the session imports the store; the annotation only names it
    from .case_session import CaseSession

EXPORT_FILTERS = {"csv": QT_TRANSLATE_NOOP("CaseActions", "CSV files (*.csv)"),
                  "json": QT_TRANSLATE_NOOP("CaseActions", "JSON files (*.json)")}
translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


class CaseActions:
    """The dialogs behind the case menu entries; ``window`` shows results and messages."""

    def __init__(self, window, session: CaseSession):
        self.window, self.session = window, session

    def _error(self, title: str, exc: Exception) -> None:
        self.window.statusBar().showMessage(str(exc), 10000)
        QMessageBox.warning(self.window, title, str(exc))

    def open_case(self) -> None:
        if self.session.open_error:
            why = translate("CaseActions", "the case database is not available: %1")
            self._error(translate("CaseActions", "Open case"),
                        CaseStoreError(why.replace("%1", str(self.session.open_error))))
            return
        case_id = self.session.choose_case()
        if case_id is None:
            return
        try:
            record = self.session.load(case_id)
        except CaseStoreError as exc:
            self._error(translate("CaseActions", "Open case"), exc)
            return
        self.window.show_case(record)
        self.session.check_files_async(self.window.show_file_problems)

    def edit_details(self, prefill: dict[str, str] | None = None) -> None:
        """Ask for the patient and specimen fields and store them; a signed case shows them read-only.
        ``prefill``: values typed earlier (a draft kept at a user switch) shown instead of the stored ones."""
        from .case_details import CaseDetailsDialog

        if self.session.signed:
            CaseDetailsDialog.show_read_only(self.session.fields(), self.window)
            return
        fields = {**self.session.fields().as_dict(), **prefill} if prefill else self.session.fields()
        values = CaseDetailsDialog.ask(fields, self.window)
        if values is None:
            return
        try:
            self.session.save_details(values)
        except CaseStoreError as exc:
            self._error(translate("CaseActions", "Case details"), exc)
            return
        self.window.statusBar().showMessage(
            translate("CaseActions", "Details of case %1 saved").replace("%1", str(self.session.case_id)),
            8000)
        self.window.refresh_case_view()

    def override(self, prefill: dict[str, str] | None = None) -> None:
        """Review the selected image; ``prefill``: the choice, reason and comment typed earlier (a draft)."""
        from .review_dialog import ReviewDialog

        path = self.window.current
        image = self.session.image_for(path) if path is not None else None
        if image is None or image.analysis is None:
            self._error(translate("CaseActions", "Override class"), CaseStoreError(
                translate("CaseActions", "select an analysed image of a saved case first")))
            return
        try:
            self.session.refuse_if_signed("reviews")
        except CaseStoreError as exc:
            self._error(translate("CaseActions", "Override class"), exc)
            return
        answer = ReviewDialog.ask(path.name, image.model_class, image.reviewed_class, self.window, prefill=prefill)
        if answer is None:
            return
        new_class, reason, comment = answer
        try:
            if not self.session.may(Permission.OVERRIDE):  # a technologist proposes; a hematologist decides
                self.session.propose(path, new_class, reason)
                self.window.statusBar().showMessage(
                    translate("CaseActions", "Class %1 proposed for %2; a hematologist decides")
                    .replace("%1", new_class).replace("%2", path.name), 8000)
            else:
                self.session.override(path, new_class, reason, comment)
        except CaseStoreError as exc:
            self._error(translate("CaseActions", "Override class"), exc)
            return
        self.window.refresh_case_view()

    def sign_off(self) -> None:
        from .sign_off_dialog import SignOffDialog

        try:
            self.session.refuse_if_signed("sign-off")
            check = self.session.sign_off_check(self.window.failed_images(), self.window.waiting_images())
        except CaseStoreError as exc:
            self._error(translate("CaseActions", "Sign off"), exc)
            return
        # the store call (password check and signature in one transaction) runs in the dialog's background job
        dialog = SignOffDialog(check, self.session.actor, self.window, sign=self.session.signer(check.as_audit()))
        try:
            dialog.exec()
            failure, signed = dialog.failure, dialog.signed
        finally:
            dialog.deleteLater()
        if signed is not None or failure is not None:
            try:  # read the case again on the UI thread: signed now, or as another window left it
                self.session.reload()
            except CaseStoreError as exc:
                failure = failure or exc
        if failure is not None:
            self._error(translate("CaseActions", "Sign off"), failure)
        if signed is None:
            return
        self.window.statusBar().showMessage(translate(
            "CaseActions", "Case signed off electronically by %1").replace("%1", signed.signed_by), 8000)
        self.window.refresh_case_view()

    def reopen(self) -> bool:
        """Ask for a reason and re-open the signed case; whether it was re-opened."""
        from .i18n import why_not_text
        from .case_guard import ask_reopen_reason

        if not self.session.may(Permission.REOPEN):  # e.g. a technologist adding images to a signed case
            self._error(translate("CaseActions", "Re-open case"),
                        CaseStoreError(why_not_text(getattr(self.session.actor, "role", None), Permission.REOPEN)))
            return False
        reason = ask_reopen_reason(self.window)
        if reason is None:
            return False
        try:
            self.session.reopen(reason)
        except CaseStoreError as exc:
            self._error(translate("CaseActions", "Re-open case"), exc)
            return False
        self.window.statusBar().showMessage(
            translate("CaseActions", "Case re-opened; it needs a new sign-off"), 8000)
        self.window.refresh_case_view()
        return True

    def remove_image(self) -> None:
        """Take the selected image out of the case when it is not stored (failed or not analysed), with a reason."""
        path = self.window.current
        if path is None:
            return
        try:
            self.session.refuse_if_signed("images")
            if Path(path) in self.session.image_ids:
                self.session.remove_image(path, "")  # raises: stored images are excluded, not removed
            reason = ""
            if self.session.case_id is not None:
                reason, ok = QInputDialog.getText(
                    self.window, translate("CaseActions", "Remove image"),
                    translate("CaseActions", "Why is %1 taken out of the case?")
                    .replace("%1", Path(path).name))
                if not ok:
                    return
                if not reason.strip():
                    raise CaseStoreError(translate(
                        "CaseActions", "a reason is required to remove an image from a stored case"))
            self.session.remove_image(path, reason)
        except CaseStoreError as exc:
            self._error(translate("CaseActions", "Remove image"), exc)
            return
        self.window.remove_from_view(Path(path))

    def export(self, kind: str) -> None:
        if self.session.case_id is None:
            self._error(translate("CaseActions", "Export case"), CaseStoreError(translate(
                "CaseActions", "no stored case: analyse images or open a case first")))
            return
        name = f"case-{self.session.case_id}.{kind}"
        title = translate("CaseActions", "Export case as %1").replace("%1", kind.upper())
        target, _ = QFileDialog.getSaveFileName(self.window, title, name,
                                                translate("CaseActions", EXPORT_FILTERS[kind]))
        if not target:
            return
        try:
            written = self.session.export(kind, Path(target))
        except CaseStoreError as exc:
            self._error(translate("CaseActions", "Export case"), exc)
            return
        self.window.statusBar().showMessage(
            translate("CaseActions", "Case exported to %1").replace("%1", str(written)), 8000)
