"""Case exports and database writes when the disk is full or the folder read-only: a clear CaseStoreError, no
partial files, no audit line for an export that was not written, and a database that stays consistent."""

from __future__ import annotations

import os
import sqlite3

import pytest

from tests.core.cases.conftest import make_result
from tests.full_disk import STAGES, fill_disk_at, skip_as_root
from xincept_desktop.errors import CaseStoreError, XinceptError


@pytest.fixture
def case_id(analysed_case):
    return analysed_case[0]


@pytest.mark.parametrize("kind", ["csv", "json"])
@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
@pytest.mark.parametrize("stage", STAGES)
def test_export_to_a_full_disk(store, case_id, tmp_path, monkeypatch, stage, existing, kind, people):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"case 1.{kind}"
    if existing:
        target.write_text("old export")
    audit_before = store.audit_log()
    fill_disk_at(monkeypatch, stage)
    with pytest.raises(CaseStoreError, match=rf"cannot write .*case 1\.{kind}: No space left on device") as caught:
        store.export_case(case_id, kind, target, people.dr_a)
    monkeypatch.undo()
    assert isinstance(caught.value, XinceptError)
    assert os.listdir(folder) == ([target.name] if existing else [])  # no .part file left behind
    if existing:
        assert target.read_text() == "old export"
    assert store.audit_log() == audit_before  # the export that did not happen is not audited
    store.export_case(case_id, kind, target, people.dr_a)
    assert target.read_text(encoding="utf-8") != "old export" and os.listdir(folder) == [target.name]
    assert len(store.audit_log()) == len(audit_before) + 1


@skip_as_root
def test_export_to_a_read_only_folder(store, case_id, tmp_path, people):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    audit_before = store.audit_log()
    try:
        with pytest.raises(CaseStoreError, match=r"cannot write .*locked/case\.csv: Permission denied"):
            store.export_case(case_id, "csv", folder / "case.csv", people.dr_a)
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o755)
    assert store.audit_log() == audit_before


def _limit_pages(store, extra: int = 0) -> None:
    """Cap the database at its current size (plus ``extra`` pages): the next growth fails with SQLITE_FULL.

    ``max_page_count`` is per connection, so it has to be set on the store's own one."""
    conn = store._conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + extra}")


def _integrity(db_path) -> str:
    with sqlite3.connect(db_path) as other:
        return other.execute("PRAGMA integrity_check").fetchone()[0]


def test_database_full_raises_and_keeps_what_was_committed(store, db_path, analysed_case, image_file, people):
    case_id, image_ids = analysed_case
    before = store.load_case(case_id, verify_files=False)
    audit_before = store.audit_log()
    _limit_pages(store)
    big = [make_result(image_file(f"big{i}.png", bytes(range(256)) * 40), grid=64, seed=i) for i in range(20)]
    with pytest.raises(CaseStoreError, match="database or disk is full"):
        store.add_analyses(case_id, big, "xincept-all 1.0", "abc123", user=people.tech)
    with pytest.raises(CaseStoreError, match="database or disk is full"):
        store.create_case({"patient_name": "x" * 200_000}, user=people.tech)

    assert _integrity(db_path) == "ok"
    after = store.load_case(case_id, verify_files=False)
    assert [image.image_id for image in after.images] == image_ids == [image.image_id for image in before.images]
    assert [image.model_class for image in after.images] == [image.model_class for image in before.images]
    assert store.audit_log() == audit_before  # nothing half-written, not even an audit line
    assert [entry.case_id for entry in store.list_cases()] == [case_id]

    store._conn.execute("PRAGMA max_page_count = 1073741823")  # space again: the store is still usable
    store.add_analyses(case_id, big[:2], "xincept-all 1.0", "abc123", user=people.tech)
    assert len(store.load_case(case_id, verify_files=False).images) == 4
    assert _integrity(db_path) == "ok"
