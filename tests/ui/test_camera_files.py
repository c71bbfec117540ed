"""Files a folder scan does not take are listed in the app with their reason, never passed over."""

from tests.ui.conftest import wait_analysed
from xincept_desktop.ui.image_list import DONE, ERROR


def test_unreadable_file_in_a_folder_is_listed_with_its_reason(ready_window, case_folder, qtbot):
    window = ready_window
    folder = case_folder(2)
    (folder / "field.czi").write_bytes(b"ZISRAWFILE")
    (folder / "notes.txt").write_text("patient notes")
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    statuses = {p.name: window.image_list.status(p) for p in window.image_list.paths()}
    assert statuses == {"img000.png": DONE, "img001.png": DONE, "field.czi": ERROR}
    assert "not an image file type XIncept reads (.czi, Zeiss ZEN)" in window.image_list.item_text(folder / "field.czi")
    assert window.case_panel.totals.text().startswith("2 analysed of 3 images, 1 failed")
