"""The audit trail: one line per action with UTC time and user; the database refuses to change or delete it."""

from __future__ import annotations

import sqlite3

import pytest

from xincept_desktop.core.cases.schema import AUDIT_MESSAGE


def test_every_action_is_audited_with_utc_time_and_user(store, analysed_case, tmp_path):
    case_id, (first, _) = analysed_case
    store.override_class(first, "Pro", "reason", "", "Dr. A")
    store.sign_off(case_id, "Dr. A")
    store.export_case(case_id, "json", tmp_path / "case.json", "Dr. A")
    store.reopen(case_id, "typo in name", "Dr. A")
    store.record_export(case_id, "pdf", tmp_path / "report.pdf", "Dr. A")
    log = store.audit_log(case_id)
    assert [e.action for e in log] == ["create_case", "analysis", "analysis", "override", "sign_off", "export",
                                       "reopen", "export"]
    assert all(e.at.endswith("+00:00") for e in log)
    assert [e.at for e in log] == sorted(e.at for e in log)
    assert {e.user for e in log} == {"tech", "Dr. A"}
    assert log[1].details["path"].endswith("a.png") and log[1].details["model_hash"] == "abc123"
    assert log[-1].details == {"kind": "pdf", "path": str(tmp_path / "report.pdf")}
    assert store.audit_log() == log  # only one case


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
