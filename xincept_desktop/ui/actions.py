"""Menus, toolbar and keyboard shortcuts of the main window, built from one table."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

# name: (text, shortcut, standard icon or None, status tip)
ACTIONS = {
    "open": ("&Open Images\u2026", QKeySequence.StandardKey.Open, "SP_DialogOpenButton", "Open image files"),
    "open_folder": ("Open &Folder\u2026", "Ctrl+Alt+O", "SP_DirOpenIcon", "Open every image in a folder"),
    "open_case": ("Open &Case\u2026", "Ctrl+Shift+O", None, "Open a stored case with its results"),
    "new_case": ("&New Case", QKeySequence.StandardKey.New, "SP_FileIcon", "Close the images of this case"),
    "analyse": ("&Analyse", "F5", "SP_MediaPlay", "Analyse the images that are not done yet"),
    "cancel": ("&Cancel Analysis", "Esc", "SP_MediaStop", "Stop the analysis after the current batch"),
    "export_pdf": ("&Export PDF\u2026", "Ctrl+E", "SP_DialogSaveButton", "Write the case report as PDF"),
    "export_case_csv": ("Export Case as CS&V\u2026", None, None, "Write the stored case as CSV"),
    "export_case_json": ("Export Case as &JSON\u2026", None, None, "Write the stored case as JSON"),
    "case_details": ("Case &Details\u2026", "Ctrl+I", None,
                     "Patient and specimen details of the case (read-only once signed)"),
    "remove_image": ("Re&move Image\u2026", None, None,
                     "Take an image that was never analysed out of the case, with a reason"),
    "override_class": ("&Override Class\u2026", "Ctrl+R", None, "Set the reviewer's class of the selected image"),
    "sign_off": ("&Sign Off Case", None, None, "Sign the case off (read-only until re-opened)"),
    "reopen_case": ("Re-&open Case\u2026", None, None, "Re-open a signed case, with a reason"),
    "print": ("&Print\u2026", QKeySequence.StandardKey.Print, None, "Print the case report"),
    "preferences": ("Pre&ferences\u2026", "Ctrl+,", None, "Default opacity, colormap, names"),
    "quit": ("&Quit", QKeySequence.StandardKey.Quit, None, "Quit XIncept"),
    "zoom_in": ("Zoom &In", QKeySequence.StandardKey.ZoomIn, None, "Zoom in (also + and the wheel)"),
    "zoom_out": ("Zoom &Out", QKeySequence.StandardKey.ZoomOut, None, "Zoom out (also - and the wheel)"),
    "fit": ("&Fit to Window", "Ctrl+0", None, "Show the whole image"),
    "actual_size": ("&Actual Size (1:1)", "Ctrl+1", None, "One image pixel per screen pixel"),
    "toggle_heat": ("&Heat Map", "H", None, "Show or hide the heat map"),
    "next_image": ("&Next Image", "Ctrl+PgDown", "SP_ArrowDown", "Select the next image"),
    "previous_image": ("P&revious Image", "Ctrl+PgUp", "SP_ArrowUp", "Select the previous image"),
    "about": ("&About XIncept", "F1", None, "Version, model card and disclaimer"),
    "verification_study": ("&Verification Study\u2026", None, None,
                           "Measure the model on your lab's labelled images and write the study (PDF, JSON)"),
    "site_adaptation": ("&Adapt to This Laboratory\u2026", None, None,
                        "Refit the model's last stages on your lab's labelled images (a new model)"),
}

MENUS = {
    "&File": ["open", "open_folder", "open_case", "@recent", "new_case", None, "export_pdf", "print", None,
              "preferences", None, "quit"],
    "&Analysis": ["analyse", "cancel"],
    "&Case": ["case_details", None, "remove_image", "override_class", "sign_off", "reopen_case", None, "export_case_csv",
              "export_case_json"],
    "&View": ["zoom_in", "zoom_out", "fit", "actual_size", None, "toggle_heat", None, "next_image",
              "previous_image", "@docks"],
    "&Tools": ["verification_study", "site_adaptation"],
    "&Help": ["about"],
}
TOOLBAR = ["open", "open_folder", None, "analyse", "cancel", None, "zoom_in", "zoom_out", "fit", "actual_size",
           None, "export_pdf"]


def create_actions(window, targets: dict | None = None) -> dict[str, QAction]:
    """One QAction per entry of :data:`ACTIONS`, triggering ``targets[name]`` when given (``None``: nothing), else
    ``window.on_<name>``."""
    targets = targets or {}
    actions = {}
    for name, (text, shortcut, icon, tip) in ACTIONS.items():
        action = QAction(text, window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
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
        menu = bar.addMenu(title)
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
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    for entry in TOOLBAR:
        toolbar.addSeparator() if entry is None else toolbar.addAction(actions[entry])
    return toolbar
