"""Menu actions reach the object that does the work: no ``on_*`` method of the window only forwards a call."""

from __future__ import annotations

import ast
from pathlib import Path

UI_DIR = Path(__file__).resolve().parents[2] / "xincept_desktop" / "ui"


def _forwards(source: str) -> list[str]:
    """``def on_x(self): self.a.b(...)``: a handler whose whole body is one call on another object."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("on_"):
            body = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
            if (len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Call)
                    and isinstance(body[0].value.func, ast.Attribute)
                    and isinstance(body[0].value.func.value, ast.Attribute)):
                found.append(node.name)
    return found


def test_the_window_has_no_one_line_forwards():
    for name in ("main_window.py", "window_guards.py", "window_reports.py"):
        assert _forwards((UI_DIR / name).read_text(encoding="utf-8")) == [], name


def test_next_and_previous_image_and_the_heat_toggle(make_window, case_folder, qtbot):
    window = make_window(start=False)
    folder = case_folder(3)
    window.open_paths([folder])
    window.image_list.setCurrentRow(0)
    window.actions["next_image"].trigger()
    window.actions["next_image"].trigger()
    window.actions["next_image"].trigger()
    assert window.image_list.currentRow() == 2
    window.actions["previous_image"].trigger()
    assert window.image_list.currentRow() == 1
    window.actions["toggle_heat"].trigger()
    assert not window.controls.show_box.isChecked()
    window.actions["toggle_heat"].trigger()
    assert window.controls.show_box.isChecked()
