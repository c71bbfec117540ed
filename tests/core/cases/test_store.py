"""Cases and analyses: create, edit, store results and read them back without recomputing."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from xincept_desktop.core.cases import CaseFields, CaseStore, model_identity
from xincept_desktop.core.pipeline import ImageResult
from xincept_desktop.errors import CaseStoreError

from .conftest import make_result


def test_create_and_load_case_fields(store):
    fields = CaseFields(patient_name="  Sara Ahmadi ", patient_id="P-1", date_of_birth=date(1990, 5, 17), sex="F",
                        specimen_id="S-1", specimen_type="peripheral blood", collection_date="2026-02-27",
                        requesting_physician="Dr. K")
    case = store.load_case(store.create_case(fields, user="tech"))
    assert case.fields.patient_name == "Sara Ahmadi" and case.fields.date_of_birth == "1990-05-17"
    assert case.fields.collection_date == "2026-02-27" and case.images == () and not case.signed
    assert case.created_at.endswith("+00:00")


@pytest.mark.parametrize("values, message", [({"collection_date": "27/02/2026"}, "not a date"),
                                             ({"favourite_colour": "blue"}, "unknown case field")])
def test_bad_fields_are_refused(store, values, message):
    with pytest.raises(CaseStoreError, match=message):
        store.create_case(values, user="tech")
    assert store.list_cases() == []


def test_user_is_required(store):
    with pytest.raises(CaseStoreError, match="user is required"):
        store.create_case({}, user="  ")


def test_update_fields_keeps_old_and_new_in_the_audit(store):
    case_id = store.create_case({"patient_name": "A"}, user="tech")
    fields = store.update_case_fields(case_id, {"patient_name": "B", "sex": "M"}, user="clerk")
    assert (fields.patient_name, fields.sex) == ("B", "M")
    store.update_case_fields(case_id, {"patient_name": "B"}, user="clerk")  # unchanged: no audit line
    last = store.audit_log(case_id)[-1]
    assert (last.action, last.user) == ("update_case", "clerk")
    assert last.details["changes"] == {"patient_name": ["A", "B"], "sex": ["", "M"]}
    assert len(store.audit_log(case_id)) == 2


def test_unknown_case_is_an_error(store):
    with pytest.raises(CaseStoreError, match="no case 42"):
        store.load_case(42)


def test_results_come_back_with_heat_maps(store, image_file):
    path = image_file("x.png")
    original = make_result(path, "Early", 0.55)
    case_id = store.create_case({"patient_id": "P-1"}, user="tech")
    image_id = store.add_analysis(case_id, original, "xincept-all 1.0", "abc123", user="tech")
    case = store.load_case(case_id)
    (image,) = case.images
    again = image.analysis.result
    assert image.image_id == image_id and image.path == path.absolute()
    assert (again.label, again.confidence, again.in_domain, again.image_size) == ("Early", 0.55, True, (480, 640))
    assert again.probabilities == pytest.approx(original.probabilities)
    assert (again.ood_score, again.ood_threshold) == (0.8, 1.5) and again.needs_review and again.ok
    assert set(again.cams) == {"gradcam", "gradcam++"}
    for method, cam in original.cams.items():
        assert again.cams[method].dtype == np.float32 and again.cams[method].shape == cam.shape
        np.testing.assert_allclose(again.cams[method], cam, atol=1e-3)
    assert (image.analysis.model_version, image.analysis.model_hash) == ("xincept-all 1.0", "abc123")
    assert image.sha256 == image.analysis.sha256 and len(image.sha256) == 64 and image.file_status == "ok"
    assert case.results == [again]


def test_failed_image_result_is_stored_too(store, image_file):
    case_id = store.create_case({}, user="tech")
    store.add_analysis(case_id, ImageResult(image_file("bad.png", b"junk"), error="not an image"), "v", "h", "tech")
    result = store.load_case(case_id).results[0]
    assert (result.ok, result.error, result.label, result.cams, result.image_size) == (
        False, "not an image", None, {}, None)


def test_reanalysis_replaces_the_latest_result_on_the_same_image(store, image_file):
    path = image_file()
    case_id = store.create_case({}, user="tech")
    first = store.add_analysis(case_id, make_result(path, "Pre"), "v1", "h1", "tech")
    second = store.add_analysis(case_id, make_result(path, "Pro"), "v2", "h2", "tech")
    (image,) = store.load_case(case_id).images
    assert first == second and image.model_class == "Pro" and image.analysis.model_version == "v2"
    assert [e.action for e in store.audit_log(case_id)] == ["create_case", "analysis", "analysis"]


def test_analysis_of_a_missing_file_is_refused(store, tmp_path):
    case_id = store.create_case({}, user="tech")
    with pytest.raises(CaseStoreError, match="cannot read"):
        store.add_analysis(case_id, make_result(tmp_path / "gone.png"), "v", "h", "tech")
    assert store.load_case(case_id).images == ()


def test_add_analyses_is_all_or_nothing(store, image_file, tmp_path):
    case_id = store.create_case({}, user="tech")
    with pytest.raises(CaseStoreError):
        store.add_analyses(case_id, [make_result(image_file()), make_result(tmp_path / "gone.png")], "v", "h", "t")
    with pytest.raises(CaseStoreError, match="no case 99"):
        store.add_analyses(99, [make_result(image_file())], "v", "h", "t")
    assert store.load_case(case_id).images == () and len(store.audit_log()) == 1


def test_model_identity_reads_the_loaded_model():
    class Manifest:
        short_hash = "deadbeef"

    class Model:
        version_label = "xincept-all 2.1"
        manifest = Manifest()

    assert model_identity(Model()) == ("xincept-all 2.1", "deadbeef")


def test_transaction_groups_calls_and_rolls_back_together(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.create_case({"patient_id": "P-A"}, user="tech")
            store.create_case({"patient_id": "P-B"}, user="tech")
            raise RuntimeError("stop")
    assert store.list_cases() == [] and store.audit_log() == []


def test_two_stores_on_one_file_queue_their_writes(store, db_path):
    with CaseStore(db_path, busy_timeout_ms=100) as other:
        with store.transaction():
            store.create_case({"patient_id": "P-A"}, user="tech")
            assert other.list_cases() == []  # readers see only committed data and are not blocked
            with pytest.raises(CaseStoreError, match="locked"):
                other.create_case({"patient_id": "P-B"}, user="tech")
        other.create_case({"patient_id": "P-B"}, user="tech")
        assert sorted(row.patient_id for row in store.list_cases()) == ["P-A", "P-B"]
