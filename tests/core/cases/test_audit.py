"""The audit trail: one line per action with UTC time and user; the database refuses to change or delete it."""

from __future__ import annotations

import sqlite3

import pytest

from xincept_desktop.core.cases.schema import AUDIT_MESSAGE
from tests.accounts import sign


def test_every_action_is_audited_with_utc_time_and_user(store, analysed_case, tmp_path, people):
    case_id, (first, _) = analysed_case
    store.override_class(first, "Pro", "reason", "", people.dr_a)
    sign(store, case_id, people.dr_a)
    store.export_case(case_id, "json", tmp_path / "case.json", people.dr_a)
    store.reopen(case_id, "typo in name", people.dr_a)
    store.record_export(case_id, "pdf", tmp_path / "report.pdf", people.dr_a)
    log = store.audit_log(case_id)
    assert [e.action for e in log] == ["create_case", "analysis", "analysis", "override", "sign_off", "export",
                                       "reopen", "export"]
    assert all(e.at.endswith("+00:00") for e in log)
    assert [e.at for e in log] == sorted(e.at for e in log)
    assert {e.user for e in log} == {"tech", "dr.a"}  # the accounts' user names
    assert log[1].details["path"].endswith("a.png") and log[1].details["model_hash"] == "abc123"
    assert log[-1].details == {"kind": "pdf", "path": str(tmp_path / "report.pdf")}
    assert [e for e in store.audit_log() if e.case_id is not None] == log  # only one case (the rest: accounts)
    assert all(e.os_user for e in log)  # the operating-system account beside the signed-in user


@pytest.mark.parametrize("sql", ["UPDATE audit_log SET user = 'someone else'", "DELETE FROM audit_log",
                                 "UPDATE audit_log SET details = '{}' WHERE action = 'analysis'"])
def test_audit_log_refuses_update_and_delete(store, analysed_case, db_path, sql):
    before = store.audit_log()
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match=AUDIT_MESSAGE):
        raw.execute(sql)
    raw.close()
    assert store.audit_log() == before


def test_cases_with_an_audit_trail_cannot_be_deleted(store, analysed_case, db_path):
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("DELETE FROM cases")
    raw.close()


@pytest.mark.parametrize("sql", [
    "UPDATE analyses SET label = 'Pro'", "DELETE FROM analyses", "UPDATE heatmaps SET npy = x'00'",
    "DELETE FROM heatmaps", "UPDATE reviews SET reviewed_class = 'Early'", "DELETE FROM reviews",
    "DELETE FROM images", "DELETE FROM sign_offs", "UPDATE sign_offs SET signed_by = 'someone else'",
    "UPDATE sign_offs SET reopened_at = NULL",
])
def test_history_cannot_be_rewritten(store, analysed_case, db_path, sql, people):
    case_id, (first, _) = analysed_case
    store.override_class(first, "Pro", "reason", "", people.dr_a)
    sign(store, case_id, people.dr_a)
    store.reopen(case_id, "reason", people.dr_a)  # the first sign-off is now closed for good
    sign(store, case_id, people.dr_b)
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="kept as written"):
        raw.execute(sql)
    raw.close()


def test_core_cases_never_imports_qt_or_tensorflow():
    import subprocess
    import sys

    code = ("import sys, xincept_desktop.core.cases; "
            "print(sorted(m for m in ('PySide6', 'tensorflow', 'keras') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
