"""Status-bar progress: bar, rate and ETA text, and a Cancel button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ..core.progress import EtaTracker


class AnalysisProgress(QWidget):
    """Hidden when idle. ``cancel_requested`` when the user presses Cancel (or Esc via the window's action)."""

    cancel_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.text = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the analysis after the current batch (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.text, self.bar, self.cancel_button):
            row.addWidget(widget)
        self._tracker: EtaTracker | None = None
        self.setVisible(False)

    def start(self, total: int) -> None:
        """Begin (or extend, when more images are queued while running) a run of ``total`` images."""
        if self._tracker is None:
            self._tracker = EtaTracker(total)
        else:
            self._tracker.total = total
        self.bar.setRange(0, max(1, total))
        self.cancel_button.setEnabled(True)
        self._refresh()
        self.setVisible(True)

    def update_done(self, done: int) -> None:
        if self._tracker is not None:
            self._tracker.update(done)
            self._refresh()

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.text.setText(self.tr("Cancelling\u2026"))

    def finish(self) -> None:
        self._tracker = None
        self.setVisible(False)

    @property
    def eta_text(self) -> str:
        return self.text.text()

    def _refresh(self) -> None:
        self.bar.setValue(self._tracker.done)
        self.text.setText(self._tracker.describe("Analysing"))
