"""Qt translation of the user interface: the chosen language's translator and layout direction, and the texts that
come from core constants (class names) spelled out for ``pyside6-lupdate``.

The compiled catalogues (``xincept_<lang>.qm``) are package data built from ``resources/translations/*.ts`` by
``make resources`` (``resources/build.py``). English is the source language and needs no catalogue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QTranslator

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


#: ``Permission`` values (what a role may do), marked for pyside6-lupdate; translated by :func:`why_not_text`
PERMISSION_TEXTS = (QT_TRANSLATE_NOOP("Permissions", "open and view cases"),
                    QT_TRANSLATE_NOOP("Permissions", "analyse images"),
                    QT_TRANSLATE_NOOP("Permissions", "enter case details"),
                    QT_TRANSLATE_NOOP("Permissions", "propose a class"),
                    QT_TRANSLATE_NOOP("Permissions", "export cases and reports"),
                    QT_TRANSLATE_NOOP("Permissions", "override the model's class"),
                    QT_TRANSLATE_NOOP("Permissions", "sign off cases"),
                    QT_TRANSLATE_NOOP("Permissions", "re-open signed cases"),
                    QT_TRANSLATE_NOOP("Permissions", "manage users"),
                    QT_TRANSLATE_NOOP("Permissions", "change the model"),
                    QT_TRANSLATE_NOOP("Permissions", "change the settings"))


def why_not_text(role, permission) -> str:
    """``core.accounts.why_not`` in the interface language (the same sentence in English): why ``role`` cannot
    take ``permission``'s action, '' when it can."""
    from ..core.accounts.roles import Role, allows, roles_allowed

    if role is not None and allows(role, permission):
        return ""
    translate = QCoreApplication.translate

    def article(english: str, shown: str) -> str:
        form = translate("Permissions", "an %1") if english[:1] in "aeiou" else translate("Permissions", "a %1")
        return form.replace("%1", shown)

    allowed = roles_allowed(permission)
    who = article(" or ".join(r.value for r in allowed),
                  translate("Permissions", " or ").join(role_name(r) for r in allowed))
    action = translate("Permissions", permission.value)
    if role is None:
        return translate("Permissions", "Sign in first: only %1 may %2.").replace("%1", who).replace("%2", action)
    return translate("Permissions", "Only %1 may %2; you are signed in as %3.").replace("%1", who) \
        .replace("%2", action).replace("%3", article(Role(role).value, role_name(role)))


#: sentences of ``core.accounts`` shown as they come (a user name or password rule), marked for pyside6-lupdate
ACCOUNT_RULES = (QT_TRANSLATE_NOOP("AccountRules", "a user name has 2 to 32 characters: lower-case letters, digits, "
                                                   "'.', '_' or '-', starting with a letter or digit"),
                 QT_TRANSLATE_NOOP("AccountRules", "the password must not start or end with a space"),
                 QT_TRANSLATE_NOOP("AccountRules", "the password must not be the user name"),
                 QT_TRANSLATE_NOOP("AccountRules", "the password needs at least %1 characters"))


def account_rule(text: str) -> str:
    """A user name or password rule from ``core.accounts`` in the interface language (other text as it is)."""
    import re

    needs = re.fullmatch(r"the password needs at least (\d+) characters", text)
    if needs:
        return QCoreApplication.translate("AccountRules", "the password needs at least %1 characters") \
            .replace("%1", needs.group(1))
    return QCoreApplication.translate("AccountRules", text)
