"""Heat-map controls: show/hide, opacity, colormap, which class, Grad-CAM or Grad-CAM++."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QSlider, QWidget

from ..config import CLASS_NAMES
from .i18n import class_description
from .settings import CAM_METHOD_LABELS, CAM_METHODS, COLORMAP_CHOICES

MIN_SLIDER_WIDTH = 120  # narrower, the handle reads as a check box and a click lands on 0 %
PREDICTED = ""  # class selector value meaning "the class the network's head gives" (what Grad-CAM explains)
COLOUR_BLIND_SAFE = ("viridis", "cividis")


class HeatControls(QWidget):
    """Emits ``changed`` when what the heat layer shows changes, ``opacity_changed`` for opacity alone."""

    changed = Signal()
    opacity_changed = Signal(float)
    visibility_changed = Signal(bool)

    def __init__(self, opacity: float = 0.4, colormap: str = "jet", method: str = "gradcam", parent=None):
        super().__init__(parent)
        self.show_box = QCheckBox(self.tr("&Heat map"))
        self.show_box.setChecked(True)
        self.show_box.setToolTip(self.tr(
            "Show the heat map over the image: the network's evidence for the shown class; "
            "warm regions are where that evidence lies (H)"))
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setValue(round(opacity * 100))
        self.opacity_slider.setMinimumWidth(MIN_SLIDER_WIDTH)
        self.opacity_slider.setToolTip(self.tr("Heat-map opacity"))
        self.opacity_label = QLabel()
        self.colormap_box = self._combo([(name + (self.tr(" (colour-blind safe)") if name in COLOUR_BLIND_SAFE else ""),
                                          name)
                                         for name in COLORMAP_CHOICES], colormap)
        self.class_box = self._combo([(self.tr("network's class"), PREDICTED)]
                                     + [(class_description(c), c) for c in CLASS_NAMES], PREDICTED)
        self.class_box.setToolTip(self.tr(
            "Which class's evidence the heat map shows; by default the class the network's own head gives, which is "
            "what the heat map explains (the result's class comes from the classifier on top and can differ: the "
            "result panel then says so)"))
        self.method_box = self._combo([(CAM_METHOD_LABELS[m], m) for m in CAM_METHODS], method)
        self._layout()
        self._connect()
        self._update_opacity_label()

    def _combo(self, entries: list[tuple[str, str]], current: str) -> QComboBox:
        box = QComboBox()
        for text, value in entries:
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(12)  # a narrow dock does not push the window wider; the popup shows all
        return box

    def _layout(self) -> None:
        """One control per row (the panel is a dock of its own): the slider keeps its width at any window size."""
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.show_box)
        opacity = QHBoxLayout()
        opacity.addWidget(self.opacity_slider, 1)
        opacity.addWidget(self.opacity_label)
        self.opacity_label.setMinimumWidth(self.opacity_label.fontMetrics().horizontalAdvance("100 %"))
        for text, field in ((self.tr("Opacity"), opacity), (self.tr("Colours"), self.colormap_box),
                            (self.tr("Class"), self.class_box), (self.tr("Method"), self.method_box)):
            form.addRow(text, field)

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
