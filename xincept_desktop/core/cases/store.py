"""``CaseStore``: the one object the GUI and CLI use to keep cases, reviews, sign-offs and the audit trail.

Every public method is one short transaction (``BEGIN IMMEDIATE``, so two app instances queue instead of
failing) and writes its audit line in the same transaction as the change it records. File hashing happens
before the transaction starts, so the write lock is never held during disk reads of images.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from ...config import CLASS_NAMES, user_data_dir
from ...errors import CaseStoreError, PermissionDeniedError, SignedCaseError
from ..accounts.actor import Actor
from ..accounts.roles import Permission
from ..pipeline import ImageResult
from ..case_summary import EXCLUDED
from . import analyses_table, audit, cases_table, loading, reviews_table, signatures, users_table
from .accounts import Accounts
from .private import private_database
from .codec import iso_utc, sha256_file, utc_now
from .export import EXPORT_KINDS, write_export
from .records import AuditEntry, CaseFields, CaseListEntry, CaseRecord, FileProblem, Review, SignOff
from .schema import BUSY_TIMEOUT_MS, SIGNED_MESSAGE, connect, migrate
from .state import CaseAction, CaseState, require, state_of

DB_NAME = "cases.sqlite3"


def default_path() -> Path:
    """``user_data_dir()/cases.sqlite3``."""
    return user_data_dir() / DB_NAME


def model_identity(model) -> tuple[str, str]:
    """``(version_label, short hash)`` of a loaded model, as :meth:`CaseStore.add_analysis` wants them."""
    return str(model.version_label), str(model.manifest.short_hash)


def _require(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise CaseStoreError(f"{what} is required")
    return text


#: actions that only an account may take (a plain name is refused even in a store without accounts)
_ACCOUNT_ONLY = frozenset({Permission.OVERRIDE, Permission.SIGN, Permission.REOPEN, Permission.MANAGE_USERS})


def _translate(exc: sqlite3.Error) -> CaseStoreError:
    if SIGNED_MESSAGE in str(exc):
        return SignedCaseError("the case is signed; re-open it with a reason before changing it")
    return CaseStoreError(f"case database error: {exc}")


class CaseStore:
    """Cases, their analyses, reviews, sign-offs and audit trail in one SQLite file.

    Parameters
    ----------
    path
        Database file; :func:`default_path` when ``None``. Created and migrated on open.
    clock
        Returns the current timezone-aware time; tests inject a fixed one.
    busy_timeout_ms
        How long a write waits for another process (a second app window) to finish its transaction.

    A store belongs to the thread that opened it (open another one per thread).
    """

    def __init__(self, path: Path | str | None = None, *, clock: Callable[[], datetime] = utc_now,
                 busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.path = Path(path) if path is not None else default_path()
        self._clock = clock
        self._depth = 0
        private_database(self.path)
        self._conn = connect(self.path, busy_timeout_ms)
        try:
            cases_table.register_functions(self._conn)
            migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise
        self.accounts = Accounts(self)

    def close(self) -> None:
        """Close the connection (committed data is already on disk)."""
        self._conn.close()

    def __enter__(self) -> "CaseStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self, write: bool = True) -> Iterator[sqlite3.Connection]:
        """A transaction (``write=False``: a read snapshot that does not block writers); nested uses join the
        outer one, which commits or rolls back everything."""
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN DEFERRED")
        except sqlite3.Error as exc:
            raise _translate(exc) from exc
        self._depth = 1
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _translate(exc) from exc
            raise
        finally:
            self._depth = 0

    def _now(self) -> str:
        return iso_utc(self._clock())

    def _acting(self, user: Actor | str, permission: Permission) -> str:
        """The user name to record for a write by ``user``, after checking the account may take ``permission``.

        An :class:`Actor` is checked against the database (enabled, role). A plain name is accepted only for
        everyday writes in a store that has no accounts yet (tools and tests); once an account exists, and
        always for overrides, sign-offs and re-opening, :class:`PermissionDeniedError` is raised.
        """
        if isinstance(user, Actor):
            return self.accounts.require(user, permission).username
        if permission in _ACCOUNT_ONLY:
            raise PermissionDeniedError(f"only a signed-in account may {permission.value}")
        if users_table.any_users(self._conn):
            raise PermissionDeniedError(f"sign in to {permission.value}: this case store has user accounts")
        return _require(user, "user")

    def _ensure_editable(self, case_id: int, action: CaseAction = CaseAction.EDIT_DETAILS) -> None:
        state = self.case_state(case_id)
        if state is CaseState.SIGNED and action is not CaseAction.REOPEN and action is not CaseAction.EXPORT:
            signed = reviews_table.current_sign_off(self._conn, case_id)[1]
            raise SignedCaseError(f"case {case_id} was signed by {signed.signed_by} at {signed.signed_at}; "
                                  "re-open it with a reason before changing it")
        require(state, action, case_id)

    def case_state(self, case_id: int) -> CaseState:
        """The :class:`CaseState` of a stored case, read from the database now (another app instance may have
        signed or re-opened it); :class:`CaseStoreError` for an unknown id."""
        cases_table.read(self._conn, case_id)
        history = reviews_table.sign_off_history(self._conn, case_id)
        signed = any(entry.reopened_at is None for entry in history)
        return state_of(signed, bool(history))

    # --- cases ---------------------------------------------------------------------------------------------

    def create_case(self, fields: CaseFields | Mapping[str, object], user: Actor | str) -> int:
        """Store a new case and return its id."""
        user = self._acting(user, Permission.EDIT_DETAILS)
        fields = CaseFields.from_mapping(fields.as_dict() if isinstance(fields, CaseFields) else fields)
        with self.transaction() as conn:
            now = self._now()
            case_id = cases_table.insert(conn, fields, now)
            audit.append(conn, now, user, "create_case", case_id, fields=fields.as_dict())
        return case_id

    def update_case_fields(self, case_id: int, changes: Mapping[str, object], user: Actor | str) -> CaseFields:
        """Change some fields of an unsigned case; the audit line keeps old and new values. Returns the fields."""
        user = self._acting(user, Permission.EDIT_DETAILS)
        wanted = CaseFields.from_mapping(changes).as_dict()
        with self.transaction() as conn:
            self._ensure_editable(case_id)
            old = cases_table.fields_of(cases_table.read(conn, case_id)).as_dict()
            diff = {name: wanted[name] for name in changes if wanted[name] != old[name]}
            if diff:
                now = self._now()
                cases_table.update(conn, case_id, diff, now)
                audit.append(conn, now, user, "update_case", case_id,
                             changes={name: [old[name], value] for name, value in diff.items()})
            return cases_table.fields_of(cases_table.read(conn, case_id))

    def list_cases(self, search: str = "", date_from: date | None = None, date_to: date | None = None,
                   limit: int | None = None) -> list[CaseListEntry]:
        """Cases whose patient id or name contains every word of ``search`` (any case, any script), whose
        collection date (creation date when unknown) is within ``[date_from, date_to]``; newest change first."""
        return cases_table.search(self._conn, search, date_from, date_to, limit)

    def load_case(self, case_id: int, verify_files: bool = True, heatmaps: bool = True) -> CaseRecord:
        """The case with its images' latest results (heat maps included), reviews and sign-off.

        With ``verify_files`` every image file is hashed and compared with the analysed one, so
        ``record.file_problems`` says which results are stale; ``heatmaps=False`` skips decoding heat maps. Raises :class:`CaseStoreError` for an unknown id.
        """
        with self.transaction(write=False) as conn:
            record = loading.load(conn, case_id, heatmaps)
        return loading.with_file_checks(record) if verify_files else record

    def heatmaps(self, analysis_id: int) -> dict:
        """The class-activation maps stored with one analysis (method -> array); a case loaded with
        ``heatmaps=False`` reads them this way for the image being looked at."""
        with self.transaction(write=False) as conn:
            return analyses_table.heatmaps_of(conn, analysis_id)

    def is_signed(self, case_id: int) -> bool:
        return reviews_table.current_sign_off(self._conn, case_id) is not None

    # --- analyses ------------------------------------------------------------------------------------------

    def add_analysis(self, case_id: int, result: ImageResult, model_version: str, model_hash: str,
                     user: Actor | str) -> int:
        """Store one image's result (hashing its file) and return the image id."""
        return self.add_analyses(case_id, [result], model_version, model_hash, user)[0]

    def add_analyses(self, case_id: int, results: Iterable[ImageResult], model_version: str, model_hash: str,
                     user: Actor | str) -> list[int]:
        """Store several results in one transaction (one disk sync); return their image ids in order."""
        user = self._acting(user, Permission.ANALYSE)
        hashed = [(result, Path(result.path).absolute(), *self._hash(result.path)) for result in results]
        ids = []
        with self.transaction() as conn:
            self._ensure_editable(case_id, CaseAction.ADD_IMAGES)
            now = self._now()
            for result, path, sha256, size in hashed:
                image_id = analyses_table.upsert_image(conn, case_id, path, sha256, size, now)
                analysis_id = analyses_table.insert_analysis(conn, image_id, sha256, result, model_version,
                                                             model_hash, now, user)
                audit.append(conn, now, user, "analysis", case_id, image_id, analysis_id=analysis_id,
                             path=str(path), sha256=sha256, model_version=model_version, model_hash=model_hash,
                             label=result.label, confidence=result.confidence, error=result.error)
                ids.append(image_id)
            cases_table.touch(conn, case_id, now)
        return ids

    @staticmethod
    def _hash(path) -> tuple[str, int]:
        try:
            return sha256_file(Path(path))
        except OSError as exc:
            raise CaseStoreError(f"cannot read {path} to record its hash: {exc.strerror or exc}") from exc

    def check_files(self, case_id: int) -> list[FileProblem]:
        """Images of the case whose file is gone, unreadable or changed since its latest analysis."""
        return loading.with_file_checks(self.load_case(case_id, verify_files=False)).file_problems

    # --- review --------------------------------------------------------------------------------------------

    def override_class(self, image_id: int, new_class: str, reason: str, comment: str,
                       user: Actor) -> Review | None:
        """Record the hematologist's class for an image; ``None`` when it is already the image's class.

        A reason is required whenever ``new_class`` differs from the model's class. Only an account whose role
        may override (a hematologist) may; a technologist proposes a class instead (:meth:`propose_class`).
        """
        actor, user = user, self._acting(user, Permission.OVERRIDE)
        reviewer = self.accounts.require(actor, Permission.OVERRIDE).display_name
        if new_class not in (*CLASS_NAMES, EXCLUDED):
            raise CaseStoreError(f"unknown class {new_class!r}; use one of {', '.join(CLASS_NAMES)} or {EXCLUDED}")
        with self.transaction() as conn:
            case_id = self._image_case(image_id)
            self._ensure_editable(case_id, CaseAction.REVIEW)
            analysis_id, model_class = analyses_table.latest_label(conn, image_id)
            previous = reviews_table.latest_for_image(conn, image_id)
            current = previous.reviewed_class if previous else model_class
            if new_class == current:
                return None
            if new_class != model_class:
                reason = _require(reason, "a reason for overriding the model's class")
            now = self._now()
            review = reviews_table.insert_review(conn, image_id, analysis_id, model_class, new_class,
                                                 (reason or "").strip(), (comment or "").strip(), reviewer, now)
            audit.append(conn, now, user, "override", case_id, image_id, review_id=review.review_id,
                         model_class=model_class, previous_class=current, reviewed_class=new_class,
                         reason=review.reason, comment=review.comment)
            cases_table.touch(conn, case_id, now)
        return review

    def propose_class(self, image_id: int, new_class: str, reason: str, user: Actor) -> int:
        """A technologist's proposed class for an image (audited; the class counts only once a hematologist
        overrides); return the audit line's id."""
        username = self._acting(user, Permission.PROPOSE_CLASS)
        if new_class not in (*CLASS_NAMES, EXCLUDED):
            raise CaseStoreError(f"unknown class {new_class!r}; use one of {', '.join(CLASS_NAMES)} or {EXCLUDED}")
        reason = _require(reason, "a reason for the proposed class")
        with self.transaction() as conn:
            case_id = self._image_case(image_id)
            self._ensure_editable(case_id, CaseAction.REVIEW)
            model_class = analyses_table.latest_label(conn, image_id)[1]
            return audit.append(conn, self._now(), username, "propose_class", case_id, image_id,
                                proposed_class=new_class, model_class=model_class, reason=reason,
                                display_name=getattr(user, "display_name", username))

    def proposals(self, case_id: int) -> dict[int, dict]:
        """Image id -> the latest class proposal made after the image's latest review (``proposed_class``,
        ``reason``, ``display_name``, ``at``)."""
        with self.transaction(write=False) as conn:
            reviews = reviews_table.latest_for_case(conn, case_id)
            entries = audit.read(conn, case_id)
        found = {}
        for entry in entries:
            review = reviews.get(entry.image_id)
            if entry.action == "propose_class" and (review is None or review.reviewed_at < entry.at):
                found[entry.image_id] = {**entry.details, "at": entry.at, "user": entry.user}
        return found

    def reviewed_class(self, image_id: int) -> str | None:
        """The reviewer's latest class for the image when there is one, else the model's latest class."""
        review = reviews_table.latest_for_image(self._conn, image_id)
        return review.reviewed_class if review else analyses_table.latest_label(self._conn, image_id)[1]

    def _image_case(self, image_id: int) -> int:
        case_id = analyses_table.image_case(self._conn, image_id)
        if case_id is None:
            raise CaseStoreError(f"there is no image {image_id}")
        return case_id

    def sign_off(self, case_id: int, user: Actor, acknowledged: Iterable[str] = (),
                 summary: Mapping[str, object] | None = None, *, password: str,
                 meaning: str = signatures.MEANING) -> SignOff:
        """Sign the case electronically; it is read-only until :meth:`reopen`. Signing a signed case raises.

        The signer re-enters their password (:class:`AuthenticationError` when wrong, counted towards the
        lockout); the signature keeps the user, printed name, role, UTC time, ``meaning`` and the SHA-256 of the
        signed content (:mod:`.signatures`). ``acknowledged`` lists the warnings the signer accepted and
        ``summary`` what was on screen when signing; both are kept in the audit line.
        """
        if not isinstance(user, Actor):
            raise PermissionDeniedError("only a signed-in account may sign off cases")
        self.accounts.require(user, Permission.SIGN)  # before asking for the password: a role that may not sign
        signer = self.accounts.authenticate(user.username, password, purpose="signature")
        with self.transaction() as conn:
            signer = self.accounts.require(signer, Permission.SIGN)
            self._ensure_editable(case_id, CaseAction.SIGN)
            amends = len(reviews_table.sign_off_history(conn, case_id))
            now = self._now()
            cases_table.touch(conn, case_id, now)
            sign_off_id = reviews_table.insert_sign_off(conn, case_id, signer.display_name, now)
            digest = signatures.content_sha256(loading.load(conn, case_id, heatmaps=False))
            signatures.insert(conn, sign_off_id, case_id, signer.username, signer.display_name, signer.role.value,
                              now, meaning, digest)
            audit.append(conn, now, signer, "sign_off", case_id, sign_off_id=sign_off_id,
                         acknowledged=list(acknowledged), summary=dict(summary or {}), amends=amends,
                         printed_name=signer.display_name, role=signer.role.value, meaning=meaning,
                         content_sha256=digest)
        return SignOff(signer.display_name, now)

    def signatures(self, case_id: int) -> list[signatures.Signature]:
        """Every electronic signature of the case, oldest first (re-opened ones are void)."""
        with self.transaction(write=False) as conn:
            return signatures.for_case(conn, case_id)

    def verify_signatures(self, user: Actor | str | None = None) -> list[signatures.SignatureCheck]:
        """Recompute the content hash of every signed case; the checks (``ok`` False where it no longer
        matches). Audited when ``user`` is given."""
        with self.transaction(write=False) as conn:
            checks = signatures.verify_all(conn)
        if user is not None:
            with self.transaction() as conn:
                audit.append(conn, self._now(), user, "verify_signatures", None, checked=len(checks),
                             mismatched=[c.case_id for c in checks if not c.ok])
        return checks

    def reopen(self, case_id: int, reason: str, user: Actor) -> None:
        """Lift the sign-off of a signed case, voiding its electronic signature; the reason is kept with the
        sign-off and in the audit log."""
        user = self._acting(user, Permission.REOPEN)
        reason = _require(reason, "a reason for re-opening")
        with self.transaction() as conn:
            require(self.case_state(case_id), CaseAction.REOPEN, case_id)
            current = reviews_table.current_sign_off(conn, case_id)
            now = self._now()
            reviews_table.mark_reopened(conn, current[0], user, reason, now)
            cases_table.touch(conn, case_id, now)
            audit.append(conn, now, user, "reopen", case_id, sign_off_id=current[0], reason=reason,
                         signed_by=current[1].signed_by, signed_at=current[1].signed_at, signature="void")

    # --- audit and exports ---------------------------------------------------------------------------------

    def audit_log(self, case_id: int | None = None) -> list[AuditEntry]:
        """The audit lines of one case (all cases when ``None``), oldest first."""
        return audit.read(self._conn, case_id)

    def record_export(self, case_id: int, kind: str, path: Path | str, user: Actor | str, **details) -> int:
        """Audit an export made elsewhere (e.g. a PDF report, with ``report_id=`` and ``sha256=``); return the
        audit line's id. Kind ``print`` is audited as a ``print`` line (``path`` is then the printer)."""
        user = self._acting(user, Permission.EXPORT)
        kind = _require(kind, "export kind")
        action = "print" if kind == "print" else "export"
        with self.transaction() as conn:
            cases_table.read(conn, case_id)
            return audit.append(conn, self._now(), user, action, case_id, kind=kind, path=str(path), **details)

    def record_model_switch(self, old: str, new: str, folder: Path | str, user: Actor | str) -> int:
        """Audit a change of the active model (no case: it applies to every analysis from now on); an
        administrator's action once the store has accounts."""
        user = self._acting(user, Permission.MANAGE_MODELS)
        with self.transaction() as conn:
            return audit.append(conn, self._now(), user, "model_switch", None, old=old, new=new, folder=str(folder))

    def record_not_analysed(self, case_id: int, paths: Iterable[Path | str], user: Actor | str,
                            why: str) -> int | None:
        """Audit images listed in the case that were not analysed (an analysis stopped); None when none."""
        user = self._acting(user, Permission.ANALYSE)
        names = sorted(str(Path(p).absolute()) for p in paths)
        if not names:
            return None
        with self.transaction() as conn:
            self._ensure_editable(case_id, CaseAction.ADD_IMAGES)
            return audit.append(conn, self._now(), user, "not_analysed", case_id, paths=names, why=why)

    def record_removed(self, case_id: int, path: Path | str, reason: str, user: Actor | str) -> int:
        """Audit an image taken out of the case before it was stored (not analysed, or failed), with a reason."""
        user = self._acting(user, Permission.ANALYSE)
        reason = _require(reason, "a reason for removing the image")
        with self.transaction() as conn:
            self._ensure_editable(case_id, CaseAction.ADD_IMAGES)
            return audit.append(conn, self._now(), user, "image_removed", case_id, path=str(Path(path).absolute()),
                                reason=reason)

    def not_analysed(self, case_id: int) -> list[Path]:
        """Images recorded as not analysed (:meth:`record_not_analysed`) that were neither stored since nor
        removed; oldest record first."""
        with self.transaction(write=False) as conn:
            stored = {row["path"] for row in conn.execute("SELECT path FROM images WHERE case_id = ?", (case_id,))}
            entries = audit.read(conn, case_id)
        removed = {e.details.get("path") for e in entries if e.action == "image_removed"}
        found: dict[str, None] = {}
        for entry in entries:
            if entry.action == "not_analysed":
                found.update(dict.fromkeys(entry.details.get("paths", [])))
        return [Path(p) for p in found if p not in stored and p not in removed]

    def export_case(self, case_id: int, kind: str, path: Path | str, user: Actor | str) -> Path:
        """Write the case as ``csv`` or ``json`` (atomically) and audit it; the audit line is kept only if the
        file was written."""
        if kind not in EXPORT_KINDS:
            raise CaseStoreError(f"unknown export kind {kind!r}; use one of {', '.join(EXPORT_KINDS)}")
        record = self.load_case(case_id, verify_files=True)
        with self.transaction():
            self.record_export(case_id, kind, path, user)
            try:
                return write_export(record, kind, Path(path), self._clock())
            except OSError as exc:
                raise CaseStoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
