"""Report writes to a full disk or a read-only folder: a clear ReportError naming the file, no partial files."""

from __future__ import annotations

import os

import pytest

from tests.full_disk import STAGES, fill_disk_at, skip_as_root
from xincept_desktop.core.report import write_report
from xincept_desktop.errors import ReportError, XinceptError


@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
@pytest.mark.parametrize("stage", STAGES)
def test_full_disk_gives_a_clear_error_and_leaves_no_partial_file(snapshot, tmp_path, monkeypatch, stage, existing):
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "case 42.pdf"
    if existing:
        target.write_bytes(b"old report")
    fill_disk_at(monkeypatch, stage)
    with pytest.raises(ReportError, match=r"cannot write the report to .*case 42\.pdf: No space left on device") \
            as caught:
        write_report(snapshot, target)
    monkeypatch.undo()
    assert isinstance(caught.value, XinceptError)
    assert os.listdir(folder) == (["case 42.pdf"] if existing else [])  # no .part file left behind
    if existing:
        assert target.read_bytes() == b"old report"
    write_report(snapshot, target)  # the next try, with space, works
    assert target.read_bytes().startswith(b"%PDF-") and os.listdir(folder) == ["case 42.pdf"]


@skip_as_root
@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
def test_read_only_folder_gives_a_clear_error(snapshot, tmp_path, existing):
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "case.pdf"
    if existing:
        target.write_bytes(b"old report")
    folder.chmod(0o555)
    try:
        with pytest.raises(ReportError, match=r"cannot write the report to .*locked/case\.pdf: Permission denied"):
            write_report(snapshot, target)
        assert os.listdir(folder) == (["case.pdf"] if existing else [])
    finally:
        folder.chmod(0o755)
    if existing:
        assert target.read_bytes() == b"old report"
