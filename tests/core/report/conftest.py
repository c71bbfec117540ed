"""Fixtures for report tests: synthetic ImageResults (no model needed) and a fixed snapshot."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from PIL import Image

from xincept_desktop.core.pipeline import ImageResult
from xincept_desktop.core.report import ModelInfo, PatientInfo, ReviewInfo, SpecimenInfo, build_report_data

CLASSES = ("Benign", "Early", "Pre", "Pro")
CREATED = datetime(2025, 1, 31, 14, 5, tzinfo=timezone(timedelta(hours=1)))
FIELDS = {
    "patient_name": "Ann <b>O'Brien</b> & Co",
    "patient_id": "P-0042 & <id>",
    "dob": "1970-01-02",
    "sex": "female",
    "specimen_id": "S-42/2025",
    "specimen_type": "Peripheral blood smear",
    "collection_date": "2025-01-30",
    "physician": "José Ñúñez-Çelik",
    "reviewer": "王小明",
    "conclusion": "Findings consistent with B-ALL; flow cytometry advised.",
    "comments": "Smear quality good.\nSecond line of comments.",
}


def fake_result(path, label_index: int, confidence: float = 0.9, in_domain: bool = True,
                seed: int = 0) -> ImageResult:
    """A successful ImageResult for an image file, with random Grad-CAM maps."""
    rng = np.random.default_rng(seed)
    rest = (1 - confidence) / 3
    probabilities = {name: (confidence if i == label_index else rest) for i, name in enumerate(CLASSES)}
    return ImageResult(path=path, label=CLASSES[label_index], confidence=confidence, probabilities=probabilities,
                       in_domain=in_domain, ood_score=1.0 if in_domain else 3.0, ood_threshold=2.0,
                       cams={"gradcam": rng.random((4, 7, 7)).astype(np.float32)}, image_size=(90, 120))


@pytest.fixture
def make_results(tmp_path):
    """Factory: ``n`` results on real PNG files, labels cycling through the classes, plus ``failed`` errors."""
    def make(n: int = 4, failed: int = 0):
        results = []
        for i in range(n):
            path = tmp_path / f"cell{i:03d}.png"
            tint = np.array([200, 80 + 10 * (i % 10), 160], np.uint8)
            Image.fromarray(np.broadcast_to(tint, (90, 120, 3)).copy()).save(path)
            results.append(fake_result(path, i % 4, confidence=0.9 if i % 3 else 0.6, in_domain=i % 5 != 4, seed=i))
        for j in range(failed):
            results.append(ImageResult(path=tmp_path / f"broken{j}.jpg", error="not an image: cannot decode"))
        return results

    return make


def snapshot_from(results, fields=FIELDS, **kwargs):
    from xincept_desktop.core.report import fields_from_mapping

    patient, specimen, review = fields_from_mapping(fields)
    kwargs.setdefault("institution", "Hôpital Saint-Louis — Hématologie")
    kwargs.setdefault("created", CREATED)
    kwargs.setdefault("report_id", "XR-20250131-TEST0001")
    return build_report_data(results, ModelInfo(version="1.2.0", hash_prefix="ab12cd34"), patient, specimen,
                             review, **kwargs)


@pytest.fixture
def snapshot(make_results):
    return snapshot_from(make_results(4, failed=1))
