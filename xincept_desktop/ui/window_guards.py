"""The main window's questions around the case state (a mixin of ``MainWindow``, kept apart to keep both small).

* Images opened, dropped, sent by a second start, or analysed while a signed case is shown: a new case with
  them, or re-open this case with a reason (:mod:`.case_guard`) - never a silent add.
* Quit or New Case while images are analysed: wait, stop and keep what is done, or stay; after a stop the case
  records (audited) which images were not analysed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .image_list import DONE, ERROR

translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


class CaseGuardMixin:
    """Needs the window's ``case``, ``case_actions``, ``image_list``, ``results`` and ``analysis`` (the
    ``AnalysisController``), and its ``open_paths``, ``on_cancel`` and ``refresh_case_view``."""

    def _analyse_beside_signed(self, todo: list[Path]) -> None:
        """Analyse is pressed on a signed case with images waiting: a new case with them, or re-open."""
        from .case_guard import NEW_CASE, REOPEN, ask_signed_case

        answer = ask_signed_case(self, self.case.case_id, self._signed_by(), len(todo))
        if answer == NEW_CASE:
            self.on_new_case()
            self.open_paths(todo)
        elif answer == REOPEN and self.case_actions.reopen():
            self.analysis.analyse(todo)

    def _may_add(self, count: int) -> bool:
        """Whether images may be added to the case on screen; asks when it is signed (read from the store now,
        so a sign-off made in another window counts)."""
        from .case_guard import NEW_CASE, REOPEN, ask_signed_case

        if not count or not self.case.signed:
            return True
        answer = ask_signed_case(self, self.case.case_id, self._signed_by(), count)
        if answer == NEW_CASE:
            self._start_new_case()
            return True
        return answer == REOPEN and self.case_actions.reopen()

    def _signed_by(self) -> str:
        self.case.reload()
        sign = self.case.record.sign_off if self.case.record is not None else None
        return sign.signed_by if sign is not None else translate("CaseGuardMixin", "someone")

    def failed_images(self) -> dict[Path, str]:
        """Listed images that could not be analysed, with why (the stored ones are in the case record too)."""
        return {p: self.results[p].error for p in self.image_list.paths()
                if p in self.results and self.results[p].error is not None}

    def waiting_images(self) -> list[Path]:
        """Listed images without a result yet (queued or being analysed)."""
        return [p for p in self.image_list.paths() if self.image_list.status(p) not in (DONE, ERROR)]

    def remove_from_view(self, path: Path) -> None:
        """Drop an image that is not stored from the list (after Case > Remove Image)."""
        self.results.pop(path, None)
        self.image_list.remove(path)
        if self.current == path:
            self.current = None
            self.show_image(None)
        self.refresh_case_view()

    def _record_waiting(self, why: str) -> None:
        from ..errors import CaseStoreError

        try:
            self.case.record_not_analysed(self.waiting_images(), why)
        except CaseStoreError as exc:
            self.statusBar().showMessage(
                translate("CaseGuardMixin", "Not recorded in the case: %1").replace("%1", str(exc)), 10000)
        self.refresh_case_view()

    def _ask_when_busy(self, what: str, action) -> bool:
        """While images are analysed, ask before ``what``: wait for the end, stop and keep what is done, or stay.
        True when ``action`` may run now; otherwise it runs (or not) later."""
        from .case_guard import STOP, ask_busy

        if not self.analysis.busy:
            return True
        answer = ask_busy(self, what, len(self.waiting_images()))
        if answer is None:
            return False
        self.analysis.run_when_idle(action)
        if answer == STOP:
            self.on_cancel()
        later = translate("CaseGuardMixin", "%1 once the analysis has stopped\u2026") if answer == STOP else \
            translate("CaseGuardMixin", "%1 once the analysis has finished\u2026")
        self.statusBar().showMessage(later.replace("%1", what))
        return False

    def bring_forward(self, paths: list) -> None:
        """Another start of the app asked for this window (single instance): show it, open its paths (the signed
        case question applies). While the window is locked nothing is opened: the lock screen comes forward."""
        lock = getattr(self, "idle_lock", None)
        if lock is not None and lock.locked:
            lock.screen.raise_()
            lock.screen.activateWindow()
            self.statusBar().showMessage(translate("CaseGuardMixin", "Images sent while the window was locked were "
                                                   "not opened; open them again after signing in"), 15000)
            return
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if paths:
            self.open_paths([Path(p) for p in paths])
