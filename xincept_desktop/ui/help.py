"""Help menu pages: the user guide (``docs/user-guide.md``, packaged as ``resources/user-guide.md``), the keyboard
shortcuts, the model card and About. Each is read-only Markdown in a QTextBrowser."""

from __future__ import annotations

import html
import platform
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

from .. import __version__
from ..config import APP_NAME, PACKAGE_DIR
from .case_panel import disclaimer

USER_GUIDE = PACKAGE_DIR / "resources" / "user-guide.md"  # built from docs/user-guide.md by resources/build.py
MODEL_CARD = "MODEL_CARD.md"



def read_markdown(path: Path, missing: str) -> str:
    """The file's Markdown, or ``missing`` (Markdown) when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return missing


def user_guide_text(path: Path = USER_GUIDE) -> str:
    missing = QCoreApplication.translate("Help", "_The user guide is not installed (%1)._")
    return read_markdown(path, missing.replace("%1", str(path)))


def model_card_text(model_folder: Path | None) -> str:
    """The model card's Markdown, or a line saying why there is none."""
    if model_folder is None:
        return QCoreApplication.translate("Help", "_No model is loaded._")
    card = Path(model_folder) / MODEL_CARD
    missing = QCoreApplication.translate("Help", "_No model card (%1) in %2._")
    return read_markdown(card, missing.replace("%1", MODEL_CARD).replace("%2", str(model_folder)))


VIEWER_KEYS = [  # keys the viewer handles itself (not menu actions); texts marked for lupdate
    ("\u2192 \u2193 Space Page Down", QT_TRANSLATE_NOOP("Help", "Next image (in the image)")),
    ("\u2190 \u2191 Backspace Page Up", QT_TRANSLATE_NOOP("Help", "Previous image (in the image)")),
    (QT_TRANSLATE_NOOP("Help", "+ / - / mouse wheel"), QT_TRANSLATE_NOOP("Help", "Zoom in / out (in the image)")),
    (QT_TRANSLATE_NOOP("Help", "Drag"), QT_TRANSLATE_NOOP("Help", "Move the image")),
]


def shortcuts_markdown(actions: dict) -> str:
    """A table of every menu action with a shortcut, then the viewer's own keys."""
    key, action_title = QCoreApplication.translate("Help", "Key"), QCoreApplication.translate("Help", "Action")
    rows = [f"| {key} | {action_title} |", "|---|---|"]
    for action in actions.values():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.append(f"| {_cell(keys)} | {_cell(action.text().replace('&', '').rstrip(chr(0x2026)))} |")
    translate = QCoreApplication.translate
    rows += [f"| {_cell(translate('Help', keys))} | {_cell(translate('Help', text))} |" for keys, text in VIEWER_KEYS]
    title = QCoreApplication.translate("Help", "Keyboard shortcuts")
    return f"# {title}\n\n" + "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "\\|")


def about_markdown(model_version: str, model_folder: Path | None) -> str:
    """What the app is first (version, model, decision support), then the technical details."""
    from PySide6 import __version__ as pyside_version

    model = QCoreApplication.translate("Help", "Model")
    details = QCoreApplication.translate("Help", "Technical details")
    folder = QCoreApplication.translate("Help", "Model folder")
    lines = [
        f"# {APP_NAME} Desktop {__version__}",
        QCoreApplication.translate(
            "Help", "Offline decision support for the subtyping of acute lymphoblastic leukemia (Benign hematogones, "
            "Early Pre-B, Pre-B, Pro-B ALL) from photographs of peripheral blood smears, with heat maps that show "
            "where the evidence lies, a case store with review and sign-off, and PDF reports. No image or result "
            "leaves this computer."),
        f"**{model}:** {model_version}",
        f"**{disclaimer()}**",
        f"## {details}",
        f"- {folder}: `{model_folder or '-'}`",
        f"- Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
        f"- {platform.system()} {platform.release()} ({platform.machine()})",
        "- " + QCoreApplication.translate("Help", "How the model was made and tested: Help > Model Card."),
    ]
    return "\n\n".join(lines) + "\n"


class MarkdownDialog(QDialog):
    """A read-only page of Markdown with a Close button; ``browser`` holds the text."""

    def __init__(self, title: str, markdown: str, parent=None, header: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # offline: nothing opens a web page
        self.browser.setMarkdown(markdown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if header:
            label = QLabel(header)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


def user_guide_dialog(parent=None) -> MarkdownDialog:
    return MarkdownDialog(QCoreApplication.translate("Help", "User Guide"), user_guide_text(), parent)


def shortcuts_dialog(actions: dict, parent=None) -> MarkdownDialog:
    return MarkdownDialog(QCoreApplication.translate("Help", "Keyboard Shortcuts"), shortcuts_markdown(actions), parent)


def model_card_dialog(model_folder: Path | None, parent=None) -> MarkdownDialog:
    return MarkdownDialog(QCoreApplication.translate("Help", "Model Card"), model_card_text(model_folder), parent)


def about_dialog(model_version: str, model_folder: Path | None, parent=None) -> MarkdownDialog:
    title = QCoreApplication.translate("Help", "About %1").replace("%1", APP_NAME)
    return MarkdownDialog(title, about_markdown(model_version, model_folder), parent)
