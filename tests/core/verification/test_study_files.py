"""The study's PDF and JSON: the verdict, the figures and the user's text as given (escaped), written atomically."""

import io
import json

import numpy as np
from pypdf import PdfReader

from xincept_desktop.core.verification.files import save_study, summary_line
from xincept_desktop.core.verification.metrics import study_figures
from xincept_desktop.core.verification.study import GalleryItem, Study, reliability_png
from xincept_desktop.core.report.images import png_bytes

CLASSES = ["Benign", "Early", "Pre", "Pro"]


def _study(correct: int, operator: str = "Dr. <b>Ö</b> & co") -> Study:
    truth = [i % 4 for i in range(40)]
    predicted = [t if i < correct else (t + 1) % 4 for i, t in enumerate(truth)]
    probabilities = np.eye(4)[predicted] * 0.8 + 0.05
    figures = study_figures(truth, probabilities, [True] * 40, CLASSES)
    record = {"date": "2026-11-30T12:00:00Z", "operator": operator, "data": "/lab/<images>",
              "data_digest": "ab" * 32, "acceptance": {"min_agreement": 0.95, "rule": "agreement of at least 95.0%"},
              "passed": figures["accuracy"] >= 0.95, "classes": CLASSES,
              "model": {"name": "xincept-all", "version": "1", "hash": "cafe12345678", "label": "xincept-all 1",
                        "adapted": True, "parent": "xincept-all 0", "parent_hash": "beef87654321", "site": "Lab B"},
              "not_analysed": [{"path": "/lab/x.jpg", "truth": "Pro", "error": "not an image"}],
              "images": [{"path": f"/lab/{i}.jpg", "truth": CLASSES[t], "predicted": CLASSES[p]}
                         for i, (t, p) in enumerate(zip(truth, predicted))], **figures}
    picture = png_bytes(np.full((30, 40, 3), 128, np.uint8))
    gallery = [GalleryItem(f"/lab/{i}.jpg", "Pre", "Pro", 0.8, False, picture, picture) for i in range(40 - correct)]
    return Study(record, gallery, reliability_png(figures["reliability_bins"]))


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_pass_study_files(tmp_path):
    json_path, pdf_path = save_study(_study(39), tmp_path / "out")
    record = json.loads(json_path.read_text())
    assert record["passed"] and record["n"] == 40 and record["accuracy"] == 39 / 40
    text = _text(pdf_path.read_bytes())
    assert "PASS: overall agreement 97.5 %" in text and "acceptance criterion of 95.0 %" in text
    assert "Dr. <b>Ö</b> & co" in text and "/lab/<images>" in text  # user text printed literally
    assert "site-adapted (Lab B) from xincept-all 0 (hash beef87654321)" in text
    assert "Misclassified images (1)" in text and "flagged out of domain" in text
    assert "/lab/x.jpg: not an image" in text
    assert not list((tmp_path / "out").glob(".*")), "no temporary files left"


def test_fail_study_says_so(tmp_path):
    study = _study(30)
    _, pdf_path = save_study(study, tmp_path)
    assert "FAIL: overall agreement 75.0 %" in _text(pdf_path.read_bytes())
    assert summary_line(study.record).startswith("FAIL: agreement 75.0%")
