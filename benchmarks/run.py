"""``make bench``: speed and memory of XIncept Desktop on this machine, against a straightforward Keras version.

The app runs the exported runtime (``core.model.runtime``); TensorFlow's own path (``XInceptModel``) and the
straightforward Keras version are measured beside it. Whole-process figures (explain of 40 images, predict of
one image, launch to model ready, peak RSS over 500 images) come from fresh interpreters
(``benchmarks/whole_process.py``). Prints, in one run: folder prediction images/s; p50/p95 latency of one image for predict and predict + Grad-CAM;
launch-to-window time; in the window, the UI thread's longest pause while 50 images are analysed and how long
closing during an analysis takes (timings that ``make test`` does not assert); peak RSS over a 500-image folder and its growth from image 100 to 500; the raw compiled
forward rate of the two backbones; and the same job done the straightforward way (per-image ``model.predict``,
Grad-CAM by a GradientTape through the whole network), with ratios. Images are generated (no dataset needed)
unless ``--images DIR`` is given.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def make_folder(folder: Path, count: int, size: int = 224) -> list[Path]:
    from PIL import Image

    from tests.conftest import synthetic_smear

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"img{index:04d}.jpg"
        if not path.exists():
            Image.fromarray(synthetic_smear(size, index)).save(path, quality=92)
        paths.append(path)
    return paths


def make_photograph(path: Path, width: int = 4000, height: int = 3000, red_cell_px: float = 120.0) -> Path:
    """A 12-megapixel smear photograph (JPEG) whose red cells are ``red_cell_px`` wide, as a phone or camera
    through the eyepiece writes one."""
    from PIL import Image

    from tests.scale_images import smear

    Image.fromarray(smear(red_cell_px, (height, width), seed=1)).save(path, quality=92)
    return path


def bench_photograph(model, path: Path, runs: int = 3) -> tuple[float, object]:
    """Best of ``runs`` wall times to analyse one large photograph (decode, ruler, rescale, tiles, Grad-CAM)."""
    from xincept_desktop.core.pipeline import analyse

    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        [result] = list(analyse([path], model))
        times.append(time.perf_counter() - began)
    return min(times), result


def percentile(values, q):
    return float(np.percentile(np.asarray(values), q))


def bench_folder(model, paths) -> float:
    from xincept_desktop.core.pipeline import analyse

    list(analyse(paths[:8], model))  # warm-up (trace)
    began = time.perf_counter()
    results = list(analyse(paths, model, batch_size=16))
    assert all(r.ok for r in results)
    return len(paths) / (time.perf_counter() - began)


def bench_single(model, paths, runs: int = 20) -> list[float]:
    from xincept_desktop.core.pipeline import analyse

    list(analyse(paths[:1], model))
    times = []
    for path in paths[:runs]:
        began = time.perf_counter()
        list(analyse([path], model))
        times.append(time.perf_counter() - began)
    return times


def backbone_forward_rate(model, batch: int = 16, repeats: int = 3) -> float:
    import tensorflow as tf

    extractor = model.parts[0]

    @tf.function
    def forward(images):
        return extractor(images, training=False)

    images = np.random.default_rng(0).integers(0, 256, (batch, 224, 224, 3)).astype(np.float32)
    forward(images)
    began = time.perf_counter()
    for _ in range(repeats):
        [o.numpy() for o in forward(images)]
    return batch * repeats / (time.perf_counter() - began)


class StraightforwardKeras:
    """The same job written plainly: one functional model, per-image ``model.predict``, whole-network tape."""

    def __init__(self, model):
        import keras

        extractor, trunk, head = model.parts
        image = keras.Input((224, 224, 3))
        gated, gate = trunk(extractor(image))
        embedding, logits = head([gated, gate])
        self.network = keras.Model(image, [gated, embedding, logits])
        self.model = model

    def predict(self, rgb: np.ndarray):
        from xincept_desktop.core.model.calibration import softmax
        from xincept_desktop.core.model.xgb_head import margins

        _, embedding, _ = self.network.predict(rgb[None].astype(np.float32), verbose=0)
        return softmax(margins(self.model._booster, embedding), self.model.temperature)

    def predict_with_gradcam(self, rgb: np.ndarray):
        import tensorflow as tf

        probabilities = self.predict(rgb)
        target = int(probabilities.argmax())
        image = tf.convert_to_tensor(rgb[None].astype(np.float32))
        with tf.GradientTape() as tape:
            tape.watch(image)
            fused, _, logits = self.network(image, training=False)
            score = logits[:, target]
        gradients = tape.gradient(score, fused)
        weights = tf.reduce_mean(gradients, axis=(1, 2))
        cam = tf.nn.relu(tf.einsum("bhwc,bc->bhw", fused, weights)).numpy()[0]
        return probabilities, cam / max(cam.max(), 1e-12)


def bench_straightforward(model, paths, count: int):
    from xincept_desktop.core.imaging import load_model_input

    plain = StraightforwardKeras(model)
    first = load_model_input(paths[0], 224)
    plain.predict_with_gradcam(first)  # warm-up
    single, predict_total = _timed_per_image(plain.predict, paths[:count])
    with_cam, cam_total = _timed_per_image(plain.predict_with_gradcam, paths[:count])
    return single, with_cam, count / predict_total, cam_total, plain


def _timed_per_image(run, paths):
    """Per-image seconds of ``run`` (decoding excluded) and the whole loop's seconds (decoding included)."""
    from xincept_desktop.core.imaging import load_model_input

    times = []
    began = time.perf_counter()
    for path in paths:
        rgb = load_model_input(path, 224)
        start = time.perf_counter()
        run(rgb)
        times.append(time.perf_counter() - start)
    return times, time.perf_counter() - began


def check_same_outputs(model, plain, paths) -> float:
    from xincept_desktop.core.imaging import load_model_input

    images = np.stack([load_model_input(p, 224) for p in paths[:8]])
    fast = model.predict_batch(images).probabilities
    slow = np.concatenate([plain.predict(image) for image in images])
    return float(np.abs(fast - slow).max())


def time_to_window() -> float:
    """Seconds from a fresh interpreter to the main window shown (TensorFlow is not imported by then)."""
    code = ("import time, sys; t=time.perf_counter();"
            "from xincept_desktop.ui.app import create_window; app, w, _ = create_window([]); w.show();"
            "app.processEvents(); print(time.perf_counter()-t, flush=True);"
            "assert 'tensorflow' not in sys.modules; import os; os._exit(0)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                         cwd=REPO)
    if out.returncode != 0:
        raise RuntimeError(f"window benchmark failed: {out.stderr[-500:]}")
    return float(out.stdout.strip().splitlines()[-1])


def bench_window(model, model_dir: Path, scratch: Path, count: int = 50) -> dict:
    """In the real window (offscreen, its own case database and settings): the longest pause of a 10 ms heartbeat
    on the UI thread while ``count`` images are analysed and saved, and how long closing the window takes while an
    analysis runs. (The tests check only that the heartbeat keeps firing and that closing stops the worker.)"""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XINCEPT_DATA_DIR"] = str(scratch / "data")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer

    from xincept_desktop.ui.app import create_application
    from xincept_desktop.ui.main_window import MainWindow

    app = create_application([])
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(scratch / "settings"))

    def run_until(predicate, timeout_s: float, what: str) -> None:
        loop, poll = QEventLoop(), QTimer()
        deadline = time.monotonic() + timeout_s
        poll.setInterval(20)
        poll.timeout.connect(lambda: loop.quit() if predicate() or time.monotonic() > deadline else None)
        poll.start()
        loop.exec()
        poll.stop()
        if not predicate():
            raise RuntimeError(f"window benchmark: {what} did not happen within {timeout_s:.0f} s")

    window = MainWindow(model_dir, model=model)
    window.show()
    window.start()
    run_until(lambda: window.model is not None, 120, "the worker taking the model")
    first = make_folder(scratch / "window-1", count)
    clock, gaps = QElapsedTimer(), []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: gaps.append(clock.restart()))
    clock.start()
    heartbeat.start()
    began = time.perf_counter()
    window.open_paths([first[0].parent])
    run_until(lambda: all(p in window.results for p in first) and not window.case.saving, 900, "the analysis")
    analysed = time.perf_counter() - began
    heartbeat.stop()
    second = make_folder(scratch / "window-2", count)
    window.open_paths([second[0].parent])
    run_until(lambda: any(p in window.results for p in second), 300, "the first result of the second folder")
    began = time.perf_counter()
    window.close()
    closed = time.perf_counter() - began
    return {"images": count, "seconds": analysed, "max_gap_ms": max(gaps), "ticks": len(gaps),
            "p99_gap_ms": percentile(gaps, 99), "close_s": closed}


def runtime_forward_rate(model, batch: int = 16, repeats: int = 3) -> float:
    """The exported network alone (both backbones, fusion, gate), batch ``batch``: images/s."""
    images = np.random.default_rng(0).integers(0, 256, (batch, 224, 224, 3)).astype(np.uint8)
    model.network_outputs(images)
    began = time.perf_counter()
    for _ in range(repeats):
        model.network_outputs(images)
    return batch * repeats / (time.perf_counter() - began)


def whole_process(args, scratch: Path, paths: list[Path]) -> None:
    """Issue 18's targets, each job in a fresh interpreter (see ``benchmarks/whole_process.py``)."""
    from benchmarks import whole_process as wp

    ours = wp.explain_seconds(args.model, paths[: args.count], scratch / "explain-ours")
    plain = wp.plain_explain_seconds(args.model, paths[: args.count], scratch / "explain-plain")
    print(f"whole process, explain {args.count} images: {ours:.1f} s; straightforward Keras {plain:.1f} s: "
          f"{plain / ours:.1f}x (target >= 10x)")
    single = min(wp.predict_one_seconds(args.model, paths[0]) for _ in range(3))
    print(f"whole process, predict one image: {single:.2f} s, best of 3 (target <= 2.5 s)")
    ready = [wp.launch_to_ready_seconds(args.model, scratch) for _ in range(3)]
    print(f"app launch to model ready: {min(r[0] for r in ready):.2f} s best of 3, "
          f"{max(r[0] for r in ready):.2f} s worst (target <= 2 s); probe: {ready[0][1]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=REPO / "models" / "xincept-all")
    parser.add_argument("--count", type=int, default=40, help="images for the speed comparison")
    parser.add_argument("--memory-images", type=int, default=500)
    args = parser.parse_args()
    from benchmarks import whole_process as wp
    from xincept_desktop.core.model.runtime import RuntimeModel

    print(f"machine: {platform.node()} {platform.machine()}, {len(os.sched_getaffinity(0))} CPU cores, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at start")
    window = time_to_window()
    print(f"launch to window: {window:.2f} s (target <= 3 s)")
    with tempfile.TemporaryDirectory() as scratch:
        paths = make_folder(Path(scratch) / "speed", max(args.count, 20))
        whole_process(args, Path(scratch), paths)
        samples = wp.memory(args.model, make_folder(Path(scratch) / "memory", args.memory_images).pop().parent)
        print(f"runtime RSS by images analysed (fresh process, TensorFlow imported: {bool(samples['tensorflow'])}): "
              f"100: {samples['rss_100']:.0f} MB, 250: {samples['rss_250']:.0f} MB, 500: {samples['rss_500']:.0f} MB; "
              f"peak {samples['peak']:.0f} MB (target <= 1 GB)")
        began = time.perf_counter()
        model = RuntimeModel.load(args.model)
        print(f"runtime model load: {time.perf_counter() - began:.2f} s ({model.version_label}, "
              f"{model.device_description})")
        from xincept_desktop.core.model.predictor import XInceptModel

        began = time.perf_counter()
        reference = XInceptModel.load(args.model)
        print(f"TensorFlow reference load: {time.perf_counter() - began:.1f} s")
        raw_runtime, raw_tf = runtime_forward_rate(model), backbone_forward_rate(reference)
        print(f"network alone, batch 16: runtime {raw_runtime:.2f} images/s; TensorFlow (backbones only) "
              f"{raw_tf:.2f} images/s")
        folder_tf = bench_folder(reference, paths[: args.count])
        folder_rate = bench_folder(model, paths[: args.count])
        print(f"folder prediction incl. Grad-CAM: runtime {folder_rate:.2f} images/s, TensorFlow path "
              f"{folder_tf:.2f} images/s: {folder_rate / folder_tf:.2f}x (target >= 1.5x)")
        ours_total = args.count / folder_rate
        single = bench_single(model, paths)
        print(f"one image, predict + Grad-CAM (one pass): p50 {percentile(single, 50)*1000:.0f} ms, "
              f"p95 {percentile(single, 95)*1000:.0f} ms")
        plain_single, plain_cam, plain_rate, plain_cam_total, plain = bench_straightforward(reference, paths,
                                                                                           args.count)
        print(f"straightforward Keras, predict: p50 {percentile(plain_single, 50)*1000:.0f} ms, "
              f"p95 {percentile(plain_single, 95)*1000:.0f} ms, {plain_rate:.2f} images/s")
        print(f"straightforward Keras, predict + Grad-CAM: p50 {percentile(plain_cam, 50)*1000:.0f} ms, "
              f"p95 {percentile(plain_cam, 95)*1000:.0f} ms; {args.count} images in {plain_cam_total:.1f} s")
        print(f"ratio predict + Grad-CAM in process, {args.count} images: {plain_cam_total / ours_total:.1f}x "
              f"({ours_total:.1f} s vs {plain_cam_total:.1f} s)")
        print(f"max |probability difference| runtime vs straightforward: {check_same_outputs(model, plain, paths):.2e}")
        photo_time, photo = bench_photograph(model, make_photograph(Path(scratch) / "photo-12mp.jpg"))
        print(f"12-megapixel photograph (4000x3000 JPEG, red cells 120 px): {photo_time:.2f} s "
              f"(target < 5 s); scale {photo.scale_factor:.2f}x, {photo.tiles} tiles, source {photo.scale.source}")
        ui = bench_window(model, args.model, Path(scratch))
        print(f"window, {ui['images']} images analysed and saved in {ui['seconds']:.1f} s: UI-thread heartbeat "
              f"(10 ms) longest pause {ui['max_gap_ms']} ms, p99 {ui['p99_gap_ms']:.0f} ms (target < 100 ms); "
              f"closing during an analysis {ui['close_s']:.2f} s (target < 5 s)")
        print(__import__("benchmarks.ui_responsiveness", fromlist=["run"]).run(Path(scratch) / "viewer"))
        samples, peak = bench_memory(model, Path(scratch) / "memory", args.memory_images)
        print("RSS by images analysed: " + ", ".join(f"{k}: {v:.0f} MB" for k, v in samples.items()) +
              f"; peak {peak:.0f} MB")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores; other work on the machine slows every figure)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
