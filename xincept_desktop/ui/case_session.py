"""The window's link to the case store: saving analyses, opening stored cases, review, sign-off and export.

The main window owns one :class:`CaseSession`; it keeps the ``CaseStore`` (``user_data_dir()/cases.sqlite3``),
the id of the current case and the store's image id of every image shown, and turns store errors into messages.
"""

from __future__ import annotations

import getpass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..errors import CaseStoreError
from .background import BackgroundJob, describe_error


def reviewer_name(prefs) -> str:
    """The reviewer from the preferences, else the login name (the store needs a user for every change)."""
    name = (getattr(prefs, "reviewer", "") or "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "unknown user"
    except Exception:  # noqa: BLE001 - no login name in some sandboxes
        return "unknown user"


def check_case_files(db_path: Path, case_id: int) -> list:
    """The ``FileProblem`` list of a case's images, with a store of its own (runs in a background thread)."""
    from ..core.cases import CaseStore

    with CaseStore(db_path) as store:
        return store.check_files(case_id)


def store_analyses(db_path: Path, case_id: int, results: list, model_version: str, model_hash: str,
                   user: str) -> list[int]:
    """Hash and store ``results`` in case ``case_id`` with a store of its own (runs in a background thread)."""
    from ..core.cases import CaseStore

    with CaseStore(db_path) as store:
        return store.add_analyses(case_id, results, model_version, model_hash, user=user)


def sign_off_in_thread(db_path: Path, case_id: int, user, summary: dict | None, password: str,
                       acknowledged: list[str] = ()):
    """Sign case ``case_id`` electronically with a store of its own (runs in a background thread)."""
    from ..core.cases import CaseStore

    with CaseStore(db_path) as store:
        return store.sign_off(case_id, user, acknowledged, summary, password=password)


class CaseSession(QObject):
    """The current stored case of ``window``; every store call of the GUI goes through here."""

    changed = Signal()
    saved = Signal(int, int)  # case id, images stored (after a background save)
    save_failed = Signal(str)  # why a background save failed

    def __init__(self, window, db_path: Path | None = None):
        super().__init__(window)
        from ..core.cases import CaseStore, default_path

        self.window = window
        self.db_path = Path(db_path) if db_path is not None else default_path()
        self.open_error = ""
        try:
            self.store = CaseStore(self.db_path)
        except CaseStoreError as exc:  # the window still works, without saving cases
            self.store, self.open_error = _NoStore(str(exc)), str(exc)
        self.case_id: int | None = None
        self.record = None
        self.image_ids: dict[Path, int] = {}
        self.file_problems: list = []
        self.not_analysed: list[Path] = []  # recorded in the store as not analysed (an analysis was stopped)
        self._checks: list[BackgroundJob] = []
        self._saves: list[BackgroundJob] = []
        self.closed = False
        self.actor = None  # the signed-in account (core.accounts.Actor); set by the sign-in at start

    # --- state ---------------------------------------------------------------------------------------
    @property
    def user(self):
        """Who acts: the signed-in account; without one (a store that has no accounts yet) the preferences'
        name, which the store refuses once accounts exist."""
        return self.actor if self.actor is not None else reviewer_name(self.window.prefs)

    def may(self, permission) -> bool:
        """Whether the signed-in account's role allows ``permission`` (everything while no one is signed in to a
        store without accounts, where the store itself decides)."""
        if self.actor is None:
            return not self.has_accounts()
        return self.actor.may(permission)

    def has_accounts(self) -> bool:
        try:
            return bool(self.store.accounts.has_users())
        except (CaseStoreError, AttributeError):
            return False

    def state(self):
        """The current case's ``CaseState``, read from the store now (another window may have signed it)."""
        from ..core.cases.state import CaseState

        if self.case_id is None or self.closed:
            return CaseState.NEW
        try:
            return self.store.case_state(self.case_id)
        except CaseStoreError:
            return CaseState.NEW

    @property
    def signed(self) -> bool:
        from ..core.cases.state import CaseState

        return self.state() is CaseState.SIGNED

    def new_case(self) -> None:
        """Forget the current case (the next saved analysis starts a new one)."""
        self.case_id, self.record, self.file_problems, self.not_analysed = None, None, [], []
        self.image_ids.clear()
        self.changed.emit()

    def reload(self) -> None:
        """Read the current case again (after an override, sign-off or re-open); nothing once closed."""
        if self.closed:
            return
        if self.case_id is not None:  # the window keeps the results' heat maps; the record needs none
            self.record = self.store.load_case(self.case_id, verify_files=False, heatmaps=False)
            self.not_analysed = self.store.not_analysed(self.case_id)
        self.changed.emit()

    def image_for(self, path: Path):
        """The stored ``CaseImage`` of ``path`` in the current case, or ``None``."""
        if self.record is None:
            return None
        image_id = self.image_ids.get(Path(path))
        return next((image for image in self.record.images if image.image_id == image_id), None)

    @property
    def saving(self) -> bool:
        """Whether analyses are still being stored in the background."""
        return bool(self._saves)

    def reviewed_classes(self) -> dict[Path, str]:
        """Path -> the reviewer's class of every image of the current case whose class a reviewer overrode."""
        return {path: image.reviewed_class for path, image in self._overridden().items()}

    def review_reasons(self) -> dict[Path, str]:
        """Path -> the reviewer's reason for every overridden (or excluded) image of the current case."""
        return {path: image.review.reason for path, image in self._overridden().items()}

    def _overridden(self) -> dict:
        if self.record is None:
            return {}
        by_id = {image.image_id: image for image in self.record.images}
        return {path: by_id[image_id] for path, image_id in self.image_ids.items()
                if image_id in by_id and by_id[image_id].overridden}

    def status_text(self, waiting: list[Path] | None = None) -> str:
        """A few lines about the current case for the case panel (``waiting``: listed, not analysed)."""
        if self.case_id is None:
            return QCoreApplication.translate("CaseSession", "Not saved yet")
        text = (QCoreApplication.translate("CaseSession", "Case %1%2: %3").replace("%1", str(self.case_id))
                .replace("%2", _patient_suffix(self.record)).replace("%3", _state_text(self.record)))
        missing = list(dict.fromkeys([*self.not_analysed, *(waiting or [])]))
        if missing:
            names = ", ".join(p.name for p in missing[:5]) + (" \u2026" if len(missing) > 5 else "")
            line = QCoreApplication.translate("CaseSession", "%1 image(s) not analysed: %2")
            text += "\n\u26a0 " + line.replace("%1", str(len(missing))).replace("%2", names)
        if self.file_problems:
            text += "\n\u26a0 " + "\n\u26a0 ".join(_describe(p) for p in self.file_problems)
        for path, proposal in self._safe_proposals().items():
            text += (f"\nProposed by {proposal.get('display_name') or proposal.get('user')}: {path.name} \u2192 "
                     f"{proposal.get('proposed_class')} ({proposal.get('reason')}); a hematologist decides")
        return text

    def _safe_proposals(self) -> dict:
        try:
            return self.proposals()
        except CaseStoreError:
            return {}

    # --- saving --------------------------------------------------------------------------------------
    def save_results(self, results: list, model) -> int:
        """Start storing ``results`` in the current case; how many will be stored. Failed analyses of files that
        exist are stored too (the case keeps them, and they block sign-off until excluded with a reason); a path
        that is not a file (missing, a dangling link) cannot be hashed and stays in the window only.

        The case row is created here on the first save (one small write), so the case id is known at once;
        hashing the image files and writing the analyses happen in a background thread, after which ``saved``
        (or ``save_failed``) is emitted on the UI thread.
        """
        from ..core.cases import CaseFields, model_identity

        good = [r for r in results if r is not None and (r.ok or Path(r.path).is_file())]
        if not good or model is None or self.closed:
            return 0
        if self.case_id is None:
            self.case_id = self.store.create_case(CaseFields(), user=self.user)
        case_id = self.case_id
        job = BackgroundJob(partial(store_analyses, self.db_path, case_id, good, *model_identity(model), self.user),
                            self)
        job.then(partial(self._on_saved, job, case_id, good))  # called by the job's own slot, on the UI thread
        self._saves.append(job)
        job.start()
        self.changed.emit()
        return len(good)

    def _on_saved(self, job: BackgroundJob, case_id: int, results: list, ids, error) -> None:
        if job in self._saves:
            self._saves.remove(job)
        job.deleteLater()
        if error is None and case_id == self.case_id:  # else the window moved on; the store has them anyway
            self.image_ids.update({Path(r.path): image_id for r, image_id in zip(results, ids)})
            self.reload()
        else:
            self.changed.emit()
        if error is not None:
            self.save_failed.emit(describe_error(error))
        else:
            self.saved.emit(case_id, len(ids))

    def save_details(self, values: dict) -> None:
        """Store the patient and specimen fields of the current case (creating it when there is none yet).

        Raises :class:`SignedCaseError` for a signed case, :class:`CaseStoreError` for a bad date; the store
        audits the change with the old and new values.
        """
        if self.case_id is None:
            self.case_id = self.store.create_case(values, user=self.user)
        else:
            self.store.update_case_fields(self.case_id, values, user=self.user)
        self.reload()

    def fields(self):
        """The current case's ``CaseFields`` (empty ones before the first save)."""
        from ..core.cases import CaseFields

        return self.record.fields if self.record is not None else CaseFields()

    # --- opening -------------------------------------------------------------------------------------
    def choose_case(self) -> int | None:
        from .case_browser import CaseBrowser

        return CaseBrowser.choose(self.store, self.window)

    def load(self, case_id: int):
        """Make ``case_id`` current and return its record (stored results, no recomputing, no hashing)."""
        from ..core.cases.lazy_heatmaps import with_stored_heatmaps

        record = self.store.load_case(case_id, verify_files=False, heatmaps=False)
        with_stored_heatmaps(record, self.db_path)  # read for the image looked at, not all at once
        self.case_id, self.record, self.file_problems = case_id, record, []
        self.not_analysed = self.store.not_analysed(case_id)
        self.image_ids = {Path(image.path): image.image_id for image in record.images}
        self.changed.emit()
        return record

    def check_files_async(self, on_done) -> BackgroundJob:
        """Hash the case's files in a thread; ``on_done(problems)`` on the UI thread when still current."""
        case_id = self.case_id
        check = BackgroundJob(partial(check_case_files, self.db_path, case_id), self)
        check.then(partial(self._on_files_checked, check, case_id, on_done))  # by the job's slot, UI thread
        self._checks.append(check)
        check.start()
        return check

    def _on_files_checked(self, check: BackgroundJob, case_id: int, on_done, problems, error) -> None:
        if check in self._checks:
            self._checks.remove(check)
        check.deleteLater()
        if case_id == self.case_id and not self.closed:
            self.file_problems = [error] if error is not None else problems
            self.changed.emit()
            on_done(self.file_problems)

    # --- review --------------------------------------------------------------------------------------
    def override(self, path: Path, new_class: str, reason: str, comment: str = "") -> None:
        image_id = self.image_ids.get(Path(path))
        if image_id is None:
            raise CaseStoreError(f"{Path(path).name} has no stored analysis in this case")
        self.store.override_class(image_id, new_class, reason=reason, comment=comment, user=self.user)
        self.reload()

    def signer(self, summary: dict | None = None):
        """``sign(password, acknowledged) -> SignOff`` for the current case as the signed-in account, to run in a
        background thread (the sign-off dialog's job): it opens a store of its own, and the store checks the
        password and records the signature, the acknowledged warnings and ``summary`` in one transaction. The
        caller reads the case again (:meth:`reload`) on the UI thread afterwards."""
        self._require_case()
        return partial(sign_off_in_thread, self.db_path, self.case_id, self.user, summary)

    def propose(self, path: Path, new_class: str, reason: str) -> None:
        """A technologist's proposed class for an image (audited; a hematologist decides)."""
        image_id = self.image_ids.get(Path(path))
        if image_id is None:
            raise CaseStoreError(f"{Path(path).name} has no stored analysis in this case")
        self.store.propose_class(image_id, new_class, reason, self.user)
        self.reload()

    def proposals(self) -> dict[Path, dict]:
        """Path -> the latest class proposal not yet decided by a hematologist."""
        if self.case_id is None or self.closed:
            return {}
        found = self.store.proposals(self.case_id)
        return {path: found[image_id] for path, image_id in self.image_ids.items() if image_id in found}

    def sign_off_check(self, failed: dict, waiting: list[Path]):
        """The ``SignOffCheck`` of the current case plus the window's failed and not analysed images."""
        from ..core.cases.sign_off_check import sign_off_check

        self._require_case()
        self.reload()
        stored = set(self.image_ids)
        not_analysed = [p for p in dict.fromkeys([*self.not_analysed, *waiting]) if p not in stored]
        return sign_off_check(self.record, {p: why for p, why in failed.items() if p not in stored}, not_analysed)

    def record_not_analysed(self, paths: list[Path], why: str) -> None:
        """Note in the case (audited) which listed images were not analysed; nothing without a stored case."""
        if self.case_id is None or not paths or self.closed:
            return
        self.store.record_not_analysed(self.case_id, paths, user=self.user, why=why)
        self.reload()

    def remove_image(self, path: Path, reason: str) -> None:
        """Take an image that is not stored (failed or not analysed) out of the case, with an audited reason."""
        if Path(path) in self.image_ids:
            raise CaseStoreError(f"{Path(path).name} is stored in the case with its analysis; exclude it with "
                                 "Override Class instead")
        if self.case_id is not None:
            self.store.record_removed(self.case_id, path, reason, user=self.user)
            self.reload()

    def reopen(self, reason: str) -> None:
        self._require_case()
        self.store.reopen(self.case_id, reason=reason, user=self.user)
        self.reload()

    def export(self, kind: str, path: Path) -> Path:
        self._require_case()
        return self.store.export_case(self.case_id, kind, path, user=self.user)

    def record_export(self, case_id: int | None, kind: str, path, **details) -> None:
        """Audit a report written or printed for ``case_id`` (``report_id=``, ``sha256=``); nothing when the
        images were never stored as a case."""
        if case_id is not None:
            self.store.record_export(case_id, kind, path, user=self.user, **details)

    def report_context(self) -> dict:
        """What a report takes from the stored case: its id, fields, reviewers' classes and sign-off."""
        from ..core.report.case_link import report_context

        if self.case_id is None or self.record is None:
            return {}
        images = {path: image for path in self.image_ids if (image := self.image_for(path)) is not None}
        context = report_context(self.case_id, self.record, images)
        signature = getattr(self.record, "signature", None)
        reviewer = signature.printed_name if signature is not None else getattr(self.actor, "display_name", "")
        if reviewer:  # the report's "Reviewed by": the signer, else the signed-in account (not a typed name)
            context["reviewer"] = reviewer
        return context

    def refuse_if_signed(self, what: str) -> None:
        """Raise :class:`SignedCaseError` naming who signed when the current case is signed."""
        from ..errors import SignedCaseError

        if not self.signed:
            return
        sign = self.record.sign_off if self.record is not None else None
        who = f" by {sign.signed_by} at {sign.signed_at[:16].replace('T', ' ')} UTC" if sign else ""
        raise SignedCaseError(f"Case {self.case_id} was signed off{who}; its {what} are read-only until it is "
                              "re-opened (Case \u25b8 Re-open Case).")

    def _require_case(self) -> None:
        if self.case_id is None:
            raise CaseStoreError("no stored case: analyse images or open a case first")

    def close(self) -> None:
        """Let running saves (their data is wanted) and file checks end, without reporting, then close the store."""
        for job in self._saves + self._checks:
            job.stop()
        self._saves.clear()
        self._checks.clear()
        self.closed = True
        self.store.close()


class _NoStore:
    """Stands in for a case database that could not be opened: every call says why."""

    def __init__(self, reason: str):
        self.reason = reason

    def is_signed(self, _case_id) -> bool:
        return False

    def close(self) -> None:
        pass

    def __getattr__(self, _name):
        def refuse(*_args, **_kwargs):
            raise CaseStoreError(f"the case database is not available: {self.reason}")
        return refuse


def _state_text(record) -> str:
    """The case state in words: open, re-opened (needs a new sign-off), signed (read-only, amended)."""
    from ..core.cases.state import CaseState

    if record is None:
        return QCoreApplication.translate("CaseSession", "open for review")
    state = record.state
    if state is CaseState.SIGNED:
        sign = record.sign_off
        text = (QCoreApplication.translate("CaseSession", "signed (amended) by %1 (%2 UTC), read-only")
                if record.amended else QCoreApplication.translate("CaseSession", "signed by %1 (%2 UTC), read-only"))
        return text.replace("%1", sign.signed_by).replace("%2", sign.signed_at[:16].replace("T", " "))
    if state is CaseState.REOPENED:
        last = record.history[-1]
        return (QCoreApplication.translate("CaseSession", "re-opened by %1: %2; its signature is void and it needs a new sign-off")
                .replace("%1", last.reopened_by).replace("%2", last.reopen_reason))
    return QCoreApplication.translate("CaseSession", "open for review")


def _describe(problem) -> str:
    return problem.describe() if hasattr(problem, "describe") else str(problem)


def _patient_suffix(record) -> str:
    """The patient id and name after a dash, for the case status ('' when neither is known)."""
    fields = getattr(record, "fields", None)
    who = " ".join(x for x in (getattr(fields, "patient_id", ""), getattr(fields, "patient_name", "")) if x)
    return f" \u2014 {who}" if who else ""
