"""The viewer does its pixel work off the UI thread (issue 19, point 5): heat maps at view resolution, a stored
case's heat maps read for the image selected only, pictures decoded in the background and never shown beside
another image's result. (Speed is measured in benchmarks/ui_responsiveness.py, not asserted here.)"""

from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import wait_analysed, wait_view
from xincept_desktop.core.cases.lazy_heatmaps import StoredHeatmaps
from xincept_desktop.ui.case_browser import CaseBrowser
from xincept_desktop.ui.heat_cache import HEAT_MAX_SIDE, render_heat, view_size


def test_heat_map_is_rendered_at_view_resolution():
    assert view_size((3000, 4000)) == (768, HEAT_MAX_SIDE)
    assert view_size((224, 224)) == (224, 224)  # never enlarged
    cams = {"gradcam": np.random.default_rng(0).random((4, 28, 28)).astype(np.float32)}
    heat = render_heat(cams, ["Benign", "Early", "Pre", "Pro"], (9000, 12000), "Pre", "gradcam")
    assert heat.shape == (768, 1024) and 0.0 <= heat.min() and heat.max() <= 1.0


def test_stored_case_reads_only_the_selected_images_heat_maps(ready_window, case_folder, qtbot, monkeypatch,
                                                              make_window, tiny_model):
    window = ready_window
    folder = case_folder(4)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    case_id = window.case.case_id
    window.close()
    second = make_window(model=tiny_model)
    monkeypatch.setattr(CaseBrowser, "choose", classmethod(lambda cls, store, parent=None: case_id))
    second.actions["open_case"].trigger()
    wait_view(qtbot, second)

    def read() -> set:
        return {p.name for p, r in second.results.items() if isinstance(r.cams, StoredHeatmaps) and r.cams.loaded}

    assert all(isinstance(r.cams, StoredHeatmaps) for r in second.results.values())
    assert read() == {"img000.png"}  # the image shown first, nothing else decoded
    assert not second.viewer.heat_item.pixmap().isNull()
    second.image_list.select(folder / "img002.png")
    wait_view(qtbot, second)
    assert read() == {"img000.png", "img002.png"}
    assert not second.viewer.heat_item.pixmap().isNull()


def test_picture_never_stays_beside_another_images_result(ready_window, case_folder, qtbot):
    window = ready_window
    folder = case_folder(3)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    window.image_cache.clear()
    shown = window.viewer.image_item.pixmap().cacheKey()
    window.image_list.select(folder / "img002.png")  # not decoded yet: the old picture goes at once
    assert window.viewer.image_item.pixmap().cacheKey() != shown and not window.viewer.has_image()
    assert window.result_panel.title.text().replace("\u200b", "") == "img002.png"
    wait_view(qtbot, window)
    assert window.viewer.has_image() and window.current == Path(folder / "img002.png")
    QApplication.processEvents()


def test_large_picture_is_drawn_from_a_preview_until_the_zoom_needs_detail(qtbot):
    from PySide6.QtGui import QImage

    from xincept_desktop.ui.viewer import ImageViewer

    viewer = ImageViewer()
    qtbot.addWidget(viewer)
    viewer.resize(600, 400)
    viewer.show()
    full = QImage(4000, 3000, QImage.Format.Format_RGB888)
    full.fill(0x808080)
    preview = full.scaled(1000, 750)
    viewer.set_image(full, preview)
    assert viewer.image_item.pixmap().width() == 1000  # fitted: the preview is enough
    assert viewer.image_item.sceneBoundingRect().width() == 4000  # laid over the whole image
    heat = QImage(100, 75, QImage.Format.Format_RGB888)
    viewer.set_heat(heat)
    assert viewer.heat_item.sceneBoundingRect() == viewer.image_item.sceneBoundingRect()
    viewer.actual_size()
    assert viewer.image_item.pixmap().width() == 4000  # 1:1 needs the full picture
    assert viewer.image_item.sceneBoundingRect().width() == 4000
