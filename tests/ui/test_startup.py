"""The window appears quickly, before TensorFlow; model problems are shown in the window."""

import os
import subprocess
import sys

from tests.conftest import REPO

PROBE = """
import sys
from xincept_desktop.ui.app import create_window
app, window, _ = create_window(["--model", sys.argv[1]])
window.show()
app.processEvents()
print("SHOWN", window.windowTitle(), "tensorflow" in sys.modules, flush=True)
window.close()
"""


def test_window_shows_before_tensorflow_is_imported(tmp_path):
    """The window does not wait for TensorFlow; how long it takes to appear is measured by ``make bench``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XINCEPT_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-c", PROBE, str(tmp_path / "none")], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    proc.wait(timeout=60)
    assert line.startswith("SHOWN") and "XIncept" in line
    assert line.split()[-1] == "False", "TensorFlow was imported before the window was shown"


def test_missing_model_is_a_message_in_the_window(make_window, qtbot, tmp_path):
    window = make_window(model_dir=tmp_path / "nowhere")
    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    assert "No model found" in window.banner.text()
    assert not window.actions["analyse"].isEnabled()


def test_damaged_model_is_a_message_in_the_window(make_window, qtbot, tiny_bundle, tmp_path):
    import shutil

    damaged = tmp_path / "damaged"
    shutil.copytree(tiny_bundle, damaged)
    (damaged / "calibration.json").write_text('{"temperature": 99}')
    window = make_window(model_dir=damaged)
    qtbot.waitUntil(window.banner.isVisible, timeout=60_000)
    assert "could not be loaded" in window.banner.text() and "calibration.json" in window.banner.text()
    assert window.model is None


def test_model_loads_in_the_worker_and_device_is_shown(make_window, qtbot, tiny_bundle):
    window = make_window(model_dir=tiny_bundle)
    qtbot.waitUntil(lambda: window.model is not None, timeout=120_000)
    assert window.actions["analyse"].isEnabled()
    assert window.device_label.text().startswith(("Device: CPU (openvino", "Device: GPU (openvino"))
    assert "tiny-test" in window.model_label.text()
