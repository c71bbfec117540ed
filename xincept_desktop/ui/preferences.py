"""Preferences dialog, one tab per subject: heat-map defaults, report names, microscope profiles, language.

Another subject plugs in as a tab of its own: build its page in a ``_<subject>_tab`` method, add it in
``__init__`` with ``self.tabs.addTab(page, self.tr("Title"))``, and read its fields back in ``preferences()``
(a field with a default in ``settings.Preferences``)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
                               QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from .i18n import LANGUAGES
from .device_preference import DevicePreference
from .microscope_profiles import MicroscopeProfilesEditor
from .settings import CAM_METHOD_LABELS, CAM_METHODS, COLORMAP_CHOICES, LOCK_MINUTES_MAX, Preferences


class PreferencesDialog(QDialog):
    """Edits a copy of ``Preferences``; ``preferences()`` returns the edited values (fields no tab shows are
    returned as they came in)."""

    def __init__(self, prefs: Preferences, parent=None, active_model=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._given = prefs
        self.tabs = QTabWidget()
        self.tabs.addTab(self._heat_map_tab(prefs), self.tr("Heat map"))
        self.tabs.addTab(self._report_tab(prefs), self.tr("Report"))
        self.tabs.addTab(self._microscope_tab(prefs), self.tr("Microscopes"))
        self.tabs.addTab(self._language_tab(prefs), self.tr("Language"))
        self.tabs.addTab(self._sign_in_tab(prefs), self.tr("Sign-in"))
        from .model_chooser import ModelChooser

        self.model_chooser = ModelChooser(active_model)
        self.tabs.addTab(self.model_chooser, self.tr("Model"))
        self.device = DevicePreference(prefs.device)
        self.tabs.addTab(self.device, self.tr("Device"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _heat_map_tab(self, prefs: Preferences) -> QWidget:
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
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(note(self.tr("What a new window starts with. A default you change here also applies to the "
                                 "heat map on screen now; the others stay as you set them there.")))
        form.addRow(self.tr("Default heat-map opacity"), self.opacity)
        form.addRow(self.tr("Default colormap"), self.colormap)
        form.addRow(self.tr("Default heat-map method"), self.cam_method)
        return page

    def _report_tab(self, prefs: Preferences) -> QWidget:
        self.institution = QLineEdit(prefs.institution)
        self.reviewer = QLineEdit(prefs.reviewer)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Institution"), self.institution)
        form.addRow(self.tr("Reviewer"), self.reviewer)
        return page

    def _microscope_tab(self, prefs: Preferences) -> QWidget:
        self.microscopes = MicroscopeProfilesEditor(prefs.microscope_profiles, prefs.active_profile)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(note(self.tr("Microscope profiles are used where the red cells cannot be measured.")))
        column.addWidget(self.microscopes)
        return page

    def _language_tab(self, prefs: Preferences) -> QWidget:
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Language of the window and the reports"), self.language)
        form.addRow(note(self.tr("The window changes language when XIncept is started again; reports are written "
                                 "in the chosen language from now on.")))
        return page

    def _sign_in_tab(self, prefs: Preferences) -> QWidget:
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(1, LOCK_MINUTES_MAX)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(prefs.lock_minutes)
        self.lock_minutes.setToolTip(self.tr("The window locks after this long without keyboard or mouse input; the "
                                             "same user unlocks it with their password, or another user signs in"))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Lock the window after"), self.lock_minutes)
        return page

    def accept(self) -> None:
        try:
            self.microscopes.profiles()
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Microscope profiles"), str(exc))
            return
        super().accept()

    def preferences(self) -> Preferences:
        return replace(
            self._given,
            opacity=self.opacity.value() / 100.0,
            colormap=self.colormap.currentText(),
            cam_method=self.cam_method.currentData(),
            institution=self.institution.text().strip(),
            reviewer=self.reviewer.text().strip(),
            microscope_profiles=self.microscopes.profiles(),
            active_profile=self.microscopes.active_name(),
            lock_minutes=self.lock_minutes.value(),
            language=self.language.currentData(),
            device=self.device.value(),
        )


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
