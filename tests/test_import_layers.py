"""The layers hold: ``lint-imports`` checks the contracts in ``pyproject.toml`` (core never imports the GUI, the
command line or Qt; the GUI never imports training; no import cycles)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ("import sys; from importlinter.cli import lint_imports; "
       "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))")


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUN], cwd=root, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)})


def test_the_layer_contracts_hold():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_a_core_module_reaching_into_the_cli_qt_or_a_cycle_breaks_the_contracts(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "xincept_desktop", tmp_path / "xincept_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "resources"))
    (tmp_path / "xincept_desktop" / "core" / "leak.py").write_text(
        "from ..cli_common import EXIT_OK\nfrom PySide6 import QtCore\n")
    (tmp_path / "xincept_desktop" / "ui" / "trains.py").write_text("from ..core.training import trainer\n")
    result = _lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "core imports neither the GUI, the command line nor Qt BROKEN" in result.stdout
    assert "xincept_desktop.core.leak -> xincept_desktop.cli_common" in result.stdout
    assert "xincept_desktop.core.leak -> PySide6" in result.stdout
    assert "the GUI does not import training BROKEN" in result.stdout
    assert "no import cycles between sibling modules BROKEN" in result.stdout  # cli_common -> core -> cli_common
