"""Build the package's resources from this folder (``make resources``; ``make`` runs it before ``run``/``test``).

    resources/icons/*                 -> xincept_desktop/resources/           (window icon; the .desktop names it)
    docs/user-guide.md                -> xincept_desktop/resources/user-guide.md   (Help > User Guide)
    resources/translations/*.ts       -> xincept_desktop/resources/i18n/*.qm  (pyside6-lrelease)

``--update-ts`` first refreshes the .ts sources from the code with pyside6-lupdate (new strings appear there
unfinished, for a translator). ``--check`` builds into a temporary folder and fails when the package's copies
differ from what the sources give (tests/test_resources.py runs it). The built files are committed, so a checkout
runs without this step; this step keeps them current.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PACKAGE_RESOURCES = REPO / "xincept_desktop" / "resources"
GUIDE = REPO / "docs" / "user-guide.md"
TRANSLATIONS = HERE / "translations"
SOURCES = REPO / "xincept_desktop" / "ui"


def qt_tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6)")
    return found


def build(out: Path) -> list[Path]:
    """Write every built file under ``out`` (the package's resources folder); returns them."""
    (out / "i18n").mkdir(parents=True, exist_ok=True)
    written = []
    for icon in sorted((HERE / "icons").iterdir()):
        written.append(Path(shutil.copyfile(icon, out / icon.name)))
    written.append(Path(shutil.copyfile(GUIDE, out / GUIDE.name)))
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        target = out / "i18n" / source.with_suffix(".qm").name
        subprocess.run([qt_tool("lrelease"), "-silent", str(source), "-qm", str(target)], check=True)
        written.append(target)
    return written


def update_ts() -> None:
    """Refresh every .ts from the interface's source (strings in self.tr / QCoreApplication.translate)."""
    files = [str(p) for p in sorted(SOURCES.glob("*.py"))]
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run([qt_tool("lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts)],
                       check=True)


def stale() -> list[str]:
    """The package files that differ from a fresh build (missing ones included)."""
    with tempfile.TemporaryDirectory() as tmp:
        built = build(Path(tmp))
        return [str(PACKAGE_RESOURCES / p.relative_to(tmp)) for p in built
                if not (PACKAGE_RESOURCES / p.relative_to(tmp)).is_file()
                or not filecmp.cmp(p, PACKAGE_RESOURCES / p.relative_to(tmp), shallow=False)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-ts", action="store_true", help="refresh the .ts sources with pyside6-lupdate")
    parser.add_argument("--check", action="store_true", help="fail when the package's copies are not current")
    args = parser.parse_args(argv)
    if args.check:
        differing = stale()
        for path in differing:
            print(f"not current (run make resources): {path}")
        return 1 if differing else 0
    if args.update_ts:
        update_ts()
    for path in build(PACKAGE_RESOURCES):
        print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
