"""The one worker thread that owns the model: it loads the runtime and runs ``core.pipeline.analyse``.

The model the app runs is ``core.model.runtime.RuntimeModel`` (the exported OpenVINO network plus numpy): the app
never imports TensorFlow. ``AnalysisWorker`` lives in a ``QThread``; the UI talks to it only through queued signals
and reads back results through its signals, so the UI thread never waits on the model. Cancelling is a plain integer
(``cancelled_up_to``) the worker checks between batches, so it needs no lock and no round trip through the
worker's event loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

GUI_BATCH_SIZE = 4  # small batches: cancel and close answer within one batch
WORKER_STACK_BYTES = 64 * 2**20  # a TensorFlow reference model handed in (tests) traces deeply recursive code
translate = QCoreApplication.translate  # translate("Context", "text"), thread-safe: the form pyside6-lupdate reads


class AnalysisWorker(QObject):
    """Runs in the worker thread. Every slot is invoked through a queued connection."""

    model_ready = Signal(object)  # the loaded model
    model_failed = Signal(str)
    device_found = Signal(str)
    batch_started = Signal(int, object)  # job, paths now being analysed
    result_ready = Signal(int, object)  # job, ImageResult
    progress = Signal(int, int, int)  # job, done, total
    batch_done = Signal(int, object)  # job, the ImageResults of a finished batch (stored at once by the window)
    job_finished = Signal(int, bool)  # job, cancelled
    task_progress = Signal(int, int, int)  # task, done, total (a verification study, a site adaptation)
    task_finished = Signal(int, object)  # task, what it returned (None: stopped)
    task_failed = Signal(int, str)  # task, why

    def __init__(self, model=None):
        super().__init__()
        self.model = model
        self.cancelled_up_to = 0  # jobs with an id <= this stop at the next batch
        self.tasks_cancelled_up_to = 0  # the same for tasks (run_task)
        self.profile = None  # the lab's active microscope profile (set_profile)
        self.device_preference: str | None = None  # auto / cpu / gpu (Preferences); None: XINCEPT_DEVICE or auto
        self._warm = False

    @Slot(str)
    def load_model(self, folder: str) -> None:
        """Verify and load the bundle in ``folder`` and its exported runtime; report the device it runs on."""
        if not (Path(folder) / "manifest.json").is_file():
            self.model_failed.emit(translate("Worker", "No model found in %1 (manifest.json is missing). Start with "
                                                       "--model DIR or set XINCEPT_MODEL_DIR.").replace("%1", folder))
            return
        try:
            from ..core.model.runtime import RuntimeModel

            model = RuntimeModel.load(Path(folder), device=self.device_preference)
        except Exception as exc:  # every failure becomes a message in the window, never a crash
            self.model_failed.emit(_describe_load_error(exc, folder))
            return
        self.set_model(model)

    @Slot(object)
    def set_model(self, model) -> None:
        """Use a loaded model: run one blank batch here, in the thread that owns it, then announce it."""
        self.device_found.emit(detect_device(model))
        if self._trace(model):
            self.model = model
            self.model_ready.emit(model)

    @Slot(object)
    def set_profile(self, profile) -> None:
        """The lab's active microscope profile (or None), used where the ruler cannot read an image's scale."""
        self.profile = profile

    @Slot(int, object)
    def analyse(self, job: int, paths: list) -> None:
        """Analyse ``paths`` as job ``job``, emitting one result per path (errors included)."""
        if self.model is None or self._cancelled(job):
            self.job_finished.emit(job, True)
            return
        self._warm_up()
        from ..core.pipeline import analyse

        paths = [Path(p) for p in paths]
        self.batch_started.emit(job, paths[:GUI_BATCH_SIZE])
        batch: list = []

        def on_progress(done: int, total: int) -> None:  # called after each batch's results were yielded
            self.batch_done.emit(job, list(batch))
            batch.clear()
            self.progress.emit(job, done, total)
            if done < total:
                self.batch_started.emit(job, paths[done:done + GUI_BATCH_SIZE])

        for result in analyse(paths, self.model, progress=on_progress, should_stop=lambda: self._cancelled(job),
                              batch_size=GUI_BATCH_SIZE, profile=self.profile):
            self.result_ready.emit(job, result)
            batch.append(result)
        self.job_finished.emit(job, self._cancelled(job))

    @Slot(int, object)
    def run_task(self, task: int, work) -> None:
        """Run ``work(model, profile, progress, should_stop)`` here, in the thread that owns the model (long work
        such as a verification study or a site adaptation, queued behind analyses, never on the GUI thread)."""
        if self.model is None:
            self.task_failed.emit(task, translate("Worker", "The model is not loaded yet."))
            return
        try:
            result = work(self.model, self.profile, lambda done, total: self.task_progress.emit(task, done, total),
                          lambda: task <= self.tasks_cancelled_up_to)
        except Exception as exc:  # a refusal (bad lab data) or a fault: a message, never a crash
            from ..errors import XinceptError

            self.task_failed.emit(task, str(exc) if isinstance(exc, XinceptError) else f"{type(exc).__name__}: {exc}")
            return
        self.task_finished.emit(task, None if task <= self.tasks_cancelled_up_to else result)

    def _trace(self, model) -> bool:
        """Run one blank batch so the network is traced here, before any image (first analysis is not slow)."""
        try:
            model.warm_up()
        except Exception as exc:  # a model that cannot run is reported like one that cannot load
            self.model_failed.emit(translate("Worker", "The model loaded but could not run: %1")
                                   .replace("%1", f"{type(exc).__name__}: {exc}"))
            return False
        return True

    def _cancelled(self, job: int) -> bool:
        return job <= self.cancelled_up_to

    def _warm_up(self) -> None:
        """Import what the UI will need for heat maps here, so its first overlay does not stall the UI."""
        if not self._warm:
            import cv2  # noqa: F401
            from matplotlib import colormaps  # noqa: F401

            self._warm = True


def detect_device(model=None) -> str:
    """The device the model runs on, e.g. 'CPU (openvino 2026.4.1)'; a model that does not say runs on the CPU."""
    return getattr(model, "device_label", None) or "CPU"


def _describe_load_error(exc: Exception, folder: str) -> str:
    from ..errors import XinceptError

    if isinstance(exc, XinceptError):
        return translate("Worker", "The model could not be loaded: %1").replace("%1", str(exc))
    return translate("Worker", "The model in %1 could not be loaded (%2)").replace("%1", str(folder)) \
        .replace("%2", f"{type(exc).__name__}: {exc}")


class WorkerController(QObject):
    """Owns the worker thread: starts it, sends it jobs, cancels them and shuts it down."""

    _load_requested = Signal(str)
    _model_given = Signal(object)
    _analyse_requested = Signal(int, object)
    _profile_given = Signal(object)
    _task_requested = Signal(int, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("xincept-worker")
        self.thread.setStackSize(WORKER_STACK_BYTES)
        self.worker = AnalysisWorker()
        self.worker.moveToThread(self.thread)
        self._load_requested.connect(self.worker.load_model)
        self._model_given.connect(self.worker.set_model)
        self._analyse_requested.connect(self.worker.analyse)
        self._profile_given.connect(self.worker.set_profile)
        self._task_requested.connect(self.worker.run_task)
        self.thread.finished.connect(self.worker.deleteLater)
        self._next_job = 0
        self._next_task = 0
        self.thread.start()

    def load_model(self, folder: Path) -> None:
        """Ask the worker to load the bundle in ``folder``."""
        self._load_requested.emit(str(folder))

    def use_model(self, model) -> None:
        """Hand an already loaded model to the worker."""
        self._model_given.emit(model)

    def use_device(self, device: str | None) -> None:
        """Where the next model load runs it (auto / cpu / gpu); read by the worker when it loads."""
        self.worker.device_preference = device

    def use_profile(self, profile) -> None:
        """Analyses queued from now on use this microscope profile (``None``: the ruler alone)."""
        self._profile_given.emit(profile)

    def analyse(self, paths: list[Path]) -> int:
        """Queue an analysis job and return its id."""
        self._next_job += 1
        self._analyse_requested.emit(self._next_job, [str(p) for p in paths])
        return self._next_job

    def run_task(self, work) -> int:
        """Queue ``work(model, profile, progress, should_stop)`` on the worker; return the task's id."""
        self._next_task += 1
        self._task_requested.emit(self._next_task, work)
        return self._next_task

    def cancel_task(self, task: int) -> None:
        """Stop ``task`` (and any earlier one) at its next check."""
        self.worker.tasks_cancelled_up_to = max(self.worker.tasks_cancelled_up_to, task)

    def cancel_all(self) -> None:
        """Stop every queued and running job at its next batch boundary."""
        self.worker.cancelled_up_to = self._next_job

    def shutdown(self, timeout_ms: int = 4000) -> bool:
        """Cancel everything and stop the thread; False when it is still busy (a model load) after the wait."""
        if not self.thread.isRunning():
            return True
        self.cancel_all()
        self.cancel_task(self._next_task)  # a running study or adaptation stops at its next check
        self.thread.quit()
        if self.thread.wait(timeout_ms):
            return True
        _STILL_RUNNING.append(self.thread)  # never destroyed while running (Qt aborts); it ends with the process
        return False


_STILL_RUNNING: list[QThread] = []  # worker threads a closed window could not wait for (inside a model load)
