"""``xincept users``, ``xincept cases verify-signatures`` and ``xincept setup-shared-store``: passwords from stdin or
the terminal, never from arguments."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
import sys

import pytest

from xincept_desktop.cli import main
from xincept_desktop.core.cases import CaseStore
from tests.accounts import PASSWORD, sign

ADMIN_PW, SARA_PW = "admin password 1", "sara password 1"


@pytest.fixture
def db(tmp_path):
    return tmp_path / "store" / "cases.sqlite3"


def run(monkeypatch, argv, stdin_text=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin_text))
    return main(argv)


def test_first_administrator_then_users_with_passwords_from_stdin(db, monkeypatch, capsys):
    assert run(monkeypatch, ["users", "--db", str(db), "add", "admin", "--role", "administrator", "--name",
                             "Lab Admin"], f"{ADMIN_PW}\n") == 0
    assert run(monkeypatch, ["users", "--db", str(db), "add", "sara", "--role", "hematologist", "--name",
                             "Dr. Sara Rahimi", "--admin", "admin"], f"{ADMIN_PW}\n{SARA_PW}\n") == 0
    capsys.readouterr()
    assert run(monkeypatch, ["users", "--db", str(db), "list", "--admin", "admin"], f"{ADMIN_PW}\n") == 0
    assert capsys.readouterr().out.splitlines() == ["admin\tLab Admin\tadministrator\tenabled",
                                                    "sara\tDr. Sara Rahimi\thematologist\tenabled"]
    with CaseStore(db) as store:
        assert store.accounts.authenticate("sara", SARA_PW).display_name == "Dr. Sara Rahimi"
        audit = [(e.action, e.user) for e in store.audit_log()]
    assert ("user_added", "admin") in audit and ("sign_in", "admin") in audit


def test_disable_enable_and_reset_password(db, monkeypatch, capsys):
    run(monkeypatch, ["users", "--db", str(db), "add", "admin", "--role", "administrator", "--name", "A"],
        f"{ADMIN_PW}\n")
    run(monkeypatch, ["users", "--db", str(db), "add", "sara", "--role", "technologist", "--name", "S",
                      "--admin", "admin"], f"{ADMIN_PW}\n{SARA_PW}\n")
    assert run(monkeypatch, ["users", "--db", str(db), "disable", "sara", "--admin", "admin"], f"{ADMIN_PW}\n") == 0
    capsys.readouterr()
    run(monkeypatch, ["users", "--db", str(db), "list", "--admin", "admin"], f"{ADMIN_PW}\n")
    assert "sara\tS\ttechnologist\tdisabled" in capsys.readouterr().out
    assert run(monkeypatch, ["users", "--db", str(db), "enable", "sara", "--admin", "admin"], f"{ADMIN_PW}\n") == 0
    assert run(monkeypatch, ["users", "--db", str(db), "reset-password", "sara", "--admin", "admin"],
               f"{ADMIN_PW}\nanother password 2\n") == 0
    with CaseStore(db) as store:
        assert store.accounts.authenticate("sara", "another password 2").username == "sara"


def test_a_wrong_administrator_password_or_a_weak_new_one_is_refused(db, monkeypatch, capsys):
    run(monkeypatch, ["users", "--db", str(db), "add", "admin", "--role", "administrator", "--name", "A"],
        f"{ADMIN_PW}\n")
    capsys.readouterr()
    assert run(monkeypatch, ["users", "--db", str(db), "list", "--admin", "admin"], "wrong password\n") == 3
    assert "user name or password is not right" in capsys.readouterr().err
    assert run(monkeypatch, ["users", "--db", str(db), "add", "eve", "--role", "technologist", "--name", "E",
                             "--admin", "admin"], f"{ADMIN_PW}\nshort\n") == 3
    assert "at least 10 characters" in capsys.readouterr().err
    assert run(monkeypatch, ["users", "--db", str(db), "add", "eve", "--role", "technologist", "--name", "E",
                             "--admin", "admin"], f"{ADMIN_PW}\n") == 3  # stdin ended
    assert "stdin ended" in capsys.readouterr().err


def test_the_first_account_must_be_an_administrator_and_later_ones_need_one(db, monkeypatch, capsys):
    assert run(monkeypatch, ["users", "--db", str(db), "add", "sara", "--role", "hematologist", "--name", "S"],
               f"{SARA_PW}\n") == 2
    run(monkeypatch, ["users", "--db", str(db), "add", "admin", "--role", "administrator", "--name", "A"],
        f"{ADMIN_PW}\n")
    assert run(monkeypatch, ["users", "--db", str(db), "add", "sara", "--role", "hematologist", "--name", "S"],
               f"{SARA_PW}\n") == 2
    assert "--admin" in capsys.readouterr().err


def test_passwords_are_asked_on_the_terminal_twice_when_new(db):
    from argparse import Namespace

    from xincept_desktop.cli_users import run_users

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    asked = []

    def prompt(text):
        asked.append(text)
        return ADMIN_PW

    args = Namespace(db=db, users_command="add", username="admin", name="A", role="administrator", admin=None,
                     password_stdin=False)
    assert run_users(args, stdin=Terminal(), prompt=prompt) == 0
    assert asked == ["New password for admin: ", "Repeat it: "]
    with pytest.raises(SystemExit):
        main(["users", "--db", str(db), "add", "x", "--role", "technologist", "--name", "X", "--password", "pw"])


def test_verify_signatures_reports_a_case_changed_in_the_file(db, monkeypatch, capsys, tmp_path):
    from tests.accounts import people

    with CaseStore(db) as store:
        team = people(store)
        case_id = store.create_case({"patient_id": "P-1", "conclusion": "Pre-B ALL"}, team.tech)
        sign(store, case_id, team.dr_a)
    assert run(monkeypatch, ["cases", "--db", str(db), "verify-signatures"]) == 0
    assert ": OK" in capsys.readouterr().out
    raw = sqlite3.connect(db)
    raw.execute("DROP TRIGGER signed_case_update")
    raw.execute("UPDATE cases SET conclusion = 'Benign'")
    raw.commit()
    raw.close()
    assert run(monkeypatch, ["cases", "--db", str(db), "verify-signatures"]) == 1
    out = capsys.readouterr()
    assert f"case {case_id}, signed by Dr. A" in out.out and "MISMATCH: the case's content changed" in out.out
    assert "1 mismatch(es)" in out.err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX groups")
def test_setup_shared_store_makes_a_group_folder(tmp_path, monkeypatch, capsys):
    import grp

    group = grp.getgrgid(os.getgid()).gr_name
    folder = tmp_path / "shared"
    assert run(monkeypatch, ["setup-shared-store", str(folder), "--group", group]) == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o2770
    assert stat.S_IMODE((folder / "cases.sqlite3").stat().st_mode) == 0o660
    assert "XINCEPT_DATA_DIR" in capsys.readouterr().out
    assert run(monkeypatch, ["setup-shared-store", str(folder), "--group", "no-such-group-xyz"]) == 2
