"""Shared fixtures: a tiny model bundle (random tiny-input backbones), image factories, the shared dataset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xincept_desktop.selftest import synthetic_smear  # the one generator of smear-like test images

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data" / "taleqani-all"


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing():
    """argon2id with tiny costs for the whole run (tests/core/accounts checks the real settings)."""
    from tests.accounts import CHEAP_HASHER
    from xincept_desktop.core.accounts.passwords import use_hasher

    previous = use_hasher(CHEAP_HASHER)
    yield
    use_hasher(previous)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The Taleqani dataset beside the checkout; skipped only outside CI when it is absent."""
    if not (SHARED_DATA / "Original").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared dataset missing in CI: {SHARED_DATA}")
        pytest.skip("shared dataset not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def runtime_root(tmp_path_factory) -> Path:
    """Where this test session's runtime exports go (``XINCEPT_RUNTIME_DIR``, inherited by child processes); the
    machine's own exports (the shipped model's) are still found after it."""
    root = tmp_path_factory.mktemp("runtime")
    os.environ["XINCEPT_RUNTIME_DIR"] = str(root)
    return root


@pytest.fixture(scope="session")
def tiny_bundle(tmp_path_factory, runtime_root) -> Path:
    """The tiny bundle, with its inference runtime exported (as ``make setup`` does for the shipped model)."""
    from tests.tiny_bundle import build_tiny_bundle
    from xincept_desktop.core.model.runtime_export import export_runtime

    bundle = build_tiny_bundle(tmp_path_factory.mktemp("bundle") / "tiny")
    export_runtime(bundle, None, runtime_root, log=lambda _message: None)
    return bundle


@pytest.fixture(scope="session")
def tiny_model(tiny_bundle):
    """The tiny bundle as the app runs it (exported runtime, no TensorFlow)."""
    from xincept_desktop.core.model.runtime import RuntimeModel

    return RuntimeModel.load(tiny_bundle)


@pytest.fixture(scope="session")
def tiny_reference(tiny_bundle):
    """The tiny bundle's TensorFlow reference."""
    from xincept_desktop.core.model.predictor import XInceptModel

    return XInceptModel.load(tiny_bundle)


@pytest.fixture
def smear_like(tmp_path):
    """Write a smear-like RGB test image (pink field, purple discs) and return its path."""
    def make(name: str = "cell.png", size: int = 96, seed: int = 0) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        from PIL import Image

        Image.fromarray(synthetic_smear(size, seed)).save(path)
        return path

    return make


