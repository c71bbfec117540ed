"""Preferences > OK changes only what the dialog shows (issue 19): the heat-map settings set on screen stay unless
their default was changed; the language is stored; the viewer's keys change image."""

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_analysed
from xincept_desktop.ui import settings as preferences_store
from xincept_desktop.ui.preferences import PreferencesDialog


def live_settings(window) -> tuple:
    return window.controls.colormap, window.controls.opacity, window.controls.method


def set_live(window) -> None:
    controls = window.controls
    controls.colormap_box.setCurrentIndex(controls.colormap_box.findData("viridis"))
    controls.opacity_slider.setValue(49)
    controls.method_box.setCurrentIndex(controls.method_box.findData("gradcam++"))


def test_ok_without_changes_keeps_the_live_heat_map_settings(make_window, qtbot):
    window = make_window(start=False)
    set_live(window)
    dialog = PreferencesDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    window.apply_preferences(dialog.preferences())
    assert live_settings(window) == ("viridis", 0.49, "gradcam++")


def test_only_the_changed_default_applies_on_screen(make_window, qtbot):
    window = make_window(start=False)
    set_live(window)
    dialog = PreferencesDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    dialog.institution.setText("Taleqani Hospital")
    dialog.opacity.setValue(70)
    window.apply_preferences(dialog.preferences())
    assert live_settings(window) == ("viridis", 0.7, "gradcam++")
    assert preferences_store.load_preferences().institution == "Taleqani Hospital"


def test_language_is_stored_and_unknown_ones_fall_back(make_window, qtbot):
    window = make_window(start=False)
    dialog = PreferencesDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("fa"))
    window.apply_preferences(dialog.preferences())
    assert preferences_store.load_preferences().language == "fa"
    preferences_store.settings().setValue("prefs/language", "xx")
    assert preferences_store.load_preferences().language == "en"


def test_arrow_space_and_page_keys_in_the_viewer_change_image(ready_window, case_folder, qtbot):
    window = ready_window
    folder = case_folder(3)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    window.image_list.setCurrentRow(0)
    for key, row in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_Space, 2), (Qt.Key.Key_Space, 2), (Qt.Key.Key_Left, 1),
                     (Qt.Key.Key_PageUp, 0), (Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Down, 2), (Qt.Key.Key_Up, 1)):
        qtbot.keyClick(window.viewer, key)
        assert window.image_list.currentRow() == row, key
    assert window.current == window.image_list.paths()[1]
