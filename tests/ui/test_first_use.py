"""First use: the empty state in the viewer, a folder without images, drops anywhere, zoom and plurals."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from xincept_desktop.ui.empty_state import HINT


def test_empty_state_stands_in_for_the_viewer_until_an_image_is_listed(make_window, case_folder, qtbot,
                                                                      monkeypatch):
    window = make_window(start=False)
    folder = case_folder(2)
    empty = window.empty_state
    assert window.viewer_stack.currentWidget() is empty and empty.isVisible()
    assert empty.hint.text() == HINT
    assert empty.open_images.text() == "Open Images\u2026" and empty.open_folder.text() == "Open Folder\u2026"

    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(folder / "img000.png")], ""))
    qtbot.mouseClick(empty.open_images, Qt.MouseButton.LeftButton)  # the window's Open Images… action
    assert window.image_list.paths() == [folder / "img000.png"]
    qtbot.waitUntil(window.viewer.has_image)  # decoded in a background thread
    assert window.viewer_stack.currentWidget() is window.viewer
    assert not empty.isVisible()

    window.on_new_case()
    assert window.image_list.count() == 0
    assert window.viewer_stack.currentWidget() is empty and empty.isVisible()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(empty.open_folder, Qt.MouseButton.LeftButton)  # the window's Open Folder… action
    assert window.image_list.count() == 2
    assert window.viewer_stack.currentWidget() is window.viewer


def test_empty_folder_says_it_holds_no_files(make_window, tmp_path):
    window = make_window(start=False)
    folder = tmp_path / "nothing"
    folder.mkdir()
    window.open_paths([folder])
    notice = window.empty_state.notice
    assert notice.isVisible() and "No images in nothing: it holds no files" in notice.text()
    assert window.statusBar().currentMessage() == notice.text()
    assert window.viewer_stack.currentWidget() is window.empty_state


def test_folder_of_text_files_says_how_many_were_skipped_and_why(make_window, tmp_path, case_folder):
    window = make_window(start=False)
    folder = tmp_path / "notes"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("x")
    (folder / "sub" / "b.txt").write_text("y")
    (folder / "scan.docx").write_bytes(b"PK")
    window.open_paths([folder])
    text = window.empty_state.notice.text()
    assert "3 files skipped" in text, text
    assert "2 files: notes, tables, metadata or hidden files" in text, text
    assert "1 file: not an image file type XIncept reads (.docx" in text, text
    assert window.statusBar().currentMessage() == text
    assert window.viewer_stack.currentWidget() is window.empty_state  # the .docx is listed as an error only

    window.open_paths([case_folder(1)])  # images at last: the notice goes, the viewer shows
    assert not window.empty_state.notice.text()
    assert window.viewer_stack.currentWidget() is window.viewer


def test_drops_anywhere_reach_the_window(make_window, case_folder):
    """Qt hands a drop to the innermost widget that accepts drops: none but the window may, or the drop is lost
    (the viewer, a graphics view, used to take drops and ignore them)."""
    from PySide6.QtWidgets import QWidget

    window = make_window(start=False)
    assert window.acceptDrops()
    takers = [w for w in window.findChildren(QWidget) if w.acceptDrops()]
    assert takers == [], [type(w).__name__ for w in takers]
    window.open_paths([case_folder(1)])  # with an image shown too
    assert [w for w in window.findChildren(QWidget) if w.acceptDrops()] == []


def test_zoom_percentage_in_the_status_bar(make_window, case_folder, qtbot):
    window = make_window(start=False)
    assert window.zoom_label.text() == ""  # nothing shown, no zoom
    window.open_paths([case_folder(1)])
    qtbot.waitUntil(window.viewer.has_image)  # decoded in a background thread
    window.actions["actual_size"].trigger()
    assert window.zoom_label.text() == "Zoom: 100%" and window.zoom_label.isVisible()
    window.actions["zoom_in"].trigger()
    assert window.zoom_label.text() == "Zoom: 125%"
    window.actions["fit"].trigger()
    assert window.zoom_label.text() == f"Zoom: {window.viewer.scale_factor:.0%}"
    window.on_new_case()
    assert window.zoom_label.text() == ""


def test_totals_use_the_right_plural(make_window, case_folder):
    window = make_window(start=False)
    window.open_paths([case_folder(1)])
    assert window.case_panel.totals.text() == "0 analysed of 1 image"
    window.open_paths([case_folder(2)])
    assert window.case_panel.totals.text() == "0 analysed of 3 images"
