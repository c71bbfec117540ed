"""Overrides, the reviewed class, sign-off making a case read-only, and re-opening with a reason."""

from __future__ import annotations

import sqlite3

import pytest

from xincept_desktop.core.cases import reviewed_class
from xincept_desktop.errors import CaseStoreError, SignedCaseError

from .conftest import make_result
from tests.accounts import sign


def test_override_needs_a_reason_and_is_kept_with_the_model_class(store, analysed_case, people):
    case_id, (first, second) = analysed_case
    with pytest.raises(CaseStoreError, match="reason"):
        store.override_class(first, "Pro", reason=" ", comment="", user=people.dr_a)
    review = store.override_class(first, "Pro", "blasts with fine chromatin", "seen at x100", people.dr_a)
    assert (review.model_class, review.reviewed_class, review.reviewer) == ("Pre", "Pro", "Dr. A")
    images = store.load_case(case_id).images
    assert [reviewed_class(image) for image in images] == ["Pro", "Benign"]
    assert [image.model_class for image in images] == ["Pre", "Benign"]
    assert [image.overridden for image in images] == [True, False]
    assert images[0].review.comment == "seen at x100"
    assert (store.reviewed_class(first), store.reviewed_class(second)) == ("Pro", "Benign")
    entry = store.audit_log(case_id)[-1]
    assert (entry.action, entry.image_id, entry.user) == ("override", first, "dr.a")  # the account's user name
    assert entry.details["model_class"] == "Pre" and entry.details["reviewed_class"] == "Pro"


def test_setting_the_current_class_is_a_no_op_and_back_to_the_model_needs_no_reason(store, analysed_case, people):
    case_id, (first, _) = analysed_case
    assert store.override_class(first, "Pre", "", "", people.dr_a) is None
    store.override_class(first, "Early", "why", "", people.dr_a)
    back = store.override_class(first, "Pre", "", "", people.dr_b)
    assert back.reviewed_class == "Pre" and store.reviewed_class(first) == "Pre"
    assert not store.load_case(case_id, verify_files=False).images[0].overridden
    assert [e.action for e in store.audit_log(case_id)].count("override") == 2


def test_unknown_class_and_image_are_refused(store, analysed_case, people):
    _, (first, _) = analysed_case
    with pytest.raises(CaseStoreError, match="unknown class"):
        store.override_class(first, "Blast", "r", "", people.dr_a)
    with pytest.raises(CaseStoreError, match="no image 999"):
        store.override_class(999, "Pre", "r", "", people.dr_a)


def test_signed_case_is_read_only_until_reopened(store, analysed_case, image_file, people):
    case_id, (first, _) = analysed_case
    signed = sign(store, case_id, people.dr_a)
    case = store.load_case(case_id)
    assert case.signed and case.sign_off == signed and store.is_signed(case_id)
    assert store.list_cases()[0].signed_by == "Dr. A"
    edits = [lambda: store.update_case_fields(case_id, {"patient_name": "X"}, people.dr_a),
             lambda: store.add_analysis(case_id, make_result(image_file("c.png")), "v", "h", people.tech),
             lambda: store.override_class(first, "Pro", "r", "", people.dr_a),
             lambda: sign(store, case_id, people.dr_b)]
    for edit in edits:
        with pytest.raises(SignedCaseError):
            edit()
    assert store.load_case(case_id) == case

    with pytest.raises(CaseStoreError, match="reason"):
        store.reopen(case_id, reason="", user=people.dr_a)
    store.reopen(case_id, reason="flow cytometry came back", user=people.dr_b)
    assert not store.load_case(case_id).signed
    store.override_class(first, "Pro", "after flow", "", people.dr_b)
    sign(store, case_id, people.dr_b)
    actions = [(e.action, e.user) for e in store.audit_log(case_id)][-4:]
    assert actions == [("sign_off", "dr.a"), ("reopen", "dr.b"), ("override", "dr.b"), ("sign_off", "dr.b")]
    assert store.audit_log(case_id)[-3].details["reason"] == "flow cytometry came back"


def test_reopening_an_unsigned_case_is_an_error(store, analysed_case, people):
    with pytest.raises(CaseStoreError, match="not signed"):
        store.reopen(analysed_case[0], "r", people.dr_a)


def test_database_itself_refuses_writes_to_a_signed_case(store, analysed_case, db_path, people):
    case_id, (first, _) = analysed_case
    sign(store, case_id, people.dr_a)
    raw = sqlite3.connect(db_path)
    statements = [
        ("UPDATE cases SET patient_name = 'X' WHERE id = ?", (case_id,)),
        ("UPDATE images SET sha256 = 'x' WHERE id = ?", (first,)),
        ("INSERT INTO images (case_id, path, sha256, size_bytes, added_at) VALUES (?, 'p', 's', 1, 't')", (case_id,)),
        ("INSERT INTO analyses (image_id, sha256, model_version, model_hash, analysed_at, analysed_by) "
         "VALUES (?, 's', 'v', 'h', 't', 'u')", (first,)),
        ("INSERT INTO reviews (image_id, reviewed_class, reviewer, reviewed_at) VALUES (?, 'Pro', 'u', 't')", (first,)),
        ("INSERT INTO heatmaps (analysis_id, method, npy) SELECT id, 'other', x'00' FROM analyses WHERE image_id = ?",
         (first,)),
    ]
    for sql, params in statements:
        with pytest.raises(sqlite3.IntegrityError, match="case is signed"):
            raw.execute(sql, params)
    raw.close()
