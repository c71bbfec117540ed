"""The Case Details dialog: patient and specimen fields of the current stored case.

Usage from the case actions::

    values = CaseDetailsDialog.ask(current_fields, parent)   # dict of CaseFields names, or None when cancelled

The dialog checks the dates (``YYYY-MM-DD``) with the store's own rules before it closes, so a typo is shown
next to the fields instead of failing later. Saving, auditing and refusing signed cases is the store's job.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ..errors import CaseStoreError

FIELD_LABELS = (("patient_id", "Patient ID"), ("patient_name", "Patient name"), ("date_of_birth", "Date of birth"),
                ("sex", "Sex"), ("specimen_id", "Specimen ID"), ("specimen_type", "Specimen type"),
                ("collection_date", "Collection date"), ("requesting_physician", "Requesting physician"))
DATE_FIELDS = ("date_of_birth", "collection_date")
DATE_HINT = "YYYY-MM-DD"


class CaseDetailsDialog(QDialog):
    """One line edit per case field, prefilled from ``fields`` (a ``CaseFields`` or a mapping)."""

    def __init__(self, fields=None, parent: QWidget | None = None, title: str = "Case details"):
        super().__init__(parent)
        self.setWindowTitle(title)
        current = fields.as_dict() if hasattr(fields, "as_dict") else dict(fields or {})
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for name, label in FIELD_LABELS:
            edit = QLineEdit(str(current.get(name) or ""), self)
            if name in DATE_FIELDS:
                edit.setPlaceholderText(DATE_HINT)
            self.edits[name] = edit
            form.addRow(label, edit)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a61b1b;")
        self.error.setVisible(False)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        """Field name -> text as typed."""
        return {name: edit.text() for name, edit in self.edits.items()}

    def accept(self) -> None:
        """Close only when the store would take the values (dates readable)."""
        from ..core.cases import CaseFields

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
