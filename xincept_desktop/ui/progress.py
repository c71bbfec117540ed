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
        tracker = self._tracker
        self.bar.setValue(tracker.done)
        eta = tracker.eta_seconds
        self.text.setText(self.tr("Analysing %1/%2 (%3/s, ETA %4)").replace("%1", str(tracker.done))
                          .replace("%2", str(tracker.total)).replace("%3", f"{tracker.rate:.1f}")
                          .replace("%4", self.duration(eta) if eta is not None else "?"))

    def duration(self, seconds: float) -> str:
        """``seconds`` as "1h05m", "2m07s" or "9s" in the interface language."""
        seconds = max(0, int(round(seconds)))
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        if hours:
            return self.tr("%1h%2m").replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
        if minutes:
            return self.tr("%1m%2s").replace("%1", str(minutes)).replace("%2", f"{secs:02d}")
        return self.tr("%1s").replace("%1", str(secs))
