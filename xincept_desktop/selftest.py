"""``xincept-desktop --self-test``: prove that this installation (frozen or not) can do its job, headless.

The steps are the ones a clinician's first case goes through: the Qt runtime starts (offscreen when there is no
display), the inference runtime (OpenVINO) imports, the bundled model loads as the app loads it (every bundle file
hash-checked against its manifest, the exported runtime against its record, on the device it names), a generated
smear-like image is analysed, its Grad-CAM
overlay is rendered, a one-image verification study is run and its PDF written, and a PDF report is written to a
temporary folder and checked. The verification study's statistics (against statsmodels' figures) and the accounts'
password hasher (argon2) are checked on their own too, so that a standalone build that
left out a library they need fails here, at build time. Each step is printed with its
time; the first failure is printed with what went wrong and the exit status is non-zero. No window is created and
nothing outside the temporary folder is written.

Exit status: 0 passed, 1 a step failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TextIO

import numpy as np

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
IMAGE_SIZE = 320  # larger than the model input, so resizing and overlay upsampling are exercised too; with seed 7
# it is the image resources/self-test-smear.heic was encoded from (the camera-formats step compares the two)


class SelfTestFailure(Exception):
    """A check inside a step did not hold; the message says which and what was found."""


def synthetic_smear(size: int, seed: int = 0) -> np.ndarray:
    """A smear-like RGB ``uint8`` image: pink background, a few purple discs, mild noise (deterministic)."""
    rng = np.random.default_rng(seed)
    image = np.zeros((size, size, 3), np.float32) + np.array([230, 200, 210])
    yy, xx = np.mgrid[:size, :size]
    for _ in range(3):
        cy, cx, r = rng.integers(0, size, 2).tolist() + [int(rng.integers(size // 10, size // 4))]
        image[(yy - cy) ** 2 + (xx - cx) ** 2 < r * r] = np.array([120, 60, 150]) + rng.normal(0, 8, 3)
    return np.clip(image + rng.normal(0, 4, image.shape), 0, 255).astype(np.uint8)


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


@dataclass
class _Context:
    model_dir: Path
    weights_dir: Path | None
    workdir: Path
    check_qt: bool
    model: object = None
    image_path: Path | None = None
    image: np.ndarray | None = None
    result: object = None
    details: dict[str, str] = field(default_factory=dict)


class _Printer:
    """Writes lines to a stream that may be None (a windowed Windows executable has no stdout)."""

    def __init__(self, stream: TextIO | None):
        self.stream = stream

    def __call__(self, text: str = "") -> None:
        if self.stream is None:
            return
        try:
            self.stream.write(text + "\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass


# ---------------------------------------------------------------------------------------------------- the steps

def _step_environment(ctx: _Context) -> str:
    from . import __version__
    from .core.model.runtime_files import search_roots

    roots = ", ".join(str(root) for root in search_roots())
    return (f"XIncept Desktop {__version__}, Python {sys.version.split()[0]} on {sys.platform}, "
            f"{'frozen' if is_frozen() else 'not frozen'}; model {ctx.model_dir}; runtime looked for in {roots}")


def _step_qt(ctx: _Context) -> str:
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display: Qt would abort the process otherwise
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter  # noqa: F401  (printing must be importable)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "xincept-desktop"])
    image = QImage(8, 8, QImage.Format.Format_RGB888)
    if image.isNull():
        raise SelfTestFailure("Qt could not allocate an image")
    from .ui import main_window  # noqa: F401  (every GUI module the window needs is importable; none is shown)

    return f"PySide6 {pyside_version}, platform '{app.platformName()}'"


def _step_runtime(ctx: _Context) -> str:
    import openvino as ov

    from .core.model.device_support import gpu_plugin_installed

    devices = ", ".join(ov.Core().available_devices)
    tensorflow = "TensorFlow loaded" if "tensorflow" in sys.modules else "no TensorFlow"
    from .core.model.onnx_network import gpu_provider

    plugins = "" if gpu_plugin_installed() else " (CPU only: no GPU plugin)"
    nvidia = "; NVIDIA GPUs: ONNX Runtime's CUDA provider installed" if gpu_provider() else ""
    return f"OpenVINO {ov.get_version().split('-')[0]}, devices {devices}{plugins}{nvidia}; {tensorflow}"


#: statsmodels 0.15.0's figures for the self-test's two cases (``proportion_confint(8, 10, method="wilson")``,
#: ``cohens_kappa([[20, 5], [10, 15]])``): the app computes them from the formulas (core/verification/intervals.py)
WILSON_8_OF_10 = (0.49016247153664183, 0.9433178485456247)
KAPPA_20_5_10_15 = (0.4, 0.151092290476661, 0.6489077095233389)


def _step_verification_statistics(ctx: _Context) -> str:
    """The verification study's statistics compute what statsmodels gives (a Wilson interval of 8/10, Cohen's
    kappa of a 2x2 table with its interval), and its reliability diagram renders (matplotlib's Agg and fonts)."""
    from .core.verification.metrics import kappa_with_interval, wilson

    count, total = 8, 10
    interval = wilson(count, total)
    if interval is None or not np.allclose(interval, WILSON_8_OF_10, atol=1e-9):
        raise SelfTestFailure(f"Wilson interval of {count}/{total} is {interval}, expected "
                              f"[{WILSON_8_OF_10[0]:.4f}, {WILSON_8_OF_10[1]:.4f}]")
    table = np.array([[20, 5], [10, 15]])
    kappa, kappa_ci = kappa_with_interval(table)
    if kappa is None or kappa_ci is None or not np.allclose([kappa, *kappa_ci], KAPPA_20_5_10_15, atol=1e-9):
        raise SelfTestFailure(f"Cohen's kappa of {table.tolist()} is {kappa} {kappa_ci}, expected "
                              f"{KAPPA_20_5_10_15[0]:.3f} [{KAPPA_20_5_10_15[1]:.4f}, {KAPPA_20_5_10_15[2]:.4f}]")
    from .core.verification.study import reliability_png

    diagram = reliability_png([[0.0, 0.5, 3, 0.4, 1 / 3], [0.5, 1.0, 7, 0.8, 6 / 7]])  # matplotlib's Agg and fonts
    if not diagram.startswith(b"\x89PNG"):
        raise SelfTestFailure("the study's reliability diagram is not a PNG")
    return (f"Wilson {count}/{total} [{interval[0]:.3f}, {interval[1]:.3f}], "
            f"kappa {kappa:.2f} [{kappa_ci[0]:.3f}, {kappa_ci[1]:.3f}]; reliability diagram {len(diagram):,} bytes")


def _step_passwords(ctx: _Context) -> str:
    """The accounts' argon2id hasher (argon2-cffi's native library) hashes and verifies."""
    from .core.accounts.passwords import hash_password, verify_password

    password = "self-test password \u00e9"
    stored = hash_password(password)
    if not stored.startswith("$argon2id$"):
        raise SelfTestFailure(f"the password hash is not argon2id: {stored[:20]!r}")
    if not verify_password(stored, password) or verify_password(stored, password + "x"):
        raise SelfTestFailure("argon2id did not verify its own hash (or accepted a wrong password)")
    return f"argon2id hash {stored.split('$')[3]} verified, wrong password refused"


def _step_load_model(ctx: _Context) -> str:
    from .core.model.runtime import RuntimeModel

    ctx.model = RuntimeModel.load(ctx.model_dir)
    return (f"{ctx.model.version_label}, input {ctx.model.input_size} px, classes {', '.join(ctx.model.classes)}; "
            f"device {ctx.model.device_description}; runtime {ctx.model.runtime_folder}")


def _step_generate_image(ctx: _Context) -> str:
    from PIL import Image

    ctx.image = synthetic_smear(IMAGE_SIZE, seed=7)
    ctx.image_path = ctx.workdir / "self-test-smear.png"
    Image.fromarray(ctx.image).save(ctx.image_path)
    return f"{IMAGE_SIZE}x{IMAGE_SIZE} smear-like image"


def _step_camera_formats(ctx: _Context) -> str:
    """The decoders a frozen build must carry: HEIC (pillow-heif's libheif) and 12-bit RGB TIFF (tifffile).

    The HEIC file is the generated smear encoded once and shipped (``resources/self-test-smear.heic``): the
    standalone app reads HEIC but carries no HEIC encoder (``packaging/stublibs.py``)."""
    import pillow_heif
    import tifffile

    from .config import PACKAGE_DIR
    from .core.imaging import load_image

    heic = PACKAGE_DIR / "resources" / "self-test-smear.heic"
    tiff = ctx.workdir / "self-test-smear-12bit.tif"
    tifffile.imwrite(tiff, ((ctx.image.astype(np.uint32) * 4095 + 127) // 255).astype(np.uint16), photometric="rgb")
    for path, tolerance in ((heic, 8.0), (tiff, 0.5)):
        difference = float(np.abs(load_image(path).astype(np.float64) - ctx.image).mean())
        if difference > tolerance:
            raise SelfTestFailure(f"{path.name} decoded {difference:.1f} grey levels away from the original")
    return f"HEIC (libheif {pillow_heif.libheif_version()}) and 12-bit RGB TIFF decoded"


def _step_analyse(ctx: _Context) -> str:
    from .core.pipeline import analyse

    results = list(analyse([ctx.image_path], ctx.model))
    if len(results) != 1:
        raise SelfTestFailure(f"expected one result, got {len(results)}")
    result = results[0]
    if not result.ok:
        raise SelfTestFailure(f"the image could not be analysed: {result.error}")
    probabilities = np.array(list(result.probabilities.values()), dtype=np.float64)
    if not (np.all(np.isfinite(probabilities)) and abs(probabilities.sum() - 1.0) < 1e-3):
        raise SelfTestFailure(f"probabilities are not a distribution: {result.probabilities}")
    if result.label not in ctx.model.classes:
        raise SelfTestFailure(f"unknown label {result.label!r}")
    if "gradcam" not in result.cams:
        raise SelfTestFailure("no Grad-CAM maps were returned")
    ctx.result = result
    domain = "in domain" if result.in_domain else "out of domain (expected for a generated image)"
    return f"{result.label} {result.confidence:.2f}, {domain}"


def _step_overlay(ctx: _Context) -> str:
    from PIL import Image

    from .core.explain.heatmap import heat_map_for
    from .core.explain.overlay import overlay

    heat = heat_map_for(ctx.result, method="gradcam")
    if heat.shape != ctx.image.shape[:2]:
        raise SelfTestFailure(f"heat map is {heat.shape}, image is {ctx.image.shape[:2]}")
    if not (np.all(np.isfinite(heat)) and heat.min() >= 0.0 and heat.max() <= 1.0):
        raise SelfTestFailure("heat map values are outside [0, 1]")
    blended = overlay(ctx.image, heat, opacity=0.4, colormap="jet")
    if blended.shape != ctx.image.shape or blended.dtype != np.uint8:
        raise SelfTestFailure(f"overlay has shape {blended.shape} and type {blended.dtype}")
    if np.array_equal(blended, ctx.image):
        raise SelfTestFailure("the overlay left the image unchanged")
    path = ctx.workdir / "self-test-overlay.png"
    Image.fromarray(blended).save(path)
    return f"Grad-CAM overlay {blended.shape[1]}x{blended.shape[0]}, peak heat at {_peak(heat)}"


def _peak(heat: np.ndarray) -> str:
    y, x = np.unravel_index(int(np.argmax(heat)), heat.shape)
    return f"({x}, {y})"


def _step_verification_study(ctx: _Context) -> str:
    """Tools > Verification Study on the generated image, labelled with a class the model did not give it (so the
    PDF carries a misread image's thumbnail and heat map too): figures, reliability diagram and the study's PDF."""
    from .core.verification.data import LabImage
    from .core.verification.pdf import render_study_pdf
    from .core.verification.study import StudySettings, run_study

    misread = next(index for index, name in enumerate(ctx.model.classes) if name != ctx.result.label)
    study = run_study(ctx.model, [LabImage(ctx.image_path, misread, "self-test")],
                      StudySettings(data="self-test image", operator="self-test"))
    if study is None or study.record["n"] != 1 or study.record["accuracy"] != 0.0 or len(study.gallery) != 1:
        raise SelfTestFailure(f"the one-image study came out wrong: {study and study.record.get('n')} analysed, "
                              f"accuracy {study and study.record.get('accuracy')}")
    content = render_study_pdf(study)
    if not (content.startswith(b"%PDF-") and b"%%EOF" in content[-1024:]):
        raise SelfTestFailure("the study's PDF is not a complete PDF")
    (ctx.workdir / "self-test-verification.pdf").write_bytes(content)
    low, high = study.record["accuracy_ci"]
    return f"1 image, agreement 0 % [{low:.2f}, {high:.2f}], misread gallery 1, PDF {len(content):,} bytes"


def _step_report(ctx: _Context) -> str:
    from .core.report import PatientInfo, build_report_data, model_info_from, write_report
    from .core.report.fonts import BUNDLED, default_fonts

    data = build_report_data([ctx.result], model_info_from(ctx.model),
                             patient=PatientInfo(name="Self-test", patient_id="SELFTEST-0001"),
                             institution="XIncept Desktop self-test")
    path = write_report(data, ctx.workdir / "self-test-report.pdf")
    content = Path(path).read_bytes()
    if not content:
        raise SelfTestFailure(f"the report is empty: {path}")
    if not content.startswith(b"%PDF-"):
        raise SelfTestFailure(f"the report does not start with %PDF-: {content[:16]!r}")
    if b"%%EOF" not in content[-1024:]:
        raise SelfTestFailure("the report has no %%EOF trailer (truncated)")
    fonts = default_fonts().describe()
    used = ", ".join(f"{role} {Path(font).name} ({'bundled' if Path(font).parent == BUNDLED else 'system'})"
                     for role, font in fonts.items()) or "Helvetica only"
    return f"{len(content):,} bytes, report {data.report_id}; fonts: {used}"


STEPS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("environment", _step_environment),
    ("Qt runtime", _step_qt),
    ("inference runtime", _step_runtime),
    ("verification statistics", _step_verification_statistics),
    ("password hashing", _step_passwords),
    ("load model (hash-checked)", _step_load_model),
    ("generate test image", _step_generate_image),
    ("read camera formats", _step_camera_formats),
    ("analyse image", _step_analyse),
    ("render Grad-CAM overlay", _step_overlay),
    ("verification study", _step_verification_study),
    ("write PDF report", _step_report),
)


# ---------------------------------------------------------------------------------------------------- entry points

def run_self_test(model_dir: os.PathLike | str | None = None, weights_dir: os.PathLike | str | None = None,
                  stream: TextIO | None = None, check_qt: bool = True, keep: bool = False) -> int:
    """Run every step, printing one line each to ``stream`` (default stdout); 0 when all passed, else 1.

    ``model_dir`` defaults to the bundled model (``config.default_model_dir()``), ``weights_dir`` to
    ``config.weights_dir()``. The temporary folder is removed afterwards unless ``keep`` is set or a step
    failed (then its path is printed, with whatever was written there).
    """
    from .config import default_model_dir

    say = _Printer(sys.stdout if stream is None else stream)
    workdir = Path(tempfile.mkdtemp(prefix="xincept-selftest-"))
    ctx = _Context(Path(model_dir) if model_dir else default_model_dir(),
                   Path(weights_dir) if weights_dir else None, workdir, check_qt)
    steps = [(name, step) for name, step in STEPS if check_qt or step is not _step_qt]
    started = time.perf_counter()
    say("XIncept Desktop self-test")
    failed = None
    for number, (name, step) in enumerate(steps, start=1):
        step_started = time.perf_counter()
        try:
            detail = step(ctx)
        except BaseException as exc:  # noqa: BLE001  (report anything, even SystemExit from a library)
            if isinstance(exc, KeyboardInterrupt):
                raise
            seconds = time.perf_counter() - step_started
            say(f"[{number}/{len(steps)}] {name:<28} FAILED ({seconds:6.2f} s)")
            say(f"    {type(exc).__name__}: {exc}")
            if not isinstance(exc, SelfTestFailure) and not _is_expected(exc):
                for line in traceback.format_exc().rstrip().splitlines():
                    say(f"    | {line}")
            failed = name
            break
        seconds = time.perf_counter() - step_started
        say(f"[{number}/{len(steps)}] {name:<28} ok     ({seconds:6.2f} s)  {detail}")
    total = time.perf_counter() - started
    if failed is None:
        if keep:
            say(f"files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
        say(f"self-test PASSED in {total:.1f} s")
        return EXIT_PASSED
    if any(workdir.iterdir()):
        say(f"files written so far are in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    say(f"self-test FAILED at '{failed}' after {total:.1f} s")
    return EXIT_FAILED


def _is_expected(exc: BaseException) -> bool:
    """Errors whose message already says everything (a damaged model, a missing weight file)."""
    from .errors import XinceptError

    return isinstance(exc, XinceptError)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="xincept-desktop --self-test",
                                     description="Check this installation headless and exit (0 passed, 1 failed).")
    parser.add_argument("--self-test", action="store_true", help="run the self-test (this command)")
    parser.add_argument("--model", type=Path, default=None, help="model bundle folder (default: bundled model)")
    parser.add_argument("--weights", type=Path, default=None, help="unused since the app runs the exported runtime "
                        "(kept so older scripts keep working)")
    parser.add_argument("--no-qt", action="store_true", help="skip the Qt runtime step")
    parser.add_argument("--keep", action="store_true", help="keep the generated image, overlay and report")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """``xincept-desktop --self-test [--model DIR] [--weights DIR] [--no-qt] [--keep]``.

    Without a console (windowed Windows build) the steps go to ``xincept-desktop-self-test.log`` in the
    temporary folder; the exit status is the same.
    """
    try:
        args = parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_PASSED
    if sys.stdout is None:  # a windowed Windows executable has no console: write the steps to a log file
        log = Path(tempfile.gettempdir()) / "xincept-desktop-self-test.log"
        with open(log, "w", encoding="utf-8") as stream:
            return run_self_test(args.model, args.weights, stream, check_qt=not args.no_qt, keep=args.keep)
    return run_self_test(args.model, args.weights, check_qt=not args.no_qt, keep=args.keep)


if __name__ == "__main__":
    sys.exit(main())
