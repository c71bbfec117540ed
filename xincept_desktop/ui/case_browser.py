"""Case browser: a dialog listing stored cases, searchable by patient id, name and date; returns a case id.

Usage from the main window::

    case_id = CaseBrowser.choose(store, parent=self)   # None when cancelled
    if case_id is not None:
        record = store.load_case(case_id)

``store`` is anything with ``list_cases(search, date_from, date_to, limit)`` returning
:class:`~xincept_desktop.core.cases.CaseListEntry` rows (normally a ``CaseStore``). When it can
``verify_signatures()``, Check Signatures recomputes every signed case's content hash and marks the cases whose
content no longer matches their electronic signature.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..errors import CaseStoreError

COLUMNS = (QT_TRANSLATE_NOOP("CaseBrowser", "Patient ID"), QT_TRANSLATE_NOOP("CaseBrowser", "Patient name"),
           QT_TRANSLATE_NOOP("CaseBrowser", "Collection date"), QT_TRANSLATE_NOOP("CaseBrowser", "Specimen"),
           QT_TRANSLATE_NOOP("CaseBrowser", "Images"), QT_TRANSLATE_NOOP("CaseBrowser", "Status"),
           QT_TRANSLATE_NOOP("CaseBrowser", "Last change"))
CASE_ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 250
DEFAULT_LIMIT = 1000


def local_time(iso_utc: str) -> str:
    """An ISO UTC time as local ``YYYY-MM-DD HH:MM`` (the text itself when it cannot be read)."""
    try:
        return datetime.fromisoformat(iso_utc).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return iso_utc or ""


MISMATCH = QT_TRANSLATE_NOOP("CaseBrowser", "SIGNATURE MISMATCH \u2014 ")


def row_texts(entry, mismatched: frozenset = frozenset()) -> list[str]:
    """The cells of one case row, in :data:`COLUMNS` order (``mismatched``: case ids whose signature failed)."""
    translate = QCoreApplication.translate
    status = translate("CaseBrowser", "signed by %1").replace("%1", str(entry.signed_by)) if entry.signed_at else \
        translate("CaseBrowser", "open")
    if entry.case_id in mismatched:
        status = translate("CaseBrowser", MISMATCH) + status  # first, so a narrow column still shows it
    return [entry.patient_id, entry.patient_name, entry.collection_date, entry.specimen_id,
            str(entry.image_count), status, local_time(entry.updated_at)]


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CaseBrowser(QDialog):
    """Lists cases newest first; typing in the search box or changing the dates filters the list."""

    def __init__(self, store, parent=None, limit: int = DEFAULT_LIMIT):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open case"))
        self.resize(820, 480)
        self._store = store
        self._limit = limit
        self._build_filters()
        self._build_table()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.mismatched: frozenset = frozenset()
        self.check_button = None
        if hasattr(store, "verify_signatures"):
            self.check_button = self.buttons.addButton(self.tr("Check Signatures"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
            self.check_button.setToolTip(self.tr("Recompute every signed case's content hash and mark those that no "
                                                 "longer match their signature"))
            self.check_button.clicked.connect(self.check_signatures)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        for widget in (self.date_from, self.date_to):
            widget.dateChanged.connect(self.refresh)
        self.use_dates.toggled.connect(self._on_dates_toggled)
        self.refresh()

    def _build_filters(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Patient ID or name"), clearButtonEnabled=True)
        self.use_dates = QCheckBox(self.tr("Collection date from"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(today, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self._filters = QHBoxLayout()
        self._filters.addWidget(self.search, 1)
        for widget in (self.use_dates, self.date_from, QLabel(self.tr("to")), self.date_to):
            self._filters.addWidget(widget)
        self._on_dates_toggled(False)

    def _build_table(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # store order until clicked
        self.table.itemSelectionChanged.connect(self._update_open_button)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())

    def _on_dates_toggled(self, enabled: bool) -> None:
        self.date_from.setEnabled(enabled)
        self.date_to.setEnabled(enabled)
        if hasattr(self, "table"):
            self.refresh()

    def date_range(self) -> tuple[date | None, date | None]:
        """The chosen (inclusive) collection-date range, or ``(None, None)`` when dates are not used."""
        if not self.use_dates.isChecked():
            return None, None
        return _to_date(self.date_from.date()), _to_date(self.date_to.date())

    def refresh(self) -> None:
        """Query the store with the current filters and show the rows (or why there are none)."""
        self._timer.stop()
        date_from, date_to = self.date_range()
        try:
            entries = self._store.list_cases(self.search.text(), date_from, date_to, self._limit)
        except CaseStoreError as exc:
            self._fill([])
            self.status.setText(self.tr("Cannot list cases: %1").replace("%1", str(exc)))
            return
        self._fill(entries)
        shown = len(entries)
        count = self.tr("1 case") if shown == 1 else self.tr("%1 cases").replace("%1", str(shown))
        self.status.setText(self.tr("No case matches.") if not shown else
                            count + (self.tr(" (first %1 shown)").replace("%1", str(self._limit))
                                     if shown >= self._limit else ""))

    def check_signatures(self) -> None:
        """Recompute the signed cases' hashes; mark and count those that no longer match."""
        try:
            checks = self._store.verify_signatures()
        except CaseStoreError as exc:
            self.status.setText(self.tr("Cannot check the signatures: %1").replace("%1", str(exc)))
            return
        self.mismatched = frozenset(check.case_id for check in checks if not check.ok)
        self.refresh()
        for name in ("Images", "Status"):  # room for the mark, taken from the wide image-count column
            self.table.resizeColumnToContents(COLUMNS.index(name))
        outcome = (self.tr("%1 no longer match their signature (marked)").replace("%1", str(len(self.mismatched)))
                   if self.mismatched else self.tr("all match their signature"))
        self.status.setText(self.tr("%1 signed case(s) checked: %2").replace("%1", str(len(checks)))
                            .replace("%2", outcome))
        self.status.setStyleSheet("color: #a61b1b; font-weight: bold;" if self.mismatched else "")

    def _fill(self, entries) -> None:
        from PySide6.QtGui import QColor

        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(row_texts(entry, self.mismatched)):
                item = QTableWidgetItem(text)
                item.setData(CASE_ID_ROLE, entry.case_id)
                if entry.case_id in self.mismatched:
                    item.setForeground(QColor("#a61b1b"))
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        for name in ("Collection date", "Last change"):  # dates and times whole, in any language's header width
            self.table.resizeColumnToContents(COLUMNS.index(name))
        if entries:
            self.table.selectRow(0)
        self._update_open_button()

    def _update_open_button(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(self.selected_case_id() is not None)

    def selected_case_id(self) -> int | None:
        """The id of the selected case, or ``None``."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(CASE_ID_ROLE)

    def accept(self) -> None:
        if self.selected_case_id() is not None:
            super().accept()

    @classmethod
    def choose(cls, store, parent=None) -> int | None:
        """Show the browser modally; the chosen case id, or ``None`` when cancelled."""
        dialog = cls(store, parent)
        try:
            return dialog.selected_case_id() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
