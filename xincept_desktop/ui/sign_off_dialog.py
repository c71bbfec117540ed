"""The Sign Off dialog: what will be signed, what blocks it, and what the signer must acknowledge.

Usage from the case actions::

    dialog = SignOffDialog(check, reviewer_default, parent)      # check: core.cases.sign_off_check.SignOffCheck
    if dialog.exec() == QDialog.DialogCode.Accepted:
        dialog.reviewer(), dialog.acknowledged()                   # name (never empty), warnings accepted

Sign stays disabled while images are not analysed or failed, while warnings are not acknowledged, or while the
reviewer's name is empty.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from ..config import CLASS_DESCRIPTIONS

BLOCK_STYLE = "color: #a61b1b; font-weight: bold;"
WARN_STYLE = "color: #a15c00;"
BLOCK_HINT = ("Analyse them (Analysis \u25b8 Analyse), exclude them (Case \u25b8 Override Class \u25b8 Exclude, "
              "with a reason) or remove those never analysed (Case \u25b8 Remove Image, with a reason) before "
              "signing.")
ACKNOWLEDGE = "I have seen these warnings and sign the case as it is"


def _label(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file and patient names are shown as typed
    if style:
        label.setStyleSheet(style)
    return label


class SignOffDialog(QDialog):
    def __init__(self, check, reviewer: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(f"Sign off case {check.case_id}")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(_label("You are signing:", "font-weight: bold;"))
        form = QFormLayout()
        form.addRow("Images analysed", _label(str(check.analysed)))
        form.addRow("Excluded by the reviewer", _label(str(check.excluded)))
        form.addRow("Could not be analysed", _label(str(len(check.failed))))
        form.addRow("Not analysed", _label(str(len(check.not_analysed))))
        form.addRow("Case suggestion", _label(CLASS_DESCRIPTIONS.get(check.suggestion, check.suggestion),
                                              "font-weight: bold;"))
        layout.addLayout(form)
        self.blockers = [_label("\u26d4 " + line, BLOCK_STYLE) for line in check.blockers]
        for label in self.blockers:
            layout.addWidget(label)
        if self.blockers:
            layout.addWidget(_label(BLOCK_HINT))
        self.warnings = [_label("\u26a0 " + line, WARN_STYLE) for line in check.warnings]
        for label in self.warnings:
            layout.addWidget(label)
        self.acknowledge = QCheckBox(ACKNOWLEDGE)
        self.acknowledge.setVisible(bool(check.warnings))
        self.acknowledge.toggled.connect(self._update)
        layout.addWidget(self.acknowledge)
        self.name = QLineEdit(reviewer)
        self.name.setPlaceholderText("your name, as it will appear on the report")
        self.name.textChanged.connect(self._update)
        names = QFormLayout()
        names.addRow("Signed by", self.name)
        layout.addLayout(names)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton("Sign Off", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def reviewer(self) -> str:
        return self.name.text().strip()

    def acknowledged(self) -> list[str]:
        """The warnings the signer accepted (empty when there were none)."""
        return list(self.check.warnings) if self.acknowledge.isChecked() else []

    def can_sign(self) -> bool:
        return bool(self.reviewer()) and self.check.can_sign(self.acknowledge.isChecked())

    def _update(self) -> None:
        self.sign_button.setEnabled(self.can_sign())

    def accept(self) -> None:
        if self.can_sign():
            super().accept()
