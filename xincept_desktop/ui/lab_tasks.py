"""Tools > Verification Study... and Tools > Adapt to This Laboratory...: a dialog asks for the lab's labelled
images, then the work runs on the analysis worker (which owns the model: ``WorkerController.run_task``), with a
progress dialog the user can cancel; the GUI thread never waits on it.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QProgressDialog, QPushButton, QWidget)

DATA_HELP = QT_TRANSLATE_NOOP("LabTasks", "A folder with one sub-folder per class (Benign, Early, Pre, Pro), or a "
                              "CSV file with the columns path,label (and optionally case).")
translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


class _PathField(QWidget):
    """A line edit with browse buttons (a folder, and optionally a CSV file)."""

    def __init__(self, text: str = "", csv: bool = False, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit(text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        folder = QPushButton(self.tr("Folder\u2026"))
        folder.clicked.connect(self._pick_folder)
        layout.addWidget(folder)
        if csv:
            table = QPushButton(self.tr("CSV\u2026"))
            table.clicked.connect(self._pick_csv)
            layout.addWidget(table)

    def _pick_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), self.edit.text())
        if chosen:
            self.edit.setText(chosen)

    def _pick_csv(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file"), self.edit.text(),
                                                self.tr("CSV files (*.csv)"))
        if chosen:
            self.edit.setText(chosen)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None


def _form_dialog(parent, title: str, intro: str) -> tuple[QDialog, QFormLayout, QDialogButtonBox]:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    label = QLabel(intro)
    label.setWordWrap(True)
    form.addRow(label)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.rejected.connect(dialog.reject)
    return dialog, form, buttons


class VerificationDialog:
    """Asks for the data, the output folder, the operator and the acceptance criterion."""

    def __init__(self, parent, operator: str = ""):
        self.dialog, form, buttons = _form_dialog(
            parent, translate("LabTasks", "Verification study"),
            translate("LabTasks", "Measure the model on your laboratory's own labelled images before using it (CLSI "
                                  "EP12, ISO 15189). The study is written as verification.pdf (to file) and "
                                  "verification.json.") + " " + translate("LabTasks", DATA_HELP))
        self.data = _PathField(csv=True)
        self.out = _PathField()
        self.operator = QLineEdit(operator)
        self.criterion = QDoubleSpinBox()
        self.criterion.setRange(50.0, 100.0)
        self.criterion.setDecimals(1)
        self.criterion.setSuffix(" %")
        self.criterion.setValue(95.0)
        form.addRow(translate("LabTasks", "Labelled images"), self.data)
        form.addRow(translate("LabTasks", "Write the study to"), self.out)
        form.addRow(translate("LabTasks", "Operator"), self.operator)
        form.addRow(translate("LabTasks", "Pass when agreement is at least"), self.criterion)
        form.addRow(buttons)
        buttons.accepted.connect(self._accept)
        self.dialog.setMinimumWidth(560)

    def _accept(self) -> None:
        if self.data.path() is None or not self.data.path().exists():
            QMessageBox.warning(self.dialog, translate("LabTasks", "Verification study"),
                                translate("LabTasks", "Choose the folder or CSV of labelled images."))
        elif self.out.path() is None:
            QMessageBox.warning(self.dialog, translate("LabTasks", "Verification study"),
                                translate("LabTasks", "Choose the folder to write the study to."))
        else:
            self.dialog.accept()

    def exec(self) -> bool:
        return bool(self.dialog.exec())


class AdaptDialog:
    """Asks for the data, the name of the adapted model and where to write it."""

    def __init__(self, parent, models_dir: Path):
        self.models_dir = Path(models_dir)
        self.dialog, form, buttons = _form_dialog(
            parent, translate("LabTasks", "Adapt to this laboratory"),
            translate("LabTasks", "Refit the model's last stages (classifier, confidence calibration, out-of-domain "
                                  "check) on your laboratory's labelled images. The network itself is kept; part of "
                                  "your images is held back to measure the result. The current model stays "
                                  "installed; the adapted one is a new model you choose in Preferences. Each class "
                                  "needs at least 20 images.") + " " + translate("LabTasks", DATA_HELP))
        self.data = _PathField(csv=True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("LabTasks", "e.g. Central Lab Zeiss"))
        self.destination = QLabel()
        self.destination.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.textChanged.connect(self._update_destination)
        form.addRow(translate("LabTasks", "Labelled images"), self.data)
        form.addRow(translate("LabTasks", "Name of the adapted model"), self.name)
        form.addRow(translate("LabTasks", "Written to"), self.destination)
        form.addRow(buttons)
        buttons.accepted.connect(self._accept)
        self._update_destination()
        self.dialog.setMinimumWidth(560)

    def out(self) -> Path:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", self.name.text().strip()).strip("-.") or "site"
        return self.models_dir / slug

    def _update_destination(self) -> None:
        self.destination.setText(str(self.out()))

    def _accept(self) -> None:
        if self.data.path() is None or not self.data.path().exists():
            QMessageBox.warning(self.dialog, translate("LabTasks", "Adapt"),
                                translate("LabTasks", "Choose the folder or CSV of labelled images."))
        elif not self.name.text().strip():
            QMessageBox.warning(self.dialog, translate("LabTasks", "Adapt"),
                                translate("LabTasks", "Give the adapted model a name (your laboratory's)."))
        elif self.out().exists():
            QMessageBox.warning(self.dialog, translate("LabTasks", "Adapt"),
                                translate("LabTasks", "%1 already exists: choose another name.")
                                .replace("%1", str(self.out())))
        else:
            self.dialog.accept()

    def exec(self) -> bool:
        return bool(self.dialog.exec())


def verification_work(data: Path, out: Path, operator: str, min_agreement: float):
    """The study as a worker task: ``work(model, profile, progress, should_stop)`` -> (record, pdf path)."""
    def work(model, profile, progress, should_stop):
        from ..core.verification.data import read_lab_data
        from ..core.verification.files import save_study
        from ..core.verification.study import StudySettings, run_study

        images = read_lab_data(data, model.classes)
        study = run_study(model, images, StudySettings(str(data), operator, min_agreement), progress, should_stop,
                          profile)
        if study is None:
            return None
        _, pdf = save_study(study, out)
        return study.record, pdf
    return work


def adaptation_work(data: Path, out: Path, name: str):
    def work(model, profile, progress, should_stop):
        from ..core.adaptation.adapt import AdaptRequest, adapt

        return adapt(model, AdaptRequest(data, out, name, profile=profile), progress=progress,
                     should_stop=should_stop)
    return work


class LabTaskRunner(QObject):
    """Sends one task to the worker and follows it with a cancellable progress dialog."""

    def __init__(self, window, title: str, work, on_done):
        super().__init__(window)
        self.window, self.on_done = window, on_done
        self.progress = QProgressDialog(self.tr("%1: starting\u2026").replace("%1", title), self.tr("Stop"), 0, 0,
                                        window)
        self.progress.setWindowTitle(title)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.title = title
        worker = window.controller.worker
        worker.task_progress.connect(self._on_progress)
        worker.task_finished.connect(self._on_finished)
        worker.task_failed.connect(self._on_failed)
        self.task = window.controller.run_task(work)
        self.progress.canceled.connect(lambda: window.controller.cancel_task(self.task))
        self.progress.show()

    def _on_progress(self, task: int, done: int, total: int) -> None:
        if task == self.task:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(self.tr("%1: %2 of %3 images").replace("%1", self.title)
                                       .replace("%2", str(done)).replace("%3", str(total)))

    def _on_finished(self, task: int, result) -> None:
        if task == self.task:
            self._close()
            if result is None:
                self.window.statusBar().showMessage(
                    self.tr("%1 stopped; nothing was written").replace("%1", self.title), 8000)
            else:
                self.on_done(result)

    def _on_failed(self, task: int, message: str) -> None:
        if task == self.task:
            self._close()
            QMessageBox.warning(self.window, self.title,
                                self.tr("%1 could not be done:").replace("%1", self.title) + f"\n\n{message}\n\n"
                                + self.tr("Nothing was written."))

    def _close(self) -> None:
        worker = self.window.controller.worker
        for signal, slot in ((worker.task_progress, self._on_progress), (worker.task_finished, self._on_finished),
                             (worker.task_failed, self._on_failed)):
            signal.disconnect(slot)
        self.progress.reset()
        self.progress.close()
        self.deleteLater()


def start_verification(window) -> LabTaskRunner | None:
    from .case_session import reviewer_name

    dialog = VerificationDialog(window, reviewer_name(window.prefs))
    if not dialog.exec():
        return None
    work = verification_work(dialog.data.path(), dialog.out.path(), dialog.operator.text().strip(),
                             dialog.criterion.value() / 100.0)

    def done(result) -> None:
        from ..core.verification.files import summary_line

        record, pdf = result
        box = QMessageBox(QMessageBox.Icon.Information if record["passed"] else QMessageBox.Icon.Warning,
                          translate("LabTasks", "Verification study"), summary_line(record) + "\n\n"
                          + translate("LabTasks", "Written to %1").replace("%1", str(pdf.parent)), parent=window)
        open_button = box.addButton(translate("LabTasks", "Open the PDF"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))

    return LabTaskRunner(window, translate("LabTasks", "Verification study"), work, done)


def start_adaptation(window) -> LabTaskRunner | None:
    from ..core.model.installed import user_models_dir

    models = user_models_dir()
    models.mkdir(parents=True, exist_ok=True)
    dialog = AdaptDialog(window, models)
    if not dialog.exec():
        return None
    work = adaptation_work(dialog.data.path(), dialog.out(), dialog.name.text().strip())

    def done(outcome) -> None:
        before, after = outcome.provenance["held_out"]["before"], outcome.provenance["held_out"]["after"]
        text = translate("LabTasks", "The adapted model was written to %1.\n\nOn the %2 held-back images: "
                                     "agreement %3 before, %4 after; flagged out of domain %5 before, %6 after.\n\n"
                                     "Run a verification study on images not used here before using it on patients."
                                     "\n\nUse the adapted model now?")
        for key, value in (("%1", str(outcome.folder)), ("%2", str(after["n"])),
                           ("%3", f"{before['accuracy']:.1%}"), ("%4", f"{after['accuracy']:.1%}"),
                           ("%5", f"{before['ood_rate']:.1%}"), ("%6", f"{after['ood_rate']:.1%}")):
            text = text.replace(key, value)
        answer = QMessageBox.question(window, translate("LabTasks", "Adapted model written"), text)
        if answer == QMessageBox.StandardButton.Yes:
            window.switch_model(outcome.folder)

    return LabTaskRunner(window, translate("LabTasks", "Site adaptation"), work, done)
