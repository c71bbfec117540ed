"""The Case Details dialog: patient and specimen fields of the current stored case.

Usage from the case actions::

    values = CaseDetailsDialog.ask(current_fields, parent)   # dict of CaseFields names, or None when cancelled

The dialog checks the dates (``YYYY-MM-DD``) with the store's own rules before it closes, so a typo is shown
next to the fields instead of failing later. Saving, auditing and refusing signed cases is the store's job.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ..errors import CaseStoreError

_N = "CaseDetails"  # translation context; labels are marked for pyside6-lupdate and translated where shown
FIELD_LABELS = (("patient_id", QT_TRANSLATE_NOOP("CaseDetails", "Patient ID")),
                ("patient_name", QT_TRANSLATE_NOOP("CaseDetails", "Patient name")),
                ("date_of_birth", QT_TRANSLATE_NOOP("CaseDetails", "Date of birth")),
                ("sex", QT_TRANSLATE_NOOP("CaseDetails", "Sex")),
                ("specimen_id", QT_TRANSLATE_NOOP("CaseDetails", "Specimen ID")),
                ("specimen_type", QT_TRANSLATE_NOOP("CaseDetails", "Specimen type")),
                ("collection_date", QT_TRANSLATE_NOOP("CaseDetails", "Collection date")),
                ("requesting_physician", QT_TRANSLATE_NOOP("CaseDetails", "Requesting physician")))
TEXT_FIELDS = (("conclusion", QT_TRANSLATE_NOOP("CaseDetails", "Reviewer's conclusion")),
               ("comments", QT_TRANSLATE_NOOP("CaseDetails", "Comments")))
DATE_FIELDS = ("date_of_birth", "collection_date")
DATE_HINT = "YYYY-MM-DD"
TITLE = QT_TRANSLATE_NOOP("CaseDetails", "Case details")


class CaseDetailsDialog(QDialog):
    """One edit per case field, prefilled from ``fields`` (a ``CaseFields`` or a mapping); ``read_only`` for a
    signed case (every field shown, nothing editable, only Close)."""

    def __init__(self, fields=None, parent: QWidget | None = None, title: str = "Case details",
                 read_only: bool = False):
        super().__init__(parent)
        self.read_only = read_only
        self.setWindowTitle(QCoreApplication.translate("CaseDetails", title)
                            + (self.tr(" (signed: read-only)") if read_only else ""))
        current = fields.as_dict() if hasattr(fields, "as_dict") else dict(fields or {})
        form = QFormLayout(self)
        if read_only:
            form.addRow(QLabel(self.tr("The case is signed off; re-open it (Case \u25b8 Re-open Case) to change "
                                       "these.")))
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, label in FIELD_LABELS:
            edit = QLineEdit(str(current.get(name) or ""), self)
            if name in DATE_FIELDS:
                edit.setPlaceholderText(DATE_HINT)
            edit.setReadOnly(read_only)
            self.edits[name] = edit
            form.addRow(QCoreApplication.translate(_N, label), edit)
        for name, label in TEXT_FIELDS:
            text = QPlainTextEdit(str(current.get(name) or ""), self)
            text.setFixedHeight(60)
            text.setReadOnly(read_only)
            self.edits[name] = text
            form.addRow(QCoreApplication.translate(_N, label), text)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a61b1b;")
        self.error.setVisible(False)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close if read_only else
                                   QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        """Field name -> text as typed."""
        return {name: (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text())
                for name, edit in self.edits.items()}

    def accept(self) -> None:
        """Close only when the store would take the values (dates readable); a read-only one never saves."""
        from ..core.cases import CaseFields

        if self.read_only:
            self.reject()
            return
        try:
            CaseFields.from_mapping(self.values())
        except CaseStoreError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        super().accept()

    @classmethod
    def ask(cls, fields=None, parent: QWidget | None = None) -> dict[str, str] | None:
        """Show the dialog modally; the values, or ``None`` when cancelled."""
        dialog = cls(fields, parent)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def show_read_only(cls, fields, parent: QWidget | None = None) -> None:
        """Show a signed case's fields; nothing can be changed or saved."""
        dialog = cls(fields, parent, read_only=True)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
