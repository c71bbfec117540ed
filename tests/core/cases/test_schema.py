"""Connection settings, migrations from older databases, and refusal of newer ones."""

from __future__ import annotations

import sqlite3

import pytest

from xincept_desktop.core.cases import CaseStore, schema
from xincept_desktop.core.cases.schema import SCHEMA_VERSION, connect, migrate, schema_version
from xincept_desktop.errors import CaseStoreError

from .conftest import make_result


def test_new_database_is_wal_with_foreign_keys_and_current_schema(store):
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == schema.BUSY_TIMEOUT_MS
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert schema_version(conn) == SCHEMA_VERSION == len(schema.MIGRATIONS)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_default_path_is_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XINCEPT_DATA_DIR", str(tmp_path / "xdata"))
    with CaseStore() as opened:
        assert opened.path == tmp_path / "xdata" / "cases.sqlite3"
    assert opened.path.is_file()


def test_data_folder_that_cannot_be_created_is_named_in_a_case_store_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file where a folder should be")  # fails even as root
    folder = blocker / "data"
    with pytest.raises(CaseStoreError, match="cannot create the folder") as raised:
        CaseStore(folder / "cases.sqlite3")
    assert str(folder) in str(raised.value)
    with pytest.raises(CaseStoreError) as raised:
        connect(folder / "cases.sqlite3")
    assert str(folder) in str(raised.value)


def test_version_1_database_is_migrated_keeping_its_data(db_path, image_file):
    conn = connect(db_path)
    assert migrate(conn, target=1) == 1
    conn.execute("INSERT INTO cases (patient_name, patient_id, created_at, updated_at) "
                 "VALUES ('Old Case', 'P-OLD', '2025-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00')")
    conn.execute("INSERT INTO sign_offs (case_id, signed_by, signed_at) VALUES (1, 'Dr. Old', '2025-01-02')")
    conn.execute("UPDATE cases SET specimen_id = 'allowed before v2' WHERE id = 1")  # no guard at version 1
    conn.close()

    with CaseStore(db_path) as store:
        assert schema_version(store._conn) == SCHEMA_VERSION
        case = store.load_case(1)
        assert (case.fields.patient_name, case.fields.specimen_id) == ("Old Case", "allowed before v2")
        assert case.sign_off.signed_by == "Dr. Old"
        assert [row.patient_id for row in store.list_cases("p-old")] == ["P-OLD"]
        with pytest.raises(sqlite3.IntegrityError, match="case is signed"):  # the version 2 guard now holds
            store._conn.execute("UPDATE cases SET specimen_id = 'x' WHERE id = 1")


def test_reopening_a_migrated_database_changes_nothing(db_path):
    CaseStore(db_path).close()
    with CaseStore(db_path) as again:
        assert schema_version(again._conn) == SCHEMA_VERSION


def test_newer_database_is_refused_and_left_alone(db_path):
    conn = connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(CaseStoreError, match="newer than this program"):
        CaseStore(db_path)
    conn = connect(db_path)
    assert schema_version(conn) == SCHEMA_VERSION + 5
    conn.close()


def test_failed_migration_rolls_back_to_the_old_version(db_path, monkeypatch):
    conn = connect(db_path)
    migrate(conn, target=1)
    broken = schema.MIGRATIONS + (("CREATE TABLE extra (x INTEGER)", "THIS IS NOT SQL"),)
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    with pytest.raises(CaseStoreError, match="cannot migrate"):
        migrate(conn, target=len(broken))
    assert schema_version(conn) == 1
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "extra" not in names and "signed_case_update" not in names
    conn.close()


def test_unreadable_database_file_is_a_case_store_error(tmp_path):
    bad = tmp_path / "cases.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(CaseStoreError):
        CaseStore(bad)


def test_store_round_trip_after_migration(db_path, image_file):
    with CaseStore(db_path) as store:
        case_id = store.create_case({"patient_id": "P-2"}, user="tech")
        store.add_analysis(case_id, make_result(image_file()), "v", "h", user="tech")
    with CaseStore(db_path) as store:
        assert store.load_case(case_id).results[0].label == "Pre"
