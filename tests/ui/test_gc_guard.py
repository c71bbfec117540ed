"""Garbage is collected on the GUI thread only, so Qt objects are never destroyed by the worker thread."""

import gc

from PySide6.QtCore import QThread


def test_a_window_moves_collection_to_a_gui_thread_timer(make_window, qtbot):
    from xincept_desktop.ui import gc_guard

    make_window(start=False)
    assert not gc.isenabled(), "automatic collection could run in the worker thread"
    collector = gc_guard._installed
    assert collector.thread() is QThread.currentThread() and collector.timer.isActive()
    threads = []

    class Cycle:
        def __del__(self):
            threads.append(QThread.currentThread())

    first, second = Cycle(), Cycle()
    first.other, second.other = second, first
    del first, second
    keep = [[] for _ in range(collector.thresholds[0] + 10)]  # allocations cross generation 0's threshold
    assert threads == [], "nothing collects while automatic collection is off"
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=5000)
    assert all(thread is QThread.currentThread() for thread in threads)
    del keep
