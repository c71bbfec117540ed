"""Writing a report: atomic (no broken file, an existing file untouched), clear errors for bad destinations."""

from __future__ import annotations

import os

import pytest

from xincept_desktop.core.report import CaseReportRenderer, write_report
from xincept_desktop.errors import ReportError, XinceptError


class _Broken(CaseReportRenderer):
    def _method_block(self, data):
        raise RuntimeError("boom while rendering")


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_writes_a_pdf(snapshot, tmp_path):
    out = write_report(snapshot, tmp_path / "sub" / "case.pdf")
    assert out.read_bytes().startswith(b"%PDF-") and out.parent.name == "sub"
    assert os.listdir(out.parent) == ["case.pdf"]


def test_render_failure_leaves_no_file(snapshot, out_dir):
    target = out_dir / "case.pdf"
    with pytest.raises(ReportError, match="could not be rendered.*boom"):
        write_report(snapshot, target, renderer=_Broken())
    assert not target.exists() and os.listdir(out_dir) == []


def test_render_failure_keeps_an_existing_file(snapshot, out_dir):
    target = out_dir / "case.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(ReportError):
        write_report(snapshot, target, renderer=_Broken())
    assert target.read_bytes() == b"old report" and os.listdir(out_dir) == ["case.pdf"]


def test_failure_during_the_write_keeps_an_existing_file(snapshot, out_dir, monkeypatch):
    target = out_dir / "case.pdf"
    target.write_bytes(b"old report")

    def no_rename(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(ReportError, match="No space left on device"):
        write_report(snapshot, target)
    assert target.read_bytes() == b"old report" and os.listdir(out_dir) == ["case.pdf"]


def test_unwritable_destination_gives_a_clear_message(snapshot, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ReportError, match=r"cannot write the report to .*not-a-folder/case\.pdf"):
        write_report(snapshot, blocker / "case.pdf")


def test_a_folder_as_destination_is_refused(snapshot, tmp_path):
    with pytest.raises(ReportError, match="is a folder"):
        write_report(snapshot, tmp_path)
    assert issubclass(ReportError, XinceptError)
