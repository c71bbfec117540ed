"""``xincept-desktop [--model DIR] [PATH ...]``: the window appears at once; TensorFlow loads behind it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import __version__
from ..config import APP_NAME, PACKAGE_DIR, default_model_dir


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="xincept-desktop", description=f"{APP_NAME} Desktop (offline).")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--model", type=Path, default=None, help="model bundle folder (default: bundled model)")
    parser.add_argument("--self-test", action="store_true", help="check this installation headless and exit")
    parser.add_argument("--language", choices=("en", "fa"), default=None,
                        help="interface language for this run (default: the one chosen in Preferences)")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="images or folders to open")
    return parser.parse_args(argv)


def create_application(argv: list[str], language: str | None = None):
    """The QApplication with HiDPI-friendly settings (created once)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from .settings import ORGANIZATION

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    from .i18n import install_language
    from .settings import load_preferences

    install_language(app, language or load_preferences().language)  # before any window: texts come translated
    QGuiApplication.setDesktopFileName("xincept-desktop")  # matches resources/xincept-desktop.desktop
    icon = PACKAGE_DIR / "resources" / "xincept-desktop.png"
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


def create_window(argv: list[str] | None = None):
    """Parse ``argv``, build the application and the (not yet shown) main window; nothing heavy is imported."""
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    app = create_application([], args.language)
    from .main_window import MainWindow

    from .model_chooser import saved_model_dir

    window = MainWindow(args.model or saved_model_dir() or default_model_dir())
    return app, window, args


def main(argv: list[str] | None = None) -> int:
    if "--self-test" in (sys.argv[1:] if argv is None else argv):  # headless check; no window is created
        from ..selftest import main as self_test

        return self_test(list(sys.argv[1:] if argv is None else argv))
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    app = create_application([], args.language)
    from .single_instance import SingleInstance

    guard = SingleInstance()
    if guard.send_to_running(args.paths):  # a second click on the icon: the first window comes forward
        return 0
    guard.listen()
    from .sign_in import sign_in_at_start

    actor = sign_in_at_start()  # before the window: first-run administrator, or sign-in; None = quit
    if actor is None:
        return 0
    app, window, args = create_window(argv)
    window.sign_in(actor)
    guard.activated.connect(window.bring_forward)
    window.show()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, window.start)
    if args.paths:
        QTimer.singleShot(0, lambda: window.open_paths(args.paths))
    status = app.exec()
    if window.worker_stuck:  # still inside a model load that cannot be interrupted: leave without waiting
        sys.stdout.flush()
        os._exit(status)
    return status


if __name__ == "__main__":
    sys.exit(main())
