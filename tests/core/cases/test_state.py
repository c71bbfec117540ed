"""The case state model: open -> signed -> re-opened (reason) -> signed again (amended), in the store and alone."""

from __future__ import annotations

import sqlite3

import pytest

from xincept_desktop.core.case_summary import EXCLUDED
from xincept_desktop.core.cases import CaseStore
from xincept_desktop.core.cases.schema import MIGRATIONS
from xincept_desktop.core.cases.state import CaseAction, CaseState, allowed, require, transition
from xincept_desktop.errors import CaseStoreError, SignedCaseError

from .conftest import make_result
from tests.accounts import sign


def test_transitions_follow_the_model():
    state = transition(CaseState.NEW, CaseAction.ADD_IMAGES)
    assert state is CaseState.OPEN
    assert transition(state, CaseAction.REVIEW) is CaseState.OPEN
    state = transition(state, CaseAction.SIGN)
    assert state is CaseState.SIGNED and not state.editable
    for action in (CaseAction.ADD_IMAGES, CaseAction.EDIT_DETAILS, CaseAction.REVIEW, CaseAction.SIGN):
        with pytest.raises(SignedCaseError):
            transition(state, action)
    assert transition(state, CaseAction.EXPORT) is CaseState.SIGNED
    state = transition(state, CaseAction.REOPEN)
    assert state is CaseState.REOPENED and state.editable
    assert transition(state, CaseAction.SIGN) is CaseState.SIGNED
    assert not allowed(CaseState.NEW, CaseAction.SIGN)
    with pytest.raises(CaseStoreError, match="not signed"):
        require(CaseState.OPEN, CaseAction.REOPEN)


def test_store_reports_each_state_and_keeps_the_earlier_sign_off(store, analysed_case, people):
    case_id, image_ids = analysed_case
    assert store.case_state(case_id) is CaseState.OPEN
    sign(store, case_id, people.dr_a, acknowledged=["1 out-of-domain image not reviewed"],
                   summary={"analysed": 2})
    assert store.case_state(case_id) is CaseState.SIGNED
    with pytest.raises(SignedCaseError):
        store.override_class(image_ids[0], EXCLUDED, reason="a neutrophil", comment="", user=people.dr_a)
    store.reopen(case_id, reason="flow cytometry came late", user=people.dr_a)
    record = store.load_case(case_id, verify_files=False)
    assert record.state is CaseState.REOPENED and not record.amended
    store.override_class(image_ids[0], EXCLUDED, reason="a neutrophil", comment="", user=people.dr_a)
    sign(store, case_id, people.dr_b)
    record = store.load_case(case_id, verify_files=False)
    assert record.state is CaseState.SIGNED and record.amended
    assert [(e.signed_by, e.reopen_reason) for e in record.history] == [("Dr. A", "flow cytometry came late"),
                                                                        ("Dr. B", None)]
    signs = [e for e in store.audit_log(case_id) if e.action == "sign_off"]
    assert signs[0].details["acknowledged"] == ["1 out-of-domain image not reviewed"]
    assert signs[0].details["summary"] == {"analysed": 2} and signs[1].details["amends"] == 1


def test_exclusion_is_a_review_with_a_reason(store, analysed_case, people):
    _, image_ids = analysed_case
    with pytest.raises(CaseStoreError, match="reason"):
        store.override_class(image_ids[1], EXCLUDED, reason=" ", comment="", user=people.dr_a)
    review = store.override_class(image_ids[1], EXCLUDED, reason="smudge cell", comment="", user=people.dr_a)
    assert review.reviewed_class == EXCLUDED and store.reviewed_class(image_ids[1]) == EXCLUDED


def test_conclusion_and_comments_are_audited_case_fields(store, analysed_case, people):
    case_id, _ = analysed_case
    fields = store.update_case_fields(case_id, {"conclusion": "Pre-B ALL", "comments": "see flow"}, user=people.dr_a)
    assert (fields.conclusion, fields.comments) == ("Pre-B ALL", "see flow")
    change = store.audit_log(case_id)[-1]
    assert change.action == "update_case" and change.details["changes"]["conclusion"] == ["", "Pre-B ALL"]
    sign(store, case_id, people.dr_a)
    with pytest.raises(SignedCaseError):
        store.update_case_fields(case_id, {"conclusion": "changed"}, user=people.dr_a)


def test_a_version_2_database_opens_and_gains_the_text_fields(db_path):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path, isolation_level=None)
    for statement in MIGRATIONS[0] + MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO cases (patient_id, created_at, updated_at) VALUES ('OLD-1', 't', 't')")
    conn.close()
    with CaseStore(db_path) as store:
        record = store.load_case(1, verify_files=False)
        assert record.fields.patient_id == "OLD-1" and record.fields.conclusion == ""
        store.update_case_fields(1, {"comments": "migrated"}, user="Dr. A")  # no accounts yet: a name is taken


def test_not_analysed_images_are_recorded_until_stored_or_removed(store, analysed_case, image_file, people):
    case_id, _ = analysed_case
    waiting = [image_file("c.png", b"ccc"), image_file("d.png", b"dddd")]
    store.record_not_analysed(case_id, waiting, user=people.dr_a, why="analysis stopped at quit")
    assert store.not_analysed(case_id) == waiting
    store.add_analysis(case_id, make_result(waiting[0]), "v", "h", user=people.dr_a)
    store.record_removed(case_id, waiting[1], reason="blurred", user=people.dr_a)
    assert store.not_analysed(case_id) == []
