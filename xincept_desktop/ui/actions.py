"""Menus, toolbar and keyboard shortcuts of the main window, built from one table."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

CONTEXT = "Actions"  # texts below are marked for pyside6-lupdate and translated when the actions are made


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


ACTIONS = {  # name: (text, shortcut, standard icon or None, status tip); texts marked for pyside6-lupdate
    "open": (QT_TRANSLATE_NOOP("Actions", "&Open Images\u2026"), QKeySequence.StandardKey.Open, "SP_DialogOpenButton",
               QT_TRANSLATE_NOOP("Actions", "Open image files")),
    "open_folder": (QT_TRANSLATE_NOOP("Actions", "Open &Folder\u2026"), "Ctrl+Alt+O", "SP_DirOpenIcon",
               QT_TRANSLATE_NOOP("Actions", "Open every image in a folder")),
    "open_case": (QT_TRANSLATE_NOOP("Actions", "Open &Case\u2026"), "Ctrl+Shift+O", None,
               QT_TRANSLATE_NOOP("Actions", "Open a stored case with its results")),
    "new_case": (QT_TRANSLATE_NOOP("Actions", "&New Case"), QKeySequence.StandardKey.New, "SP_FileIcon",
               QT_TRANSLATE_NOOP("Actions", "Close the images of this case")),
    "analyse": (QT_TRANSLATE_NOOP("Actions", "&Analyse"), "F5", "SP_MediaPlay",
               QT_TRANSLATE_NOOP("Actions", "Analyse the images that are not done yet")),
    "cancel": (QT_TRANSLATE_NOOP("Actions", "&Cancel Analysis"), "Esc", "SP_MediaStop",
               QT_TRANSLATE_NOOP("Actions", "Stop the analysis after the current batch")),
    "export_pdf": (QT_TRANSLATE_NOOP("Actions", "&Export PDF\u2026"), "Ctrl+E", "SP_DialogSaveButton",
               QT_TRANSLATE_NOOP("Actions", "Write the case report as PDF")),
    "export_case_csv": (QT_TRANSLATE_NOOP("Actions", "Export Case as CS&V\u2026"), None, None,
               QT_TRANSLATE_NOOP("Actions", "Write the stored case as CSV")),
    "export_case_json": (QT_TRANSLATE_NOOP("Actions", "Export Case as &JSON\u2026"), None, None,
               QT_TRANSLATE_NOOP("Actions", "Write the stored case as JSON")),
    "case_details": (QT_TRANSLATE_NOOP("Actions", "Case &Details\u2026"), "Ctrl+I", None,
               QT_TRANSLATE_NOOP("Actions", "Patient and specimen details of the case (read-only once signed)")),
    "remove_image": (QT_TRANSLATE_NOOP("Actions", "Re&move Image\u2026"), None, None,
               QT_TRANSLATE_NOOP("Actions", "Take an image that was never analysed out of the case, with a reason")),
    "override_class": (QT_TRANSLATE_NOOP("Actions", "&Override Class\u2026"), "Ctrl+R", None,
               QT_TRANSLATE_NOOP("Actions", "Set the reviewer's class of the selected image")),
    "sign_off": (QT_TRANSLATE_NOOP("Actions", "&Sign Off Case"), None, None,
               QT_TRANSLATE_NOOP("Actions", "Sign the case off (read-only until re-opened)")),
    "reopen_case": (QT_TRANSLATE_NOOP("Actions", "Re-&open Case\u2026"), None, None,
               QT_TRANSLATE_NOOP("Actions", "Re-open a signed case, with a reason")),
    "print": (QT_TRANSLATE_NOOP("Actions", "&Print\u2026"), QKeySequence.StandardKey.Print, None,
               QT_TRANSLATE_NOOP("Actions", "Print the case report")),
    "preferences": (QT_TRANSLATE_NOOP("Actions", "Pre&ferences\u2026"), "Ctrl+,", None,
               QT_TRANSLATE_NOOP("Actions", "Default opacity, colormap, names")),
    "manage_users": (QT_TRANSLATE_NOOP("Actions", "&Users\u2026"), None, None,
               QT_TRANSLATE_NOOP("Actions", "Add, disable and reset user accounts (administrators)")),
    "lock": (QT_TRANSLATE_NOOP("Actions", "&Lock"), "Ctrl+L", None,
               QT_TRANSLATE_NOOP("Actions", "Lock the window until you or another user signs in")),
    "verify_signatures": (QT_TRANSLATE_NOOP("Actions", "&Verify Signatures\u2026"), None, None,
               QT_TRANSLATE_NOOP("Actions", "Check that every signed case still holds exactly what was signed")),
    "quit": (QT_TRANSLATE_NOOP("Actions", "&Quit"), QKeySequence.StandardKey.Quit, None,
               QT_TRANSLATE_NOOP("Actions", "Quit XIncept")),
    "zoom_in": (QT_TRANSLATE_NOOP("Actions", "Zoom &In"), QKeySequence.StandardKey.ZoomIn, None,
               QT_TRANSLATE_NOOP("Actions", "Zoom in (also + and the wheel)")),
    "zoom_out": (QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), QKeySequence.StandardKey.ZoomOut, None,
               QT_TRANSLATE_NOOP("Actions", "Zoom out (also - and the wheel)")),
    "fit": (QT_TRANSLATE_NOOP("Actions", "&Fit to Window"), "Ctrl+0", None,
               QT_TRANSLATE_NOOP("Actions", "Show the whole image")),
    "actual_size": (QT_TRANSLATE_NOOP("Actions", "&Actual Size (1:1)"), "Ctrl+1", None,
               QT_TRANSLATE_NOOP("Actions", "One image pixel per screen pixel")),
    "toggle_heat": (QT_TRANSLATE_NOOP("Actions", "&Heat Map"), "H", None,
               QT_TRANSLATE_NOOP("Actions", "Show or hide the heat map")),
    "next_image": (QT_TRANSLATE_NOOP("Actions", "&Next Image"), "Ctrl+PgDown", "SP_ArrowDown",
               QT_TRANSLATE_NOOP("Actions", "Select the next image")),
    "previous_image": (QT_TRANSLATE_NOOP("Actions", "P&revious Image"), "Ctrl+PgUp", "SP_ArrowUp",
               QT_TRANSLATE_NOOP("Actions", "Select the previous image")),
    "user_guide": (QT_TRANSLATE_NOOP("Actions", "&User Guide"), QKeySequence.StandardKey.HelpContents, None,
               QT_TRANSLATE_NOOP("Actions", "Reading the results, the heat map, the case suggestion; review and sign-off")),
    "shortcuts": (QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), "Ctrl+/", None,
               QT_TRANSLATE_NOOP("Actions", "Every key of the window")),
    "model_card": (QT_TRANSLATE_NOOP("Actions", "&Model Card"), None, None,
               QT_TRANSLATE_NOOP("Actions", "How the model was made and tested")),
    "about": (QT_TRANSLATE_NOOP("Actions", "&About XIncept"), None, None,
               QT_TRANSLATE_NOOP("Actions", "What XIncept is, its version, the model version and the disclaimer")),
    "verification_study": (QT_TRANSLATE_NOOP("Actions", "&Verification Study\u2026"), None, None,
               QT_TRANSLATE_NOOP("Actions", "Measure the model on your lab's labelled images and write the study (PDF, JSON)")),
    "site_adaptation": (QT_TRANSLATE_NOOP("Actions", "&Adapt to This Laboratory\u2026"), None, None,
               QT_TRANSLATE_NOOP("Actions", "Refit the model's last stages on your lab's labelled images (a new model)")),
}

MENUS = {  # menu titles: translated where the menu is made
    "&File": ["open", "open_folder", "open_case", "@recent", "new_case", None, "export_pdf", "print", None,
              "preferences", "manage_users", "lock", None, "quit"],
    "&Analysis": ["analyse", "cancel"],
    "&Case": ["case_details", None, "remove_image", "override_class", "sign_off", "reopen_case", None, "export_case_csv",
              "export_case_json", None, "verify_signatures"],
    "&View": ["zoom_in", "zoom_out", "fit", "actual_size", None, "toggle_heat", None, "next_image",
              "previous_image", "@docks"],
    "&Tools": ["verification_study", "site_adaptation"],
    "&Help": ["user_guide", "shortcuts", "model_card", None, "about"],
}
MENU_TITLES = [QT_TRANSLATE_NOOP("Actions", "&File"), QT_TRANSLATE_NOOP("Actions", "&Analysis"),
               QT_TRANSLATE_NOOP("Actions", "&Case"), QT_TRANSLATE_NOOP("Actions", "&View"), QT_TRANSLATE_NOOP("Actions", "&Tools"),
               QT_TRANSLATE_NOOP("Actions", "&Help"), QT_TRANSLATE_NOOP("Actions", "Main")]  # for lupdate
TOOLBAR = ["open", "open_folder", None, "analyse", "cancel", None, "zoom_in", "zoom_out", "fit", "actual_size",
           None, "export_pdf"]


def create_actions(window, targets: dict | None = None) -> dict[str, QAction]:
    """One QAction per entry of :data:`ACTIONS`, triggering ``targets[name]`` when given (``None``: nothing), else
    ``window.on_<name>``."""
    targets = targets or {}
    actions = {}
    for name, (text, shortcut, icon, tip) in ACTIONS.items():
        action = QAction(translated(text), window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        tip = translated(tip)
        action.setStatusTip(tip)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        if icon:
            action.setIcon(window.style().standardIcon(getattr(QStyle.StandardPixmap, icon)))
        slot = targets[name] if name in targets else getattr(window, f"on_{name}")
        if slot is not None:  # None: the window connects another of the action's signals itself
            action.triggered.connect(slot)
        actions[name] = action
    actions["toggle_heat"].setCheckable(True)
    actions["toggle_heat"].setChecked(True)
    return actions


def build_menus(window, actions: dict[str, QAction], recent_menu, docks: list) -> None:
    """Fill the menu bar; ``@recent`` inserts the recent-files submenu, ``@docks`` the panel toggles."""
    bar = window.menuBar()
    for title, entries in MENUS.items():
        menu = bar.addMenu(translated(title))
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif entry == "@recent":
                menu.addMenu(recent_menu)
            elif entry == "@docks":
                menu.addSeparator()
                for dock in docks:
                    menu.addAction(dock.toggleViewAction())
            else:
                menu.addAction(actions[entry])


def build_toolbar(window, actions: dict[str, QAction]):
    toolbar = window.addToolBar(translated("Main"))
    toolbar.setObjectName("main-toolbar")
    for entry in TOOLBAR:
        toolbar.addSeparator() if entry is None else toolbar.addAction(actions[entry])
    return toolbar
