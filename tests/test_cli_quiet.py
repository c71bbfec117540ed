"""The real commands, run as a user runs them (a fresh process): stderr holds only what the command itself says
(no TensorFlow, oneDNN, CUDA or absl notices), and every entry point answers ``--version``."""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.tiny_bundle import class_images
from xincept_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
NOISE = re.compile(r"absl|oneDNN|cuda|cuInit|TensorFlow|tensorflow|cpu_feature_guard|^[IWE]\d{4} ", re.IGNORECASE)


def _run(*argv: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("TF_", "XLA_"))}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "xincept_desktop.cli", *argv], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=600)


@pytest.fixture
def image(tmp_path):
    arrays, _ = class_images(1, seed=8)
    path = tmp_path / "field.png"
    Image.fromarray(np.asarray(arrays[0], dtype=np.uint8)).save(path)
    return path


@pytest.mark.slow
def test_predict_and_explain_say_nothing_but_their_own_lines(image, tiny_bundle, tmp_path):
    predict = _run("predict", str(image), "--model", str(tiny_bundle))
    assert predict.returncode == 0, predict.stderr
    assert predict.stderr.splitlines() == [f"model: tiny-test 0 ({predict.stderr.split('(')[1].split(')')[0]}) on "
                                           f"CPU ({predict.stderr.split('(')[2].split(')')[0]}); "
                                           "1 analysed, 0 failed"], predict.stderr
    assert "openvino" in predict.stderr  # the device that ran the model
    explain = _run("explain", str(image), "--out", str(tmp_path / "out"), "--model", str(tiny_bundle))
    assert explain.returncode == 0, explain.stderr
    assert explain.stderr == ""
    assert (tmp_path / "out" / "field.overlay.png").is_file()


@pytest.mark.slow
def test_the_self_test_says_nothing_of_tensorflow_on_stderr(tiny_bundle):
    code = "import sys; from xincept_desktop.selftest import main; sys.exit(main(sys.argv[1:]))"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("TF_", "XLA_"))}
    result = subprocess.run([sys.executable, "-c", code, "--self-test", "--no-qt", "--model", str(tiny_bundle)],
                            capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test PASSED" in result.stdout
    assert not [line for line in result.stderr.splitlines() if NOISE.search(line)], result.stderr


@pytest.mark.slow
def test_a_missing_model_is_one_line_and_exit_3(image, tmp_path):
    result = _run("predict", str(image), "--model", str(tmp_path / "none"))
    assert result.returncode == 3
    [line] = result.stderr.splitlines()
    assert line.startswith("xincept: cannot load the model: model folder not found")
    assert not NOISE.search(line.split(":", 2)[2])


def test_an_unknown_class_is_refused_at_once_without_loading_tensorflow(image, tiny_bundle, tmp_path):
    code = ("import sys; from xincept_desktop.cli import main; status = main(sys.argv[1:]); "
            "sys.exit(10 + status if 'tensorflow' in sys.modules else status)")
    result = subprocess.run([sys.executable, "-c", code, "explain", str(image), "--out", str(tmp_path / "o"),
                             "--model", str(tiny_bundle), "--class", "nope"], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == ["xincept explain: unknown class 'nope' (choose from Benign, Early, Pre, Pro)"]


def _entry_points() -> list:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    return [pytest.param(name, target, id=name) for name, target in scripts.items()]


@pytest.mark.parametrize(("name", "target"), _entry_points())
def test_every_entry_point_answers_version(name, target):
    module, function = target.split(":")
    code = f"import sys; from {module} import {function} as main; sys.exit(main(['--version']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{name} {__version__}"


def test_only_tensorflows_own_notices_are_kept_off_stderr():
    from xincept_desktop.cli_common import is_tensorflow_noise

    noise = [
        "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
        "I0000 00:00:1796037210.757973    2821 port.cc:153] oneDNN custom operations are on. You may see slightly",
        "I0000 00:00:1796037210.758299    2821 cudart_stub.cc:31] Could not find cuda drivers on your machine, GPU "
        "will not be used.",
        "E0000 00:00:1796037187.622209    1894 cuda_platform.cc:52] failed call to cuInit: INTERNAL: CUDA error",
        "To enable the following instructions: AVX2 AVX512F FMA, in other operations, rebuild TensorFlow with the "
        "appropriate compiler flags.",
    ]
    kept = [
        "E0000 00:00:1796037187.622209    1894 bfc_allocator.cc:485] Allocator ran out of memory trying to allocate",
        "xincept: cannot load the model: model folder not found: /x",
        "Traceback (most recent call last):",
        "ImportError: libcudart.so.12: cannot open shared object file",
    ]
    assert all(is_tensorflow_noise(line) for line in noise)
    assert not any(is_tensorflow_noise(line) for line in kept)
