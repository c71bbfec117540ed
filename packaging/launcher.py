"""PyInstaller entry point of the frozen app: the GUI, or ``--self-test`` (see ``xincept_desktop.ui.app``)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from xincept_desktop.ui.app import main

    sys.exit(main())
