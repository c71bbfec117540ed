"""A real app process for the SIGKILL test: the main window analyses a folder with a model that lets only
``allow`` batches through, printing ``saved <case> <images stored>`` after each batch is stored.

Usage: python crash_window.py BUNDLE FOLDER ALLOW   (XINCEPT_DATA_DIR names the case database's folder)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def main(bundle: str, folder: str, allow: str) -> int:
    from PySide6.QtCore import QObject, Slot

    from tests.gated_model import GatedModel
    from xincept_desktop.core.model.predictor import XInceptModel
    from xincept_desktop.ui.app import create_application
    from xincept_desktop.ui.main_window import MainWindow

    app = create_application([])
    window = MainWindow(Path(bundle), model=GatedModel(XInceptModel.load(Path(bundle)), allow=int(allow)))

    class Reporter(QObject):
        @Slot(object)
        def on_ready(self, _model) -> None:
            window.open_paths([Path(folder)])

        @Slot(int, int)
        def on_saved(self, case_id: int, _count: int) -> None:
            print(f"saved {case_id} {len(window.case.image_ids)}", flush=True)

    reporter = Reporter()
    window.controller.worker.model_ready.connect(reporter.on_ready)
    window.case.saved.connect(reporter.on_saved)
    window.show()
    window.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
