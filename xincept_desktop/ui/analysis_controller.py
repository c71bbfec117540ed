"""The analysis bookkeeping of one window: jobs sent to the worker, the run's progress, storing each finished batch
in the case, cancelling, and what waits for the end (quit, a new case).

``AnalysisController`` holds no widget: the window connects its signals to the list, progress bar and status bar.
It receives the worker's signals through bound slots, so everything here runs on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot


class AnalysisController(QObject):
    """Jobs of ``worker_controller`` (a ``WorkerController``) whose results go into ``case`` (a ``CaseSession``)."""

    run_grew = Signal(int)  # images in the current run, after more were queued
    batch_started = Signal(object)  # paths now being analysed
    result_ready = Signal(object, int)  # an ImageResult of a job still wanted, results of this run so far
    job_unfinished = Signal(object)  # paths of an ended job that got no result (cancelled): queued again
    run_finished = Signal(bool)  # the last job ended; cancelled
    save_failed = Signal(str)  # why a batch could not be stored
    idle = Signal(bool)  # no job and no save left; whether the user stopped the analysis

    def __init__(self, worker_controller, case, parent: QObject | None = None):
        super().__init__(parent)
        self.workers, self.case = worker_controller, case
        self.model = None
        self.closed = False
        self._jobs: dict[int, list[Path]] = {}
        self._answered: set[Path] = set()  # paths of the current jobs that have a result
        self._pending: list[Path] = []  # asked for before the model was ready
        self._run_total = self._run_done = 0
        self._stopped = False  # the user stopped the analysis: the window records the images left unanalysed
        self._after_jobs = None  # what runs once everything has ended (quit, new case), asked for while busy
        worker = worker_controller.worker
        worker.batch_started.connect(self._on_batch_started)
        worker.result_ready.connect(self._on_result)
        worker.batch_done.connect(self._on_batch_done)
        worker.job_finished.connect(self._on_job_finished)
        case.saved.connect(self._on_stored)  # the last batches stored: the end may have come
        case.save_failed.connect(self._on_store_failed)

    # --- state ---------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether analysis jobs are queued or running."""
        return bool(self._jobs)

    def in_flight(self) -> set[Path]:
        """The paths of every queued or running job."""
        return {p for paths in self._jobs.values() for p in paths}

    # --- starting ------------------------------------------------------------------------------------
    def set_model(self, model) -> None:
        """The model is ready: images asked for before it are analysed now."""
        self.model = model
        pending, self._pending = self._pending, []
        if pending:
            self.analyse(pending)

    def queue(self, paths: list[Path]) -> None:
        """Analyse ``paths`` now, or once the model is ready."""
        if self.model is not None:
            self.analyse(paths)
        else:
            self._pending.extend(paths)

    def analyse(self, paths: list[Path]) -> None:
        """Send ``paths`` to the worker as one job (nothing without a model, nor for a role that may not analyse:
        an administrator's images stay listed, not analysed)."""
        if not paths or self.model is None or self.closed or not self._may_analyse():
            return
        job = self.workers.analyse(paths)
        self._jobs[job] = list(paths)
        self._run_total += len(paths)
        self.run_grew.emit(self._run_total)

    def _may_analyse(self) -> bool:
        from ..core.accounts import Permission

        may = getattr(self.case, "may", None)
        return may is None or may(Permission.ANALYSE)

    # --- stopping ------------------------------------------------------------------------------------
    def cancel(self) -> bool:
        """Stop every job at its next batch (the user asked): True when there was one to stop."""
        if not self._jobs:
            return False
        self._stopped = True
        self.workers.cancel_all()
        return True

    def run_when_idle(self, action) -> None:
        """Run ``action`` once every job has ended and its results are stored."""
        self._after_jobs = action

    def clear(self) -> None:
        """Forget every job, the pending images and what waited for the end (a new case on screen)."""
        self.workers.cancel_all()
        self._jobs.clear()
        self._answered.clear()
        self._pending.clear()
        self._run_total = self._run_done = 0
        self._after_jobs, self._stopped = None, False

    def close(self) -> None:
        """The window is closing: late signals are ignored from now on."""
        self.closed = True
        self._jobs.clear()
        self._answered.clear()

    # --- the worker's signals ------------------------------------------------------------------------
    @Slot(int, object)
    def _on_batch_started(self, job: int, paths: list) -> None:
        if job in self._jobs and not self.closed:
            self.batch_started.emit(paths)

    @Slot(int, object)
    def _on_result(self, job: int, result) -> None:
        if job not in self._jobs or self.closed:
            return
        self._answered.add(Path(result.path))
        self._run_done += 1
        self.result_ready.emit(result, self._run_done)

    @Slot(int, object)
    def _on_batch_done(self, job: int, results: list) -> None:
        """A batch is finished: store its results in the case now, not at the end of the job."""
        if job not in self._jobs or self.closed:
            return
        from ..errors import CaseStoreError

        try:
            self.case.save_results(results, self.model)
        except CaseStoreError as exc:
            self.save_failed.emit(str(exc))

    @Slot(int, bool)
    def _on_job_finished(self, job: int, cancelled: bool) -> None:
        paths = None if self.closed else self._jobs.pop(job, None)
        if paths is None:
            return
        unfinished = [p for p in paths if Path(p) not in self._answered]
        self._answered.difference_update(Path(p) for p in paths)
        self.job_unfinished.emit(unfinished)
        if not self._jobs:
            self._run_total = self._run_done = 0
            self.run_finished.emit(cancelled)
            self.check_idle()

    @Slot(int, int)
    def _on_stored(self, _case_id: int, _count: int) -> None:
        self.check_idle()

    @Slot(str)
    def _on_store_failed(self, _message: str) -> None:
        self.check_idle()

    def check_idle(self) -> None:
        """When no job is left and every batch is stored: ``idle(stopped)``, then what waited for the end."""
        if self._jobs or self.case.saving or self.closed:
            return
        stopped, self._stopped = self._stopped, False
        self.idle.emit(stopped)
        action, self._after_jobs = self._after_jobs, None
        if action is not None:
            action()
