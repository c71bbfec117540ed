"""The package's resources are what ``resources/build.py`` makes from ``resources/`` and ``docs/`` (icons, the user
guide, the compiled translations), so the committed copies never drift from their sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_package_resources_are_current():
    run = subprocess.run([sys.executable, str(REPO / "resources" / "build.py"), "--check"], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_translation_source_is_compiled():
    sources = {p.stem for p in (REPO / "resources" / "translations").glob("*.ts")}
    built = {p.stem for p in (REPO / "xincept_desktop" / "resources" / "i18n").glob("*.qm")}
    assert sources == built == {"xincept_fa"}
