"""Result of the current image: probability bars, calibrated confidence, domain flag, model version."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..config import CLASS_NAMES
from ..core.assessability import UNLIKE_TRAINING, not_assessable_heading
from .i18n import class_description

BAR_COLOUR = QColor(90, 120, 170)
TOP_COLOUR = QColor(30, 90, 200)
OK_STYLE = "color: #1b5e20; font-weight: bold;"
WARN_STYLE = "color: #a15c00; font-weight: bold;"
ERROR_STYLE = "color: #b00020; font-weight: bold;"
HEADING_STYLE = "font-size: 15pt; font-weight: bold;"
SECONDARY_STYLE = "color: #555555;"
NOT_ASSESSABLE = UNLIKE_TRAINING  # the heading's source text for an image unlike the training images


class ProbabilityBars(QWidget):
    """Horizontal bar chart of class probabilities, painted with QPainter; the top class is highlighted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.probabilities: dict[str, float] = {}
        self.setMinimumHeight(4 * 26)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, 4 * 26)

    def set_probabilities(self, probabilities: dict[str, float]) -> None:
        self.probabilities = dict(probabilities)
        self.setToolTip("\n".join(f"{class_description(k)}: {v:.1%}" for k, v in probabilities.items()))
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        names = list(self.probabilities) or list(CLASS_NAMES)
        row = self.height() / max(1, len(names))
        label_w, value_w = 70.0, 52.0
        bar_w = max(10.0, self.width() - label_w - value_w)
        top = max(self.probabilities, key=self.probabilities.get) if self.probabilities else None
        for i, name in enumerate(names):
            self._paint_row(painter, QRectF(0, i * row, self.width(), row), name, label_w, bar_w, name == top)
        painter.end()

    def _paint_row(self, painter: QPainter, rect: QRectF, name: str, label_w: float, bar_w: float,
                   is_top: bool) -> None:
        value = self.probabilities.get(name)
        text_colour = self.palette().windowText().color()
        painter.setPen(text_colour)
        painter.drawText(QRectF(rect.x(), rect.y(), label_w - 6, rect.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        track = QRectF(rect.x() + label_w, rect.y() + rect.height() * 0.2, bar_w, rect.height() * 0.6)
        painter.fillRect(track, self.palette().alternateBase())
        if value is not None:
            painter.fillRect(QRectF(track.x(), track.y(), bar_w * value, track.height()),
                             TOP_COLOUR if is_top else BAR_COLOUR)
            painter.setPen(text_colour)
            painter.drawText(QRectF(track.right() + 6, rect.y(), 50, rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{value:.0%}")


class ResultPanel(QWidget):
    """Shows one ImageResult; ``show_result(None)`` clears it. Every text line wraps, so a narrow dock grows taller
    (it sits in a scroll area) instead of drawing lines over each other."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = wrapped(self.tr("No image selected"))
        self.label = wrapped()
        self.label.setStyleSheet(HEADING_STYLE)
        self.bars = ProbabilityBars()
        self.confidence = wrapped()
        self.domain = wrapped()
        self.domain_reason = wrapped()  # the out-of-domain reason (once: the heading only says 'not assessable')
        self.model_version = wrapped(self.tr("Model: loading\u2026"))
        self.model_version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scale = wrapped()
        self.review = wrapped()
        self.review.setStyleSheet(WARN_STYLE)
        self.heat_note = wrapped()  # which class the heat map shows, when it is not the result's class
        self.heat_note.setStyleSheet(WARN_STYLE)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.label, self.review, self.heat_note, self.bars, self.confidence, self.domain,
                       self.domain_reason, self.scale, self.model_version):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._tidy()

    def _tidy(self) -> None:
        """Lines without text take no room (an empty line still took its spacing: gaps between the heading and
        the bars)."""
        for widget in (self.label, self.review, self.heat_note, self.confidence, self.domain, self.domain_reason,
                       self.scale):
            widget.setVisible(bool(widget.text()))

    def set_model_version(self, text: str) -> None:
        self.model_version.setText(self.tr("Model: %1").replace("%1", text))

    def show_result(self, result, review=None) -> None:
        """Show ``result``; with a reviewer's ``review`` its class is the heading and the model's stays beside."""
        if result is None:
            self._clear(self.tr("No image selected"))
        elif result.error is not None:
            self._clear(breakable(result.path.name))
            self.label.setText(self.tr("Not analysed"))
            self.label.setStyleSheet(ERROR_STYLE + "font-size: 15pt;")
            self.domain_reason.setText(result.error)
        else:
            self._show_ok(result)
            self.show_review(review)
        self._tidy()

    def show_review(self, review) -> None:
        """The reviewer's class as the heading, the model's beside it (``None``: the model's class stands)."""
        if review is None:
            self.review.setText("")
            self._tidy()
            return
        from ..core.case_summary import EXCLUDE_CHOICE, EXCLUDED

        self.label.setStyleSheet(HEADING_STYLE)
        heading = EXCLUDE_CHOICE if review.reviewed_class == EXCLUDED else class_description(review.reviewed_class)
        self.label.setText(heading)
        self.review.setText(self.tr("Reviewer's class, by %1 \u2014 %2\nModel's class: %3")
                            .replace("%1", review.reviewer).replace("%2", review.reason)
                            .replace("%3", class_description(review.model_class)))
        self._tidy()

    def show_heat_class(self, result, shown: str | None) -> None:
        """Say which class the heat map shows when it is not the result's class: by default the heat map follows
        the network's own head (``result.explained_class``), while the result's class comes from XGBoost."""
        self.heat_note.setText(heat_note(result, shown))
        self._tidy()

    def show_pending(self, path, status: str) -> None:
        self._clear(breakable(path.name))
        from .image_list import STATUS_TEXT

        self.label.setText(QCoreApplication.translate("ImageList", STATUS_TEXT.get(status, status)).capitalize())
        self._tidy()

    def _clear(self, title: str) -> None:
        self.title.setText(title)
        self.label.setStyleSheet(HEADING_STYLE)
        for widget in (self.label, self.review, self.heat_note, self.confidence, self.domain, self.domain_reason,
                       self.scale):
            widget.setText("")
        self.bars.set_probabilities({})

    def _show_ok(self, result) -> None:
        self._clear(breakable(result.path.name))
        in_domain = bool(result.in_domain)
        self.bars.set_probabilities(result.probabilities)
        if in_domain:
            self.label.setText(class_description(result.label))
            low = self.tr(" \u2014 low confidence, review") if result.low_confidence else ""
            self.confidence.setText(self.tr("Calibrated confidence: %1").replace("%1", f"{result.confidence:.1%}")
                                    + low)
            self.confidence.setStyleSheet(WARN_STYLE if result.low_confidence else "")
        else:
            # The warning is the heading, its reason right under it; the class is only the closest one, so the eye
            # does not read a diagnosis off an image the model was never trained on.
            self.label.setText(not_assessable(result))
            self.label.setStyleSheet(WARN_STYLE + "font-size: 15pt;")
            self.confidence.setText(closest_class_text(result))
            self.confidence.setStyleSheet(SECONDARY_STYLE)
        self.domain.setText(self.tr("\u2713 In domain") if in_domain else self.tr("\u26a0 Out of domain"))
        self.domain.setStyleSheet(OK_STYLE if in_domain else WARN_STYLE)
        self.domain_reason.setText(result.ood_reason)
        self.scale.setText(scale_text(result))
        self.scale.setStyleSheet(WARN_STYLE if result.scale_unknown else "")


def wrapped(text: str = "") -> QLabel:
    """A plain-text label that wraps at the panel's width."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def breakable(name: str) -> str:
    """A file name that may wrap after its separators ('WBC-Malignant-Early-001.jpg' has no space to wrap at)."""
    for separator in "-_.":
        name = name.replace(separator, separator + "\u200b")
    return name



#: core.assessability's headings, marked for translation
HEADINGS = (QT_TRANSLATE_NOOP("ResultPanel", "Not assessable: unlike the training images"),
            QT_TRANSLATE_NOOP("ResultPanel", "Not assessable: scale unknown"),
            QT_TRANSLATE_NOOP("ResultPanel", "Not assessable: the class depends on the magnification"),
            QT_TRANSLATE_NOOP("ResultPanel", "Not assessable: magnified field read with too little confidence"))


def not_assessable(result) -> str:
    """Why ``result`` cannot be assessed, as a heading in the interface language ('Not assessable: scale unknown')."""
    return QCoreApplication.translate("ResultPanel", not_assessable_heading(result.ood_reason))


def closest_class_text(result) -> str:
    """'Closest class: Pre-B ALL (99.4 %, not a diagnosis)': the secondary line of an out-of-domain result."""
    text = QCoreApplication.translate("ResultPanel", "Closest class: %1 (%2 %, not a diagnosis)")
    return text.replace("%1", class_description(result.label)).replace("%2", f"{(result.confidence or 0.0) * 100:.1f}")


def scale_text(result) -> str:
    """'Scale: red cells 37 px, 2.02x the training images ...; 4 tiles' plus what the file reader noted."""
    lines = []
    if result.scale is not None:
        tiles = QCoreApplication.translate("ResultPanel", "; %1 tiles (outlined)").replace("%1", str(result.tiles))
        tiles = tiles if result.tiles > 1 else ""
        lines.append(QCoreApplication.translate("ResultPanel", "Scale: %1").replace("%1", result.scale.note) + tiles)
    lines += [QCoreApplication.translate("ResultPanel", "Note: %1").replace("%1", note) for note in result.notes]
    return "\n".join(lines)


def heat_class(result, chosen: str = "") -> str | None:
    """The class whose heat map is shown: the one chosen in the heat-map controls, else the network head's class
    (what Grad-CAM explains), else the result's class; None without a successful result."""
    if result is None or not result.ok:
        return None
    return chosen or result.explained_class or result.label


def heat_note(result, shown: str | None) -> str:
    """'Heat map shows evidence for Pre (the network's head); the result is Pro' when they differ, else ''."""
    if result is None or not result.ok or not shown or shown == result.label:
        return ""
    text = QCoreApplication.translate("ResultPanel",
                                      "Heat map shows evidence for %1 (the network's head); the result is %2")
    return text.replace("%1", shown).replace("%2", result.label)
