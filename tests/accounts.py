"""Accounts for tests: a cheap argon2 hasher, and the people who act in a case store.

``people(store)`` creates, in a store without accounts, an administrator ``admin``, a technologist ``tech`` and
the hematologists ``dr.a`` ("Dr. A"), ``dr.b`` ("Dr. B") and ``dr.lee`` ("Dr. Lee"), all with :data:`PASSWORD`.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher

from xincept_desktop.core.accounts import Actor, Role

PASSWORD = "correct horse battery"
#: argon2id with tiny costs, so that tests creating accounts and signing cases stay quick (the hash string keeps
#: its parameters, so the real hasher's behaviour is tested separately)
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@dataclass(frozen=True)
class People:
    admin: Actor
    tech: Actor
    dr_a: Actor
    dr_b: Actor
    dr_lee: Actor


def people(store) -> People:
    """The test accounts in ``store`` (created on the first call, found on later ones)."""
    accounts = store.accounts
    if not accounts.has_users():
        admin = accounts.create_first_administrator("admin", "Lab Administrator", PASSWORD)
        for username, name, role in (("tech", "Tech T.", Role.TECHNOLOGIST), ("dr.a", "Dr. A", Role.HEMATOLOGIST),
                                     ("dr.b", "Dr. B", Role.HEMATOLOGIST), ("dr.lee", "Dr. Lee", Role.HEMATOLOGIST)):
            accounts.add_user(admin, username, name, role, PASSWORD)
    return People(*(accounts.authenticate(name, PASSWORD, purpose="confirm")
                    for name in ("admin", "tech", "dr.a", "dr.b", "dr.lee")))


def sign(store, case_id: int, actor: Actor, **kwargs):
    """Sign ``case_id`` as ``actor`` with the test password."""
    return store.sign_off(case_id, actor, password=PASSWORD, **kwargs)
