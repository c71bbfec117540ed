"""A signed case never changes: the window obeys the case state from opening images to sign-off and export.

Scenarios of issue 16: images never go silently into a signed case (new case or re-open with a reason), the
sign-off dialog blocks and asks for acknowledgements, results are stored batch by batch, Quit and New Case ask
while images are analysed, New Case resets the case header, excluded images leave the counts.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog

from tests.gated_model import GatedModel
from tests.accounts import people, sign
from tests.ui.conftest import answer_review, answer_sign_off, wait_analysed
from xincept_desktop.core.case_summary import EXCLUDE_CHOICE, EXCLUDED
from xincept_desktop.core.cases import CaseStore
from xincept_desktop.core.cases.state import CaseState
from xincept_desktop.ui import case_guard


@pytest.fixture
def answers(monkeypatch):
    """Record the signed-case and busy questions; each answers with the next value of its list."""
    asked = {"signed": [], "busy": []}
    replies = {"signed": [], "busy": []}

    def signed(_parent, case_id, signed_by, count):
        asked["signed"].append((case_id, signed_by, count))
        return replies["signed"].pop(0)

    def busy(_parent, what, remaining):
        asked["busy"].append((what, remaining))
        return replies["busy"].pop(0)

    monkeypatch.setattr(case_guard, "ask_signed_case", signed)
    monkeypatch.setattr(case_guard, "ask_busy", busy)
    return asked, replies


def reason_is(monkeypatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (text, True))


def signed_window(ready_window, case_folder, qtbot, monkeypatch, n=4):
    window = ready_window
    folder = case_folder(n)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    window.case.save_details({"patient_id": "P-1", "patient_name": "A. B."})
    answer_sign_off(monkeypatch)  # as the signed-in Dr. A
    window.actions["sign_off"].trigger()
    assert window.case.state() is CaseState.SIGNED
    return window, folder


def stored_paths(db: Path, case_id: int) -> set[Path]:
    with CaseStore(db) as store:
        return {Path(image.path) for image in store.load_case(case_id, verify_files=False).images}


def test_open_folder_on_a_signed_case_is_refused_or_becomes_a_new_case(ready_window, case_folder, qtbot,
                                                                       monkeypatch, answers, tmp_path, warnings):
    asked, replies = answers
    window, folder = signed_window(ready_window, case_folder, qtbot, monkeypatch)
    signed_id = window.case.case_id
    more = tmp_path / "more"
    more.mkdir()
    for name in ("x1.png", "x2.png"):
        (more / name).write_bytes((folder / "img000.png").read_bytes())

    replies["signed"].append(None)  # cancel: nothing is added
    assert window.open_paths([more]) == []
    assert asked["signed"] == [(signed_id, "Dr. A", 2)]
    assert len(window.image_list.paths()) == 4 and window.case.case_id == signed_id

    replies["signed"].append(None)  # a drop asks the same question
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(more / "x1.png"))])
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert len(asked["signed"]) == 2 and len(window.image_list.paths()) == 4

    replies["signed"].append(case_guard.NEW_CASE)
    added = window.open_paths([more])
    wait_analysed(qtbot, window)
    assert len(added) == 2 and window.case.case_id not in (None, signed_id)
    assert "Not saved yet" not in window.case_panel.case_status.text()
    assert "signed" not in window.case_panel.case_status.text()
    assert stored_paths(window.case.db_path, signed_id) == {folder / f"img{i:03d}.png" for i in range(4)}
    assert stored_paths(window.case.db_path, window.case.case_id) == {more / "x1.png", more / "x2.png"}

    with CaseStore(window.case.db_path) as store:  # the signed case exports as signed: its 4 images only
        store.export_case(signed_id, "csv", tmp_path / "signed.csv", user=people(store).dr_a)
    rows = list(csv.DictReader((tmp_path / "signed.csv").open(encoding="utf-8-sig")))
    assert len(rows) == 4 and {row["signed_by"] for row in rows} == {"Dr. A"}
    assert warnings == []


def test_reopen_with_a_reason_adds_the_images_and_needs_a_new_sign_off(ready_window, case_folder, qtbot,
                                                                       monkeypatch, answers, tmp_path, warnings):
    asked, replies = answers
    window, folder = signed_window(ready_window, case_folder, qtbot, monkeypatch, n=2)
    case_id = window.case.case_id
    extra = tmp_path / "late.png"
    extra.write_bytes((folder / "img000.png").read_bytes())
    replies["signed"].append(case_guard.REOPEN)
    reason_is(monkeypatch, "one more field of view")
    window.open_paths([extra])
    wait_analysed(qtbot, window)
    assert window.case.case_id == case_id and window.case.state() is CaseState.REOPENED
    assert "needs a new sign-off" in window.case_panel.case_status.text()
    assert extra in stored_paths(window.case.db_path, case_id)
    assert window.actions["sign_off"].isEnabled() and not window.actions["reopen_case"].isEnabled()

    window.sign_in(people(window.case.store).dr_b)  # another hematologist signs the amended case
    answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()
    assert "signed (amended) by Dr. B" in window.case_panel.case_status.text()
    with CaseStore(window.case.db_path) as store:
        actions = [(e.action, e.details.get("reason")) for e in store.audit_log(case_id)]
        assert ("reopen", "one more field of view") in actions
        assert [a for a, _ in actions].count("sign_off") == 2
        assert store.load_case(case_id, verify_files=False).amended
    assert warnings == []


def test_a_case_signed_in_another_window_refuses_images_here(ready_window, case_folder, qtbot, answers,
                                                             monkeypatch, warnings):
    asked, replies = answers
    window = ready_window
    window.open_paths([case_folder(2)])
    wait_analysed(qtbot, window)
    with CaseStore(window.case.db_path) as other:  # a second app instance signs the case
        sign(other, window.case.case_id, people(other).dr_b)
    replies["signed"].append(None)
    assert window.open_paths([case_folder(1)]) == []
    assert asked["signed"][0][1] == "Dr. B"
    window.image_list.select(window.image_list.paths()[0])
    answer_review(monkeypatch, EXCLUDED, "not a blast")
    window.case_actions.override()
    assert len(warnings) == 1 and "sign" in warnings[0][1].lower()


def test_sign_off_dialog_blocks_failed_images_until_excluded_and_needs_acknowledgement(ready_window, case_folder,
                                                                                       qtbot, monkeypatch, warnings):
    window = ready_window
    folder = case_folder(4, bad=1)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    shown = answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()
    dialog = shown[-1]
    assert not window.case.signed and not dialog.sign_button.isEnabled()
    assert any("could not be analysed" in line and "broken0.png" in line for line in dialog.check.blockers)
    assert "missing patient name and patient ID" in dialog.check.warnings

    broken = folder / "broken0.png"
    assert window.case.image_for(broken).analysis.result.error  # the failure is part of the stored case
    window.image_list.select(broken)
    reason_is(monkeypatch, "not an image file")
    window.actions["remove_image"].trigger()  # stored images are excluded, not removed
    assert len(warnings) == 1 and "exclude" in warnings[0][1] and broken in window.image_list.paths()
    warnings.clear()
    answer_review(monkeypatch, EXCLUDED, "not an image file")
    window.actions["override_class"].trigger()
    assert window.case.image_for(broken).reviewed_class == EXCLUDED

    shown = answer_sign_off(monkeypatch, acknowledge=False)
    window.actions["sign_off"].trigger()
    assert not window.case.signed and shown[-1].check.blockers == []
    assert not shown[-1].sign_button.isEnabled()  # warnings not acknowledged

    shown = answer_sign_off(monkeypatch, password="")
    window.actions["sign_off"].trigger()
    assert not window.case.signed and not shown[-1].sign_button.isEnabled()  # no password, no signature

    shown = answer_sign_off(monkeypatch, password="not my password")
    window.actions["sign_off"].trigger()
    assert not window.case.signed  # a wrong password: the dialog says so and stays open
    assert shown[-1].error.isVisibleTo(shown[-1]) and shown[-1].error.text().startswith("Not signed: the password")

    answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()
    assert window.case.signed
    with CaseStore(window.case.db_path) as store:
        log = store.audit_log(window.case.case_id)
    excluded = [e for e in log if e.action == "override"]
    assert excluded[0].details["reviewed_class"] == EXCLUDED and excluded[0].details["reason"] == "not an image file"
    sign = [e for e in log if e.action == "sign_off"][0]
    assert sign.user == "dr.a" and "missing patient name and patient ID" in sign.details["acknowledged"]
    assert sign.details["summary"]["analysed"] == 4 and sign.details["summary"]["excluded"] == 1
    assert warnings == []


def test_sign_off_blocks_images_still_waiting(ready_window, case_folder, qtbot, monkeypatch):
    window = ready_window
    folder = case_folder(2)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    window.image_list.add_paths([folder / "later.png"])  # listed, never analysed (e.g. model not ready)
    shown = answer_sign_off(monkeypatch)
    window.actions["sign_off"].trigger()
    assert not window.case.signed and "later.png" in shown[0].check.blockers[0]
    window.image_list.select(folder / "later.png")
    reason_is(monkeypatch, "wrong slide")
    window.actions["remove_image"].trigger()
    assert folder / "later.png" not in window.image_list.paths()
    window.actions["sign_off"].trigger()
    assert window.case.signed
    with CaseStore(window.case.db_path) as store:
        removed = [e.details for e in store.audit_log(window.case.case_id) if e.action == "image_removed"]
    assert removed == [{"path": str(folder / "later.png"), "reason": "wrong slide"}]


def test_new_case_resets_everything_case_level(ready_window, case_folder, qtbot, monkeypatch):
    window, _ = signed_window(ready_window, case_folder, qtbot, monkeypatch, n=2)
    assert "signed by" in window.case_panel.case_status.text()
    window.actions["new_case"].trigger()
    assert window.case_panel.case_status.text() == "Not saved yet"
    assert window.image_list.count() == 0 and window.results == {} and window.current is None
    assert window.case_panel.totals.text().startswith("0 analysed of 0")
    assert window.result_panel.title.text() == "No image selected"
    assert not window.actions["sign_off"].isEnabled() and not window.actions["reopen_case"].isEnabled()
    assert window.actions["override_class"].isEnabled() is False


def test_excluded_image_leaves_the_counts_and_heads_the_result(ready_window, case_folder, qtbot, monkeypatch,
                                                               warnings):
    window = ready_window
    folder = case_folder(4)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    path = folder / "img000.png"
    model_class = window.results[path].label
    before = sum(int(label.text().split()[0]) for label in window.case_panel.count_labels.values())
    window.image_list.select(path)
    answer_review(monkeypatch, EXCLUDED, "a neutrophil, not a lymphoblast")
    window.actions["override_class"].trigger()
    assert warnings == []
    after = sum(int(label.text().split()[0]) for label in window.case_panel.count_labels.values())
    assert after == before - 1
    items = [window.case_panel.review_list.item(i).text() for i in range(window.case_panel.review_list.count())]
    assert "img000.png: excluded: a neutrophil, not a lymphoblast" in items
    assert window.result_panel.label.text() == EXCLUDE_CHOICE
    assert f"Model's class: " in window.result_panel.review.text() and model_class in window.result_panel.review.text()
    assert f"reviewed: {EXCLUDED}" in window.image_list.item_text(path)


def test_review_with_another_class_becomes_the_heading(ready_window, case_folder, qtbot, monkeypatch):
    window = ready_window
    folder = case_folder(1)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    path = folder / "img000.png"
    model_class = window.results[path].label
    new_class = next(name for name in ("Benign", "Early", "Pre", "Pro") if name != model_class)
    window.image_list.select(path)
    answer_review(monkeypatch, new_class, "nuclear detail")
    window.actions["override_class"].trigger()
    from xincept_desktop.config import CLASS_DESCRIPTIONS

    assert window.result_panel.label.text() == CLASS_DESCRIPTIONS[new_class]
    assert CLASS_DESCRIPTIONS[model_class] in window.result_panel.review.text()
    second_line = window.image_list.item_text(path).split("\n")[1]
    # the model's part is what the list said before the review ('not assessable (closest X, ..)' out of domain)
    assert second_line.startswith(f"reviewed: {new_class} \u00b7 model: done \u00b7 ")
    assert model_class in second_line.partition(" \u00b7 model: ")[2]


@pytest.fixture
def gated_window(make_window, tiny_model, qtbot):
    """A window whose analysis runs one batch, then waits until the test releases the gate."""
    gate = GatedModel(tiny_model, allow=1)
    window = make_window(model=gate)
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    yield window, gate
    gate.release()


@pytest.mark.parametrize("answer", [case_guard.STOP, case_guard.WAIT])
def test_new_case_during_analysis_asks_and_keeps_what_is_done(gated_window, case_folder, qtbot, answers, answer):
    asked, replies = answers
    window, gate = gated_window
    window.open_paths([case_folder(12)])
    qtbot.waitUntil(lambda: window.case.case_id is not None and len(window.case.image_ids) == 4, timeout=60_000)
    first = window.case.case_id
    assert window.analysis.busy  # the second batch waits at the gate

    replies["busy"].append(None)  # stay: nothing changes
    window.actions["new_case"].trigger()
    assert asked["busy"] == [("New Case", 8)] and window.image_list.count() == 12

    replies["busy"].append(answer)
    window.actions["new_case"].trigger()
    assert window.image_list.count() == 12  # nothing happens before the analysis has ended
    gate.release()
    qtbot.waitUntil(lambda: window.image_list.count() == 0 and not window.case.saving, timeout=60_000)
    assert window.case.case_id is None and window.case_panel.case_status.text() == "Not saved yet"
    with CaseStore(window.case.db_path) as store:
        stored = store.load_case(first, verify_files=False).images
        waiting = store.not_analysed(first)
    if answer == case_guard.WAIT:
        assert len(stored) == 12 and waiting == []
    else:
        assert 4 <= len(stored) < 12 and len(stored) + len(waiting) == 12
        assert {p.name for p in waiting}.isdisjoint({image.path.name for image in stored})


def test_stopped_analysis_is_listed_in_the_case(gated_window, case_folder, qtbot):
    window, gate = gated_window
    window.open_paths([case_folder(12)])  # batches of 4: the second waits at the gate, the third never starts
    qtbot.waitUntil(lambda: len(window.case.image_ids) == 4, timeout=60_000)
    window.actions["cancel"].trigger()
    gate.release()
    qtbot.waitUntil(lambda: not window.analysis.busy and not window.case.saving and bool(window.case.not_analysed),
                    timeout=60_000)
    assert "4 image(s) not analysed" in window.case_panel.case_status.text()
    assert len(window.case.not_analysed) == 4 and len(window.case.image_ids) == 8


def test_quit_during_analysis_asks_and_stay_keeps_the_window(gated_window, case_folder, qtbot, answers):
    asked, replies = answers
    window, gate = gated_window
    window.open_paths([case_folder(12)])
    qtbot.waitUntil(lambda: len(window.case.image_ids) == 4, timeout=60_000)
    replies["busy"].append(None)
    window.actions["quit"].trigger()
    assert asked["busy"][0][0] == "Quit" and window.isVisible()
    replies["busy"].append(case_guard.STOP)
    window.actions["quit"].trigger()
    gate.release()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    with CaseStore(window.case.db_path) as store:
        case = store.list_cases()[0]
        waiting = store.not_analysed(case.case_id)
    # the batch at the gate when Stop was chosen finishes and is kept; the third never starts
    assert case.image_count == 8 and sorted(p.name for p in waiting) == [f"img{i:03d}.png" for i in range(8, 12)]


def test_analyse_on_a_signed_case_with_images_waiting_asks(ready_window, case_folder, qtbot, monkeypatch, answers,
                                                           tmp_path):
    asked, replies = answers
    window, folder = signed_window(ready_window, case_folder, qtbot, monkeypatch, n=1)
    signed_id = window.case.case_id
    late = tmp_path / "late.png"
    late.write_bytes((folder / "img000.png").read_bytes())
    window.image_list.add_paths([late])  # listed, not analysed (e.g. recorded as not analysed when stopped)
    jobs = []
    monkeypatch.setattr(window.analysis, "analyse", lambda paths: jobs.append(paths))
    replies["signed"].append(None)
    window.actions["analyse"].trigger()
    assert asked["signed"] == [(signed_id, "Dr. A", 1)] and jobs == []
    monkeypatch.delattr(window.analysis, "analyse")  # the controller's own method again
    replies["signed"].append(case_guard.NEW_CASE)
    window.actions["analyse"].trigger()
    wait_analysed(qtbot, window)
    assert window.image_list.paths() == [late] and window.case.case_id not in (None, signed_id)
    assert stored_paths(window.case.db_path, signed_id) == {folder / "img000.png"}
