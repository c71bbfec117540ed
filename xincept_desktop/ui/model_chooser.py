"""Preferences > Model: the installed model bundles, the active one marked, adapted ones with their site and parent.

The choice is kept in the settings (``model/active``) and used at the next start; switching now is done by the
window (``MainWindow.switch_model``), which loads the bundle in the worker and writes an audit line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMessageBox, QVBoxLayout, QWidget

from ..core.model.installed import InstalledBundle, installed_bundles
from .settings import settings

ACTIVE_KEY = "model/active"


def saved_model_dir() -> Path | None:
    """The bundle chosen in Preferences, when it is still there (``XINCEPT_MODEL_DIR`` wins over it)."""
    import os

    if os.environ.get("XINCEPT_MODEL_DIR"):
        return None
    value = str(settings().value(ACTIVE_KEY, "") or "")
    return Path(value) if value and (Path(value) / "manifest.json").is_file() else None


def save_model_dir(folder: Path) -> None:
    settings().setValue(ACTIVE_KEY, str(folder))


class ModelChooser(QWidget):
    """A list of the installed bundles; ``selected()`` is the folder picked (the active one until changed)."""

    def __init__(self, active: Path | None, bundles: list[InstalledBundle] | None = None, parent=None):
        super().__init__(parent)
        self.active = Path(active).resolve() if active else None
        self.list = QListWidget()
        self.list.setMinimumHeight(70)
        self.list.setMaximumHeight(160)
        for bundle in installed_bundles() if bundles is None else bundles:
            self._add(bundle)
        note = QLabel(self.tr("Adapted models are marked with their laboratory and the model they came from. "
                              "Switching is recorded in the audit log; every analysis and report names the model "
                              "that made it."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(note)

    def _add(self, bundle: InstalledBundle) -> None:
        is_active = self.active is not None and bundle.folder.resolve() == self.active
        item = QListWidgetItem(("\u25cf " if is_active else "") + bundle.describe()
                               + (self.tr("  (active)") if is_active else ""))
        item.setData(Qt.ItemDataRole.UserRole, str(bundle.folder))
        item.setToolTip(str(bundle.folder))
        if bundle.problem:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled)
        self.list.addItem(item)
        if is_active:
            self.list.setCurrentItem(item)

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else self.active

    def changed(self) -> bool:
        chosen = self.selected()
        return chosen is not None and chosen.resolve() != self.active


class ModelSwitch(QObject):
    """Loads another bundle in the worker; once it is ready, remembers it and writes the audit line (who, from which
    model to which); when it fails, the previous choice is kept and the window shows why."""

    def __init__(self, window, folder: Path):
        super().__init__(window)
        self.window, self.folder = window, Path(folder)
        if window.analysis.busy:
            QMessageBox.information(window, self.tr("Model"),
                                    self.tr("Wait for the analysis to finish (or stop it), then switch."))
            self.deleteLater()
            return
        self.old_label = window.model.version_label if window.model is not None else "none"
        self.old_folder = window.model_dir
        worker = window.controller.worker
        worker.model_ready.connect(self._on_ready)
        worker.model_failed.connect(self._on_failed)
        window.model = None
        window.analysis.model = None
        window._set_model_state(ready=False)
        window.model_label.setText(self.tr("Model: loading\u2026"))
        window.statusBar().showMessage(self.tr("Loading the model from %1\u2026").replace("%1", str(self.folder)))
        window.model_dir = self.folder
        window.controller.load_model(self.folder)

    def _on_ready(self, model) -> None:
        self._done()
        save_model_dir(self.folder)
        try:
            self.window.case.store.record_model_switch(self.old_label, model.version_label, self.folder,
                                                       user=self.window.case.user)
        except Exception as exc:  # the store could not be written: say so, the model is switched all the same
            self.window.statusBar().showMessage(
                self.tr("Model switched, but the audit line could not be written: %1").replace("%1", str(exc)), 15000)

    def _on_failed(self, _message: str) -> None:
        self._done()
        self.window.model_dir = self.old_folder

    def _done(self) -> None:
        worker = self.window.controller.worker
        worker.model_ready.disconnect(self._on_ready)
        worker.model_failed.disconnect(self._on_failed)
        self.deleteLater()
