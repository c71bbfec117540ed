"""The window shows the scale each image was read at, outlines its tiles, and passes the lab's microscope
profile to the worker."""

import pytest
from PIL import Image

from tests.scale_images import scaled_bundle, smear
from tests.ui.conftest import wait_analysed
from xincept_desktop.core.scale import MicroscopeProfile
from xincept_desktop.ui import settings as preferences_store


@pytest.fixture(scope="module")
def scaled_model(tiny_bundle, tmp_path_factory):
    from xincept_desktop.core.model.predictor import XInceptModel

    return XInceptModel.load(scaled_bundle(tiny_bundle, tmp_path_factory.mktemp("gui-scaled") / "bundle"))


def test_a_magnified_wide_field_shows_its_scale_and_tiles(make_window, scaled_model, qtbot, tmp_path):
    path = tmp_path / "wide-2x.png"
    Image.fromarray(smear(16, (300, 300), seed=9)).save(path)
    window = make_window(model=scaled_model)
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    window.open_paths([path])
    wait_analysed(qtbot, window)
    window.image_list.select(path)
    text = window.result_panel.scale.text()
    assert text.startswith("Scale: red cells") and "x training (measured)" in text and "9 tiles" in text
    assert window.viewer.tile_count == 9


def test_a_field_without_red_cells_says_scale_unknown(make_window, scaled_model, qtbot, tmp_path):
    path = tmp_path / "blank.png"
    Image.new("RGB", (150, 150), (235, 235, 235)).save(path)
    window = make_window(model=scaled_model)
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    window.open_paths([path])
    wait_analysed(qtbot, window)
    window.image_list.select(path)
    assert "set the microscope profile" in window.result_panel.scale.text()
    assert "Out of domain" in window.result_panel.domain.text()
    assert window.viewer.tile_count == 0


def test_microscope_profiles_round_trip_through_preferences(qapp):
    from xincept_desktop.ui.preferences import PreferencesDialog

    prefs = preferences_store.Preferences(microscope_profiles=[MicroscopeProfile("Zeiss 100x", 0.11, "100x oil", "Axiocam")],
                              active_profile="Zeiss 100x")
    dialog = PreferencesDialog(prefs)
    edited = dialog.preferences()
    assert edited.profile == MicroscopeProfile("Zeiss 100x", 0.11, "100x oil", "Axiocam")
    preferences_store.save_preferences(edited)
    assert preferences_store.load_preferences().profile == edited.profile
    dialog.microscopes.table.item(0, 3).setText("not a number")
    with pytest.raises(ValueError, match="row 1"):
        dialog.microscopes.profiles()
    dialog.microscopes.active.setCurrentIndex(0)
    dialog.microscopes.table.item(0, 3).setText("0.2")
    assert dialog.preferences().profile is None  # "None (red-cell ruler only)"


def test_the_active_profile_reaches_the_worker(make_window, scaled_model, qtbot, tmp_path):
    path = tmp_path / "blank-with-profile.png"
    Image.new("RGB", (150, 150), (235, 235, 235)).save(path)
    window = make_window(model=scaled_model)
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    profile = MicroscopeProfile("Lab B 100x", um_per_pixel=7.5 / 16)
    window.apply_preferences(preferences_store.Preferences(microscope_profiles=[profile], active_profile="Lab B 100x"))
    window.open_paths([path])
    wait_analysed(qtbot, window)
    window.image_list.select(path)
    assert "from microscope profile 'Lab B 100x'" in window.result_panel.scale.text()
    assert preferences_store.load_preferences().profile == profile
