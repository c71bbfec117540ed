"""Accounts in the case store: the first administrator, adding, disabling and resetting users, sign-in with
lockout after five failures, and one message whatever the reason."""

from __future__ import annotations

from datetime import timedelta

import pytest

from xincept_desktop.core.accounts import Actor, Role
from xincept_desktop.core.cases.accounts import LOCKOUT, MAX_FAILURES, SIGN_IN_FAILED
from xincept_desktop.errors import AuthenticationError, CaseStoreError, PermissionDeniedError
from tests.accounts import PASSWORD


def refusal(store, username, password) -> str:
    with pytest.raises(AuthenticationError) as caught:
        store.accounts.authenticate(username, password)
    return str(caught.value)


def test_the_first_administrator_is_made_once(store):
    assert not store.accounts.has_users()
    admin = store.accounts.create_first_administrator(" Admin ", "Lab  Administrator", PASSWORD)
    assert admin == Actor("admin", "Lab Administrator", Role.ADMINISTRATOR)
    with pytest.raises(PermissionDeniedError, match="already has accounts"):
        store.accounts.create_first_administrator("second", "Someone", PASSWORD)
    assert [(u.username, u.role, u.enabled) for u in store.accounts.list_users(admin)] == [
        ("admin", "administrator", True)]
    assert store.audit_log()[-1].action == "user_added"


def test_only_an_administrator_adds_users_and_names_are_unique(store, people):
    with pytest.raises(PermissionDeniedError, match="Only an administrator may manage users"):
        store.accounts.add_user(people.dr_a, "eve", "Eve", Role.HEMATOLOGIST, PASSWORD)
    with pytest.raises(CaseStoreError, match="taken"):
        store.accounts.add_user(people.admin, "DR.A", "Another A", Role.TECHNOLOGIST, PASSWORD)
    with pytest.raises(CaseStoreError, match="at least 10"):
        store.accounts.add_user(people.admin, "eve", "Eve", Role.TECHNOLOGIST, "short")
    with pytest.raises(CaseStoreError, match="user name has"):
        store.accounts.add_user(people.admin, "eve smith", "Eve", Role.TECHNOLOGIST, PASSWORD)
    with pytest.raises(CaseStoreError, match="unknown role"):
        store.accounts.add_user(people.admin, "eve", "Eve", "doctor", PASSWORD)
    eve = store.accounts.add_user(people.admin, "eve", "Eve Adams", "technologist", PASSWORD)
    assert store.accounts.authenticate("eve", PASSWORD) == eve


def test_sign_in_returns_the_account_and_is_audited_with_the_os_account(store, people):
    actor = store.accounts.authenticate(" DR.A ", PASSWORD)
    assert actor == Actor("dr.a", "Dr. A", Role.HEMATOLOGIST)
    line = store.audit_log()[-1]
    assert (line.action, line.user, line.case_id) == ("sign_in", "dr.a", None) and line.os_user


def test_unknown_user_wrong_password_disabled_and_locked_get_the_same_message(store, people, monkeypatch):
    messages = {refusal(store, "nobody", PASSWORD), refusal(store, "dr.a", "wrong password!")}
    store.accounts.set_enabled(people.admin, "dr.b", False)
    messages.add(refusal(store, "dr.b", PASSWORD))
    for _ in range(MAX_FAILURES):
        refusal(store, "dr.lee", "wrong password!")
    messages.add(refusal(store, "dr.lee", PASSWORD))
    assert messages == {SIGN_IN_FAILED}
    reasons = [e.details["reason"] for e in store.audit_log() if e.action == "sign_in_failed"]
    assert reasons[:3] == ["unknown user name", "wrong password", "disabled"] and reasons[-1] == "locked"
    unknown = [e for e in store.audit_log() if e.action == "sign_in_failed"][0]
    assert (unknown.user, unknown.details["attempted"]) == ("(unknown user name)", "nobody")


def test_five_failures_lock_the_account_until_the_lockout_ends(db_path):
    from xincept_desktop.core.cases import CaseStore
    from tests.accounts import people as make_people
    from .conftest import TickingClock

    clock = TickingClock()
    with CaseStore(db_path, clock=clock) as store:
        make_people(store)
        for _ in range(MAX_FAILURES - 1):
            refusal(store, "dr.a", "wrong password!")
        assert store.accounts.authenticate("dr.a", PASSWORD).username == "dr.a"  # success resets the count
        for _ in range(MAX_FAILURES):
            refusal(store, "dr.a", "wrong password!")
        assert store.accounts.is_locked("dr.a")
        assert [e.action for e in store.audit_log()].count("account_locked") == 1
        refusal(store, "dr.a", PASSWORD)  # the right password does not open a locked account
        assert store.accounts.authenticate("dr.b", PASSWORD).username == "dr.b"  # others are not affected
        clock.now += LOCKOUT - timedelta(seconds=30)
        refusal(store, "dr.a", PASSWORD)
        clock.now += timedelta(seconds=60)
        assert not store.accounts.is_locked("dr.a")
        assert store.accounts.authenticate("dr.a", PASSWORD).username == "dr.a"


def test_reset_password_lifts_a_lockout_and_the_old_password_stops_working(store, people):
    for _ in range(MAX_FAILURES):
        refusal(store, "tech", "wrong password!")
    store.accounts.reset_password(people.admin, "tech", "a brand new password")
    refusal(store, "tech", PASSWORD)
    assert store.accounts.authenticate("tech", "a brand new password").username == "tech"
    assert store.audit_log()[-1].action == "sign_in"
    assert [e for e in store.audit_log() if e.action == "password_reset"][0].details == {"username": "tech"}


def test_a_disabled_account_can_no_longer_act_even_with_an_actor_in_hand(store, people, analysed_case):
    case_id, (first, _) = analysed_case
    store.accounts.set_enabled(people.admin, "dr.a", False)
    with pytest.raises(PermissionDeniedError, match="not enabled"):
        store.override_class(first, "Pro", "why", "", people.dr_a)
    with pytest.raises(CaseStoreError, match="your own account"):
        store.accounts.set_enabled(people.admin, "admin", False)
    store.accounts.set_enabled(people.admin, "dr.a", True)
    assert store.override_class(first, "Pro", "why", "", people.dr_a) is not None


def test_accounts_cannot_be_deleted_nor_renamed_in_the_database(store, people, db_path):
    import sqlite3

    raw = sqlite3.connect(db_path)
    for sql in ("DELETE FROM users WHERE username = 'tech'", "UPDATE users SET username = 'x' WHERE username = 'tech'"):
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            raw.execute(sql)
    raw.close()


def test_a_hash_made_with_older_settings_is_replaced_at_sign_in(store, people, db_path):
    import sqlite3

    from argon2 import PasswordHasher

    from xincept_desktop.core.accounts import passwords

    before = sqlite3.connect(db_path).execute("SELECT password_hash FROM users WHERE username='tech'").fetchone()[0]
    previous = passwords.use_hasher(PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1))
    try:
        store.accounts.authenticate("tech", PASSWORD)
    finally:
        passwords.use_hasher(previous)
    after = sqlite3.connect(db_path).execute("SELECT password_hash FROM users WHERE username='tech'").fetchone()[0]
    assert "m=1024,t=1" in before and "m=2048,t=2" in after
