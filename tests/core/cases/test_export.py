"""CSV and JSON exports: both the model's and the reviewer's class, atomic writes, audited."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

import pytest

from xincept_desktop.core.cases import to_csv, to_json
from xincept_desktop.errors import CaseStoreError
from tests.accounts import sign

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def reviewed(store, analysed_case, people):
    case_id, (first, _) = analysed_case
    store.override_class(first, "Pro", "coarse chromatin", "=HYPERLINK(\"x\")", people.dr_a)
    sign(store, case_id, people.dr_a)
    return case_id


def read_csv(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(text[1:].splitlines()))


def test_json_export_has_both_classes_and_the_sign_off(store, reviewed, tmp_path, people):
    path = store.export_case(reviewed, "json", tmp_path / "out" / "case.json", user=people.dr_a)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["format_version"], data["signed_by"]) == ("xincept-case", 1, "Dr. A")
    assert data["fields"]["patient_name"] == "Sara Ahmadi"
    first, second = data["images"]
    assert (first["model_class"], first["reviewed_class"], first["overridden"]) == ("Pre", "Pro", True)
    assert (second["model_class"], second["reviewed_class"], second["overridden"]) == ("Benign", "Benign", False)
    assert first["review_reason"] == "coarse chromatin" and first["reviewer"] == "Dr. A"
    assert first["file_status"] == "ok" and first["probabilities"]["Pre"] == pytest.approx(0.9)
    assert store.audit_log(reviewed)[-1].details == {"kind": "json", "path": str(path)}
    assert [p.name for p in path.parent.iterdir()] == ["case.json"]  # no temporary file left behind


def test_csv_export_one_row_per_image_with_formulas_defused(store, reviewed, tmp_path, people):
    path = store.export_case(reviewed, "csv", tmp_path / "case.csv", user=people.dr_a)
    rows = read_csv(path)
    assert [(r["file_name"], r["model_class"], r["reviewed_class"]) for r in rows] == [
        ("a.png", "Pre", "Pro"), ("b.png", "Benign", "Benign")]
    assert rows[0]["review_comment"] == "'=HYPERLINK(\"x\")"
    assert rows[0]["patient_id"] == "P-100" and rows[0]["signed_by"] == "Dr. A"
    assert float(rows[1]["p_Benign"]) == pytest.approx(0.6) and rows[1]["review_reason"] == ""


def test_exports_are_deterministic_for_a_stored_case(store, reviewed):
    case = store.load_case(reviewed)
    assert to_json(case, NOW) == to_json(store.load_case(reviewed), NOW)
    assert to_csv(case) == to_csv(store.load_case(reviewed))


def test_export_shows_stale_files(store, reviewed, tmp_path, people):
    (tmp_path / "images" / "b.png").unlink()
    data = json.loads(store.export_case(reviewed, "json", tmp_path / "c.json", people.dr_a).read_text())
    assert [image["file_status"] for image in data["images"]] == ["ok", "missing"]


def test_failed_export_leaves_no_file_and_no_audit_line(store, reviewed, tmp_path, people):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    before = store.audit_log()
    with pytest.raises(CaseStoreError, match="cannot write"):
        store.export_case(reviewed, "csv", blocker / "case.csv", people.dr_a)
    with pytest.raises(CaseStoreError, match="unknown export kind"):
        store.export_case(reviewed, "xlsx", tmp_path / "case.xlsx", people.dr_a)
    assert store.audit_log() == before and not (tmp_path / "case.xlsx").exists()


def test_record_export_needs_a_known_case(store, people):
    with pytest.raises(CaseStoreError, match="no case 5"):
        store.record_export(5, "pdf", "/tmp/r.pdf", people.dr_a)
