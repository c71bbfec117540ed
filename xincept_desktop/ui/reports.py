"""Export PDF / Print: thin glue to ``ui.report_dialog`` (another module), imported only when used."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox

NOT_AVAILABLE = QT_TRANSLATE_NOOP("Reports", "report module not available")
translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


def report_settings(prefs, controls, case_context: dict | None = None) -> dict:
    """The settings dict the report functions take; ``case_context`` adds the stored case's fields, reviewers'
    classes and sign-off (``CaseSession.report_context()``)."""
    return {
        "institution": prefs.institution,
        "reviewer": prefs.reviewer,
        "opacity": prefs.opacity,  # the report's own overlay: the Preferences' default, not the screen's
        "colormap": prefs.colormap,
        "cam_method": controls.method,
        "language": getattr(prefs, "language", "en"),  # the report's headings, class names and disclaimer
        **(case_context or {}),
    }


def load_report_module():
    """``xincept_desktop.ui.report_dialog`` or None when it is not installed."""
    try:
        return importlib.import_module("xincept_desktop.ui.report_dialog")
    except ImportError:
        return None


def run_report(parent, kind: str, results: list, model, settings: dict):
    """Call ``export_case_pdf`` (kind "pdf") or ``print_case`` (kind "print"); a message when impossible.

    Returns what they return: the ``BackgroundJob`` making the report, or None (cancelled or impossible)."""
    module = load_report_module()
    if module is None:
        QMessageBox.information(parent, translate("Reports", "Reports"), translate("Reports", NOT_AVAILABLE))
        return None
    if not results:
        QMessageBox.information(parent, translate("Reports", "Reports"),
                                translate("Reports", "Analyse at least one image first."))
        return None
    function = module.export_case_pdf if kind == "pdf" else module.print_case
    return function(parent, results, model, settings)
