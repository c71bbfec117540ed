"""Writer process for the crash-safety tests (run as a script; the test SIGKILLs it).

``python crash_writer.py DB many``: commit cases one by one, printing ``committed ID`` after each commit.
``python crash_writer.py DB big``: commit 20 cases, then open one transaction that never ends, printing
``pending N`` as uncommitted cases pile up (with a small page cache, so they spill into the WAL file).
"""

from __future__ import annotations

import sys


def main(db: str, mode: str) -> None:
    from xincept_desktop.core.cases import CaseStore

    store = CaseStore(db)
    for i in range(20 if mode == "big" else 10**9):
        case_id = store.create_case({"patient_id": f"C-{i}", "patient_name": "committed"}, user="writer")
        print("committed", case_id, flush=True)
    store._conn.execute("PRAGMA cache_size = 20")
    with store.transaction():
        for i in range(10**9):
            store.create_case({"patient_id": f"U-{i}", "patient_name": "uncommitted " + "x" * 400}, user="writer")
            if i % 250 == 249:
                print("pending", i + 1, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
