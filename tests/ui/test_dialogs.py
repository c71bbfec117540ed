"""Preferences, About, the case summary's wording, and the report actions' glue."""

from types import SimpleNamespace

from PySide6.QtWidgets import QMessageBox

from xincept_desktop.core.case_summary import INDETERMINATE, SUGGESTION_RULE
from xincept_desktop.ui import reports
from xincept_desktop.ui import settings as preferences_store
from xincept_desktop.ui.case_panel import DISCLAIMER
from xincept_desktop.ui.preferences import PreferencesDialog


def test_preferences_round_trip_and_apply(make_window, qtbot):
    window = make_window(start=False)
    dialog = PreferencesDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    dialog.opacity.setValue(70)
    dialog.colormap.setCurrentText("cividis")
    dialog.institution.setText("Taleqani Hospital")
    dialog.reviewer.setText("Dr. A")
    window.apply_preferences(dialog.preferences())
    saved = preferences_store.load_preferences()
    assert (saved.opacity, saved.colormap, saved.institution, saved.reviewer) == (0.7, "cividis", "Taleqani Hospital",
                                                                                  "Dr. A")
    assert window.controls.opacity == 0.7 and window.controls.colormap == "cividis"


def test_invalid_stored_preferences_fall_back_to_defaults():
    s = preferences_store.settings()
    s.setValue("prefs/opacity", "lots")
    s.setValue("prefs/colormap", "rainbow")
    prefs = preferences_store.load_preferences(s)
    assert (prefs.opacity, prefs.colormap) == (0.4, "jet")


def test_case_panel_always_shows_rule_and_disclaimer(make_window):
    window = make_window(start=False)
    window._refresh_summary()
    panel = window.case_panel
    assert panel.rule.text() == SUGGESTION_RULE and panel.disclaimer.text() == DISCLAIMER
    assert panel.suggestion.text() == INDETERMINATE
    assert "hematologist" in DISCLAIMER


def test_report_actions_say_when_the_module_is_missing(make_window, monkeypatch):
    window = make_window(start=False)
    shown = []
    monkeypatch.setattr(reports, "load_report_module", lambda: None)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window.actions["export_pdf"].trigger()
    window.actions["print"].trigger()
    assert shown == [reports.NOT_AVAILABLE] * 2


def test_report_actions_call_the_report_module(make_window, monkeypatch, tmp_path):
    window = make_window(start=False)
    calls = []
    fake = SimpleNamespace(export_case_pdf=lambda *a: calls.append(("pdf", a)),
                           print_case=lambda *a: calls.append(("print", a)))
    monkeypatch.setattr(reports, "load_report_module", lambda: fake)
    result = SimpleNamespace(path=tmp_path / "a.png")
    window.image_list.add_paths([result.path])
    window.results[result.path] = result
    window.actions["export_pdf"].trigger()
    window.actions["print"].trigger()
    assert [kind for kind, _ in calls] == ["pdf", "print"]
    parent, results, model, settings = calls[0][1]
    assert parent is window and results == [result] and model is None
    assert set(settings) == {"institution", "reviewer", "opacity", "colormap", "cam_method", "not_analysed", "language"}
    assert settings["not_analysed"] == [] and settings["opacity"] == window.prefs.opacity
