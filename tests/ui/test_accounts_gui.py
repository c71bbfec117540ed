"""Sign-in, the first-run administrator, roles in the window, the lock screen, Users and Verify Signatures."""

from __future__ import annotations

import threading

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog

from tests.accounts import PASSWORD, people, sign
from tests.ui.conftest import answer_review, finish_password_check, wait_analysed
from xincept_desktop.core.cases import CaseStore
from xincept_desktop.core.cases.accounts import SIGN_IN_FAILED

REAL_EXEC = QDialog.exec  # before the GUI fixtures replace it (a dialog nobody answers fails a test)


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "accounts" / "cases.sqlite3") as opened:
        yield opened


def test_sign_in_dialog_says_the_same_for_an_unknown_user_and_a_wrong_password(qtbot, store):
    from xincept_desktop.ui.sign_in import SignInDialog

    from xincept_desktop.ui.password_check import authenticator

    people(store)
    dialog = SignInDialog(authenticator(store.path))
    qtbot.addWidget(dialog)
    assert not dialog.sign_in_button.isEnabled()
    messages = []
    for username, password in (("nobody", PASSWORD), ("dr.a", "wrong password")):
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.accept()
        finish_password_check(dialog)
        assert dialog.result() != QDialog.DialogCode.Accepted and dialog.password.text() == ""
        messages.append(dialog.error.text())
    assert messages == [SIGN_IN_FAILED, SIGN_IN_FAILED]
    failures = [e.details["attempted"] for e in store.audit_log() if e.action == "sign_in_failed"]
    assert failures == ["nobody", "dr.a"]  # counted and audited by the check in the background thread
    dialog.username.setText("dr.a")
    dialog.password.setText(PASSWORD)
    dialog.accept()
    finish_password_check(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.actor.display_name == "Dr. A"


def test_first_run_dialog_creates_the_administrator(qtbot, store):
    from functools import partial

    from xincept_desktop.ui.password_check import create_first_administrator_in_thread
    from xincept_desktop.ui.sign_in import FirstRunDialog

    dialog = FirstRunDialog(partial(create_first_administrator_in_thread, store.path), store.path)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.display_name.setText("Lab Administrator")
    dialog.password.setText("short")
    assert "at least 10" in dialog.problem.text() and not dialog.create_button.isEnabled()
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    assert dialog.problem.text() == "the two passwords differ" and not dialog.create_button.isEnabled()
    dialog.repeat.setText(PASSWORD)
    assert dialog.create_button.isEnabled()
    dialog.accept()
    finish_password_check(dialog)
    assert dialog.actor.role.value == "administrator" and store.accounts.has_users()


def test_sign_in_at_start_offers_the_first_run_dialog_then_the_sign_in(qtbot, tmp_path, monkeypatch):
    from xincept_desktop.ui import sign_in

    db = tmp_path / "start" / "cases.sqlite3"
    shown = []

    def first_run(dialog):
        shown.append(type(dialog).__name__)
        for field, text in ((dialog.username, "admin"), (dialog.display_name, "Admin"), (dialog.password, PASSWORD),
                            (dialog.repeat, PASSWORD)):
            field.setText(text)
        dialog.accept()
        finish_password_check(dialog)
        return dialog.result()

    monkeypatch.setattr(sign_in.FirstRunDialog, "exec", first_run)
    assert sign_in.sign_in_at_start(db).username == "admin"

    def sign_in_as_admin(dialog):
        shown.append(type(dialog).__name__)
        dialog.username.setText("admin")
        dialog.password.setText(PASSWORD)
        dialog.accept()
        finish_password_check(dialog)
        return dialog.result()

    monkeypatch.setattr(sign_in.SignInDialog, "exec", sign_in_as_admin)
    assert sign_in.sign_in_at_start(db).username == "admin"
    monkeypatch.setattr(sign_in.SignInDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert sign_in.sign_in_at_start(db) is None  # Quit
    assert shown == ["FirstRunDialog", "SignInDialog"]


def test_a_technologist_cannot_sign_or_reopen_and_proposes_instead_of_overriding(make_window, tiny_model,
                                                                                 case_folder, qtbot, monkeypatch):
    window = make_window(model=tiny_model, user="tech")
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    window.open_paths([case_folder(2)])
    wait_analysed(qtbot, window)
    sign_off = window.actions["sign_off"]
    assert not sign_off.isEnabled()
    assert sign_off.toolTip() == ("Only a hematologist may sign off cases; you are signed in as a technologist.")
    assert not window.actions["reopen_case"].isEnabled() and not window.actions["preferences"].isEnabled()
    assert window.actions["override_class"].isEnabled() and "Propose" in window.actions["override_class"].toolTip()
    assert window.actions["override_class"].text() == "&Propose Class\u2026"
    path = window.image_list.paths()[0]
    window.image_list.select(path)
    answer_review(monkeypatch, "Pro", "fine chromatin")
    window.actions["override_class"].trigger()
    assert window.case.image_for(path).review is None  # not a review: a proposal
    assert "Proposed by Tech T.: " in window.case_panel.case_status.text()
    sign_off.trigger()  # a disabled action does nothing
    assert not window.case.signed
    sign(window.case.store, window.case.case_id, people(window.case.store).dr_a)  # a hematologist signs elsewhere
    warned = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda _p, title, text: warned.append(text))
    assert window.case_actions.reopen() is False  # e.g. images added to the signed case: no reason is asked
    assert warned == ["Only a hematologist may re-open signed cases; you are signed in as a technologist."]


def test_an_administrator_manages_users_but_cannot_analyse(make_window, tiny_model, qtbot, monkeypatch, case_folder):
    from xincept_desktop.ui.image_list import QUEUED
    from xincept_desktop.ui.users_dialog import AddUserDialog, UsersDialog

    window = make_window(model=tiny_model, user="admin")
    qtbot.waitUntil(lambda: window.model is not None, timeout=60_000)
    assert not window.actions["analyse"].isEnabled()
    window.open_paths([case_folder(1)])  # an administrator's images are listed, not analysed nor stored
    assert not window.analysis.busy and window.case.case_id is None
    assert [window.image_list.status(p) for p in window.image_list.paths()] == [QUEUED]
    assert window.actions["analyse"].toolTip().startswith("Only a technologist or hematologist may analyse")
    assert window.actions["manage_users"].isEnabled() and window.actions["preferences"].isEnabled()

    def add_eve(dialog):
        dialog.username.setText("eve")
        dialog.display_name.setText("Eve Adams")
        dialog.role.setCurrentIndex(dialog.role.findText("hematologist"))
        dialog.passwords.password.setText("eve password 1")
        dialog.passwords.repeat.setText("eve password 1")
        assert dialog.add_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddUserDialog, "exec", add_eve)
    users = UsersDialog(window.case.store.accounts, window.case.actor, window.case.db_path, window)
    qtbot.addWidget(users)
    users.add_user()  # the new password is hashed in a background job: the dialog waits, greyed, saying so
    assert not users.add_button.isEnabled() and not users.working.isHidden()
    qtbot.waitUntil(lambda: len(users.users) == 6, timeout=30_000)
    assert [u.username for u in users.users] == ["admin", "dr.a", "dr.b", "dr.lee", "eve", "tech"]
    assert users.add_button.isEnabled() and users.working.isHidden()
    users.table.selectRow(4)
    users.toggle_enabled()
    assert not users.users[4].enabled and users.table.item(4, 3).text() == "disabled"
    users.table.selectRow(0)
    assert not users.toggle_button.isEnabled()  # not one's own account

    window.sign_in(people(window.case.store).dr_a)  # a user switch at the lock screen
    assert not window.actions["manage_users"].isEnabled() and not window.actions["preferences"].isEnabled()
    assert window.actions["analyse"].isEnabled() and window.actions["verify_signatures"].isEnabled()
    window.sign_in(people(window.case.store).admin)
    assert window.actions["manage_users"].isEnabled() and not window.actions["analyse"].isEnabled()


def run_dialog_while(dialog, steps) -> int:
    """``dialog.exec()`` with ``steps()`` run inside its event loop (as the idle timer would); the exec result."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, steps)
    return REAL_EXEC(dialog)


def test_the_lock_covers_a_dialog_in_use_and_the_same_user_finds_it_as_left(make_window, qtbot):
    from PySide6.QtWidgets import QLineEdit

    window = make_window(start=False)
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    seen = {}

    def steps():
        field.setText("typed before the lock")
        window.idle_lock.lock()
        screen = window.idle_lock.screen
        seen["covered, still open"] = screen.isVisible() and dialog.isVisible()
        screen.password.setText("wrong password")
        screen.accept()
        finish_password_check(screen)
        seen["error"] = window.idle_lock.locked and screen.error.text() == SIGN_IN_FAILED
        screen.password.setText(PASSWORD)
        screen.accept()
        finish_password_check(screen)
        seen["after unlock"] = (window.idle_lock.locked, dialog.isVisible(), field.text())
        dialog.accept()  # the user carries on and saves what they typed

    assert run_dialog_while(dialog, steps) == QDialog.DialogCode.Accepted
    assert seen == {"covered, still open": True, "error": True,
                    "after unlock": (False, True, "typed before the lock")}
    assert window.case.actor.username == "dr.a"
    actions = [e.action for e in window.case.store.audit_log()][-3:]
    assert actions == ["lock", "sign_in_failed", "unlock"]


def test_another_user_signs_in_at_the_lock_and_the_first_ones_dialogs_close_unsaved(make_window, qtbot):
    window = make_window(start=False)
    dialog = QDialog(window)
    qtbot.addWidget(dialog)

    def steps():
        window.idle_lock.lock()
        screen = window.idle_lock.screen
        screen.other.setChecked(True)
        screen.username.setText("dr.b")
        screen.password.setText(PASSWORD)
        screen.accept()
        finish_password_check(screen)

    assert run_dialog_while(dialog, steps) == QDialog.DialogCode.Rejected  # nothing of Dr. A's is saved
    assert not dialog.isVisible() and not window.idle_lock.locked
    assert window.case.actor.username == "dr.b" and "Dr. B" in window.user_label.text()
    log = window.case.store.audit_log()
    assert [(e.action, e.user) for e in log][-3:] == [("lock", "dr.a"), ("sign_in", "dr.b"), ("sign_out", "dr.a")]
    assert log[-1].details["closed_windows"] == 1 and log[-3].details["open_windows"] == 1


def test_the_idle_timer_follows_the_preferences_and_restarts_on_input(make_window, qtbot):
    window = make_window(start=False)
    lock = window.idle_lock
    assert lock.timer.interval() == 10 * 60_000  # the default: 10 minutes
    window.prefs.lock_minutes = 3
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    assert lock.timer.isActive() and lock.timer.interval() == 3 * 60_000
    lock.timer.timeout.emit()  # the minutes have passed
    assert lock.locked and not lock.timer.isActive()
    QApplication.sendEvent(window, event)
    assert not lock.timer.isActive()  # input while locked does not start it again
    window.bring_forward([window.model_dir / "sent-by-a-second-start.png"])  # a second start of the app
    assert window.image_list.count() == 0  # nothing is opened behind the lock screen
    window.close()
    assert not lock.locked and lock.screen is None  # the lock screen goes with the window


def test_verify_signatures_report_names_the_mismatches(make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import sqlite3

    window = make_window(start=False)
    store = window.case.store
    team = people(store)
    case_id = store.create_case({"patient_id": "P-9"}, team.tech)
    sign(store, case_id, team.dr_a)
    raw = sqlite3.connect(window.case.db_path)
    raw.execute("DROP TRIGGER signed_case_update")
    raw.execute("UPDATE cases SET patient_id = 'P-10'")
    raw.commit()
    raw.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window.actions["verify_signatures"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown[0].startswith("1 of 1 signed case(s) no longer match their signature")
    assert f"case {case_id}, signed by Dr. A" in shown[0]


# --- password checks off the UI thread -------------------------------------------------------------------------
class GatedHasher(PasswordHasher):
    """The tests' cheap argon2id whose ``verify`` waits until :meth:`release` (at most 30 s) and records the
    thread it ran in: while it waits, the dialog must keep processing events and show that it is checking."""

    def __init__(self):
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.entered, self.gate, self.threads = threading.Event(), threading.Event(), []

    def verify(self, hash, password):  # noqa: A002 - PasswordHasher's own parameter name
        self.threads.append(threading.current_thread())
        self.entered.set()
        if not self.gate.wait(30):
            raise AssertionError("the password check was never released")
        return super().verify(hash, password)

    def release(self) -> None:
        self.gate.set()


@pytest.fixture
def gated_hasher(monkeypatch):
    """Install after the test accounts exist (making them verifies passwords too)."""
    from xincept_desktop.core.accounts import passwords

    def install() -> GatedHasher:
        hasher = GatedHasher()
        monkeypatch.setattr(passwords, "_hasher", hasher)
        return hasher

    return install


def heartbeat(qtbot, beats: int = 3) -> int:
    """A timer's ticks: they come only while the UI thread processes events."""
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= beats, timeout=30_000)
    timer.stop()
    return len(ticks)


def off_the_ui_thread(hasher: GatedHasher) -> bool:
    return bool(hasher.threads) and threading.main_thread() not in hasher.threads


def test_sign_in_checks_the_password_off_the_ui_thread_and_shows_checking(qtbot, store, gated_hasher):
    from xincept_desktop.ui.password_check import authenticator
    from xincept_desktop.ui.sign_in import SignInDialog

    people(store)
    hasher = gated_hasher()
    dialog = SignInDialog(authenticator(store.path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("dr.a")
    dialog.password.setText(PASSWORD)
    dialog.accept()
    qtbot.waitUntil(hasher.entered.is_set, timeout=30_000)
    assert heartbeat(qtbot) >= 3  # the dialog stays responsive while the password is checked
    assert dialog.checking.isVisible() and dialog.checking.text() == "Checking\u2026"
    assert not any(w.isEnabled() for w in (dialog.sign_in_button, dialog.quit_button, dialog.username,
                                            dialog.password))
    dialog.reject()  # Quit waits for the answer
    assert dialog.isVisible() and dialog.actor is None
    hasher.release()
    finish_password_check(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.actor.username == "dr.a"
    assert off_the_ui_thread(hasher) and not dialog.checking.isVisible()


def test_unlock_checks_the_password_off_the_ui_thread(make_window, qtbot, gated_hasher):
    window = make_window(start=False)
    hasher = gated_hasher()
    window.idle_lock.lock()
    screen = window.idle_lock.screen
    screen.password.setText("wrong password")
    screen.accept()
    qtbot.waitUntil(hasher.entered.is_set, timeout=30_000)
    assert heartbeat(qtbot) >= 3
    assert screen.checking.isVisible() and screen.checking.text() == "Checking\u2026"
    assert not screen.unlock_button.isEnabled() and not screen.password.isEnabled()
    assert not screen.other.isEnabled()
    hasher.release()
    finish_password_check(screen)
    assert window.idle_lock.locked and screen.error.text() == SIGN_IN_FAILED  # the one message, counted
    assert screen.unlock_button.isEnabled() and screen.password.isEnabled() and not screen.username.isEnabled()
    screen.password.setText(PASSWORD)
    screen.accept()
    finish_password_check(screen)
    assert not window.idle_lock.locked and off_the_ui_thread(hasher)
    actions = [e.action for e in window.case.store.audit_log()][-3:]
    assert actions == ["lock", "sign_in_failed", "unlock"]


def test_the_signature_is_checked_off_the_ui_thread_and_recorded_with_the_sign_off(make_window, qtbot, monkeypatch,
                                                                                   gated_hasher):
    from xincept_desktop.ui.sign_off_dialog import SignOffDialog

    window = make_window(start=False)
    store = window.case.store
    case_id = store.create_case({"patient_name": "Pat", "patient_id": "P-1"}, user=window.case.actor)
    window.case.load(case_id)
    hasher = gated_hasher()
    seen = {}

    def exec_and_sign(dialog):
        def steps():
            dialog.password.setText(PASSWORD)
            dialog.accept()
            qtbot.waitUntil(hasher.entered.is_set, timeout=30_000)
            seen["beats"] = heartbeat(qtbot) >= 3
            seen["checking"] = (dialog.checking.isVisible(), dialog.sign_button.isEnabled(),
                                dialog.password.isEnabled())
            dialog.reject()  # Cancel waits: the signature is being recorded
            seen["open while signing"] = dialog.isVisible() and not window.case.signed
            hasher.release()

        QTimer.singleShot(0, steps)
        return REAL_EXEC(dialog)

    monkeypatch.setattr(SignOffDialog, "exec", exec_and_sign)
    window.case_actions.sign_off()
    assert seen == {"beats": True, "checking": (True, False, False), "open while signing": True}
    assert off_the_ui_thread(hasher)
    assert window.case.signed and window.case.record.sign_off.signed_by == "Dr. A"
    [signature] = store.signatures(case_id)
    assert signature.username == "dr.a" and signature.printed_name == "Dr. A"
    assert "signed off electronically by Dr. A" in window.statusBar().currentMessage()


# --- the first user's unsaved input at a user switch -----------------------------------------------------------
def switch_user_at_lock(window, username: str) -> None:
    window.idle_lock.lock()
    screen = window.idle_lock.screen
    screen.other.setChecked(True)
    screen.username.setText(username)
    screen.password.setText(PASSWORD)
    screen.accept()
    finish_password_check(screen)


def test_a_users_unsaved_case_details_are_kept_for_them_alone_and_offered_back(make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from xincept_desktop.ui.case_details import CaseDetailsDialog

    window = make_window(start=False)
    store = window.case.store
    case_id = store.create_case({"patient_name": "Pat", "patient_id": "P-1"}, user=window.case.actor)
    window.case.load(case_id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, title, text, *a, **k: asked.append((window.case.actor.username, text))
                        or QMessageBox.StandardButton.Yes)

    def type_then_another_user_signs_in(dialog):
        def steps():
            dialog.edits["conclusion"].setPlainText("Pre-B ALL, typed by Dr. A")
            switch_user_at_lock(window, "dr.b")

        QTimer.singleShot(0, steps)
        return REAL_EXEC(dialog)

    monkeypatch.setattr(CaseDetailsDialog, "exec", type_then_another_user_signs_in)
    window.case_actions.edit_details()
    assert window.case.actor.username == "dr.b" and store.load_case(case_id).fields.conclusion == ""
    sign_out = [e for e in store.audit_log() if e.action == "sign_out"][-1]
    assert sign_out.user == "dr.a" and sign_out.details["drafts_kept"] == 1
    qtbot.wait(50)
    assert asked == []  # Dr. B is never offered Dr. A's draft
    switch_user_at_lock(window, "dr.lee")
    qtbot.wait(50)
    assert asked == []

    shown = []

    def check_and_save(dialog):
        shown.append(dialog.values())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CaseDetailsDialog, "exec", check_and_save)
    switch_user_at_lock(window, "dr.a")
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert asked == [("dr.a", "You had unsaved changes in Case Details when another user signed in: restore them?")]
    assert shown[0]["conclusion"] == "Pre-B ALL, typed by Dr. A" and shown[0]["patient_name"] == "Pat"
    assert store.load_case(case_id).fields.conclusion == "Pre-B ALL, typed by Dr. A"
    change = [e for e in store.audit_log(case_id) if e.action == "update_case"][-1]
    assert change.user == "dr.a"  # saved by its own author, after they checked it
    switch_user_at_lock(window, "dr.b")
    switch_user_at_lock(window, "dr.a")
    qtbot.wait(50)
    assert len(asked) == 1  # offered once


def test_an_unsaved_override_is_offered_back_on_its_image_and_saved_by_its_author(ready_window, case_folder, qtbot,
                                                                                   monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from xincept_desktop.ui.review_dialog import ReviewDialog

    window = ready_window  # Dr. A
    window.open_paths([case_folder(2)])
    wait_analysed(qtbot, window)
    first, second = window.image_list.paths()[:2]
    window.image_list.select(first)
    model_class = window.case.image_for(first).model_class
    other = next(name for name in ("Benign", "Early", "Pre", "Pro") if name != model_class)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)

    def type_then_another_user_signs_in(dialog):
        def steps():
            dialog.choice.setCurrentIndex(dialog.choice.findData(other))
            dialog.reason.setText("nucleoli visible")
            switch_user_at_lock(window, "dr.b")

        QTimer.singleShot(0, steps)
        return REAL_EXEC(dialog)

    monkeypatch.setattr(ReviewDialog, "exec", type_then_another_user_signs_in)
    window.actions["override_class"].trigger()
    assert window.case.image_for(first).review is None  # closed unsaved
    window.image_list.select(second)  # Dr. B looks at another image
    shown = []

    def check_and_save(dialog):
        shown.append(dialog.values())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReviewDialog, "exec", check_and_save)
    switch_user_at_lock(window, "dr.a")
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown == [(other, "nucleoli visible", "")] and window.current == first
    review = window.case.image_for(first).review
    assert (review.reviewed_class, review.reason, review.reviewer) == (other, "nucleoli visible", "Dr. A")
    assert window.case.image_for(second).review is None


def test_a_password_reset_runs_off_the_ui_thread_and_a_refused_addition_says_why(make_window, qtbot, monkeypatch):
    from xincept_desktop.ui.users_dialog import AddUserDialog, ResetPasswordDialog, UsersDialog

    window = make_window(user="admin", start=False)
    users = UsersDialog(window.case.store.accounts, window.case.actor, window.case.db_path, window)
    qtbot.addWidget(users)
    threads = []
    real_reset = type(window.case.store.accounts).reset_password

    def recording_reset(self, *args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_reset(self, *args, **kwargs)

    monkeypatch.setattr(type(window.case.store.accounts), "reset_password", recording_reset)

    def new_password(dialog):
        dialog.passwords.password.setText("a brand new pass 9")
        dialog.passwords.repeat.setText("a brand new pass 9")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ResetPasswordDialog, "exec", new_password)
    users.table.selectRow([u.username for u in users.users].index("dr.b"))
    users.reset_password()
    qtbot.waitUntil(lambda: users.add_button.isEnabled(), timeout=30_000)
    assert threads == [False]  # hashed in the background job
    assert window.case.store.accounts.authenticate("dr.b", "a brand new pass 9", purpose="confirm").username == "dr.b"

    warned = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda _p, title, text: warned.append(text))

    def add_existing(dialog):
        dialog.username.setText("dr.a")
        dialog.display_name.setText("Another A")
        dialog.passwords.password.setText("another password 1")
        dialog.passwords.repeat.setText("another password 1")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddUserDialog, "exec", add_existing)
    users.add_user()
    qtbot.waitUntil(lambda: bool(warned), timeout=30_000)
    assert "dr.a" in warned[0] and len(users.users) == 5
