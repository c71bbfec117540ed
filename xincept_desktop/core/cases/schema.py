"""The case database's schema as an ordered list of migrations, and the connection settings.

``PRAGMA user_version`` holds the number of migrations applied. :func:`migrate` applies the missing ones in
order, all in one ``BEGIN IMMEDIATE`` transaction, so a crash or an error leaves the database at its old version.
Migrations are append-only: never edit a released one, add the next instead.

Tamper and misuse guards live in the database itself, so they hold for any client:

* ``audit_log`` is append-only: triggers ``RAISE(ABORT)`` on ``UPDATE`` and ``DELETE``;
* analyses, heat maps and reviews are never updated or deleted, images and sign-offs never deleted, and a
  sign-off row changes only once, when it is re-opened;
* a signed case (a ``sign_offs`` row with ``reopened_at IS NULL``) refuses changes to its fields, images,
  analyses, heat maps and reviews; only re-opening (which sets ``reopened_at``) lifts it.
* user accounts are never deleted nor renamed; electronic signatures are never changed nor deleted.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ...errors import CaseStoreError

BUSY_TIMEOUT_MS = 10_000
SIGNED_MESSAGE = "case is signed"
AUDIT_MESSAGE = "audit log is append-only"
HISTORY_MESSAGE = "analyses, heat maps, reviews and sign-offs are kept as written"

_V1_TABLES = (
    """CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        patient_name TEXT NOT NULL DEFAULT '',
        patient_id TEXT NOT NULL DEFAULT '',
        date_of_birth TEXT,
        sex TEXT NOT NULL DEFAULT '',
        specimen_id TEXT NOT NULL DEFAULT '',
        specimen_type TEXT NOT NULL DEFAULT '',
        collection_date TEXT,
        requesting_physician TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE images (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        UNIQUE (case_id, path)
    )""",
    """CREATE TABLE analyses (
        id INTEGER PRIMARY KEY,
        image_id INTEGER NOT NULL REFERENCES images(id),
        sha256 TEXT NOT NULL,
        model_version TEXT NOT NULL,
        model_hash TEXT NOT NULL,
        label TEXT,
        confidence REAL,
        probabilities TEXT NOT NULL DEFAULT '{}',
        in_domain INTEGER,
        ood_score REAL,
        ood_threshold REAL,
        error TEXT,
        image_height INTEGER,
        image_width INTEGER,
        analysed_at TEXT NOT NULL,
        analysed_by TEXT NOT NULL
    )""",
    """CREATE TABLE heatmaps (
        analysis_id INTEGER NOT NULL REFERENCES analyses(id),
        method TEXT NOT NULL,
        npy BLOB NOT NULL,
        PRIMARY KEY (analysis_id, method)
    )""",
    """CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        image_id INTEGER NOT NULL REFERENCES images(id),
        analysis_id INTEGER REFERENCES analyses(id),
        model_class TEXT,
        reviewed_class TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        comment TEXT NOT NULL DEFAULT '',
        reviewer TEXT NOT NULL,
        reviewed_at TEXT NOT NULL
    )""",
    """CREATE TABLE sign_offs (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        signed_by TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        reopened_by TEXT,
        reopened_at TEXT,
        reopen_reason TEXT
    )""",
    "CREATE UNIQUE INDEX one_open_sign_off ON sign_offs(case_id) WHERE reopened_at IS NULL",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id INTEGER REFERENCES cases(id),
        image_id INTEGER REFERENCES images(id),
        details TEXT NOT NULL DEFAULT '{}'
    )""",
    f"""CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, '{AUDIT_MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, '{AUDIT_MESSAGE}'); END""",
    "CREATE INDEX images_case ON images(case_id)",
    "CREATE INDEX analyses_image ON analyses(image_id)",
    "CREATE INDEX reviews_image ON reviews(image_id)",
    "CREATE INDEX audit_case ON audit_log(case_id)",
)


def _signed(case_expr: str) -> str:
    return f"EXISTS (SELECT 1 FROM sign_offs s WHERE s.case_id = {case_expr} AND s.reopened_at IS NULL)"


def _guard(name: str, event: str, table: str, case_expr: str) -> str:
    return (f"CREATE TRIGGER {name} BEFORE {event} ON {table} WHEN {_signed(case_expr)} "
            f"BEGIN SELECT RAISE(ABORT, '{SIGNED_MESSAGE}'); END")


_IMAGE_CASE = "(SELECT case_id FROM images WHERE id = NEW.image_id)"
_ANALYSIS_CASE = ("(SELECT i.case_id FROM analyses a JOIN images i ON i.id = a.image_id "
                  "WHERE a.id = NEW.analysis_id)")

_V2_GUARDS = (
    _guard("signed_case_update", "UPDATE", "cases", "OLD.id"),
    _guard("signed_image_insert", "INSERT", "images", "NEW.case_id"),
    _guard("signed_image_update", "UPDATE", "images", "OLD.case_id"),
    _guard("signed_analysis_insert", "INSERT", "analyses", _IMAGE_CASE),
    _guard("signed_heatmap_insert", "INSERT", "heatmaps", _ANALYSIS_CASE),
    _guard("signed_review_insert", "INSERT", "reviews", _IMAGE_CASE),
    *(f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
      f"BEGIN SELECT RAISE(ABORT, '{HISTORY_MESSAGE}'); END"
      for table in ("analyses", "heatmaps", "reviews") for event in ("UPDATE", "DELETE")),
    *(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
      f"BEGIN SELECT RAISE(ABORT, '{HISTORY_MESSAGE}'); END" for table in ("images", "sign_offs")),
    f"""CREATE TRIGGER sign_offs_reopen_only BEFORE UPDATE ON sign_offs
        WHEN OLD.reopened_at IS NOT NULL OR NEW.reopened_at IS NULL OR NEW.case_id IS NOT OLD.case_id
             OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at
        BEGIN SELECT RAISE(ABORT, '{HISTORY_MESSAGE}'); END""",
    "CREATE INDEX cases_collection_date ON cases(collection_date)",
    "CREATE INDEX cases_patient_id ON cases(patient_id)",
)

_V3_CASE_TEXT = (
    "ALTER TABLE cases ADD COLUMN conclusion TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE cases ADD COLUMN comments TEXT NOT NULL DEFAULT ''",
)

_V4_ANALYSIS_CONTEXT = (
    "ALTER TABLE analyses ADD COLUMN context TEXT NOT NULL DEFAULT '{}'",
)

USERS_MESSAGE = "user accounts are disabled, never deleted"
SIGNATURE_MESSAGE = "electronic signatures are kept as written"

_V5_ACCOUNTS = (
    """CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('technologist', 'hematologist', 'administrator')),
        password_hash TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        password_changed_at TEXT NOT NULL
    )""",
    f"""CREATE TRIGGER users_no_delete BEFORE DELETE ON users
        BEGIN SELECT RAISE(ABORT, '{USERS_MESSAGE}'); END""",
    f"""CREATE TRIGGER users_username_fixed BEFORE UPDATE OF username ON users
        WHEN NEW.username IS NOT OLD.username BEGIN SELECT RAISE(ABORT, '{USERS_MESSAGE}'); END""",
    """CREATE TABLE signatures (
        id INTEGER PRIMARY KEY,
        sign_off_id INTEGER NOT NULL UNIQUE REFERENCES sign_offs(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        username TEXT NOT NULL,
        printed_name TEXT NOT NULL,
        role TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        meaning TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        content_version INTEGER NOT NULL
    )""",
    "CREATE INDEX signatures_case ON signatures(case_id)",
    *(f"CREATE TRIGGER signatures_no_{event.lower()} BEFORE {event} ON signatures "
      f"BEGIN SELECT RAISE(ABORT, '{SIGNATURE_MESSAGE}'); END" for event in ("UPDATE", "DELETE")),
    "ALTER TABLE audit_log ADD COLUMN os_user TEXT NOT NULL DEFAULT ''",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    _V1_TABLES,  # 1: cases, images, analyses, heat maps, reviews, sign-offs, append-only audit log
    _V2_GUARDS,  # 2: signed cases read-only and history immutable in the database too; search indexes
    _V3_CASE_TEXT,  # 3: the reviewer's conclusion and comments are case fields (signed with the case)
    _V4_ANALYSIS_CONTEXT,  # 4: how each image was read: scale, tiles, reader notes, the heat maps' class (JSON)
    _V5_ACCOUNTS,  # 5: user accounts (argon2id hashes, lockout), electronic signatures, the OS account in the audit
)
SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode with WAL, ``synchronous=FULL``, foreign keys and a busy timeout.

    Creates the data folder when needed; :class:`CaseStoreError` names it when it cannot be created.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CaseStoreError(f"cannot create the folder {path.parent} for the case database: "
                             f"{exc.strerror or exc}") from exc
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as exc:
        raise CaseStoreError(f"cannot open the case database {path}: {exc}") from exc
    try:
        _configure(conn, busy_timeout_ms)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.Error):
            raise CaseStoreError(f"cannot open the case database {path}: {exc}") from exc
        raise
    return conn


def _configure(conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise CaseStoreError(f"the case database cannot use write-ahead logging (journal mode {mode})")
    conn.execute("PRAGMA synchronous = FULL")


def schema_version(conn: sqlite3.Connection) -> int:
    """The number of migrations applied to ``conn``'s database."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply migrations up to ``target`` in one transaction; return the version reached.

    Raises :class:`CaseStoreError` when the database is newer than this program or a migration fails (the
    database is then left at its old version).
    """
    try:
        if schema_version(conn) == target:
            return target  # the usual case: no write lock needed
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise CaseStoreError(f"cannot open the case database for migration: {exc}") from exc
    try:
        current = schema_version(conn)
        if current > SCHEMA_VERSION:
            raise CaseStoreError(f"the case database has schema version {current}, newer than this program's "
                                 f"{SCHEMA_VERSION}; update XIncept Desktop")
        for version in range(current + 1, target + 1):
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {max(current, target)}")
        conn.execute("COMMIT")
    except BaseException as exc:
        conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise CaseStoreError(f"cannot migrate the case database to version {target}: {exc}") from exc
        raise
    return max(current, target)
