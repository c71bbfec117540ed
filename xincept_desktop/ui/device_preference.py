"""The Preferences dialog's "Device" group: where the model runs (Auto / CPU / GPU), applied when the app starts."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout

from ..core.model.device_support import CPU_ONLY_NOTE, gpu_plugin_installed
from .settings import DEVICE_CHOICES

DEVICE_LABELS = {"auto": "Auto (a GPU the runtime can use, else the CPU)", "cpu": "CPU", "gpu": "GPU"}
NOTE = ("Takes effect the next time XIncept starts. The runtime (OpenVINO) uses Intel GPUs; it cannot use NVIDIA "
        "GPUs, which leave the analysis on the CPU. The status bar names the device in use.")


class DevicePreference(QGroupBox):
    """A combo box of ``DEVICE_CHOICES`` and a note on what each means."""

    def __init__(self, device: str, parent=None):
        super().__init__("Device", parent)
        self.combo = QComboBox()
        for choice in DEVICE_CHOICES:
            self.combo.addItem(DEVICE_LABELS[choice], choice)
        self.combo.setCurrentIndex(max(0, self.combo.findData(device)))
        note = QLabel(NOTE)
        if not gpu_plugin_installed():  # the standalone app: OpenVINO without its GPU plugin
            gpu = self.combo.findData("gpu")
            self.combo.model().item(gpu).setEnabled(False)
            if self.combo.currentIndex() == gpu:
                self.combo.setCurrentIndex(self.combo.findData("auto"))
            note.setText(f"{CPU_ONLY_NOTE} {NOTE}")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(note)

    def value(self) -> str:
        return str(self.combo.currentData())
