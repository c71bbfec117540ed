"""Case-store fixtures: a store in a temporary folder with a ticking clock, image files and hand-made results."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from xincept_desktop.config import CLASS_NAMES
from xincept_desktop.core.cases import CaseStore
from xincept_desktop.core.pipeline import ImageResult


class TickingClock:
    """Returns a fixed start time, one second later at each call."""

    def __init__(self, start: datetime = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)):
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "data" / "cases.sqlite3"


@pytest.fixture
def store(db_path):
    with CaseStore(db_path, clock=TickingClock()) as opened:
        yield opened


@pytest.fixture
def people(store):
    """The test accounts (tests/accounts.py) in ``store``: admin, tech, dr_a, dr_b, dr_lee."""
    from tests.accounts import people as make_people

    return make_people(store)


@pytest.fixture
def image_file(tmp_path):
    """Factory: write ``content`` to ``images/name`` and return the path."""
    def make(name: str = "cell.png", content: bytes = b"\x89PNG fake image bytes") -> Path:
        path = tmp_path / "images" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return path

    return make


def make_result(path: Path, label: str = "Pre", confidence: float = 0.9, grid: int = 3,
                methods: tuple[str, ...] = ("gradcam", "gradcam++"), seed: int = 0) -> ImageResult:
    """An ImageResult as the pipeline would give, with small random heat maps in [0, 1]."""
    rng = np.random.default_rng(seed)
    rest = (1.0 - confidence) / (len(CLASS_NAMES) - 1)
    probabilities = {name: (confidence if name == label else rest) for name in CLASS_NAMES}
    cams = {m: rng.random((len(CLASS_NAMES), grid, grid)).astype(np.float32) for m in methods}
    return ImageResult(path=path, label=label, confidence=confidence, probabilities=probabilities, in_domain=True,
                       ood_score=0.8, ood_threshold=1.5, cams=cams, image_size=(480, 640))


@pytest.fixture
def analysed_case(store, image_file, people):
    """A case with two analysed images (by the technologist); returns ``(case_id, [image ids])``."""
    case_id = store.create_case({"patient_name": "Sara Ahmadi", "patient_id": "P-100",
                                 "collection_date": "2026-02-27"}, user=people.tech)
    results = [make_result(image_file("a.png", b"aaa"), "Pre"),
               make_result(image_file("b.png", b"bbbb"), "Benign", 0.6, seed=1)]
    return case_id, store.add_analyses(case_id, results, "xincept-all 1.0", "abc123", user=people.tech)
