"""Where the network's head (what the heat map explains) and the final class (XGBoost's) differ, the heat map shows
the head's class by default and the result panel says so (issue 17, point 8)."""

from __future__ import annotations

import dataclasses

from tests.ui.conftest import wait_analysed, wait_view
from xincept_desktop.config import CLASS_NAMES


def _classes_drawn(window, monkeypatch) -> list[str]:
    drawn = []
    original = window.heat_cache.coloured

    def recorded(result, class_name, method, colormap):
        drawn.append(class_name)
        return original(result, class_name, method, colormap)

    monkeypatch.setattr(window.heat_cache, "coloured", recorded)
    return drawn


def test_a_disagreeing_head_is_shown_and_named(ready_window, case_folder, qtbot, monkeypatch):
    window = ready_window
    folder = case_folder(2)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    path = folder / "img000.png"
    result = window.results[path]
    other = next(name for name in CLASS_NAMES if name != result.label)
    window.results[path] = dataclasses.replace(result, explained_class=other)  # the head read another class
    drawn = _classes_drawn(window, monkeypatch)
    window.image_list.select(path)
    window.show_image(path)
    wait_view(qtbot, window)
    assert drawn[-1] == other
    note = window.result_panel.heat_note.text()
    assert note == f"Heat map shows evidence for {other} (the network's head); the result is {result.label}"
    # choosing the result's class in the controls shows its map, and the note goes
    window.controls.class_box.setCurrentIndex(window.controls.class_box.findData(result.label))
    wait_view(qtbot, window)
    assert drawn[-1] == result.label and window.result_panel.heat_note.text() == ""


def test_an_agreeing_head_shows_the_result_class_without_a_note(ready_window, case_folder, qtbot, monkeypatch):
    window = ready_window
    folder = case_folder(2)
    window.open_paths([folder])
    wait_analysed(qtbot, window)
    path = folder / "img001.png"
    result = window.results[path]
    window.results[path] = dataclasses.replace(result, explained_class=result.label)
    drawn = _classes_drawn(window, monkeypatch)
    window.image_list.select(path)
    window.show_image(path)
    wait_view(qtbot, window)
    assert drawn[-1] == result.label and window.result_panel.heat_note.text() == ""


def test_the_heat_map_wording_describes_evidence_not_the_decision():
    import pathlib

    ui = pathlib.Path(__file__).resolve().parents[2] / "xincept_desktop" / "ui"
    text = " ".join(path.read_text(encoding="utf-8") for path in ui.glob("*.py"))
    assert "weighed most" not in text and "the network's evidence for the shown class" in text
