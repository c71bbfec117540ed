"""The Preferences dialog's "Device" group: where the model runs (Auto / CPU / GPU), applied when the app starts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout

from ..core.model.device_support import gpu_plugin_installed
from .settings import DEVICE_CHOICES

DEVICE_LABELS = {"auto": QT_TRANSLATE_NOOP("DevicePreference", "Auto (a GPU the runtime can use, else the CPU)"),
                 "cpu": "CPU", "gpu": "GPU"}
NOTE = QT_TRANSLATE_NOOP("DevicePreference", "Takes effect the next time XIncept starts. Intel GPUs run the model "
                         "through OpenVINO; NVIDIA GPUs through ONNX Runtime with CUDA, where set-up installed it, and "
                         "only after agreeing with the CPU on a test batch. The status bar names the device in use.")

#: core.model.device_support.CPU_ONLY_NOTE, marked for translation
CPU_ONLY = QT_TRANSLATE_NOOP("DevicePreference", "This installation runs the model on the CPU only: its inference "
                             "runtime carries no GPU plugin (the standalone app leaves it out).")


class DevicePreference(QGroupBox):
    """A combo box of ``DEVICE_CHOICES`` and a note on what each means."""

    def __init__(self, device: str, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Device"))
        self.combo = QComboBox()
        for choice in DEVICE_CHOICES:
            self.combo.addItem(self.tr(DEVICE_LABELS[choice]), choice)
        self.combo.setCurrentIndex(max(0, self.combo.findData(device)))
        note = QLabel(self.tr(NOTE))
        if not gpu_plugin_installed():  # the standalone app: OpenVINO without its GPU plugin
            gpu = self.combo.findData("gpu")
            self.combo.model().item(gpu).setEnabled(False)
            if self.combo.currentIndex() == gpu:
                self.combo.setCurrentIndex(self.combo.findData("auto"))
            note.setText(self.tr(CPU_ONLY) + " " + self.tr(NOTE))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(note)

    def value(self) -> str:
        return str(self.combo.currentData())
