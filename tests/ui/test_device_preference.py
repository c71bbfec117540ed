"""Preferences > Device (Auto / CPU / GPU): stored, validated, and handed to the worker that loads the model."""

from __future__ import annotations


def test_device_choice_round_trips_and_reaches_the_worker(make_window, qtbot):
    from xincept_desktop.ui.preferences import PreferencesDialog
    from xincept_desktop.ui.settings import load_preferences, save_preferences

    prefs = load_preferences()
    assert prefs.device == "auto"
    dialog = PreferencesDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.device.combo.setCurrentIndex(dialog.device.combo.findData("cpu"))
    chosen = dialog.preferences()
    assert chosen.device == "cpu"
    save_preferences(chosen)
    assert load_preferences().device == "cpu"
    window = make_window(start=False)
    assert window.controller.worker.device_preference == "cpu"


def test_an_unknown_stored_device_falls_back_to_auto():
    from xincept_desktop.ui.settings import load_preferences, settings

    store = settings()
    store.setValue("prefs/device", "tpu")
    assert load_preferences(store).device == "auto"


def test_a_gpu_the_runtime_cannot_use_is_a_message_in_the_window(make_window, qtbot, tiny_bundle, monkeypatch):
    monkeypatch.setattr("openvino.Core.available_devices", property(lambda self: ["CPU"]))
    window = make_window(model_dir=tiny_bundle, start=False)
    window.controller.use_device("gpu")
    window.start()
    qtbot.waitUntil(window.banner.isVisible, timeout=60_000)
    assert "no GPU the app can use was found" in window.banner.text() and "NVIDIA" in window.banner.text()


def test_without_the_gpu_plugin_preferences_offer_the_cpu_only(qtbot, monkeypatch):
    from xincept_desktop.core.model.device_support import CPU_ONLY_NOTE
    from xincept_desktop.ui import device_preference
    from xincept_desktop.ui.device_preference import DevicePreference

    monkeypatch.setattr(device_preference, "gpu_plugin_installed", lambda: False)
    group = DevicePreference("gpu")
    qtbot.addWidget(group)
    gpu = group.combo.findData("gpu")
    assert not group.combo.model().item(gpu).isEnabled()
    assert group.value() == "auto"  # a stored GPU choice this installation cannot honour
    assert CPU_ONLY_NOTE in group.findChild(device_preference.QLabel).text()
    monkeypatch.setattr(device_preference, "gpu_plugin_installed", lambda: True)
    with_plugin = DevicePreference("gpu")
    qtbot.addWidget(with_plugin)
    assert with_plugin.value() == "gpu" and with_plugin.combo.model().item(gpu).isEnabled()
