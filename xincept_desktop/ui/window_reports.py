"""Export PDF and Print from the main window (a mixin of ``MainWindow``): the report settings of the case, the
conclusion typed in the report dialog stored in the case, and the audit of both with report ID and PDF sha256."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from .background import BackgroundJob

translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


class ReportMixin:
    """Needs the window's ``case``, ``prefs``, ``controls``, ``results``, ``image_list`` and ``model``."""

    def _report(self, kind: str) -> None:
        from .reports import report_settings, run_report

        results = [self.results[p] for p in self.image_list.paths() if p in self.results]
        settings = report_settings(self.prefs, self.controls, self.case.report_context())
        settings["not_analysed"] = [p for p in dict.fromkeys([*self.case.not_analysed, *self.waiting_images()])
                                    if p not in self.results]
        case_id = settings.get("case_id")
        if case_id is not None:
            settings["save_case_text"] = self._save_case_text
            settings["on_printed"] = lambda printer, identity: self._audit_report(case_id, "print", printer,
                                                                                  identity)
        job = run_report(self, kind, results, self.model, settings)
        if isinstance(job, BackgroundJob):  # the snapshot (and the PDF) are made in a thread
            self.statusBar().showMessage(translate("ReportMixin", "Preparing the report\u2026"))
            job.then(partial(self._on_report_done, kind, case_id))  # called by the job's own slot, on the UI thread

    def _save_case_text(self, changes: dict) -> None:
        """Conclusion or comments typed in the report dialog: stored in the case (audited) before the report."""
        from ..errors import CaseStoreError

        try:
            self.case.save_details(changes)
        except CaseStoreError as exc:
            QMessageBox.warning(self, translate("ReportMixin", "Case details"), str(exc))
        self.refresh_case_view()

    def _on_report_done(self, kind: str, case_id: int | None, outcome, error) -> None:
        if error is not None:
            self.statusBar().showMessage(translate("ReportMixin", "The report could not be made"), 8000)
            return
        if kind != "pdf":
            self.statusBar().clearMessage()
            return
        path, report_id, sha256 = outcome
        message = translate("ReportMixin", "Report %1 written to %2").replace("%1", report_id).replace("%2", str(path))
        failure = self._audit_report(case_id, "pdf", path, {"report_id": report_id, "sha256": sha256})
        note = translate("ReportMixin", " (not recorded in the case's audit log: %1)").replace("%1", failure)
        self.statusBar().showMessage(message + (note if failure else ""), 10000)

    def _audit_report(self, case_id: int | None, kind: str, target, identity: dict) -> str:
        """Audit an exported or printed report with its id and the PDF's sha256; the error text, or ""."""
        from ..errors import CaseStoreError

        try:
            self.case.record_export(case_id, kind, target, **identity)
        except CaseStoreError as exc:
            return str(exc)
        return ""
