"""SQL for the ``users`` table (accounts are disabled, never deleted; the database refuses deletes)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class UserInfo:
    """An account as an administrator sees it (never the password hash)."""

    username: str
    display_name: str
    role: str
    enabled: bool
    locked_until: str | None
    failed_attempts: int
    created_at: str
    created_by: str
    password_changed_at: str


def get(conn: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()


def info(row: sqlite3.Row) -> UserInfo:
    return UserInfo(row["username"], row["display_name"], row["role"], bool(row["enabled"]), row["locked_until"],
                    int(row["failed_attempts"]), row["created_at"], row["created_by"], row["password_changed_at"])


def any_users(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM users)").fetchone()[0] == 1


def all_users(conn: sqlite3.Connection) -> list[UserInfo]:
    return [info(row) for row in conn.execute("SELECT * FROM users ORDER BY username")]


def insert(conn: sqlite3.Connection, username: str, display_name: str, role: str, password_hash: str, now: str,
           created_by: str) -> None:
    conn.execute("INSERT INTO users (username, display_name, role, password_hash, created_at, created_by, "
                 "password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (username, display_name, role, password_hash, now, created_by, now))


def set_enabled(conn: sqlite3.Connection, username: str, enabled: bool) -> None:
    conn.execute("UPDATE users SET enabled = ? WHERE username = ?", (int(enabled), username))


def set_password(conn: sqlite3.Connection, username: str, password_hash: str, now: str) -> None:
    """A new hash; failures and lockout cleared."""
    conn.execute("UPDATE users SET password_hash = ?, password_changed_at = ?, failed_attempts = 0, "
                 "locked_until = NULL WHERE username = ?", (password_hash, now, username))


def rehash(conn: sqlite3.Connection, username: str, password_hash: str) -> None:
    """The same password hashed with the current parameters."""
    conn.execute("UPDATE users SET password_hash = ? WHERE username = ?", (password_hash, username))


def set_failures(conn: sqlite3.Connection, username: str, attempts: int, locked_until: str | None) -> None:
    conn.execute("UPDATE users SET failed_attempts = ?, locked_until = ? WHERE username = ?",
                 (attempts, locked_until, username))
