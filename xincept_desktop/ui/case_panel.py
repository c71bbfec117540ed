"""Case summary: images per class, the case-level suggestion with its rule, and images to review."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..config import CLASS_NAMES
from ..core.case_summary import SUGGESTION_RULE
from .i18n import class_description
from .result_panel import wrapped

DISCLAIMER = ("Decision support only: every result must be reviewed and confirmed by a hematologist. "
              "Not a diagnosis.")
MIN_REVIEW_ROWS = 2  # the review list keeps room for a couple of entries however short the dock


def disclaimer() -> str:
    """:data:`DISCLAIMER` in the interface language."""
    return QCoreApplication.translate("CasePanel", "Decision support only: every result must be reviewed and "
                                      "confirmed by a hematologist. Not a diagnosis.")  # == DISCLAIMER (a literal)


class CasePanel(QWidget):
    """View of a ``CaseSummary``; ``review_selected(path)`` when an item of the review list is activated.

    A column of word-wrapped labels, the class counts in a grid and a review list with a minimum height: in its
    scroll area the panel grows taller when narrow instead of drawing its rows over each other."""

    review_selected = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.suggestion = wrapped("\u2014")
        self.suggestion.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.rule = wrapped(translated_summary_text(SUGGESTION_RULE))
        self.rule.setStyleSheet("color: palette(mid); font-size: 8pt;")
        self.totals = wrapped(self.tr("No images"))
        self.count_labels = {name: QLabel("0") for name in CLASS_NAMES}
        self.review_list = QListWidget()
        self.review_list.setWordWrap(True)  # long camera file names wrap instead of being cut
        self.review_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.review_list.setMinimumHeight(MIN_REVIEW_ROWS * self.review_list.fontMetrics().height() * 2 + 8)
        self.review_list.itemActivated.connect(self._on_review_item)
        self.review_list.itemClicked.connect(self._on_review_item)
        self.case_status = wrapped(self.tr("Not saved yet"))  # plain text: shows typed patient names as they are
        self.conclusion = wrapped("")
        self.conclusion.setVisible(False)
        self.disclaimer = wrapped(disclaimer())
        self.disclaimer.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 4px; border-radius: 3px;")
        self._layout()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.case_status)
        layout.addWidget(self.conclusion)
        layout.addWidget(wrapped(self.tr("Case suggestion")))
        layout.addWidget(self.suggestion)
        layout.addWidget(self.rule)
        layout.addWidget(self.totals)
        counts = QGridLayout()
        counts.setColumnStretch(1, 1)
        for row, (name, label) in enumerate(self.count_labels.items()):
            counts.addWidget(wrapped(class_description(name)), row, 0)
            counts.addWidget(label, row, 1)
        layout.addLayout(counts)
        layout.addWidget(wrapped(self.tr("For review (low confidence, out of domain, errors) and excluded")))
        layout.addWidget(self.review_list, 1)
        layout.addWidget(self.disclaimer)

    def show_summary(self, summary) -> None:
        """Fill the panel from a ``core.case_summary.CaseSummary``."""
        self.suggestion.setText(class_description(summary.suggestion) if summary.suggestion in CLASS_NAMES
                                else translated_summary_text(summary.suggestion))
        images = (self.tr("%1 image") if summary.total == 1 else self.tr("%1 images")).replace("%1", str(summary.total))
        totals = self.tr("%1 analysed of %2").replace("%1", str(summary.analysed)).replace("%2", images)
        if summary.failed:
            totals += self.tr(", %1 failed").replace("%1", str(summary.failed))
        self.totals.setText(totals)
        for name, label in self.count_labels.items():
            label.setText(self.tr("%1  (%2 confident)").replace("%1", str(summary.counts.get(name, 0)))
                          .replace("%2", str(summary.confident_counts.get(name, 0))))
        self.review_list.clear()
        for item in [*summary.review, *getattr(summary, "excluded", [])]:
            entry = QListWidgetItem(f"{item.path.name}: {item.reason}")
            entry.setData(Qt.ItemDataRole.UserRole, item.path)
            self.review_list.addItem(entry)

    def set_conclusion(self, conclusion: str, comments: str) -> None:
        """The case's conclusion and comments (stored case fields, edited in Case Details until sign-off)."""
        lines = [self.tr("Conclusion: %1").replace("%1", conclusion) if conclusion else "",
                 self.tr("Comments: %1").replace("%1", comments) if comments else ""]
        text = "\n".join(line for line in lines if line)
        self.conclusion.setText(text)
        self.conclusion.setVisible(bool(text))

    def set_case_status(self, text: str, warning: bool = False) -> None:
        """The stored case's state (saved, signed, files moved or changed)."""
        self.case_status.setText(text)
        self.case_status.setStyleSheet("color: #a15c00; font-weight: bold;" if warning else "font-weight: bold;")

    def _on_review_item(self, item: QListWidgetItem) -> None:
        self.review_selected.emit(item.data(Qt.ItemDataRole.UserRole))


def translated_summary_text(text: str) -> str:
    """The case rule, 'indeterminate — review' and the exclusion choice (core constants) in the interface language;
    any other text as it is."""
    from ..core.case_summary import EXCLUDE_CHOICE, INDETERMINATE

    table = {
        SUGGESTION_RULE: QCoreApplication.translate(  # the literal (lupdate reads literals) equals the core's
            "CasePanel", "Case suggestion = the most frequent class among images classified with calibrated "
            "confidence \u2265 70 % and inside the training domain; a reviewer's class replaces the model's and "
            "always counts. No such image, or a tie between classes, gives 'indeterminate \u2014 review'."),
        INDETERMINATE: QCoreApplication.translate("CasePanel", "indeterminate \u2014 review"),
        EXCLUDE_CHOICE: QCoreApplication.translate("CasePanel", "Exclude: not a lymphoblast / unusable image"),
    }
    return table.get(text, text)
