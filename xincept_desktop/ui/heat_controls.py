"""Heat-map controls: show/hide, opacity, colormap, which class, Grad-CAM or Grad-CAM++."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSlider, QWidget

from ..config import CLASS_DESCRIPTIONS, CLASS_NAMES
from .settings import CAM_METHOD_LABELS, CAM_METHODS, COLORMAP_CHOICES

PREDICTED = ""  # class selector value meaning "the class the network's head gives" (what Grad-CAM explains)
COLOUR_BLIND_SAFE = ("viridis", "cividis")


class HeatControls(QWidget):
    """Emits ``changed`` when what the heat layer shows changes, ``opacity_changed`` for opacity alone."""

    changed = Signal()
    opacity_changed = Signal(float)
    visibility_changed = Signal(bool)

    def __init__(self, opacity: float = 0.4, colormap: str = "jet", method: str = "gradcam", parent=None):
        super().__init__(parent)
        self.show_box = QCheckBox("&Heat map")
        self.show_box.setChecked(True)
        self.show_box.setToolTip("Show the heat map over the image: the network's evidence for the shown class; warm "
                                 "regions are where that evidence lies (H)")
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setValue(round(opacity * 100))
        self.opacity_slider.setMaximumWidth(160)
        self.opacity_slider.setToolTip("Heat-map opacity")
        self.opacity_label = QLabel()
        self.colormap_box = self._combo([(name + (" (colour-blind safe)" if name in COLOUR_BLIND_SAFE else ""), name)
                                         for name in COLORMAP_CHOICES], colormap)
        self.class_box = self._combo([("network's class", PREDICTED)]
                                     + [(CLASS_DESCRIPTIONS.get(c, c), c) for c in CLASS_NAMES], PREDICTED)
        self.class_box.setToolTip("Which class's evidence the heat map shows; by default the class the network's own "
                                  "head gives, which is what the heat map explains (the result's class comes from the "
                                  "classifier on top and can differ: the result panel then says so)")
        self.method_box = self._combo([(CAM_METHOD_LABELS[m], m) for m in CAM_METHODS], method)
        self._layout()
        self._connect()
        self._update_opacity_label()

    def _combo(self, entries: list[tuple[str, str]], current: str) -> QComboBox:
        box = QComboBox()
        for text, value in entries:
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(current)))
        return box

    def _layout(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        for widget in (self.show_box, QLabel("Opacity"), self.opacity_slider, self.opacity_label,
                       QLabel("Colours"), self.colormap_box, QLabel("Class"), self.class_box,
                       QLabel("Method"), self.method_box):
            row.addWidget(widget)
        row.addStretch(1)

    def _connect(self) -> None:
        self.show_box.toggled.connect(self.visibility_changed)
        self.opacity_slider.valueChanged.connect(self._on_opacity)
        for box in (self.colormap_box, self.class_box, self.method_box):
            box.currentIndexChanged.connect(self.changed)

    def _on_opacity(self, _value: int) -> None:
        self._update_opacity_label()
        self.opacity_changed.emit(self.opacity)

    def _update_opacity_label(self) -> None:
        self.opacity_label.setText(f"{self.opacity_slider.value()} %")

    @property
    def opacity(self) -> float:
        return self.opacity_slider.value() / 100.0

    @property
    def colormap(self) -> str:
        return self.colormap_box.currentData()

    @property
    def class_name(self) -> str:
        return self.class_box.currentData()

    @property
    def method(self) -> str:
        return self.method_box.currentData()

    @property
    def heat_visible(self) -> bool:
        return self.show_box.isChecked()
