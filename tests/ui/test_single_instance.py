"""A second start of the app hands its paths to the first instance instead of opening a second window."""

from __future__ import annotations

import uuid
from pathlib import Path

from tests.accounts import sign
from xincept_desktop.ui.single_instance import SingleInstance


def test_second_start_reaches_the_first_and_brings_its_paths(qtbot, tmp_path):
    name = f"xincept-test-{uuid.uuid4().hex[:8]}"
    first, second = SingleInstance(name), SingleInstance(name)
    assert not second.send_to_running([])  # nobody listens yet
    assert first.listen()
    with qtbot.waitSignal(first.activated, timeout=10_000) as signal:
        assert second.send_to_running([tmp_path / "a.png", Path("relative.png")])
    assert signal.args[0] == [tmp_path / "a.png", Path("relative.png").absolute()]
    first.server.close()


def test_window_brought_forward_asks_before_adding_to_a_signed_case(make_window, monkeypatch, tmp_path):
    from xincept_desktop.ui import case_guard

    window = make_window(start=False)
    window.case.save_details({"patient_id": "P-1"})
    sign(window.case.store, window.case.case_id, window.case.actor)
    image = tmp_path / "x.png"
    image.write_bytes(b"not read: the question comes first")
    asked = []
    monkeypatch.setattr(case_guard, "ask_signed_case", lambda *a: asked.append(a) or None)
    window.bring_forward([image])
    assert asked and window.image_list.count() == 0
