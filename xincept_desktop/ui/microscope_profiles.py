"""Editor for the lab's microscope profiles (objective, camera, micrometres per pixel) and the active one.

The red-cell ruler reads each image's scale by itself; the active profile is used only where it cannot (too few
red cells, sizes that disagree). With no active profile such images are marked "scale unknown" and out of domain.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.scale import MicroscopeProfile

COLUMNS = (QT_TRANSLATE_NOOP("MicroscopeProfilesEditor", "Name"),
           QT_TRANSLATE_NOOP("MicroscopeProfilesEditor", "Objective"),
           QT_TRANSLATE_NOOP("MicroscopeProfilesEditor", "Camera"),
           QT_TRANSLATE_NOOP("MicroscopeProfilesEditor", "\u00b5m per pixel"))
NO_PROFILE = QT_TRANSLATE_NOOP("MicroscopeProfilesEditor", "None (red-cell ruler only)")


class MicroscopeProfilesEditor(QWidget):
    def __init__(self, profiles: list[MicroscopeProfile], active: str, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(110)
        for profile in profiles:
            self._append(profile.name, profile.objective, profile.camera, f"{profile.um_per_pixel:g}")
        add, remove = QPushButton(self.tr("Add")), QPushButton(self.tr("Remove"))
        add.clicked.connect(self._add_row)
        remove.clicked.connect(self._remove_row)
        self.active = QComboBox()
        self.table.itemChanged.connect(self._refresh_active)
        self._refresh_active()
        self.active.setCurrentIndex(max(0, self.active.findText(active)))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Active:")))
        buttons.addWidget(self.active)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)

    def profiles(self) -> list[MicroscopeProfile]:
        """The profiles in the table; raises ValueError naming the row at fault."""
        profiles, names = [], set()
        for row in range(self.table.rowCount()):
            name, objective, camera, size = (self._text(row, c) for c in range(len(COLUMNS)))
            if not any((name, objective, camera, size)):
                continue
            try:
                profile = MicroscopeProfile(name, float(size.replace(",", ".")), objective, camera)
            except ValueError as exc:
                raise ValueError(f"microscope profile in row {row + 1}: {exc}") from None
            if name in names:
                raise ValueError(f"two microscope profiles are called '{name}'")
            names.add(name)
            profiles.append(profile)
        return profiles

    def active_name(self) -> str:
        text = self.active.currentText()
        return "" if self.active.currentIndex() <= 0 else text  # the first entry is "none" in any language

    def _append(self, *values: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def _add_row(self) -> None:
        self._append("", "", "", "")
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def _remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())
            self._refresh_active()

    def _refresh_active(self, *_args) -> None:
        current = self.active.currentText()
        names = [self._text(row, 0) for row in range(self.table.rowCount())]
        self.active.blockSignals(True)
        self.active.clear()
        self.active.addItems([self.tr(NO_PROFILE), *[n for n in names if n]])
        self.active.setCurrentIndex(max(0, self.active.findText(current)))
        self.active.blockSignals(False)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""
