"""The Override Class dialog: the four classes, or "Exclude: not a lymphoblast / unusable image", and a reason.

An empty reason (needed whenever the choice differs from the model's class, and always for an exclusion) keeps
the dialog open with the choice intact and says why.

Usage::

    choice = ReviewDialog.ask(path.name, model_class, current_class, parent)  # (class, reason, comment) or None
"""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget)

from ..config import CLASS_NAMES
from ..core.case_summary import EXCLUDE_CHOICE, EXCLUDED
from .case_panel import translated_summary_text
from .i18n import class_description


class ReviewDialog(QDialog):
    def __init__(self, file_name: str, model_class: str | None, current: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Override class"))
        self.model_class = model_class
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Model's class of %1: %2").replace("%1", file_name)
                           .replace("%2", model_class or self.tr("none"))))
        self.choice = QComboBox()
        for name in CLASS_NAMES:
            self.choice.addItem(f"{name} \u2014 {class_description(name)}", name)
        self.choice.addItem(translated_summary_text(EXCLUDE_CHOICE), EXCLUDED)
        index = self.choice.findData(current)
        self.choice.setCurrentIndex(max(0, index))
        form.addRow(self.tr("Reviewer's class"), self.choice)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("required when the class differs from the model's"))
        form.addRow(self.tr("Reason"), self.reason)
        self.comment = QLineEdit()
        form.addRow(self.tr("Comment"), self.comment)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a61b1b;")
        self.error.setVisible(False)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> str:
        return self.choice.currentData()

    def values(self) -> tuple[str, str, str]:
        return self.chosen(), self.reason.text().strip(), self.comment.text().strip()

    def accept(self) -> None:
        """Close only with a reason where one is needed; the choice stays as it was."""
        if self.chosen() != self.model_class and not self.reason.text().strip():
            self.error.setText(self.tr("Excluding an image needs a reason.") if self.chosen() == EXCLUDED
                               else self.tr("Overriding the model's class needs a reason."))
            self.error.setVisible(True)
            return
        super().accept()

    @classmethod
    def ask(cls, file_name: str, model_class: str | None, current: str | None,
            parent: QWidget | None = None, prefill: dict[str, str] | None = None) -> tuple[str, str, str] | None:
        dialog = cls(file_name, model_class, current, parent)
        if prefill:  # a draft kept when another user signed in (ui.drafts)
            dialog.choice.setCurrentIndex(max(0, dialog.choice.findData(prefill.get("choice"))))
            dialog.reason.setText(prefill.get("reason", ""))
            dialog.comment.setText(prefill.get("comment", ""))
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
