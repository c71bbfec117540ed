"""Heat-map controls re-blend without recomputing; zoom, fit and 1:1; drag and drop; recent files."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.ui.conftest import wait_analysed, wait_view
from xincept_desktop.ui import settings as preferences_store


def analysed_window(ready_window, case_folder, qtbot, n=4):
    folder = case_folder(n)
    ready_window.open_paths([folder])
    wait_analysed(qtbot, ready_window)
    ready_window.image_list.select(folder / "img000.png")
    wait_view(qtbot, ready_window)  # picture and heat map come from background threads
    return ready_window


def test_opacity_change_updates_at_once_without_recomputing(ready_window, case_folder, qtbot):
    window = analysed_window(ready_window, case_folder, qtbot)
    computed = window.heat_cache.computed
    heat_image = window.viewer.heat_item.pixmap().cacheKey()
    window.controls.opacity_slider.setValue(85)
    assert abs(window.viewer.heat_opacity - 0.85) < 1e-6
    assert window.controls.opacity_label.text() == "85 %"
    assert window.heat_cache.computed == computed
    assert window.viewer.heat_item.pixmap().cacheKey() == heat_image  # same pixels, only the blend changed


def test_colormap_recolours_from_the_cached_heat_map(ready_window, case_folder, qtbot):
    window = analysed_window(ready_window, case_folder, qtbot)
    computed = window.heat_cache.computed
    before = window.viewer.heat_item.pixmap().toImage()
    window.controls.colormap_box.setCurrentIndex(window.controls.colormap_box.findData("viridis"))
    assert window.heat_cache.computed == computed
    assert window.viewer.heat_item.pixmap().toImage() != before


def test_class_and_method_selectors_pick_another_map_once(ready_window, case_folder, qtbot):
    window = analysed_window(ready_window, case_folder, qtbot)
    computed = window.heat_cache.computed
    window.controls.class_box.setCurrentIndex(window.controls.class_box.findData("Pro"))
    wait_view(qtbot, window)
    window.controls.method_box.setCurrentIndex(window.controls.method_box.findData("gradcam++"))
    wait_view(qtbot, window)
    assert window.heat_cache.computed == computed + 2
    shown = window.viewer.heat_item.pixmap().cacheKey()
    window.controls.method_box.setCurrentIndex(window.controls.method_box.findData("gradcam"))
    assert not window.view_loader.busy  # back to a map already computed: shown at once, nothing rendered
    assert window.heat_cache.computed == computed + 2 and window.viewer.heat_item.pixmap().cacheKey() != shown


def test_heat_toggle(ready_window, case_folder, qtbot):
    window = analysed_window(ready_window, case_folder, qtbot)
    window.actions["toggle_heat"].trigger()
    assert not window.viewer.heat_item.isVisible() and not window.controls.show_box.isChecked()
    window.controls.show_box.setChecked(True)
    assert window.viewer.heat_item.isVisible() and window.actions["toggle_heat"].isChecked()


def test_zoom_fit_and_actual_size(make_window, case_folder, qtbot):
    window = make_window(start=False)
    folder = case_folder(1)
    window.open_paths([folder])
    wait_view(qtbot, window)
    assert window.viewer.has_image()
    fitted = window.viewer.scale_factor
    qtbot.keyClick(window.viewer, Qt.Key.Key_Plus)
    assert window.viewer.scale_factor > fitted
    window.actions["zoom_out"].trigger()
    window.actions["zoom_out"].trigger()
    assert window.viewer.scale_factor < fitted
    window.actions["actual_size"].trigger()
    assert window.viewer.scale_factor == 1.0
    window.actions["fit"].trigger()
    assert abs(window.viewer.scale_factor - fitted) < 1e-6


def test_drop_opens_files_and_recent_list_remembers_them(make_window, case_folder):
    window = make_window(start=False)
    folder = case_folder(2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.image_list.count() == 2
    assert preferences_store.recent_paths()[0] == folder
    window._fill_recent_menu()
    assert window.recent_menu.actions()[0].text() == str(folder)


def test_missing_path_is_listed_as_an_error(make_window, tmp_path):
    window = make_window(start=False)
    window.open_paths([tmp_path / "gone.png"])
    assert window.image_list.status(Path(tmp_path / "gone.png")) == "error"
    assert "no such file" in window.image_list.item_text(tmp_path / "gone.png")
