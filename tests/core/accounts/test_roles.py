"""The role table: what each role may do, and the sentence that says why not."""

from __future__ import annotations

import pytest

from xincept_desktop.core.accounts import Permission, Role, allows, why_not


@pytest.mark.parametrize("permission", [Permission.OVERRIDE, Permission.SIGN, Permission.REOPEN])
def test_only_hematologists_override_sign_and_reopen(permission):
    assert [role for role in Role if allows(role, permission)] == [Role.HEMATOLOGIST]
    assert why_not(Role.TECHNOLOGIST, permission) == (f"Only a hematologist may {permission.value}; you are signed "
                                                      "in as a technologist.")
    assert why_not(Role.ADMINISTRATOR, Permission.SIGN).endswith("you are signed in as an administrator.")


@pytest.mark.parametrize("permission", [Permission.VIEW, Permission.ANALYSE, Permission.EDIT_DETAILS,
                                        Permission.PROPOSE_CLASS])
def test_technologists_open_analyse_enter_details_and_propose(permission):
    assert allows(Role.TECHNOLOGIST, permission) and allows(Role.HEMATOLOGIST, permission)


def test_administrators_manage_users_models_and_settings_but_do_not_sign():
    admin = {p for p in Permission if allows(Role.ADMINISTRATOR, p)}
    assert admin == {Permission.VIEW, Permission.MANAGE_USERS, Permission.MANAGE_MODELS, Permission.SETTINGS}
    assert not any(allows(role, Permission.MANAGE_USERS) for role in (Role.TECHNOLOGIST, Role.HEMATOLOGIST))
    assert why_not(None, Permission.SIGN).startswith("Sign in first")
    assert why_not(Role.HEMATOLOGIST, Permission.SIGN) == ""


def test_role_names_are_parsed_strictly():
    assert Role.parse(" Hematologist ") is Role.HEMATOLOGIST
    with pytest.raises(ValueError, match="use one of technologist, hematologist, administrator"):
        Role.parse("doctor")
