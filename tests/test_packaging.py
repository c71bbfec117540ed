"""Static checks of the packaging files (the build itself runs in `make package`, not in `make test`)."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
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


def _spec_excludes() -> list[str]:
    spec = (PACKAGING / "xincept-desktop.spec").read_text(encoding="utf-8")
    namespace: dict = {}
    exec(spec[spec.index("EXCLUDES = ["):spec.index("]\n", spec.index("EXCLUDES = [")) + 2], namespace)
    return namespace["EXCLUDES"]


XGBOOST_PROBE = """
import runpy, sys
runpy.run_path(sys.argv[1])  # the standalone app's runtime hook: scipy.special is its stand-in
excluded = sys.argv[2].split(",")


class LeftOut:
    def find_spec(self, name, path=None, target=None):
        if any(name == ex or name.startswith(ex + ".") for ex in excluded):
            raise ImportError(f"{name} is left out of the standalone app")
        return None


sys.meta_path.insert(0, LeftOut())
import numpy as np
from xincept_desktop.core.model import xgb_head
from xincept_desktop.core.model.runtime import RuntimeModel  # the app's model and its imports
features = np.random.default_rng(0).normal(size=(40, 3)).astype("float32")
booster = xgb_head.fit_xgboost(features, np.arange(40) % 4, 4, seed=1, rounds=3)
print(xgb_head.margins(booster, features[:5]).shape)
print(sys.modules["scipy.special"].__file__)
print(" ".join(line.split()[-1] for line in open("/proc/self/maps") if ".so" in line))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_xgboost_runs_with_the_apps_stand_in_for_scipy_special_and_nothing_the_spec_leaves_out():
    """The standalone app leaves scipy.special (with scipy's OpenBLAS) out: xgboost imports only softmax from it, at
    import time, and the runtime hook stands in. Fails if xgboost or the app's model code needs more of it, or
    anything else the spec excludes."""
    import os

    hook = PACKAGING / "rthooks" / "scipy_special_softmax.py"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", XGBOOST_PROBE, str(hook), ",".join(_spec_excludes())], env=env,
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    shape, module_file, libraries = result.stdout.splitlines()[:3]
    assert shape == "(5, 4)" and module_file == str(hook)
    assert "scipy_openblas-" not in libraries and "/scipy/special/" not in libraries


@pytest.mark.parametrize("values,axis", [([1.0, 2.0, 3.0], None), ([[1.0, 5.0], [-3.0, 800.0]], 1),
                                         ([[1.0, 5.0], [-3.0, 800.0]], 0), ([[1.0, 5.0], [-3.0, 800.0]], None)])
def test_the_stand_in_softmax_equals_scipys(values, axis):
    import runpy

    from scipy.special import softmax

    namespace = runpy.run_path(str(PACKAGING / "rthooks" / "scipy_special_softmax.py"), run_name="hook")
    np.testing.assert_allclose(namespace["softmax"](values, axis=axis), softmax(values, axis=axis), rtol=1e-12)


def test_elfstrip_keeps_a_library_whose_stripped_copy_would_not_load(tmp_path):
    """A stripped copy whose loadable segment is no longer page-congruent (what stripping numpy's OpenBLAS did) is
    refused and the original kept; a sound one is used."""
    import os
    import shutil
    import struct

    sys.path.insert(0, str(PACKAGING))
    try:
        import elfstrip
    finally:
        sys.path.remove(str(PACKAGING))
    candidates = sorted((Path(sys.base_prefix) / "lib").glob("python3*/lib-dynload/_[jc]*.so"))
    if len(candidates) < 2 or shutil.which("strip") is None:
        pytest.skip("no lib-dynload extensions or no strip on this machine")
    source = tmp_path / candidates[0].name
    shutil.copy2(candidates[0], source)
    assert elfstrip.load_segments_aligned(source)
    target = tmp_path / "stripped" / source.name
    kept = elfstrip.stripped(source, target)
    assert kept.is_file() and elfstrip.load_segments_aligned(kept)

    # another library under the same name (as when the build swaps XGBoost's for the CPU-only one): stripped anew
    other = tmp_path / "other" / source.name
    other.parent.mkdir()
    shutil.copy2(candidates[-1], other)
    target.write_bytes(b"\x7fELF stale copy of an earlier library")
    os.utime(target, (other.stat().st_mtime + 60,) * 2)  # newer than its source: an mtime check would reuse it
    assert elfstrip.stripped(other, target) in (other, target)
    assert b"stale copy" not in target.read_bytes()

    broken = tmp_path / "broken.so"
    broken.write_bytes(source.read_bytes())
    data = bytearray(broken.read_bytes())
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for index in range(phnum):
        start = phoff + index * phentsize
        if struct.unpack_from("<I", data, start)[0] == elfstrip.PT_LOAD:
            offset, = struct.unpack_from("<Q", data, start + 8)
            struct.pack_into("<Q", data, start + 8, offset + 16)  # the offset moves, the address does not
    broken.write_bytes(bytes(data))
    assert not elfstrip.load_segments_aligned(broken)
    assert not elfstrip.load_segments_aligned(PACKAGING / "build.sh")  # not an ELF file: never used


def _stublibs():
    sys.path.insert(0, str(PACKAGING))
    try:
        import stublibs
    finally:
        sys.path.remove(str(PACKAGING))
    return stublibs


def test_stand_ins_keep_opencv_and_heic_reading_working_without_ffmpeg_or_x265(tmp_path):
    """OpenCV and pillow-heif copied beside a test script, FFmpeg and x265 replaced by stand-ins and what only they
    needed removed (as the spec does): OpenCV's image functions and HEIC reading work, HEIC writing fails with
    libheif's error, a video call stops loudly naming what the build leaves out."""
    import shutil
    import site

    stublibs = _stublibs()
    if not sys.platform.startswith("linux") or not stublibs.available():
        pytest.skip("stand-ins are built on Linux with readelf, nm and a C compiler")
    import pillow_heif

    photo = (np.indices((48, 64)).sum(axis=0) % 256).astype(np.uint8)
    pillow_heif.from_pillow(Image.fromarray(np.dstack([photo] * 3))).save(tmp_path / "phone.heic")  # real encoder
    packages = Path(next(p for p in site.getsitepackages() if (Path(p) / "cv2").is_dir()))
    copy = tmp_path / "site"
    for name in ("cv2", "opencv_python_headless.libs", "pillow_heif", "pillow_heif.libs"):
        shutil.copytree(packages / name, copy / name, symlinks=True)
    for extension in packages.glob("_pillow_heif*.so"):
        shutil.copy2(extension, copy / extension.name)
    libraries = [p for folder in ("opencv_python_headless.libs", "pillow_heif.libs") for p in (copy / folder).iterdir()]
    files = [(str(p.relative_to(copy)), p) for p in copy.rglob("*.so*") if p.is_file()]
    before = sum(p.stat().st_size for p in libraries)
    done = stublibs.plan(files, tmp_path / "stand-ins")
    assert {name.split("-")[0] for name in done.stand_ins} == {"libavcodec", "libavformat", "libavutil", "libswscale",
                                                               "libx265"}
    for name, stand_in in done.stand_ins.items():
        library = next(p for p in libraries if p.name == name)
        users = [source for _, source in files
                 if not stublibs.is_stubbed(source.name) and stublibs.soname(library) in stublibs.needed(source)]
        assert {s.name for s in stublibs.defined(stand_in)} >= {s.name for s in stublibs.imported_from(library, users)}
        shutil.copy2(stand_in, library)
    assert {"libvpx", "libswresample", "libssl"} <= {name.split("-")[0] for name in done.left_out}
    assert not any(name.startswith(("libopenblas", "libaom", "libavif", "libpng", "libde265")) for name in done.left_out)
    for library in libraries:
        if library.name in done.left_out:
            library.unlink()
    after = sum(p.stat().st_size for p in copy.glob("*.libs/*"))
    assert before - after > 40e6

    script = """
import sys
sys.path.insert(0, sys.argv[1])
import numpy as np, cv2, pillow_heif
from PIL import Image
image = (np.random.default_rng(0).random((64, 80, 3)) * 255).astype(np.uint8)
small = cv2.resize(cv2.GaussianBlur(image, (5, 5), 1.0), (40, 32), interpolation=cv2.INTER_AREA)
ok, png = cv2.imencode(".png", small)
assert ok and cv2.imdecode(png, cv2.IMREAD_COLOR).shape == (32, 40, 3)
assert cv2.connectedComponentsWithStats((small[..., 0] > 128).astype(np.uint8))[0] >= 1
try:
    pillow_heif.from_pillow(Image.fromarray(image)).save(sys.argv[2] + "/x.heic")
except Exception as exc:
    print("encode refused:", exc)
else:
    raise SystemExit("HEIC was written without an encoder")
import pillow_heif
pillow_heif.register_heif_opener()
assert Image.open(sys.argv[2] + "/phone.heic").convert("RGB").size == (64, 48)
print("images ok")
sys.stdout.flush()
cv2.VideoWriter(sys.argv[2] + "/v.avi", cv2.VideoWriter_fourcc(*"MJPG"), 5, (80, 64))
"""
    run = subprocess.run([sys.executable, "-c", script, str(copy), str(tmp_path)], capture_output=True, text=True,
                         timeout=120)
    assert "images ok" in run.stdout and "encode refused" in run.stdout, run.stdout + run.stderr
    assert run.returncode != 0  # the video call reached a stand-in and stopped
    assert "this build leaves out" in run.stderr and "stand-in" in run.stderr
