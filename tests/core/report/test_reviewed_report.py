"""Reports of reviewed cases: the reviewer's class next to the model's, reviewed counts, case fields, sign-off."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.core.report.conftest import FIELDS, snapshot_from
from tests.core.report.pdftext import pdf_text
from xincept_desktop.core.cases import CaseStore
from xincept_desktop.core.report import ImageReview, SignOffInfo, render_pdf
from xincept_desktop.core.report.case_link import report_context
from xincept_desktop.core.report.renderer import utc_minutes
from tests.accounts import people, sign

REASON = "Nuclear <b>chromatin</b> & nucleoli"


def overridden(results, index: int, new_class: str, reason: str = REASON, **extra):
    """A reviews mapping that puts ``results[index]`` in ``new_class``."""
    return {results[index].path: ImageReview(new_class, reason=reason, reviewer="Dr. Lee",
                                             reviewed_at="2026-03-01T09:00:05+00:00", **extra)}


def test_overridden_image_shows_both_classes_and_the_reason(make_results):
    results = make_results(4)  # labels Benign, Early, Pre, Pro
    data = snapshot_from(results, reviews=overridden(results, 0, "Pre", comment="see\nsmear 2"))
    entry = data.images[0]
    assert entry.label == "Benign" and entry.reviewed_label == "Pre" and entry.final_label == "Pre"
    assert entry.overridden and not data.images[1].overridden
    text = pdf_text(render_pdf(data))
    assert "Reviewer's class: Pre" in text and "Model's class: Benign" in text
    assert f"Reason: {REASON}" in text and "smear 2" in text
    assert "Reviewed by Dr. Lee, 2026-03-01 09:00 UTC" in text
    assert "reviewer's class for 1 image(s)" in text
    assert "Model's class: Early" not in text  # only the overridden image shows two classes


def test_counts_and_suggestion_use_the_reviewed_classes(make_results):
    results = make_results(4)
    plain = snapshot_from(results)
    assert plain.summary.suggestion.startswith("Indeterminate")  # one confident image per class at most
    reviewed = snapshot_from(results, reviews={**overridden(results, 0, "Pro"), **overridden(results, 1, "Pro")})
    counts = dict(reviewed.summary.counts)
    assert counts["Pro"] == 3 and counts["Benign"] == 0 and counts["Early"] == 0
    assert "Suggested class" in reviewed.summary.suggestion and "Pro" in reviewed.summary.suggestion


def test_a_review_that_keeps_the_models_class_is_not_an_override(make_results):
    results = make_results(2)
    data = snapshot_from(results, reviews=overridden(results, 0, results[0].label))
    assert not data.images[0].overridden and data.images[0].reviewed_label is None
    assert "Reviewer's class" not in pdf_text(render_pdf(data))


def test_sign_off_is_printed(snapshot, make_results):
    signed = snapshot_from(make_results(2), sign_off=SignOffInfo("Dr. <i>Ortiz</i>", "2026-03-02T10:30:00+00:00"))
    text = pdf_text(render_pdf(signed))
    assert "Signed off in XIncept by Dr. <i>Ortiz</i> on 2026-03-02 10:30 UTC" in text
    assert "Signed off" not in pdf_text(render_pdf(snapshot))


def test_utc_minutes_keeps_unknown_text():
    assert utc_minutes("2026-03-02T10:30:59.123456+00:00") == "2026-03-02 10:30 UTC"
    assert utc_minutes("yesterday") == "yesterday" and utc_minutes("") == ""


@pytest.fixture
def stored_case(tmp_path, make_results):
    """A stored, reviewed and signed case of four results; ``(store, case_id, results)``."""
    ticks = iter(range(1000))

    def clock():
        return datetime(2026, 3, 1, 9, tzinfo=timezone.utc) + timedelta(seconds=next(ticks))

    store = CaseStore(tmp_path / "data" / "cases.sqlite3", clock=clock)
    results = make_results(4)
    case_id = store.create_case({"patient_name": "Sara Ahmadi", "patient_id": "P-100", "date_of_birth": "1980-05-06",
                                 "specimen_id": "S-7", "collection_date": "2026-02-27",
                                 "requesting_physician": "Dr. Wu"}, user="tech")
    ids = store.add_analyses(case_id, results, "1.2.0", "ab12cd34", user="tech")
    team = people(store)  # accounts from here on
    store.override_class(ids[1], "Pro", reason=REASON, comment="", user=team.dr_lee)
    sign(store, case_id, team.dr_lee)
    yield store, case_id, results
    store.close()


def test_report_context_from_a_stored_case(stored_case):
    store, case_id, results = stored_case
    record = store.load_case(case_id, verify_files=False)
    images = {Path(image.path): image for image in record.images}
    context = report_context(case_id, record, images)
    assert context["case_id"] == case_id
    assert context["case_fields"] == {"patient_name": "Sara Ahmadi", "patient_id": "P-100", "dob": "1980-05-06",
                                      "sex": "", "specimen_id": "S-7", "specimen_type": "",
                                      "collection_date": "2026-02-27", "physician": "Dr. Wu", "conclusion": "",
                                      "comments": ""}
    assert list(context["reviews"]) == [Path(results[1].path).absolute()]
    assert context["reviews"][Path(results[1].path).absolute()].reviewed_class == "Pro"
    assert context["sign_off"].signed_by == "Dr. Lee"

    data = snapshot_from(record.results, fields={**FIELDS, **context["case_fields"]}, reviews=context["reviews"],
                         sign_off=context["sign_off"])
    text = pdf_text(render_pdf(data))
    for expected in ("Sara Ahmadi", "P-100", "1980-05-06", "S-7", "2026-02-27", "Dr. Wu",
                     "Reviewer's class: Pro", "Model's class: Early", f"Reason: {REASON}",
                     "Electronically signed in XIncept by Dr. Lee (dr.lee, hematologist)",
                     "Date and time: 2026-03-01", "Meaning of the signature: Reviewed and approved.",
                     f"SHA-256 of the signed case content: {record.signature.content_sha256}"):
        assert expected in text, expected


def test_a_reopened_case_prints_its_void_signature_and_no_signature(stored_case):
    store, case_id, _ = stored_case
    store.reopen(case_id, "flow cytometry came back", people(store).dr_a)
    record = store.load_case(case_id, verify_files=False)
    context = report_context(case_id, record, {Path(image.path): image for image in record.images})
    assert context["sign_off"] is None
    data = snapshot_from(record.results, sign_off=None, void_signatures=context["void_signatures"])
    text = " ".join(pdf_text(render_pdf(data)).split())
    assert "Not signed: the case was re-opened after its sign-off, which is void" in text
    assert "Void sign-off: Dr. Lee, 2026-03-01" in text and "flow cytometry came back (signature void)" in text
    assert "Electronically signed" not in text
