"""Electronic signatures: what is recorded, re-opening voids them, and tampering with the database file directly
is found by recomputing the signed content's hash."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from xincept_desktop.core.cases.export import canonical_json, content_dict
from xincept_desktop.core.cases.signatures import MEANING, content_sha256
from tests.accounts import sign


@pytest.fixture
def signed_case(store, analysed_case, people):
    case_id, (first, _) = analysed_case
    store.update_case_fields(case_id, {"conclusion": "Pre-B ALL", "comments": "flow pending"}, people.dr_a)
    store.override_class(first, "Pro", "fine chromatin", "", people.dr_a)
    sign(store, case_id, people.dr_a)
    return case_id, first


def test_the_signature_records_who_what_when_and_the_content_hash(store, signed_case):
    case_id, _ = signed_case
    [signature] = store.signatures(case_id)
    record = store.load_case(case_id)
    assert (signature.username, signature.printed_name, signature.role, signature.meaning) == (
        "dr.a", "Dr. A", "hematologist", MEANING)
    assert signature.signed_at == record.sign_off.signed_at and signature.signed_at.endswith("+00:00")
    expected = hashlib.sha256(canonical_json(content_dict(record)).encode()).hexdigest()
    assert signature.content_sha256 == expected == content_sha256(record)
    line = [e for e in store.audit_log(case_id) if e.action == "sign_off"][0]
    assert (line.user, line.details["content_sha256"], line.details["meaning"]) == ("dr.a", expected, MEANING)
    assert [check.ok for check in store.verify_signatures()] == [True]


def test_the_content_covers_images_results_reviews_details_and_conclusion(store, signed_case):
    content = content_dict(store.load_case(signed_case[0]))
    assert content["fields"]["conclusion"] == "Pre-B ALL"
    image = content["images"][0]
    assert (image["sha256"], image["model_class"], image["reviewed_class"], image["review_reason"]) == (
        hashlib.sha256(b"aaa").hexdigest(), "Pre", "Pro", "fine chromatin")
    assert image["probabilities"]["Pre"] == pytest.approx(0.9) and "file_status" not in image


@pytest.mark.parametrize("tamper", [
    "UPDATE cases SET conclusion = 'Benign' WHERE id = {case}",
    "UPDATE analyses SET label = 'Benign' WHERE id = (SELECT MIN(id) FROM analyses)",
    "UPDATE reviews SET reviewed_class = 'Early'",
    "UPDATE images SET sha256 = 'f00d' WHERE id = {image}",
])
def test_editing_the_database_file_directly_is_reported(store, signed_case, db_path, tamper):
    case_id, image_id = signed_case
    raw = sqlite3.connect(db_path)
    triggers = [row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    for name in triggers:  # someone with the file and a SQLite shell: the guards go first
        raw.execute(f"DROP TRIGGER {name}")
    raw.execute(tamper.format(case=case_id, image=image_id))
    raw.commit()
    raw.close()
    [check] = store.verify_signatures(user="auditor")
    assert not check.ok and check.problem == "the case's content changed after it was signed"
    assert check.case_id == case_id and check.stored_sha256 != check.actual_sha256
    assert "MISMATCH" in check.describe()
    assert store.audit_log()[-1].details["mismatched"] == [case_id]


def test_a_rewritten_signer_name_is_reported(store, signed_case, db_path):
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER sign_offs_reopen_only")
    raw.execute("UPDATE sign_offs SET signed_by = 'Dr. Someone Else'")
    raw.commit()
    raw.close()
    [check] = store.verify_signatures()
    assert check.problem == "the sign-off's name or time differs from the signature's"


def test_reopening_voids_the_signature_and_a_new_one_is_needed(store, signed_case, people):
    case_id, first = signed_case
    store.reopen(case_id, "flow cytometry came back", people.dr_b)
    [voided] = store.signatures(case_id)
    assert voided.void and (voided.voided_by, voided.void_reason) == ("dr.b", "flow cytometry came back")
    assert store.verify_signatures() == []  # nothing signed now
    store.override_class(first, "Early", "after flow", "", people.dr_b)
    sign(store, case_id, people.dr_b)
    old, new = store.signatures(case_id)
    assert old.void and not new.void and new.printed_name == "Dr. B"
    assert old.content_sha256 != new.content_sha256
    assert [check.ok for check in store.verify_signatures()] == [True]


def test_signatures_cannot_be_changed_or_removed(store, signed_case, db_path):
    raw = sqlite3.connect(db_path)
    for sql in ("UPDATE signatures SET content_sha256 = 'x'", "DELETE FROM signatures"):
        with pytest.raises(sqlite3.IntegrityError, match="kept as written"):
            raw.execute(sql)
    raw.close()


def test_a_sign_off_without_a_signature_row_is_reported(store, signed_case, db_path):
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER signatures_no_delete")
    raw.execute("DELETE FROM signatures")
    raw.commit()
    raw.close()
    [check] = store.verify_signatures()
    assert not check.ok and check.problem == "the electronic signature of this sign-off is missing from the database"


def test_a_sign_off_from_before_signatures_is_listed_as_not_checked_not_as_a_mismatch(db_path):
    from xincept_desktop.core.cases import CaseStore
    from xincept_desktop.core.cases.schema import MIGRATIONS, connect

    conn = connect(db_path)  # a version-4 store with a case signed by name, as before accounts existed
    for statements in MIGRATIONS[:4]:
        for statement in statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    conn.execute("INSERT INTO cases (patient_id, created_at, updated_at) VALUES ('OLD-1', 't', 't')")
    conn.execute("INSERT INTO sign_offs (case_id, signed_by, signed_at) VALUES (1, 'Dr. Old', "
                 "'2026-01-02T10:00:00+00:00')")
    conn.execute("INSERT INTO audit_log (at, user, action, case_id, details) VALUES ('2026-01-02T10:00:00+00:00', "
                 "'Dr. Old', 'sign_off', 1, '{\"sign_off_id\": 1}')")
    conn.close()
    with CaseStore(db_path) as store:
        [check] = store.verify_signatures()
    assert check.ok and check.note.startswith("signed before electronic signatures were kept")
    assert check.describe().endswith("not checked: signed before electronic signatures were kept; there is no hash "
                                     "to compare")
