"""Drafts of a user's unsaved dialogs at a user switch (ui.drafts): what is kept, and to whom it is offered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from xincept_desktop.core.cases import CaseFields
from xincept_desktop.ui.case_details import CaseDetailsDialog
from xincept_desktop.ui.drafts import Draft, Drafts, capture, offer
from xincept_desktop.ui.review_dialog import ReviewDialog


def test_only_dialogs_with_typed_input_give_a_draft(qtbot):
    stored = CaseFields.from_mapping({"patient_name": "Pat"})
    details = CaseDetailsDialog(stored)
    qtbot.addWidget(details)
    assert capture(details, "dr.a", 3, None, stored) is None  # as stored: nothing to keep
    details.edits["comments"].setPlainText("smear re-stained")
    draft = capture(details, "dr.a", 3, None, stored)
    assert draft.kind == "case_details" and draft.values["comments"] == "smear re-stained"
    assert draft.values["patient_name"] == "Pat" and draft.username == "dr.a" and draft.case_id == 3
    read_only = CaseDetailsDialog(stored, read_only=True)
    qtbot.addWidget(read_only)
    assert capture(read_only, "dr.a", 3, None, CaseFields()) is None

    review = ReviewDialog("cell-1.png", "Pre", None)
    qtbot.addWidget(review)
    assert capture(review, "dr.a", 3, Path("/x/cell-1.png")) is None
    review.choice.setCurrentIndex(review.choice.findData("Pro"))
    review.reason.setText("nucleoli visible")
    draft = capture(review, "dr.a", 3, Path("/x/cell-1.png"))
    assert draft.kind == "review" and draft.path == Path("/x/cell-1.png")
    assert draft.values == {"choice": "Pro", "reason": "nucleoli visible", "comment": ""}


def test_drafts_are_handed_out_once_and_only_to_their_user():
    box = Drafts()
    box.keep(Draft("dr.a", "case_details", 1, {"conclusion": "x"}))
    assert box.waiting("dr.b") == 0 and box.take("dr.b") == []
    assert [d.username for d in box.take("dr.a")] == ["dr.a"] and box.take("dr.a") == []


def test_a_draft_is_never_applied_for_another_user_and_shown_when_its_case_is_gone(make_window, monkeypatch):
    window = make_window(start=False)  # Dr. A signed in
    store = window.case.store
    window.case.load(store.create_case({"patient_name": "Pat"}, user=window.case.actor))
    asked, informed, restored = [], [], []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: asked.append(1) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text, *a, **k: informed.append(text))
    monkeypatch.setattr(window.case_actions, "edit_details", lambda prefill=None: restored.append(prefill))
    others = Draft("dr.b", "case_details", window.case.case_id, {"conclusion": "Dr. B's words"})
    assert offer(window, [others]) == 0 and asked == [] and restored == []
    gone = Draft("dr.a", "case_details", window.case.case_id + 1, {"conclusion": "Pre-B ALL"})
    assert offer(window, [gone]) == 0 and restored == []
    assert "conclusion: Pre-B ALL" in informed[0] and "no longer the open case" in informed[0]
    mine = Draft("dr.a", "case_details", window.case.case_id, {"conclusion": "Pre-B ALL"})
    assert offer(window, [mine]) == 1 and restored == [{"conclusion": "Pre-B ALL"}]
