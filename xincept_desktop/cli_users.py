"""Accounts and signatures from the command line, and the set-up of a store shared by several OS accounts.

::

    xincept users add USERNAME --name "Dr. Sara Rahimi" --role hematologist --admin admin
    xincept users list --admin admin
    xincept users disable USERNAME --admin admin        (enable USERNAME likewise)
    xincept users reset-password USERNAME --admin admin
    xincept cases verify-signatures                      exit 1 when a signed case no longer matches
    xincept setup-shared-store /srv/xincept --group hematology

Passwords are never taken from arguments: they are asked on the terminal (``getpass``, new ones twice), or, with
``--password-stdin`` or when stdin is not a terminal, read one per line from stdin: the administrator's first (when
one is needed), then the new password. The first account of an empty store is an administrator made without
``--admin``. ``--db`` names the case database (default: the one the app uses, ``XINCEPT_DATA_DIR`` honoured).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE

#: the exit statuses of these commands (the image commands' help speaks of files analysed)
ACCOUNT_EXIT_HELP = ("exit status:\n  0  done\n  2  usage error (the command line is wrong; the first account must "
                     "be an administrator); nothing was changed\n  3  refused or could not run: the case database "
                     "could not be opened or written, or the store refused (unknown user, a password that is too "
                     "weak or was not given); nothing was changed")
SIGNATURE_EXIT_HELP = ("exit status:\n  0  every signed case still matches its signature\n  1  one or more signed "
                       "cases no longer match (each is named)\n  2  usage error\n  3  the case database could not be "
                       "opened")

USER_COMMANDS = ("add", "list", "disable", "enable", "reset-password")


def add_account_parsers(commands) -> None:
    """The ``users``, ``cases`` and ``setup-shared-store`` subcommands."""
    users = commands.add_parser("users", help="add, list, disable or enable user accounts and reset passwords",
                                epilog=ACCOUNT_EXIT_HELP)
    users.add_argument("--db", type=Path, default=None, help="case database (default: the app's)")
    actions = users.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    helps = {"add": "add a user account", "list": "list the accounts", "disable": "disable an account",
             "enable": "enable a disabled account", "reset-password": "give an account a new password"}
    for name in USER_COMMANDS:
        action = actions.add_parser(name, help=helps[name])
        if name != "list":
            action.add_argument("username")
        if name == "add":
            action.add_argument("--name", required=True, help="printed name (on signed reports)")
            action.add_argument("--role", required=True, choices=("technologist", "hematologist", "administrator"))
        action.add_argument("--admin", default=None, help="your administrator account (not needed for the first "
                                                          "account of an empty store)")
        action.add_argument("--password-stdin", action="store_true",
                            help="read passwords from stdin, one per line (administrator's first)")
    cases = commands.add_parser("cases", help="checks of the case database", epilog=SIGNATURE_EXIT_HELP)
    cases.add_argument("--db", type=Path, default=None, help="case database (default: the app's)")
    checks = cases.add_subparsers(dest="cases_command", required=True, metavar="ACTION")
    checks.add_parser("verify-signatures", help="recompute every signed case's content hash; exit 1 on a mismatch")
    shared = commands.add_parser("setup-shared-store", help="make a case-database folder shared by a group of OS "
                                                            "accounts (2770, group-owned; files 0660)")
    shared.add_argument("path", type=Path, help="the folder to hold the shared case database")
    shared.add_argument("--group", required=True, help="the OS group whose members use the store")


class PasswordSource:
    """Passwords from the terminal (asked, new ones twice) or from stdin lines."""

    def __init__(self, from_stdin: bool, stdin=None, prompt=getpass.getpass):
        self.stdin = stdin or sys.stdin
        self.from_stdin = from_stdin or not self.stdin.isatty()
        self.prompt = prompt

    def existing(self, label: str) -> str:
        return self._line() if self.from_stdin else self.prompt(f"{label}: ")

    def new(self, label: str) -> str:
        if self.from_stdin:
            return self._line()
        first = self.prompt(f"{label}: ")
        if first != self.prompt("Repeat it: "):
            raise ValueError("the two passwords differ")
        return first

    def _line(self) -> str:
        line = self.stdin.readline()
        if not line:
            raise ValueError("stdin ended before a password was read (one password per line)")
        return line.rstrip("\r\n")


def _open_store(db: Path | None):
    from .core.cases import CaseStore

    return CaseStore(db)


def run_users(args, stdin=None, prompt=getpass.getpass) -> int:
    from .errors import CaseStoreError

    passwords = PasswordSource(args.password_stdin, stdin, prompt)
    try:
        with _open_store(args.db) as store:
            return _users(store, args, passwords)
    except (CaseStoreError, ValueError) as exc:
        print(f"xincept users: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except EOFError:
        print("xincept users: no password given", file=sys.stderr)
        return EXIT_CANNOT_RUN


def _users(store, args, passwords: PasswordSource) -> int:
    accounts = store.accounts
    command = args.users_command
    if command == "add" and not accounts.has_users() and args.admin is None:
        if args.role != "administrator":
            print("xincept users: this store has no accounts yet; the first one is an administrator "
                  "(--role administrator)", file=sys.stderr)
            return EXIT_USAGE
        actor = accounts.create_first_administrator(args.username, args.name,
                                                    passwords.new(f"New password for {args.username}"))
        print(f"created the first administrator {actor.username} ({actor.display_name}) in {store.path}")
        return EXIT_OK
    if args.admin is None:
        print("xincept users: --admin ADMIN is required (your administrator account)", file=sys.stderr)
        return EXIT_USAGE
    admin = accounts.authenticate(args.admin, passwords.existing(f"Password for administrator {args.admin}"),
                                  purpose="sign_in")
    if command == "list":
        for user in accounts.list_users(admin):
            state = "enabled" if user.enabled else "disabled"
            if user.enabled and user.locked_until:
                state = f"locked until {user.locked_until}"
            print(f"{user.username}\t{user.display_name}\t{user.role}\t{state}")
    elif command == "add":
        actor = accounts.add_user(admin, args.username, args.name, args.role,
                                  passwords.new(f"New password for {args.username}"))
        print(f"added {actor.username} ({actor.display_name}, {actor.role.value})")
    elif command in ("disable", "enable"):
        accounts.set_enabled(admin, args.username, command == "enable")
        print(f"{command}d {args.username}")
    else:
        accounts.reset_password(admin, args.username, passwords.new(f"New password for {args.username}"))
        print(f"reset the password of {args.username}")
    return EXIT_OK


def run_cases(args) -> int:
    from .core.accounts import os_account
    from .errors import CaseStoreError

    try:
        with _open_store(args.db) as store:
            checks = store.verify_signatures(user=f"{os_account()} (command line)")
    except CaseStoreError as exc:
        print(f"xincept cases: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    for check in checks:
        print(check.describe())
    bad = [check for check in checks if not check.ok]
    print(f"{len(checks)} signed case(s) checked, {len(bad)} mismatch(es)", file=sys.stderr)
    return EXIT_SOME_FAILED if bad else EXIT_OK


def run_setup_shared_store(args) -> int:
    """Make ``args.path`` a group-shared case-database folder (setgid 2770, database 0660)."""
    import grp

    from .core.cases.private import SHARED_FILE, SHARED_FOLDER
    from .core.cases.store import DB_NAME
    from .errors import CaseStoreError

    try:
        gid = grp.getgrnam(args.group).gr_gid
    except KeyError:
        print(f"xincept setup-shared-store: there is no group {args.group!r}", file=sys.stderr)
        return EXIT_USAGE
    folder = Path(args.path).absolute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.chown(folder, -1, gid)
        os.chmod(folder, SHARED_FOLDER)
        with _open_store(folder / DB_NAME):
            pass
        for path in folder.iterdir():
            if path.name.startswith(DB_NAME):
                os.chown(path, -1, gid)
                os.chmod(path, SHARED_FILE)
    except (OSError, CaseStoreError) as exc:
        print(f"xincept setup-shared-store: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(f"{folder} is shared by the group {args.group} (folder 2770, database 0660, nothing for others).\n"
          f"For every user of the store:\n"
          f"  * add their OS account to the group {args.group} (they sign in again afterwards);\n"
          f"  * start the app with XINCEPT_DATA_DIR={folder} (for instance in /etc/profile.d/xincept.sh);\n"
          f"  * keep a umask of 007 so that their exports stay within the group.\n"
          f"Then create the first administrator: xincept users --db {folder / DB_NAME} add admin --role "
          "administrator --name \"...\"")
    return EXIT_OK


HANDLERS = {"users": run_users, "cases": run_cases, "setup-shared-store": run_setup_shared_store}


def main(argv: list[str]) -> int:  # pragma: no cover - ``xincept`` dispatches through cli.main
    parser = argparse.ArgumentParser(prog="xincept")
    add_account_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return HANDLERS[args.command](args)
