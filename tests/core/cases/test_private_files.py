"""Patient data at rest: the case database and its folder owner-only, group-shared in a shared folder; exports
and reports owner-only."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from xincept_desktop.core.cases import CaseStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """A permissive umask (022, as on many desktops), so the modes come from the program, not the umask."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_store_is_owner_only(tmp_path, open_umask):
    path = tmp_path / "data" / "xincept" / "cases.sqlite3"
    with CaseStore(path) as store:
        store.create_case({"patient_name": "Sara"}, user="tech")
        assert mode(path.parent) == 0o700
        for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            assert mode(candidate) == 0o600, candidate


def test_a_store_left_world_readable_by_an_older_version_is_tightened(tmp_path, open_umask):
    path = tmp_path / "cases.sqlite3"
    CaseStore(path).close()
    os.chmod(path, 0o644)
    CaseStore(path).close()
    assert mode(path) == 0o600


def test_a_store_in_a_shared_folder_is_group_readable_but_never_world(tmp_path, open_umask):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o2770)
    with CaseStore(shared / "cases.sqlite3") as store:
        store.create_case({"patient_name": "Sara"}, user="tech")
        assert mode(shared / "cases.sqlite3") == 0o660
        assert mode(shared / "cases.sqlite3-wal") == 0o660


def test_exports_and_reports_are_owner_only(store, analysed_case, people, tmp_path, open_umask):
    from xincept_desktop.core.report.writer import write_report

    case_id, _ = analysed_case
    for kind in ("csv", "json"):
        assert mode(store.export_case(case_id, kind, tmp_path / "out" / f"case.{kind}", people.tech)) == 0o600

    class Renderer:
        def render(self, _data):
            return b"%PDF-1.4 test"

    assert mode(write_report(None, tmp_path / "report.pdf", Renderer())) == 0o600
