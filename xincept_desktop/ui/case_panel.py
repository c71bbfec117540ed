"""Case summary: images per class, the case-level suggestion with its rule, and images to review."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..config import CLASS_DESCRIPTIONS, CLASS_NAMES
from ..core.case_summary import SUGGESTION_RULE
from .empty_state import plural

DISCLAIMER = ("Decision support only: every result must be reviewed and confirmed by a hematologist. "
              "Not a diagnosis.")


class CasePanel(QWidget):
    """View of a ``CaseSummary``; ``review_selected(path)`` when an item of the review list is activated."""

    review_selected = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.suggestion = QLabel("\u2014")
        self.suggestion.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.suggestion.setWordWrap(True)
        self.rule = QLabel(SUGGESTION_RULE)
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: palette(mid); font-size: 8pt;")
        self.totals = QLabel("No images")
        self.count_labels = {name: QLabel("0") for name in CLASS_NAMES}
        self.review_list = QListWidget()
        self.review_list.itemActivated.connect(self._on_review_item)
        self.review_list.itemClicked.connect(self._on_review_item)
        self.case_status = QLabel("Not saved yet")
        self.case_status.setTextFormat(Qt.TextFormat.PlainText)  # shows typed patient names as they are
        self.case_status.setWordWrap(True)
        self.conclusion = QLabel("")
        self.conclusion.setTextFormat(Qt.TextFormat.PlainText)
        self.conclusion.setWordWrap(True)
        self.conclusion.setVisible(False)
        self.disclaimer = QLabel(DISCLAIMER)
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 4px; border-radius: 3px;")
        self._layout()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.case_status)
        layout.addWidget(self.conclusion)
        layout.addWidget(QLabel("Case suggestion"))
        layout.addWidget(self.suggestion)
        layout.addWidget(self.rule)
        layout.addWidget(self.totals)
        counts = QFormLayout()
        for name, label in self.count_labels.items():
            counts.addRow(CLASS_DESCRIPTIONS.get(name, name), label)
        layout.addLayout(counts)
        layout.addWidget(QLabel("For review (low confidence, out of domain, errors) and excluded"))
        layout.addWidget(self.review_list, 1)
        layout.addWidget(self.disclaimer)

    def show_summary(self, summary) -> None:
        """Fill the panel from a ``core.case_summary.CaseSummary``."""
        self.suggestion.setText(CLASS_DESCRIPTIONS.get(summary.suggestion, summary.suggestion))
        self.totals.setText(f"{summary.analysed} analysed of {plural(summary.total, 'image')}"
                            + (f", {summary.failed} failed" if summary.failed else ""))
        for name, label in self.count_labels.items():
            label.setText(f"{summary.counts.get(name, 0)}  ({summary.confident_counts.get(name, 0)} confident)")
        self.review_list.clear()
        for item in [*summary.review, *getattr(summary, "excluded", [])]:
            entry = QListWidgetItem(f"{item.path.name}: {item.reason}")
            entry.setData(Qt.ItemDataRole.UserRole, item.path)
            self.review_list.addItem(entry)

    def set_conclusion(self, conclusion: str, comments: str) -> None:
        """The case's conclusion and comments (stored case fields, edited in Case Details until sign-off)."""
        lines = [f"Conclusion: {conclusion}" if conclusion else "", f"Comments: {comments}" if comments else ""]
        text = "\n".join(line for line in lines if line)
        self.conclusion.setText(text)
        self.conclusion.setVisible(bool(text))

    def set_case_status(self, text: str, warning: bool = False) -> None:
        """The stored case's state (saved, signed, files moved or changed)."""
        self.case_status.setText(text)
        self.case_status.setStyleSheet("color: #a15c00; font-weight: bold;" if warning else "font-weight: bold;")

    def _on_review_item(self, item: QListWidgetItem) -> None:
        self.review_selected.emit(item.data(Qt.ItemDataRole.UserRole))
