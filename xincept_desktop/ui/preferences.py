"""Preferences dialog: default opacity and colormap, CAM method, institution and reviewer names, microscope
profiles."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLineEdit, QMessageBox, QSpinBox, QVBoxLayout)

from .device_preference import DevicePreference
from .microscope_profiles import MicroscopeProfilesEditor

from .settings import CAM_METHOD_LABELS, CAM_METHODS, COLORMAP_CHOICES, Preferences


class PreferencesDialog(QDialog):
    """Edits a copy of ``Preferences``; ``preferences()`` returns the edited values."""

    def __init__(self, prefs: Preferences, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.opacity = QSpinBox()
        self.opacity.setRange(0, 100)
        self.opacity.setSuffix(" %")
        self.opacity.setValue(round(prefs.opacity * 100))
        self.colormap = QComboBox()
        self.colormap.addItems(list(COLORMAP_CHOICES))
        self.colormap.setCurrentText(prefs.colormap)
        self.cam_method = QComboBox()
        for method in CAM_METHODS:
            self.cam_method.addItem(CAM_METHOD_LABELS[method], method)
        self.cam_method.setCurrentIndex(max(0, self.cam_method.findData(prefs.cam_method)))
        self.institution = QLineEdit(prefs.institution)
        self.reviewer = QLineEdit(prefs.reviewer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.microscopes = MicroscopeProfilesEditor(prefs.microscope_profiles, prefs.active_profile)
        microscope_box = QGroupBox("Microscope profiles (used where the red cells cannot be measured)")
        QVBoxLayout(microscope_box).addWidget(self.microscopes)
        form = QFormLayout(self)
        form.addRow("Default heat-map opacity", self.opacity)
        form.addRow("Default colormap", self.colormap)
        form.addRow("Default heat-map method", self.cam_method)
        form.addRow("Institution", self.institution)
        form.addRow("Reviewer", self.reviewer)
        form.addRow(microscope_box)
        self.device = DevicePreference(prefs.device)
        form.addRow(self.device)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            self.microscopes.profiles()
        except ValueError as exc:
            QMessageBox.warning(self, "Microscope profiles", str(exc))
            return
        super().accept()

    def preferences(self) -> Preferences:
        return Preferences(
            opacity=self.opacity.value() / 100.0,
            colormap=self.colormap.currentText(),
            cam_method=self.cam_method.currentData(),
            institution=self.institution.text().strip(),
            reviewer=self.reviewer.text().strip(),
            microscope_profiles=self.microscopes.profiles(),
            active_profile=self.microscopes.active_name(),
            device=self.device.value(),
        )
