"""Roles are enforced by the store itself, not only by the window: a technologist's direct calls are refused."""

from __future__ import annotations

import dataclasses

import pytest

from xincept_desktop.core.accounts import Role
from xincept_desktop.errors import PermissionDeniedError
from tests.accounts import PASSWORD, sign


def test_a_technologist_cannot_override_sign_off_or_reopen(store, analysed_case, people):
    case_id, (first, _) = analysed_case
    with pytest.raises(PermissionDeniedError, match="Only a hematologist may override"):
        store.override_class(first, "Pro", "why", "", people.tech)
    with pytest.raises(PermissionDeniedError, match="Only a hematologist may sign off"):
        sign(store, case_id, people.tech)
    sign(store, case_id, people.dr_a)
    with pytest.raises(PermissionDeniedError, match="Only a hematologist may re-open"):
        store.reopen(case_id, "why", people.tech)
    assert store.is_signed(case_id)
    assert [e.action for e in store.audit_log(case_id)].count("override") == 0


def test_a_forged_actor_gets_the_role_the_database_has(store, analysed_case, people):
    case_id, (first, _) = analysed_case
    forged = dataclasses.replace(people.tech, role=Role.HEMATOLOGIST)
    with pytest.raises(PermissionDeniedError, match="you are signed in as a technologist"):
        store.override_class(first, "Pro", "why", "", forged)
    with pytest.raises(PermissionDeniedError):
        store.sign_off(case_id, forged, password=PASSWORD)


def test_names_instead_of_accounts_are_refused_once_accounts_exist(store, analysed_case, people):
    case_id, (first, _) = analysed_case
    with pytest.raises(PermissionDeniedError, match="signed-in account"):
        store.override_class(first, "Pro", "why", "", "Dr. A")
    with pytest.raises(PermissionDeniedError, match="this case store has user accounts"):
        store.update_case_fields(case_id, {"patient_name": "X"}, "Dr. A")


def test_an_administrator_manages_users_but_does_not_analyse_or_sign(store, analysed_case, people):
    case_id, (first, _) = analysed_case
    with pytest.raises(PermissionDeniedError, match="Only a technologist or hematologist may enter case details"):
        store.update_case_fields(case_id, {"patient_name": "X"}, people.admin)
    with pytest.raises(PermissionDeniedError):
        sign(store, case_id, people.admin)


def test_a_technologist_proposes_a_class_that_counts_only_once_a_hematologist_overrides(store, analysed_case,
                                                                                        people):
    case_id, (first, _) = analysed_case
    store.propose_class(first, "Pro", "fine chromatin", people.tech)
    assert store.reviewed_class(first) == "Pre"
    proposal = store.proposals(case_id)[first]
    assert (proposal["proposed_class"], proposal["reason"], proposal["user"]) == ("Pro", "fine chromatin", "tech")
    store.override_class(first, "Pro", "agree with the proposal", "", people.dr_a)
    assert store.reviewed_class(first) == "Pro" and store.proposals(case_id) == {}


def test_signing_needs_the_signers_own_password_and_failures_count(store, analysed_case, people):
    from xincept_desktop.errors import AuthenticationError

    case_id, _ = analysed_case
    with pytest.raises(AuthenticationError):
        store.sign_off(case_id, people.dr_a, password="not the password")
    assert not store.is_signed(case_id)
    failed = [e for e in store.audit_log() if e.action == "signature_failed"]
    assert [(e.user, e.details["reason"]) for e in failed] == [("dr.a", "wrong password")]
    sign(store, case_id, people.dr_a)
    assert store.is_signed(case_id)
