"""Case store: cases, analyses, the hematologist's review and sign-off, and an append-only audit trail.

Pure Python + stdlib ``sqlite3`` (never Qt). One SQLite file, ``user_data_dir()/cases.sqlite3`` by default,
in WAL mode with ``synchronous=FULL``, foreign keys on, a busy timeout, and a schema version
(``PRAGMA user_version``) raised by ordered migrations (:mod:`.schema`). A crash (even ``SIGKILL``) mid-write
loses only the transaction in progress.

Using it from the GUI
---------------------
::

    from xincept_desktop.core.cases import CaseStore, CaseFields, model_identity
    from xincept_desktop.errors import CaseStoreError, SignedCaseError

    store = CaseStore()                        # or CaseStore(path); one store per thread; store.close()
    case_id = store.create_case(CaseFields(patient_name="A. B.", patient_id="P-1",
                                           collection_date="2026-11-29"), user="Dr. A")   # or a dict
    store.update_case_fields(case_id, {"specimen_id": "S-9"}, user="Dr. A")
    version, short_hash = model_identity(model)          # model.version_label, model.manifest.short_hash
    image_ids = store.add_analyses(case_id, results, version, short_hash, user="Dr. A")  # ImageResult list
    image_id = store.add_analysis(case_id, result, version, short_hash, user="Dr. A")    # one result

    rows = store.list_cases(search="b. p-1", date_from=date(2026, 1, 1), date_to=None)  # CaseListEntry list
    case = store.load_case(case_id)              # CaseRecord; verify_files=False skips hashing the files
    case.results                                 # ImageResult list (heat maps included), no recomputing
    for image in case.images:                    # CaseImage
        image.analysis.result, image.model_class, image.reviewed_class, image.overridden, image.review
        image.file_status                        # "ok" | "missing" | "changed" | "unreadable" | "unchecked"
    case.file_problems                           # FileProblem list; problem.describe() is a sentence for users
    case.signed, case.sign_off                   # SignOff(signed_by, signed_at) or None

    store.override_class(image_id, "Pre", reason="nuclear detail", comment="", user="Dr. A")  # -> Review|None
    store.reviewed_class(image_id)               # reviewer's class, else the model's
    store.case_state(case_id)                    # CaseState.OPEN / SIGNED / REOPENED, read from the database now
    actor = store.accounts.authenticate("sara", password)     # accounts: .accounts (roles checked at each write)
    store.sign_off(case_id, actor, acknowledged=[...], summary={...}, password=password)  # electronic signature
    store.reopen(case_id, reason="late flow result", user=actor)              # REOPENED: signature void
    store.signatures(case_id), store.verify_signatures()        # .signatures: content hash, re-computed later
    case.history, case.amended                   # every sign-off (re-opened ones too); signed again after re-open
    store.override_class(image_id, EXCLUDED, reason="a neutrophil", comment="", user="Dr. A")  # out of counts
    store.record_not_analysed(case_id, paths, user="Dr. A", why="analysis stopped")  # store.not_analysed(case_id)
    store.record_removed(case_id, path, reason="unreadable", user="Dr. A")   # an image never stored, taken out
    sign_off_check(record, failed={...}, not_analysed=[...])   # .sign_off_check: what a sign-off would sign
    store.export_case(case_id, "csv" or "json", path, user="Dr. A")   # atomic file + audit line
    store.record_export(case_id, "pdf", path, user="Dr. A")           # audit an export written elsewhere
    store.check_files(case_id)                   # FileProblem list (moved/changed since analysis)
    store.audit_log(case_id)                     # AuditEntry list, oldest first

Case states (:mod:`.state`)
---------------------------
open -> signed -> re-opened (reason) -> signed (amended). :func:`.state.require` and :func:`.state.transition`
are the one rule book: the store checks every write against it, and the window asks before any action the state
of the case on screen does not allow (adding images to a signed case: a new case, or re-open with a reason).

Rules the store enforces
------------------------
* Every change (case created or edited, analysis, override, sign-off, re-open, export) writes an audit line
  (UTC time, user, action, JSON details) in the same transaction. Triggers refuse ``UPDATE``/``DELETE`` on
  ``audit_log``.
* Analyses, heat maps and reviews are never rewritten or deleted (triggers again); the latest one counts.
* ``with store.transaction(): ...`` groups several calls into one all-or-nothing transaction.
* A signed case is read-only (fields, analyses, reviews) until re-opened with a reason; the database's triggers
  refuse such writes too. Exports of a signed case are allowed (and audited).
* Overriding the model's class needs a reason; setting an image back to its current class is a no-op.
* Heat maps are kept as float16 ``.npy`` BLOBs (no pickle); file hashes are SHA-256 of the analysed bytes.
* All failures are :class:`~xincept_desktop.errors.CaseStoreError` (``SignedCaseError`` for edits of a signed
  case, ``PermissionDeniedError`` for a role that may not act, ``AuthenticationError`` for a refused password)
  with a message fit to show.
* ``user`` is the signed-in :class:`~xincept_desktop.core.accounts.Actor`; a plain name is accepted only for
  everyday writes in a store that has no accounts yet. Overrides, sign-offs and re-opening always need an
  account whose role allows them (:mod:`xincept_desktop.core.accounts.roles`).

Dates in :class:`CaseFields` are ISO ``YYYY-MM-DD`` strings ("" when unknown; ``date`` objects accepted);
times in records are ISO 8601 UTC strings.
"""

from .export import EXPORT_KINDS, to_csv, to_json, write_export
from .records import (AuditEntry, Analysis, CaseFields, CaseImage, CaseListEntry, CaseRecord, FileProblem,
                      Review, SignOff, reviewed_class)
from .schema import SCHEMA_VERSION
from .state import CaseAction, CaseState
from .store import CaseStore, default_path, model_identity

__all__ = [
    "Analysis", "AuditEntry", "CaseAction", "CaseFields", "CaseState", "CaseImage", "CaseListEntry", "CaseRecord", "CaseStore",
    "EXPORT_KINDS", "FileProblem", "Review", "SCHEMA_VERSION", "SignOff", "default_path", "model_identity",
    "reviewed_class", "to_csv", "to_json", "write_export",
]
