"""Tools > Verification Study / Adapt run on the analysis worker (never the GUI thread); Preferences > Model lists
the bundles, switching is audited and an adapted model is marked with its site and parent."""

import json
import threading

from PySide6.QtWidgets import QMessageBox

from tests.tiny_site import tiny_lab, tiny_parent
from xincept_desktop.core.model.installed import installed_bundles
from xincept_desktop.ui.lab_tasks import LabTaskRunner, adaptation_work, verification_work
from xincept_desktop.ui.model_chooser import ModelChooser, saved_model_dir


def _no_message_boxes(monkeypatch) -> list:
    """A refusal would open a modal box that nobody closes offscreen: record its text instead."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    return shown


def test_verification_study_runs_on_the_worker_and_writes_its_files(ready_window, qtbot, tmp_path, monkeypatch):
    warnings = _no_message_boxes(monkeypatch)
    lab = tiny_lab(tmp_path / "lab", per_class=5)
    done = []
    threads = []

    def work(model, profile, progress, should_stop):
        threads.append(threading.current_thread())
        return verification_work(lab, tmp_path / "study", "Dr. Ö <b>", 0.5)(model, profile, progress, should_stop)

    LabTaskRunner(ready_window, "Verification study", work, done.append)
    qtbot.waitUntil(lambda: bool(done or warnings), timeout=120_000)
    assert not warnings
    record, pdf = done[0]
    assert threads[0] is not threading.main_thread()
    assert pdf == tmp_path / "study" / "verification.pdf" and pdf.read_bytes()[:5] == b"%PDF-"
    saved = json.loads((tmp_path / "study" / "verification.json").read_text())
    assert saved["n"] == record["n"] == 20 and saved["operator"] == "Dr. Ö <b>"
    assert saved["model"]["hash"] == ready_window.model.manifest.short_hash


def test_refused_adaptation_says_why_and_writes_nothing(ready_window, qtbot, tmp_path, monkeypatch):
    warnings = _no_message_boxes(monkeypatch)
    lab = tiny_lab(tmp_path / "lab")  # the tiny bundle has no training features: adaptation must refuse
    LabTaskRunner(ready_window, "Site adaptation", adaptation_work(lab, tmp_path / "site", "Lab B"), lambda r: None)
    qtbot.waitUntil(lambda: bool(warnings), timeout=60_000)
    assert "keeps no training features" in warnings[0] and "Nothing was written" in warnings[0]
    assert not (tmp_path / "site").exists()


def test_switching_to_an_adapted_model_is_audited_and_marked(make_window, tiny_bundle, qtbot, tmp_path, monkeypatch):
    warnings = _no_message_boxes(monkeypatch)
    models = tmp_path / "models"
    parent = tiny_parent(tiny_bundle, models / "tiny")
    window = make_window(model_dir=parent, user="admin")  # models are an administrator's
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    done = []
    LabTaskRunner(window, "Site adaptation", adaptation_work(tiny_lab(tmp_path / "lab"), models / "lab-b", "Lab B"),
                  done.append)
    qtbot.waitUntil(lambda: bool(done or warnings), timeout=120_000)
    assert not warnings
    bundles = installed_bundles([models])
    assert [(b.folder.name, b.adapted, b.site) for b in bundles] == [("lab-b", True, "Lab B"), ("tiny", False, "")]
    chooser = ModelChooser(parent, bundles)
    qtbot.addWidget(chooser)
    texts = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert "site-adapted for Lab B, from tiny-test 0" in texts[0] and "(active)" in texts[1]
    chooser.list.setCurrentRow(0)
    assert chooser.changed() and chooser.selected() == models / "lab-b"

    window.switch_model(chooser.selected())
    qtbot.waitUntil(lambda: window.model is not None and window.model.manifest.adapted, timeout=60_000)
    assert "site-adapted: Lab B; from tiny-test 0" in window.model_label.text()
    qtbot.waitUntil(lambda: saved_model_dir() == models / "lab-b", timeout=10_000)
    switches = [e for e in window.case.store.audit_log() if e.action == "model_switch"]
    assert len(switches) == 1 and "site-adapted" in switches[0].details["new"]
    assert switches[0].details["old"].startswith("tiny-test 0")
