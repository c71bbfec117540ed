"""``xincept-desktop --self-test``: passes on a good bundle, fails loudly on a damaged one, works with no environment."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from xincept_desktop import config
from xincept_desktop.selftest import EXIT_FAILED, EXIT_PASSED, STEPS, run_self_test, synthetic_smear

REPO = Path(__file__).resolve().parents[1]


def run(model_dir, **kwargs) -> tuple[int, str]:
    out = io.StringIO()
    status = run_self_test(model_dir, stream=out, **kwargs)
    return status, out.getvalue()


def test_passes_on_a_good_bundle_and_prints_every_step_with_its_time(tiny_bundle):
    status, text = run(tiny_bundle, keep=True)
    assert status == EXIT_PASSED, text
    for number, (name, _) in enumerate(STEPS, start=1):
        assert f"[{number}/{len(STEPS)}] {name}" in text
    assert text.count(" ok ") == len(STEPS)
    assert " s)" in text and "tiny-test" in text
    assert "self-test PASSED" in text.splitlines()[-1]
    folder = Path(next(line for line in text.splitlines() if line.startswith("files kept in "))[len("files kept in "):])
    try:
        pdf = (folder / "self-test-report.pdf").read_bytes()
        assert pdf.startswith(b"%PDF-") and len(pdf) > 1000
        assert (folder / "self-test-overlay.png").stat().st_size > 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_damaged_bundle_fails_and_names_the_file(tiny_bundle, tmp_path):
    damaged = tmp_path / "damaged"
    shutil.copytree(tiny_bundle, damaged)
    with open(damaged / "fusion.weights.h5", "ab") as handle:
        handle.write(b"\0")
    status, text = run(damaged, check_qt=False)
    assert status == EXIT_FAILED
    assert "load model (hash-checked)" in text and "FAILED" in text
    assert "fusion.weights.h5" in text
    assert "self-test FAILED at 'load model (hash-checked)'" in text
    assert "Traceback" not in text  # a damaged model is explained in one line, not a stack dump


def test_a_missing_model_folder_fails(tmp_path):
    status, text = run(tmp_path / "nowhere", check_qt=False)
    assert status == EXIT_FAILED
    assert "model folder not found" in text


def test_a_failing_check_stops_at_that_step_and_keeps_the_files(tiny_bundle, tiny_model, monkeypatch):
    def empty_report(data, destination, renderer=None):
        Path(destination).write_bytes(b"")
        return Path(destination)

    monkeypatch.setattr("xincept_desktop.core.model.runtime.RuntimeModel.load", lambda *args: tiny_model)
    monkeypatch.setattr("xincept_desktop.core.report.write_report", empty_report)
    status, text = run(tiny_bundle, check_qt=False)
    assert status == EXIT_FAILED
    assert "write PDF report" in text and "the report is empty" in text
    assert text.count(" ok ") == len(STEPS) - 2  # every step before the report passed; Qt was skipped
    folder = Path(next(line for line in text.splitlines() if line.startswith("files written so far are in "))
                  .rsplit(" ", 1)[1])
    assert (folder / "self-test-overlay.png").exists()
    shutil.rmtree(folder, ignore_errors=True)


def test_the_generated_image_is_deterministic_and_smear_like():
    first, second = synthetic_smear(64, 3), synthetic_smear(64, 3)
    assert first.dtype == np.uint8 and first.shape == (64, 64, 3)
    assert np.array_equal(first, second)
    assert first[..., 0].mean() > first[..., 2].mean() - 60  # pink background dominates


def test_gui_entry_point_routes_self_test_before_any_window(tiny_bundle, monkeypatch):
    from xincept_desktop import selftest
    from xincept_desktop.ui import app

    calls = []
    monkeypatch.setattr(app, "create_window", lambda *a, **k: pytest.fail("a window was created"))
    monkeypatch.setattr(selftest, "run_self_test", lambda *args, **kwargs: calls.append((args, kwargs)) or 0)
    assert app.main(["--self-test", "--no-qt", "--model", str(tiny_bundle)]) == EXIT_PASSED
    assert calls == [((tiny_bundle, None), {"check_qt": False, "keep": False})]
    assert app.main(["--self-test", "--bogus"]) == 2
    assert len(calls) == 1


def test_frozen_app_reads_weights_and_model_from_the_bundle(monkeypatch, tmp_path):
    monkeypatch.delenv("XINCEPT_WEIGHTS_DIR", raising=False)
    monkeypatch.delenv("XINCEPT_MODEL_DIR", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert config.weights_dir() == tmp_path / "weights"
    assert config.default_model_dir() == tmp_path / "models" / "xincept-all"
    monkeypatch.setenv("XINCEPT_WEIGHTS_DIR", str(tmp_path / "elsewhere"))
    assert config.weights_dir() == tmp_path / "elsewhere"


def test_unfrozen_weights_live_in_the_environment_for_every_user_else_in_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("XINCEPT_WEIGHTS_DIR", raising=False)
    monkeypatch.setenv("XINCEPT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(config, "machine_data_dir", lambda: tmp_path / "env" / "share" / "xincept")
    machine, user = tmp_path / "env" / "share" / "xincept" / "weights", tmp_path / "cache" / "weights"
    assert config.weights_dir() == machine  # nothing yet, and the environment may be written: set-up goes there
    user.mkdir(parents=True)
    for name in config.WEIGHT_FILES:
        (user / name).write_bytes(b"")
    assert config.weights_dir() == user  # a machine set up before this change keeps its per-user files
    monkeypatch.setattr(config, "is_writable", lambda folder: False)
    for name in config.WEIGHT_FILES:
        (user / name).unlink()
    assert config.weights_dir() == user  # an environment this account cannot write: the user's cache


@pytest.mark.slow
def test_console_script_passes_with_an_empty_environment(tiny_bundle):
    script = Path(sys.executable).with_name("xincept-desktop")
    if not script.exists():
        pytest.skip("xincept-desktop console script not installed in this environment")
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": os.environ.get("HOME", "/tmp"),
           "XINCEPT_RUNTIME_DIR": os.environ["XINCEPT_RUNTIME_DIR"]}  # where this session exported the tiny model
    completed = subprocess.run([str(script), "--self-test", "--model", str(tiny_bundle)], env=env, cwd="/",
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "self-test PASSED" in completed.stdout


def test_without_a_console_the_steps_go_to_a_log_file(tmp_path, monkeypatch):
    import tempfile

    from xincept_desktop import selftest

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(sys, "stdout", None)
    assert selftest.main(["--self-test", "--no-qt", "--model", str(tmp_path / "missing")]) == EXIT_FAILED
    text = (tmp_path / "xincept-desktop-self-test.log").read_text(encoding="utf-8")
    assert "model folder not found" in text and "self-test FAILED" in text


def test_wrong_verification_statistics_or_a_broken_hasher_fail_their_step(monkeypatch, tmp_path):
    from xincept_desktop import selftest
    from xincept_desktop.core.accounts import passwords
    from xincept_desktop.core.verification import metrics

    ctx = selftest._Context(tmp_path, None, tmp_path, check_qt=False)
    assert "Wilson 8/10 [0.490, 0.943], kappa 0.40" in selftest._step_verification_statistics(ctx)
    assert "verified, wrong password refused" in selftest._step_passwords(ctx)
    monkeypatch.setattr(metrics, "wilson", lambda count, total: [count / total - 0.1, count / total + 0.1])
    with pytest.raises(selftest.SelfTestFailure, match="Wilson interval of 8/10"):
        selftest._step_verification_statistics(ctx)
    monkeypatch.undo()
    monkeypatch.setattr(metrics, "kappa_with_interval", lambda table: (0.4, [0.1, 0.7]))  # right kappa, wrong interval
    with pytest.raises(selftest.SelfTestFailure, match="Cohen's kappa"):
        selftest._step_verification_statistics(ctx)
    monkeypatch.setattr(passwords, "verify_password", lambda stored, password: True)
    with pytest.raises(selftest.SelfTestFailure, match="accepted a wrong password"):
        selftest._step_passwords(ctx)
