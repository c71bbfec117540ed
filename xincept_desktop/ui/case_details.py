"""The Case Details dialog: patient and specimen fields of the current stored case.

Usage from the case actions::

    values = CaseDetailsDialog.ask(current_fields, parent)   # dict of CaseFields names, or None when cancelled

The dialog checks the dates (``YYYY-MM-DD``) with the store's own rules before it closes, so a typo is shown
next to the fields instead of failing later. Saving, auditing and refusing signed cases is the store's job.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ..errors import CaseStoreError

FIELD_LABELS = (("patient_id", "Patient ID"), ("patient_name", "Patient name"), ("date_of_birth", "Date of birth"),
                ("sex", "Sex"), ("specimen_id", "Specimen ID"), ("specimen_type", "Specimen type"),
                ("collection_date", "Collection date"), ("requesting_physician", "Requesting physician"))
TEXT_FIELDS = (("conclusion", "Reviewer's conclusion"), ("comments", "Comments"))
DATE_FIELDS = ("date_of_birth", "collection_date")
DATE_HINT = "YYYY-MM-DD"


class CaseDetailsDialog(QDialog):
    """One edit per case field, prefilled from ``fields`` (a ``CaseFields`` or a mapping); ``read_only`` for a
    signed case (every field shown, nothing editable, only Close)."""

    def __init__(self, fields=None, parent: QWidget | None = None, title: str = "Case details",
                 read_only: bool = False):
        super().__init__(parent)
        self.read_only = read_only
        self.setWindowTitle(title + (" (signed: read-only)" if read_only else ""))
        current = fields.as_dict() if hasattr(fields, "as_dict") else dict(fields or {})
        form = QFormLayout(self)
        if read_only:
            form.addRow(QLabel("The case is signed off; re-open it (Case \u25b8 Re-open Case) to change these."))
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, label in FIELD_LABELS:
            edit = QLineEdit(str(current.get(name) or ""), self)
            if name in DATE_FIELDS:
                edit.setPlaceholderText(DATE_HINT)
            edit.setReadOnly(read_only)
            self.edits[name] = edit
            form.addRow(label, edit)
        for name, label in TEXT_FIELDS:
            text = QPlainTextEdit(str(current.get(name) or ""), self)
            text.setFixedHeight(60)
            text.setReadOnly(read_only)
            self.edits[name] = text
            form.addRow(label, text)
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
