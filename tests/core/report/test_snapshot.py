"""The ReportData snapshot: frozen, plain values only, counts and suggestion, pictures per image."""

from __future__ import annotations

import dataclasses
import io
from datetime import datetime
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from tests.core.report.conftest import CREATED, FIELDS, fake_result, snapshot_from
from xincept_desktop.core.report import ModelInfo, ReportData, build_report_data, fields_from_mapping, \
    model_info_from
from xincept_desktop.config import CLASS_DESCRIPTIONS
from xincept_desktop.core.case_summary import INDETERMINATE
from xincept_desktop.core.report.snapshot import ImageEntry, SignOffInfo, summarise, suggestion_text

PLAIN = (str, int, float, bool, bytes, type(None), datetime)


def _walk(value):
    """Yield every leaf value of a snapshot (through dataclasses and tuples)."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _walk(item)
    else:
        yield value


def _png(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def test_every_record_is_frozen(snapshot):
    records = [snapshot, snapshot.patient, snapshot.specimen, snapshot.review, snapshot.model, snapshot.summary,
               snapshot.images[0]]
    for record in records:
        field = dataclasses.fields(record)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, field, "changed")


def test_only_plain_values_and_png_bytes(snapshot):
    leaves = list(_walk(snapshot))
    assert leaves and all(isinstance(v, PLAIN) for v in leaves), {type(v) for v in leaves}
    assert not any(isinstance(v, (list, dict, set, np.ndarray)) for v in leaves)


def test_fields_are_kept_verbatim(snapshot):
    assert snapshot.patient.name == FIELDS["patient_name"]
    assert snapshot.patient.patient_id == FIELDS["patient_id"]
    assert snapshot.specimen.physician == FIELDS["physician"]
    assert snapshot.review.reviewer == FIELDS["reviewer"]
    assert snapshot.review.comments == FIELDS["comments"]
    assert snapshot.created == CREATED and snapshot.report_id == "XR-20250131-TEST0001"


def test_snapshot_does_not_follow_later_changes_to_results(make_results):
    results = make_results(2)
    data = snapshot_from(results)
    results[0].probabilities["Benign"] = 0.0
    results[0].label = "Pro"
    assert data.images[0].label == "Benign"
    assert dict(data.images[0].probabilities)["Benign"] == pytest.approx(0.6)


def test_counts_and_totals(make_results):
    data = snapshot_from(make_results(6, failed=2))
    assert dict(data.summary.counts) == {"Benign": 2, "Early": 2, "Pre": 1, "Pro": 1}
    assert (data.summary.analysed, data.summary.failed) == (6, 2)
    assert data.summary.needs_review == sum(e.needs_review for e in data.images)
    assert len(data.failed_images) == 2 and len(data.analysed_images) == 6
    assert [e.index for e in data.images] == list(range(1, 9))


def test_suggestion_follows_the_gui_rule(make_results):
    data = snapshot_from(make_results(8))
    from xincept_desktop.core.case_summary import summarise_case

    gui = summarise_case(make_results(8))
    assert dict(data.summary.confident_counts) == gui.confident_counts
    assert data.summary.rule.startswith("Case suggestion")
    expected = "Indeterminate" if gui.indeterminate else CLASS_DESCRIPTIONS[gui.suggestion]
    assert expected in data.summary.suggestion


def test_suggestion_names_the_majority_class():
    text = suggestion_text("Pre", (("Benign", 1), ("Early", 0), ("Pre", 5), ("Pro", 0)), 7, 0)
    assert "Pre-B ALL" in text and "5 of 6 confident" in text and "7 analysed" in text and "review" not in text


def test_suggestion_says_when_indeterminate_or_nothing_was_analysed():
    assert "Indeterminate" in suggestion_text(INDETERMINATE, (("Benign", 2), ("Early", 2)), 4, 1)
    assert "1 image(s)" in suggestion_text("Benign", (("Benign", 2),), 2, 1)
    assert "No image could be analysed" in summarise([ImageEntry(1, "x.png", error="bad")]).suggestion


def test_thumbnail_and_overlay_are_png_within_size(make_results):
    results = make_results(1)
    data = snapshot_from(results, thumbnail_px=60)
    entry = data.images[0]
    thumb, over = _png(entry.thumbnail_png), _png(entry.overlay_png)
    assert thumb.shape == over.shape == (45, 60, 3)
    assert not np.array_equal(thumb, over)


def test_overlay_follows_opacity(make_results):
    results = make_results(1)
    patient, specimen, review = fields_from_mapping(FIELDS)
    clear = build_report_data(results, ModelInfo(opacity=0.0), created=CREATED).images[0]
    strong = build_report_data(results, ModelInfo(opacity=0.8), created=CREATED).images[0]
    assert np.array_equal(_png(clear.overlay_png), _png(clear.thumbnail_png))
    assert not np.array_equal(_png(strong.overlay_png), _png(strong.thumbnail_png))


def test_failed_and_vanished_images(make_results, tmp_path):
    results = make_results(2, failed=1)
    results[1].path.unlink()
    results[0].cams = {}
    data = snapshot_from(results)
    kept, vanished, failed = data.images
    assert kept.thumbnail_png and kept.overlay_png is None and "no explanation map" in kept.image_note
    assert vanished.thumbnail_png is None and "not available" in vanished.image_note and vanished.ok
    assert not failed.ok and failed.error == "not an image: cannot decode" and failed.thumbnail_png is None


def test_the_same_case_state_gives_the_same_id_and_an_aware_date(make_results):
    results = make_results(2)
    first = build_report_data(results, ModelInfo())
    second = build_report_data(results, ModelInfo())
    assert first.report_id == second.report_id and first.report_id.startswith("XR-")
    assert build_report_data(results[:1], ModelInfo()).report_id != first.report_id
    assert build_report_data(results, ModelInfo(opacity=0.9)).report_id != first.report_id
    assert build_report_data(results, ModelInfo(), sign_off=SignOffInfo("Dr. A", "t")).report_id != first.report_id
    assert first.created.tzinfo is not None
    assert isinstance(first, ReportData) and first.app_version


def test_fields_from_mapping_ignores_unknown_keys_and_none():
    patient, specimen, review = fields_from_mapping({"patient_name": "A", "dob": None, "colour": "red"})
    assert patient.name == "A" and patient.date_of_birth == "" and specimen.specimen_id == ""
    assert review.conclusion == ""


def test_model_info_from_a_loaded_model():
    model = SimpleNamespace(manifest=SimpleNamespace(name="xincept-all", version="2.0", short_hash="deadbeef"))
    info = model_info_from(model, "gradcam++", "viridis", 0.3)
    assert (info.name, info.version, info.hash_prefix) == ("xincept-all", "2.0", "deadbeef")
    assert info.explanation_name == "Grad-CAM++" and info.opacity == 0.3
    assert model_info_from(None).name == "XIncept-ALL"


def test_model_info_marks_a_site_adapted_model_with_its_parent():
    manifest = SimpleNamespace(name="lab-b", version="2026.11.30", short_hash="cafe", site="Lab B",
                               adapted_from="xincept-all 2026.11.29", parent_hash="deadbeef")
    info = model_info_from(SimpleNamespace(manifest=manifest))
    assert info.version == "2026.11.30 [site-adapted: Lab B; from xincept-all 2026.11.29 (deadbeef)]"


def test_equal_inputs_give_equal_snapshots(make_results):
    results = make_results(3)
    assert snapshot_from(results) == snapshot_from(results)


def test_out_of_domain_image_needs_review(tmp_path, make_results):
    path = make_results(1)[0].path
    data = snapshot_from([fake_result(path, 2, 0.95, in_domain=False)])
    entry = data.images[0]
    assert entry.in_domain is False and entry.needs_review and entry.label_long == "Pre-B ALL"
