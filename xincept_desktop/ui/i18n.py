"""Qt translation of the user interface: the chosen language's translator and layout direction, and the texts that
come from core constants (class names) spelled out for ``pyside6-lupdate``.

The compiled catalogues (``xincept_<lang>.qm``) are package data built from ``resources/translations/*.ts`` by
``make resources`` (``resources/build.py``). English is the source language and needs no catalogue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from ..config import CLASS_DESCRIPTIONS, PACKAGE_DIR

TRANSLATIONS_DIR = PACKAGE_DIR / "resources" / "i18n"
LANGUAGES = {"en": "English", "fa": "\u0641\u0627\u0631\u0633\u06cc (Persian)"}
RIGHT_TO_LEFT = {"fa"}
_installed: list[QTranslator] = []  # kept referenced: Qt does not own an installed translator


def catalogue(language: str, folder: Path = TRANSLATIONS_DIR) -> Path:
    return Path(folder) / f"xincept_{language}.qm"


def install_language(app, language: str, folder: Path = TRANSLATIONS_DIR) -> bool:
    """Translate the interface into ``language`` ("en": the source texts) and lay it out right to left where the
    language is written so. Returns False (English stays) when its catalogue is missing or unreadable."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    if language not in LANGUAGES or language == "en":
        return language == "en"
    translator = QTranslator()
    if not translator.load(str(catalogue(language, folder))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    for name in ("qtbase", "qt"):  # Qt's own dialogs and buttons (OK, Cancel), where Qt ships them
        qt_translator = QTranslator()
        if qt_translator.load(QLocale(language), name, "_", _qt_translations_dir()):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
            break
    if language in RIGHT_TO_LEFT:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return True


def _qt_translations_dir() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def class_description(name: str) -> str:
    """The class's long name in the interface language ("Pre" -> "Pre-B ALL")."""
    names = {
        "Benign": QCoreApplication.translate("Classes", "Benign (hematogones)"),
        "Early": QCoreApplication.translate("Classes", "Early Pre-B ALL"),
        "Pre": QCoreApplication.translate("Classes", "Pre-B ALL"),
        "Pro": QCoreApplication.translate("Classes", "Pro-B ALL"),
    }
    return names.get(name, CLASS_DESCRIPTIONS.get(name, name))


def role_name(role) -> str:
    """An account role ("technologist", a ``Role``) in the interface language."""
    value = getattr(role, "value", role)
    names = {
        "technologist": QCoreApplication.translate("Roles", "technologist"),
        "hematologist": QCoreApplication.translate("Roles", "hematologist"),
        "administrator": QCoreApplication.translate("Roles", "administrator"),
    }
    return names.get(value, str(value))
