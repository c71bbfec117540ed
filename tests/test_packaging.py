"""Static checks of the packaging files (the build itself runs in `make package`, not in `make test`)."""

from __future__ import annotations

import configparser
import subprocess
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
RESOURCES = REPO / "xincept_desktop" / "resources"


def test_desktop_file_launches_the_app_with_its_icon():
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(REPO / "resources" / "xincept-desktop.desktop", encoding="utf-8")  # the source of resources/
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"]
    assert entry["Exec"].split()[0] == "xincept-desktop" and "%F" in entry["Exec"]
    assert (RESOURCES / f"{entry['Icon']}.png").is_file() and (RESOURCES / f"{entry['Icon']}.svg").is_file()
    assert entry["Categories"].endswith(";") and entry["MimeType"].endswith(";")
    assert entry["Terminal"] == "false"


def test_icon_is_small_and_square():
    path = RESOURCES / "xincept-desktop.png"
    assert path.stat().st_size < 50_000
    with Image.open(path) as icon:
        assert icon.size == (256, 256) and icon.mode == "RGBA"


def test_build_script_and_spec_are_well_formed():
    subprocess.run(["bash", "-n", str(PACKAGING / "build.sh")], check=True)
    compile((PACKAGING / "xincept-desktop.spec").read_text(encoding="utf-8"), "xincept-desktop.spec", "exec")
    assert "make package" in (REPO / ".ci" / "run").read_text()


def test_the_standalone_app_leaves_tensorflow_out_and_carries_the_runtime():
    spec = (PACKAGING / "xincept-desktop.spec").read_text(encoding="utf-8")
    namespace: dict = {}
    exec(spec[spec.index("EXCLUDES = ["):spec.index("]\n", spec.index("EXCLUDES = [")) + 2], namespace)
    assert {"tensorflow", "keras", "h5py"} <= set(namespace["EXCLUDES"])
    assert "_runtime_datas()" in spec and "_weight_datas" not in spec
    assert "_internal/tensorflow" in (PACKAGING / "build.sh").read_text()  # the build fails if TensorFlow slipped in


STUDY_PROBE = """
import sys
import numpy as np
from xincept_desktop.core.verification.metrics import kappa_with_interval, wilson
from xincept_desktop.core.verification.study import reliability_png
from xincept_desktop.core.accounts.passwords import hash_password, verify_password
wilson(8, 10), kappa_with_interval(np.array([[20, 5], [10, 15]])), reliability_png([[0.0, 1.0, 4, 0.5, 0.5]])
assert verify_password(hash_password("probe password"), "probe password")
print("\\n".join(sorted(sys.modules)))
"""


def test_the_spec_excludes_nothing_the_verification_study_and_accounts_load():
    """The frozen app once could not run the study: the spec excluded pandas and scipy.stats, which statsmodels
    imports. Every module the study's statistics, its diagram and the password hasher load must be packaged; and
    they no longer load statsmodels, pandas or scipy.stats (about 60 MB of the standalone app, left out)."""
    import os
    import sys

    spec = (PACKAGING / "xincept-desktop.spec").read_text(encoding="utf-8")
    namespace: dict = {}
    exec(spec[spec.index("EXCLUDES = ["):spec.index("]\n", spec.index("EXCLUDES = [")) + 2], namespace)
    excludes = namespace["EXCLUDES"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    loaded = subprocess.run([sys.executable, "-c", STUDY_PROBE], env=env, cwd=REPO, capture_output=True, text=True,
                            check=True, timeout=300).stdout.split()
    assert "xincept_desktop.core.verification.intervals" in loaded and "argon2" in loaded
    assert not {"statsmodels", "pandas", "scipy.stats", "scipy.linalg"} & set(loaded)
    excluded = [name for name in loaded if any(name == ex or name.startswith(ex + ".") for ex in excludes)]
    assert excluded == []
