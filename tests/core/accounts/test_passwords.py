"""argon2id hashing: the real settings, verification, rehashing when the settings change, the password rule."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from argon2.low_level import Type

from xincept_desktop.core.accounts import passwords
from xincept_desktop.core.accounts.passwords import hash_password, needs_rehash, password_problem, verify_password


@pytest.fixture
def real_hasher():
    """The program's own hasher, not the tests' cheap one."""
    previous = passwords.use_hasher(PasswordHasher())
    yield
    passwords.use_hasher(previous)


def test_hashes_are_salted_argon2id_with_the_rfc_9106_low_memory_settings(real_hasher):
    first, second = hash_password("a long passphrase"), hash_password("a long passphrase")
    assert first != second  # salted
    assert first.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PasswordHasher().verify(first, "a long passphrase")
    assert PasswordHasher(type=Type.ID).check_needs_rehash(first) is False


def test_verify_accepts_the_password_and_nothing_else(real_hasher):
    stored = hash_password("a long passphrase")
    assert verify_password(stored, "a long passphrase")
    for wrong in ("a long passphrasE", "", "a long passphrase ", "\u0430 long passphrase"):
        assert not verify_password(stored, wrong)
    assert not verify_password("not a hash", "a long passphrase")


def test_no_account_never_verifies_even_with_the_dummy_password():
    assert not verify_password(None, "no account has this password \u2603")
    assert not verify_password(None, "")


def test_a_hash_with_older_settings_still_verifies_and_asks_for_a_rehash(real_hasher):
    old = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("a long passphrase")
    assert verify_password(old, "a long passphrase")
    assert needs_rehash(old)
    assert not needs_rehash(hash_password("a long passphrase"))


@pytest.mark.parametrize("password, username, problem", [
    ("short", "", "at least 10"), (" leading space ok?", "", "space"), ("sara.rahimi", "sara.rahimi", "user name"),
    ("a good long one", "sara", ""),
])
def test_password_rule(password, username, problem):
    found = password_problem(password, username)
    assert (problem in found) if problem else found == ""
