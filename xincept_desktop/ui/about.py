"""About box: version, the model card from the model folder, and the decision-support disclaimer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

from .. import __version__
from ..config import APP_NAME
from .case_panel import DISCLAIMER

MODEL_CARD = "MODEL_CARD.md"


def model_card_text(model_folder: Path | None) -> str:
    """The model card's Markdown, or a line saying why there is none."""
    if model_folder is None:
        return "_No model is loaded._"
    card = Path(model_folder) / MODEL_CARD
    try:
        return card.read_text(encoding="utf-8")
    except OSError:
        return f"_No model card ({MODEL_CARD}) in {model_folder}._"


class AboutDialog(QDialog):
    """Shows the app version, the model version and card, and the disclaimer."""

    def __init__(self, model_folder: Path | None, model_version: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.resize(640, 560)
        header = QLabel(f"<h2>{APP_NAME} Desktop {__version__}</h2>"
                        f"<p>Offline decision support for acute lymphoblastic leukemia subtyping "
                        f"from peripheral blood smear images.</p><p>Model: {model_version}</p>")
        header.setWordWrap(True)
        self.card = QTextBrowser()
        self.card.setMarkdown(model_card_text(model_folder))
        disclaimer = QLabel(f"<b>{DISCLAIMER}</b>")
        disclaimer.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (header, self.card, disclaimer, buttons):
            layout.addWidget(widget)
