"""Images whose file moved or changed since analysis are reported instead of shown as current."""

from __future__ import annotations

import os

from xincept_desktop.core.cases.files import check_file


def test_unchanged_files_have_no_problems(store, analysed_case):
    case_id, _ = analysed_case
    assert store.check_files(case_id) == []
    assert [image.file_status for image in store.load_case(case_id).images] == ["ok", "ok"]
    assert [image.file_status for image in store.load_case(case_id, verify_files=False).images] == [
        "unchecked", "unchecked"]


def test_changed_same_size_moved_and_resized_files_are_reported(store, analysed_case, tmp_path):
    case_id, (first, second) = analysed_case
    images = tmp_path / "images"
    (images / "a.png").write_bytes(b"aab")  # same size, other bytes
    os.replace(images / "b.png", images / "b-moved.png")
    problems = store.check_files(case_id)
    assert [(p.image_id, p.kind) for p in problems] == [(first, "changed"), (second, "missing")]
    assert problems[0].actual_sha256 != problems[0].expected_sha256
    assert "changed since it was analysed" in problems[0].describe()
    assert "gone" in problems[1].describe()
    case = store.load_case(case_id)
    assert [image.file_status for image in case.images] == ["changed", "missing"]
    assert case.file_problems == problems
    assert case.results[0].label == "Pre"  # the stored results are still there, marked stale


def test_reanalysis_of_a_changed_file_clears_the_problem(store, analysed_case, tmp_path, people):
    from .conftest import make_result

    case_id, (first, _) = analysed_case
    path = tmp_path / "images" / "a.png"
    path.write_bytes(b"a new and longer image")
    assert [p.kind for p in store.check_files(case_id)] == ["changed"]
    store.add_analysis(case_id, make_result(path, "Pro"), "v", "h", people.tech)
    assert store.check_files(case_id) == []


def test_a_folder_in_place_of_the_file_is_missing(tmp_path):
    folder = tmp_path / "dir.png"
    folder.mkdir()
    assert check_file(1, folder, "0" * 64, 3).kind == "missing"


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    from xincept_desktop.core.cases import files

    path = tmp_path / "locked.png"
    path.write_bytes(b"abc")

    def refuse(_path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "sha256_file", refuse)
    problem = check_file(1, path, "0" * 64, 3)
    assert problem.kind == "unreadable" and "cannot be read" in problem.describe()
