"""The main window: wires the image list, viewer, panels and the worker together (no analysis code here)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMenu, QScrollArea, QStackedWidget,
                               QVBoxLayout, QWidget)

from ..config import APP_NAME
from ..core.case_summary import summarise_case
from . import settings as preferences_store
from .actions import build_menus, build_toolbar, create_actions
from .analysis_controller import AnalysisController
from .background import BackgroundJob
from .case_panel import CasePanel, disclaimer as case_disclaimer
from .case_actions import CaseActions
from .case_session import CaseSession
from .empty_state import EmptyState, no_images_message
from .heat_cache import HeatCache, ImageCache
from .heat_controls import HeatControls
from .image_list import ANALYSING, ERROR, QUEUED, ImageList
from .progress import AnalysisProgress
from .gc_guard import collect_on_gui_thread
from .result_panel import ResultPanel, heat_class
from .view_loader import ViewLoader
from .viewer import ImageViewer
from .window_accounts import AccountsMixin
from . import window_state
from .window_guards import CaseGuardMixin
from .window_reports import ReportMixin
from .worker import WorkerController

IMAGE_PATTERNS = "*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.gif *.heic *.HEIC *.heif *.avif *.jp2 *.j2k"
BANNER_ERROR = "background: #fde2e1; color: #8a0010; padding: 6px; font-weight: bold;"


class MainWindow(AccountsMixin, CaseGuardMixin, ReportMixin, QMainWindow):
    """One case at a time. ``start()`` begins loading the model in the worker thread."""

    def __init__(self, model_dir: Path, model=None):
        super().__init__()
        collect_on_gui_thread()
        self.setWindowTitle(self.tr("%1 Desktop \u2014 ALL subtyping decision support").replace("%1", APP_NAME))
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.model_dir, self.model = Path(model_dir), None
        self._given_model = model
        self.prefs = preferences_store.load_preferences()
        self.results: dict[Path, object] = {}
        self.current: Path | None = None
        self.worker_stuck = False
        self._closed = False
        self.heat_cache = HeatCache()
        self.image_cache = ImageCache()
        self.view_loader = ViewLoader(self)
        self.controller = WorkerController(self)
        self.controller.use_profile(self.prefs.profile)
        self.controller.use_device(self.prefs.device)
        self.case = CaseSession(self)
        self.analysis = AnalysisController(self.controller, self.case, self)  # jobs, saving, cancelling
        self.case_actions = CaseActions(self, self.case)
        self._build_widgets()
        self._build_chrome()
        self._connect()
        self._set_model_state(ready=False)
        self._update_case_actions()

    # --- construction --------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.image_list = ImageList()
        self.viewer = ImageViewer()
        for target in (self.viewer, self.viewer.viewport()):  # a graphics view takes drops and ignores them: let
            target.setAcceptDrops(False)                        # them reach the window, which opens them
        self.controls = HeatControls(self.prefs.opacity, self.prefs.colormap, self.prefs.cam_method)
        self.viewer.set_heat_opacity(self.controls.opacity)
        self.result_panel = ResultPanel()
        self.case_panel = CasePanel()
        self.progress = AnalysisProgress()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_ERROR)
        self.banner.setVisible(False)
        disclaimer = QLabel(case_disclaimer())
        disclaimer.setWordWrap(True)  # a narrow centre wraps it instead of pushing the window wider
        disclaimer.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 3px;")
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.banner, disclaimer):
            column.addWidget(widget)
        self.empty_state = EmptyState()
        self.viewer_stack = QStackedWidget()  # the hint while no image is listed, else the viewer
        self.viewer_stack.addWidget(self.empty_state)
        self.viewer_stack.addWidget(self.viewer)
        column.addWidget(self.viewer_stack, 1)
        self.setCentralWidget(centre)

    def _build_chrome(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.docks = [self._dock("Images", self.tr("Images"), self.image_list, left),
                      self._dock("Result", self.tr("Result"), scrolling(self.result_panel), right),
                      self._dock("Case summary", self.tr("Case summary"), scrolling(self.case_panel), right),
                      self._dock("Heat map", self.tr("Heat map"), scrolling(self.controls), left)]
        self.actions = create_actions(self, self._action_targets())
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        build_menus(self, self.actions, self.recent_menu, self.docks)
        build_toolbar(self, self.actions)
        self.device_label = QLabel(self.tr("Device: %1").replace("%1", "\u2026"))
        self.model_label = QLabel(self.tr("Model: loading\u2026"))
        self.zoom_label = QLabel()
        self.zoom_label.setToolTip(self.tr("Zoom of the image (100 %: one image pixel per screen pixel)"))
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.model_label)
        self.statusBar().addPermanentWidget(self.device_label)
        window_state.restore(self)

    def _action_targets(self) -> dict:
        """Actions connected straight to the object that does the work (the rest trigger ``on_<name>`` here).
        QAction signals are emitted on the GUI thread, so the two lambdas (an argument) run there."""
        cases, viewer, images = self.case_actions, self.viewer, self.image_list
        return {"open_case": cases.open_case, "case_details": cases.edit_details, "remove_image": cases.remove_image,
                "override_class": cases.override, "sign_off": cases.sign_off, "reopen_case": cases.reopen,
                "export_case_csv": lambda: cases.export("csv"), "export_case_json": lambda: cases.export("json"),
                "export_pdf": lambda: self._report("pdf"), "print": lambda: self._report("print"),
                "zoom_in": viewer.zoom_in, "zoom_out": viewer.zoom_out, "fit": viewer.fit,
                "actual_size": viewer.actual_size, "toggle_heat": None,  # its ``toggled``, in ``_connect``
                "next_image": images.select_next, "previous_image": images.select_previous}

    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        """A dock; ``name`` (English, never translated) keys its saved place, ``title`` is what the user reads."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        worker = self.controller.worker
        worker.model_ready.connect(self._on_model_ready)
        worker.model_failed.connect(self._on_model_failed)
        worker.device_found.connect(self._on_device_found)
        analysis = self.analysis
        analysis.run_grew.connect(self._on_run_grew)
        analysis.batch_started.connect(self._on_batch_started)
        analysis.result_ready.connect(self._on_result)
        analysis.job_unfinished.connect(self._on_job_unfinished)
        analysis.run_finished.connect(self._on_run_finished)
        analysis.save_failed.connect(self._on_case_save_failed)
        analysis.idle.connect(self._on_analysis_idle)
        self.progress.cancel_requested.connect(self.on_cancel)
        self.image_list.image_selected.connect(self.show_image)
        self.case_panel.review_selected.connect(self.image_list.select)
        self.controls.changed.connect(self._update_heat)
        self.viewer.zoom_changed.connect(self._on_zoom_changed)
        self.viewer.step_requested.connect(self._on_step_requested)
        self.controls.opacity_changed.connect(self.viewer.set_heat_opacity)
        self.controls.visibility_changed.connect(self._on_heat_visibility)
        self.actions["toggle_heat"].toggled.connect(self.controls.show_box.setChecked)
        self.case.changed.connect(self._update_case_actions)
        self.case.saved.connect(self._on_case_saved)
        self.case.save_failed.connect(self._on_case_save_failed)
        self.empty_state.open_images.clicked.connect(self.actions["open"].trigger)
        self.empty_state.open_folder.clicked.connect(self.actions["open_folder"].trigger)

    # --- model ---------------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the model in the worker (or hand it the model given to the constructor)."""
        if self._given_model is not None:
            self.controller.use_model(self._given_model)
        else:
            self.statusBar().showMessage(self.tr("Loading the model from %1\u2026").replace("%1", str(self.model_dir)))
            self.controller.load_model(self.model_dir)

    @Slot(object)
    def _on_model_ready(self, model) -> None:
        if self._closed:  # late signals of a closing window: its case store is closed
            return
        self.model = model
        self.model_dir = Path(model.folder) if getattr(model, "folder", None) else self.model_dir
        self.model_label.setText(self.tr("Model: %1").replace("%1", model.version_label))
        self.result_panel.set_model_version(model.version_label)
        self.statusBar().showMessage(self.tr("Model ready"), 5000)
        self._set_model_state(ready=True)
        self.analysis.set_model(model)  # images opened while it loaded are analysed now

    @Slot(float)
    def _on_zoom_changed(self, scale: float) -> None:
        self.zoom_label.setText(self.tr("Zoom: %1").replace("%1", f"{scale:.0%}") if self.viewer.has_image() else "")

    @Slot(int)
    def _on_step_requested(self, step: int) -> None:
        (self.image_list.select_next if step > 0 else self.image_list.select_previous)()

    @Slot(str)
    def _on_device_found(self, text: str) -> None:
        self.device_label.setText(self.tr("Device: %1").replace("%1", text))

    @Slot(str)
    def _on_model_failed(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.setVisible(True)
        self.model_label.setText(self.tr("Model: not available"))
        self.result_panel.set_model_version(self.tr("not available"))
        self.statusBar().showMessage(self.tr("The model could not be loaded; images can be viewed but not analysed"))

    def _set_model_state(self, ready: bool) -> None:
        self.actions["analyse"].setEnabled(ready)
        self.actions["cancel"].setEnabled(False)
        self.apply_permissions()

    # --- opening -------------------------------------------------------------------------------------
    def on_open(self) -> None:
        kinds = self.tr("Images (%1)").replace("%1", IMAGE_PATTERNS) + ";;" + self.tr("All files (*)")
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Open images"), "", kinds)
        if files:
            self.open_paths([Path(f) for f in files])

    def on_open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open folder"))
        if folder:
            self.open_paths([Path(folder)])

    def open_paths(self, paths: list[Path]) -> list[Path]:
        """Add the images found under ``paths`` to the case and analyse them when the model is ready.

        A signed case on screen is never added to: the user starts a new case with the images, re-opens this
        case with a reason, or cancels (nothing is added)."""
        from ..core.imaging import scan_paths
        from ..core.pipeline import ImageResult

        scan = scan_paths(paths)
        if not self._may_add(len(scan.files) + len(scan.problems)):
            return []
        preferences_store.add_recent([Path(p) for p in paths])
        added = self.image_list.add_paths(scan.files)
        for path, reason in scan.problems:
            self.image_list.add_problem(path, reason)
            self.results[path] = ImageResult(path, error=reason)
        self._refresh_summary()
        if self.image_list.currentItem() is None and self.image_list.count():
            self.image_list.setCurrentRow(0)
        self._update_empty_state()
        if not scan.files:  # last, so that it is the status bar's message (a failed image shown writes one)
            self._report_no_images([Path(p) for p in paths], scan.problems)
        self.analysis.queue(added)
        return added

    def _report_no_images(self, paths: list[Path], problems: list) -> None:
        """Nothing to show: say so in the status bar and under the empty-state hint, with what was skipped."""
        message = no_images_message(paths, problems)
        self.statusBar().showMessage(message, 15000)
        self.empty_state.set_notice(message)

    def _update_empty_state(self) -> None:
        """The hint stands in for the viewer while no listed image can be shown (none, or only failed ones)."""
        images = [p for p in self.image_list.paths() if self.image_list.status(p) != ERROR]
        self.viewer_stack.setCurrentWidget(self.viewer if images else self.empty_state)
        if images:
            self.empty_state.set_notice("")

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in preferences_store.recent_paths():
            self.recent_menu.addAction(str(path), lambda p=path: self.open_paths([p]))
        self.recent_menu.setEnabled(True)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # --- analysis (the bookkeeping is in ``self.analysis``; here only what the window shows) ------------
    def on_analyse(self) -> None:
        in_flight = self.analysis.in_flight()
        todo = [p for p in self.image_list.paths() if self.image_list.status(p) == QUEUED and p not in in_flight]
        if todo and self.case.signed:
            self._analyse_beside_signed(todo)
            return
        self.analysis.analyse(todo)

    @Slot(int)
    def _on_run_grew(self, total: int) -> None:
        self.progress.start(total)
        self.actions["cancel"].setEnabled(True)

    @Slot(object)
    def _on_batch_started(self, paths: list) -> None:
        self.image_list.set_status(paths, ANALYSING)

    @Slot(object, int)
    def _on_result(self, result, done: int) -> None:
        self.results[result.path] = result
        self.image_list.set_result(result)
        self.progress.update_done(done)
        self._refresh_summary()
        self._update_empty_state()
        if result.path == self.current:
            self.show_image(result.path)

    @Slot(object)
    def _on_job_unfinished(self, paths: list) -> None:
        self.image_list.set_status(paths, QUEUED)

    @Slot(bool)
    def _on_run_finished(self, cancelled: bool) -> None:
        self.progress.finish()
        self.actions["cancel"].setEnabled(False)
        self.statusBar().showMessage(self.tr("Analysis cancelled") if cancelled else self.tr("Analysis finished"), 5000)

    @Slot(bool)
    def _on_analysis_idle(self, stopped: bool) -> None:
        """Every job ended and its results are stored: after a stop, the case records the images left waiting."""
        if stopped:
            self._record_waiting("analysis stopped")

    def on_cancel(self) -> None:
        if self.analysis.cancel():
            self.progress.cancelling()

    def _refresh_summary(self) -> None:
        reviewed = self.case.reviewed_classes()  # reviewers' classes count instead of the model's
        results = [self.results.get(p) or _Queued(p) for p in self.image_list.paths()]
        reasons = self.case.review_reasons()
        self.case_panel.show_summary(summarise_case(results, reviewed_class=lambda r: reviewed.get(Path(r.path)),
                                                    excluded_reason=lambda r: reasons.get(Path(r.path), "")))

    def on_new_case(self) -> None:
        if self._ask_when_busy(self.tr("New Case"), self.on_new_case):
            self._start_new_case()

    def _start_new_case(self) -> None:
        """Forget everything case-level in the window: images, results, the stored case and its header."""
        self._clear_view()
        self.case.new_case()
        self.empty_state.set_notice("")
        self.refresh_case_view()

    def _clear_view(self) -> None:
        self.analysis.clear()
        self.progress.finish()
        self.results.clear()
        self.heat_cache.clear()
        self.image_cache.clear()
        self.image_list.clear_case()
        self.current = None
        self.show_image(None)
        self._refresh_summary()

    # --- viewing -------------------------------------------------------------------------------------
    def show_image(self, path: Path | None) -> None:
        """Show ``path`` in the viewer with its result (if any) and heat map. The picture is decoded and the heat
        map rendered in background threads (``view_loader``): the UI thread only swaps what is ready."""
        if path != self.current or not self.viewer.has_image():
            self.current = path
            self._show_picture(path)
        result = self.results.get(path) if path is not None else None
        if result is not None:
            image = self.case.image_for(path)
            self.result_panel.show_result(result, image.review if image is not None and image.overridden else None)
        elif path is not None:
            self.result_panel.show_pending(path, self.image_list.status(path) or QUEUED)
        else:
            self.result_panel.show_result(None)
        self._update_heat()
        self._update_empty_state()

    def _show_picture(self, path: Path | None) -> None:
        """The decoded picture at once when it is cached, else nothing until the background decoding is done (an
        image is never shown beside another image's result)."""
        cached = self.image_cache.get(Path(path)) if path is not None else None
        self.viewer.set_image(cached.full if cached else None, cached.preview if cached else None)
        if path is not None and cached is None:
            self.view_loader.request_image(path, self._on_picture_decoded)

    def _on_picture_decoded(self, path: Path, picture, error) -> None:
        if self._closed:
            return
        if error is not None:
            from .background import describe_error

            if path == self.current:
                self.statusBar().showMessage(f"{path.name}: {describe_error(error)}", 8000)
            return
        self.image_cache.put(path, picture)
        if path == self.current:
            self.viewer.set_image(picture.full, picture.preview)
            self._update_heat()
            self._update_empty_state()

    def _update_heat(self) -> None:
        result = self.results.get(self.current) if self.current is not None else None
        self.viewer.set_tiles(result.tile_boxes if result is not None and result.ok else [])
        class_name = heat_class(result, self.controls.class_name)  # by default the head's class: what it explains
        method = self.controls.method
        if result is None or not result.ok or not self.viewer.has_image() or not has_maps(result, method):
            self.result_panel.show_heat_class(result, None)
            self.viewer.set_heat(None)
            return
        self.result_panel.show_heat_class(result, class_name)
        coloured = self.heat_cache.coloured(result, class_name, method, self.controls.colormap)
        self.viewer.set_heat(coloured)  # None until the background rendering is done
        self.viewer.set_heat_opacity(self.controls.opacity)
        if coloured is None:
            self.view_loader.request_heat(result, class_name, method, self.controls.colormap, self._on_heat_rendered)

    def _on_heat_rendered(self, result, class_name: str, method: str, rendered, error) -> None:
        if self._closed or error is not None or rendered is None:
            if error is not None and not self._closed:
                self.statusBar().showMessage(self.tr("The heat map could not be made: %1").replace("%1", str(error)),
                                             8000)
            return
        if self.results.get(Path(result.path)) is not result:  # the case changed meanwhile
            return
        heat, colormap, coloured = rendered
        self.heat_cache.put_heat(result, class_name, method, heat, {colormap: coloured})
        if Path(result.path) == self.current:
            self._update_heat()

    def _on_heat_visibility(self, visible: bool) -> None:
        self.viewer.set_heat_visible(visible)
        self.actions["toggle_heat"].setChecked(visible)

    # --- dialogs -------------------------------------------------------------------------------------
    def on_preferences(self) -> None:
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self.prefs, self, active_model=self.model_dir)
        if dialog.exec():
            self.apply_preferences(dialog.preferences())
            if dialog.model_chooser.changed():
                self.switch_model(dialog.model_chooser.selected())

    def switch_model(self, folder: Path) -> None:
        """Make the bundle in ``folder`` the active model (loaded in the worker), remembered and audited."""
        from .model_chooser import ModelSwitch

        self._model_switch = ModelSwitch(self, Path(folder))

    def on_verification_study(self) -> None:
        from .lab_tasks import start_verification

        self._lab_task = start_verification(self)

    def on_site_adaptation(self) -> None:
        from .lab_tasks import start_adaptation

        self._lab_task = start_adaptation(self)

    def apply_preferences(self, prefs: preferences_store.Preferences) -> None:
        """Store ``prefs``; a heat-map default that was changed in the dialog also applies on screen, the others
        leave the live heat-map settings as the user set them (OK changes only what the dialog shows)."""
        before, self.prefs = self.prefs, prefs
        preferences_store.save_preferences(prefs)
        self.controller.use_profile(prefs.profile)
        if prefs.opacity != before.opacity:
            self.controls.opacity_slider.setValue(round(prefs.opacity * 100))
        if prefs.colormap != before.colormap:
            self.controls.colormap_box.setCurrentIndex(self.controls.colormap_box.findData(prefs.colormap))
        if prefs.cam_method != before.cam_method:
            self.controls.method_box.setCurrentIndex(self.controls.method_box.findData(prefs.cam_method))

    def on_about(self) -> None:
        from .help import about_dialog

        version = self.model.version_label if self.model is not None else self.tr("not loaded")
        about_dialog(version, self.model_dir, self).exec()

    def on_user_guide(self) -> None:
        from .help import user_guide_dialog

        user_guide_dialog(self).exec()

    def on_shortcuts(self) -> None:
        from .help import shortcuts_dialog

        shortcuts_dialog(self.actions, self).exec()

    def on_model_card(self) -> None:
        from .help import model_card_dialog

        model_card_dialog(self.model_dir, self).exec()

    # --- stored cases (logic in case_session) ----------------------------------------------------------
    def _on_case_saved(self, case_id: int, _count: int) -> None:
        if self._closed:  # late signals of a closing window: its case store is closed
            return
        if case_id == self.case.case_id:  # a stored batch: new images carry no review yet, the view has them
            self._refresh_case_header()

    def _on_case_save_failed(self, message: str) -> None:
        if self._closed:  # late signals of a closing window: its case store is closed
            return
        self.statusBar().showMessage(self.tr("Results not saved to the case: %1").replace("%1", message), 10000)

    def show_case(self, record) -> None:
        """Show a stored case's results as they were saved (nothing is analysed again)."""
        self._clear_view()
        self.image_list.add_paths([Path(image.path) for image in record.images] + list(self.case.not_analysed))
        for result in record.results:
            self.results[Path(result.path)] = result
            self.image_list.set_result(result)
        if self.image_list.count():
            self.image_list.setCurrentRow(0)
        self.refresh_case_view()

    def show_file_problems(self, problems: list) -> None:
        if problems:
            self.statusBar().showMessage(self.tr("\u26a0 %1 image file(s) moved or changed since analysis; their "
                                                 "stored results are not current").replace("%1", str(len(problems))),
                                         15000)
        self.refresh_case_view()

    def refresh_case_view(self) -> None:
        """Reviewed classes in the list and result panel, and the case status in the case panel."""
        for path in self.image_list.paths():
            image = self.case.image_for(path)
            self.image_list.set_reviewed(path, image.reviewed_class if image and image.overridden else None)
        self._refresh_case_header()
        self._refresh_summary()
        self.show_image(self.current)

    def _refresh_case_header(self) -> None:
        """The case status, conclusion and the Case actions (all a stored batch can change)."""
        waiting = [] if self.analysis.busy else self.waiting_images()
        text = self.case.status_text(waiting)
        self.case_panel.set_case_status(text, warning=bool(self.case.file_problems) or "\u26a0" in text)
        fields = self.case.fields()
        self.case_panel.set_conclusion(fields.conclusion, fields.comments)
        self._update_case_actions()

    def _update_case_actions(self) -> None:
        if self.case.closed:  # the window is closing: its case database is closed, nothing may be asked of it
            for name in ("case_details", "remove_image", "override_class", "sign_off", "reopen_case",
                         "export_case_csv", "export_case_json"):
                self.actions[name].setEnabled(False)
            return
        stored, signed = self.case.case_id is not None, self.case.signed
        self.actions["case_details"].setEnabled(True)  # read-only on a signed case
        self.actions["remove_image"].setEnabled(not signed)
        self.actions["override_class"].setEnabled(stored and not signed)
        self.actions["sign_off"].setEnabled(stored and not signed and not self.case.saving)
        self.actions["reopen_case"].setEnabled(signed)
        self.actions["export_case_csv"].setEnabled(stored)
        self.actions["export_case_json"].setEnabled(stored)
        self.apply_permissions()  # what the signed-in role may not do stays disabled, with the reason

    def on_quit(self) -> None:
        if self._ask_when_busy(self.tr("Quit"), self.close):
            self.close()

    def closeEvent(self, event) -> None:
        """The window's close button asks while images are analysed (like Quit); a close() from code does not."""
        if not self._closed and event.spontaneous() and not self._ask_when_busy(self.tr("Quit"), self.close):
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            window_state.save(self)
            self.image_list.thumbnails.stop()
            self.worker_stuck = not self.controller.shutdown(4000)
            if not self.worker_stuck:  # the batch finished while stopping is stored too
                QCoreApplication.sendPostedEvents(self.analysis, 0)
            self.analysis.close()
            if self.idle_lock is not None:
                self.idle_lock.stop()
            BackgroundJob.stop_children(self)  # reports being made: let them finish, show nothing
            self.case.close()  # waits for analyses still being stored
        event.accept()


class _Queued:
    """Stand-in for an image not analysed yet (counts toward the total only)."""

    def __init__(self, path: Path):
        self.path, self.error, self.label, self.confidence, self.in_domain = path, None, None, None, None


def has_maps(result, method: str) -> bool:
    """Whether ``result`` has ``method``'s maps, without reading a stored case's maps on the UI thread (those not
    read yet count as present: the background rendering reads them)."""
    from ..core.cases.lazy_heatmaps import StoredHeatmaps

    cams = result.cams
    return True if isinstance(cams, StoredHeatmaps) and not cams.loaded else method in cams


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area, so a short dock scrolls instead of drawing its rows over each other."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area
