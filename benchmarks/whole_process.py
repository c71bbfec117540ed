"""Whole-process timings for ``make bench`` (issue 18): each job runs in a fresh interpreter, timed from the parent,
so imports, model loading and compilation count as a user waits for them.

- ``explain`` of 40 images with the app's command, against the straightforward Keras version of the same job
  (``python benchmarks/whole_process.py plain-explain OUT FILES...``: TensorFlow, ``model.predict`` per image,
  Grad-CAM by a tape through the whole network, the same overlay PNG and heat-map array written per image);
- ``predict`` of one image;
- app launch to model ready (window shown, worker loaded and warmed the model);
- peak RSS of the runtime over a folder (``python benchmarks/whole_process.py memory FOLDER``), in a process that
  never imports TensorFlow.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(args: list[str], timeout: float = 1800, env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    began = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])}... exited {done.returncode}: {done.stderr[-800:]}")
    return seconds, done


def explain_seconds(model: Path, files: list[Path], out: Path) -> float:
    seconds, _ = _run([sys.executable, "-m", "xincept_desktop.cli", "explain", *map(str, files), "--out", str(out),
                       "--model", str(model)])
    return seconds


def plain_explain_seconds(model: Path, files: list[Path], out: Path) -> float:
    seconds, _ = _run([sys.executable, str(Path(__file__)), "plain-explain", str(model), str(out), *map(str, files)])
    return seconds


def predict_one_seconds(model: Path, file: Path) -> float:
    seconds, _ = _run([sys.executable, "-m", "xincept_desktop.cli", "predict", str(file), "--model", str(model)])
    return seconds


READY_PROBE = """
import sys
from xincept_desktop.ui.app import create_window
from PySide6.QtCore import QEventLoop, QTimer
app, window, _ = create_window(["--model", sys.argv[1]])
window.show()
window.start()
loop, poll = QEventLoop(), QTimer()
poll.timeout.connect(lambda: loop.quit() if window.model is not None or window.banner.isVisible() else None)
poll.start(5)
loop.exec()
print("READY" if window.model is not None else "FAILED " + window.banner.text(), window.device_label.text(),
      "tensorflow" in sys.modules, flush=True)
import os
os._exit(0)
"""


def launch_to_ready_seconds(model: Path, scratch: Path) -> tuple[float, str]:
    """Seconds from starting a fresh interpreter to the window's model being ready, and the probe's line."""
    seconds, done = _run([sys.executable, "-c", READY_PROBE, str(model)],
                         env={"QT_QPA_PLATFORM": "offscreen", "XINCEPT_DATA_DIR": str(scratch / "ready-data")})
    line = done.stdout.strip().splitlines()[-1]
    if not line.startswith("READY"):
        raise RuntimeError(f"the window did not get its model: {line}")
    return seconds, line


def memory(model: Path, folder: Path) -> dict:
    """Peak RSS (MB) of the runtime analysing every image of ``folder`` in a fresh process; RSS at 100/250/500."""
    _, done = _run([sys.executable, str(Path(__file__)), "memory", str(model), str(folder)])
    values = dict(item.split("=") for item in done.stdout.split())
    return {key: float(value) for key, value in values.items()}


# ------------------------------------------------------------------------------------------ child processes

def _plain_explain(model_dir: str, out: str, files: list[str]) -> None:
    """The straightforward Keras version of ``xincept explain``: what the job looks like without this project's
    work on speed (TensorFlow model built and loaded, ``predict`` per image, a tape through the whole network)."""
    import io

    import numpy as np
    from PIL import Image

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.path.insert(0, str(REPO))
    from benchmarks.run import StraightforwardKeras
    from xincept_desktop.core.explain.overlay import overlay
    from xincept_desktop.core.imaging import load_image, load_model_input
    from xincept_desktop.core.model.predictor import XInceptModel

    plain = StraightforwardKeras(XInceptModel.load(Path(model_dir)))
    Path(out).mkdir(parents=True, exist_ok=True)
    for file in files:
        _, cam = plain.predict_with_gradcam(load_model_input(Path(file), 224))
        original = load_image(Path(file))
        heat = np.asarray(Image.fromarray(cam.astype(np.float32)).resize(original.shape[1::-1], Image.BILINEAR))
        buffer = io.BytesIO()
        np.save(buffer, heat, allow_pickle=False)
        (Path(out) / f"{Path(file).stem}.cam.npy").write_bytes(buffer.getvalue())
        Image.fromarray(overlay(original, heat, 0.4, "jet")).save(Path(out) / f"{Path(file).stem}.overlay.png")


def _memory(model_dir: str, folder: str) -> None:
    import resource

    from xincept_desktop.core.imaging import scan_paths
    from xincept_desktop.core.model.runtime import RuntimeModel
    from xincept_desktop.core.pipeline import analyse

    def rss() -> float:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:"))

    model = RuntimeModel.load(Path(model_dir))
    samples = {}
    paths = sorted(scan_paths([Path(folder)]).files)
    for index, _ in enumerate(analyse(paths, model, batch_size=16), start=1):
        if index in (100, 250, 500):
            samples[f"rss_{index}"] = rss()
    samples["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    samples["tensorflow"] = float("tensorflow" in sys.modules)
    print(" ".join(f"{k}={v:.1f}" for k, v in samples.items()))


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "plain-explain":
        _plain_explain(rest[0], rest[1], rest[2:])
    elif command == "memory":
        _memory(rest[0], rest[1])
    else:
        raise SystemExit(f"unknown command {command}")
