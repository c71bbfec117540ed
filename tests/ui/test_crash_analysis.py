"""Nothing lost: a real app process killed with SIGKILL in the middle of a folder keeps every finished batch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.cases.test_crash import kill, read_until
from xincept_desktop.core.cases import CaseStore

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_window.py")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def test_sigkill_mid_folder_keeps_every_finished_batch(tiny_bundle, case_folder, tmp_path):
    folder = case_folder(20)
    data = tmp_path / "child-data"
    env = {**os.environ, "PYTHONPATH": str(REPO), "XINCEPT_DATA_DIR": str(data),
           "XDG_CONFIG_HOME": str(tmp_path / "child-config"), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, str(CHILD), str(tiny_bundle), str(folder), "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)
    try:  # two batches of 4 pass the gate; the third waits there until the kill
        lines = read_until(proc, lambda line: line.startswith("saved") and int(line.split()[2]) >= 8,
                           timeout=300)
    finally:
        kill(proc)
    case_id = int(lines[-1].split()[1])
    with CaseStore(data / "cases.sqlite3") as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        record = store.load_case(case_id, verify_files=True)
    names = sorted(image.path.name for image in record.images)
    assert names == [f"img{i:03d}.png" for i in range(8)]  # every finished batch, nothing of the unfinished one
    assert all(image.analysis is not None and image.file_status == "ok" for image in record.images)
    assert [line for line in lines if line.startswith("saved")][0].split()[2] == "4"  # stored batch by batch
