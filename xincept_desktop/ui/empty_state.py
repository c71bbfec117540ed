"""What the viewer area shows while the case has no image to show: a hint, the two ways to open images, and a
notice when the last folder opened held none (how many files were skipped and why)."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

HINT = "Open images or a folder, or drop them here"
SILENT_REASON = "notes, tables, metadata or hidden files, not images"


class EmptyState(QWidget):
    """The hint with Open Images… and Open Folder… buttons; ``open_images`` / ``open_folder`` are its buttons, the
    window connects them to its actions. ``set_notice`` adds a line under the hint (empty: none)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hint = QLabel(self.tr("Open images or a folder, or drop them here"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        font = self.hint.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.hint.setFont(font)
        self.notice = QLabel()
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00;")
        self.notice.setVisible(False)
        self.open_images = QPushButton(self.tr("Open Images\u2026"))
        self.open_folder = QPushButton(self.tr("Open Folder\u2026"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_images)
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.hint)
        column.addLayout(buttons)
        column.addWidget(self.notice)
        column.addStretch(1)

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 image``, ``2 images`` (``words`` for an irregular plural)."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def no_images_message(paths: list[Path], problems: list[tuple[Path, str]]) -> str:
    """Why opening ``paths`` gave no image: every file found under them, counted by the reason it was skipped.

    ``problems`` are the scan's reasons; files the scan passes over without a word (sidecars, hidden files) are
    counted here by walking the folders (without following links)."""
    reasons = Counter(reason for _, reason in problems)
    listed = {Path(p) for p, _ in problems}
    silent = 0
    for root in paths:
        if Path(root).is_dir():
            for folder, _dirs, names in os.walk(root):
                silent += sum(1 for name in names if Path(folder, name) not in listed)
    if silent:
        reasons[SILENT_REASON] += silent
    where = ", ".join(Path(p).name or str(p) for p in paths)
    skipped = sum(reasons.values())
    if not skipped:
        return f"No images in {where}: it holds no files."
    why = "; ".join(f"{plural(n, 'file')}: {reason}" for reason, n in reasons.most_common())
    return f"No images in {where}: {plural(skipped, 'file')} skipped ({why})."
