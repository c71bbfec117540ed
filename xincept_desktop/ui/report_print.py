"""Printing a report: the very PDF that Export writes (one renderer, reportlab), never a second drawing of it.

The PDF is rendered once in a background job (``report_dialog``). Then, on the UI thread:

* where QtPdf (PySide6-Addons) is installed, the job has also rasterised its pages at :data:`PRINT_DPI` and a
  print preview paints those page images;
* otherwise a print dialog asks where to print: "Print to file (PDF)" writes the same PDF bytes to the chosen file;
  a printer gets the same PDF through CUPS (``lp``), in a background job.

Usage::

    pages = rasterise(pdf_bytes)                       # in the background job: QImages, or None without QtPdf
    print_pdf(parent, pdf_bytes, pages, title, on_printed)   # on_printed(target) once printed or spooled
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QDialog, QMessageBox

from .background import BackgroundJob, describe_error

PRINT_DPI = 300  # page images for printing are never finer than this


def rasterise(pdf: bytes, dpi: int = PRINT_DPI) -> list[QImage] | None:
    """The PDF's pages as images at ``dpi`` (at most :data:`PRINT_DPI`) with QtPdf; None when QtPdf is absent.
    Safe off the UI thread (no widgets)."""
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QSize
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    dpi = min(int(dpi), PRINT_DPI)
    buffer = QBuffer(QByteArray(pdf))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    images = []
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        images.append(document.render(page, QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))))
    return images


def paint_pages(printer, pages: list[QImage]) -> None:
    """Draw page images on ``printer``, one per sheet, scaled to the printable area."""
    painter = QPainter(printer)
    try:
        for index, image in enumerate(pages):
            if index:
                printer.newPage()
            target = QRectF(painter.viewport())
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()


def print_pdf(parent, pdf: bytes, pages: list[QImage] | None, title: str, on_printed=None) -> None:
    """Print ``pdf``: a preview of its page images when there are any, else a print dialog (file or CUPS)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pages is not None:
        preview = QPrintPreviewDialog(printer, parent)
        preview.setWindowTitle(title)
        preview.paintRequested.connect(lambda target: paint_pages(target, pages))
        if preview.exec() == QDialog.DialogCode.Accepted and on_printed is not None:
            on_printed(printer.printerName() or printer.outputFileName() or "printer")
        return
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        _write_copy(parent, pdf, Path(printer.outputFileName()), on_printed)
    else:
        _spool(parent, pdf, printer.printerName(), on_printed)


def _write_copy(parent, pdf: bytes, path: Path, on_printed) -> None:
    from ..core.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(path, pdf)
    except OSError as exc:
        QMessageBox.warning(parent, "Print report", f"cannot write {path}: {exc.strerror or exc}")
        return
    if on_printed is not None:
        on_printed(str(path))


def send_to_cups(pdf: bytes, printer_name: str) -> str:
    """Spool ``pdf`` to ``printer_name`` with ``lp`` (CUPS prints PDF itself); the printer's name."""
    from ..errors import ReportError

    lp = shutil.which("lp")
    if lp is None:
        raise ReportError("this system has no PDF print spooler (lp) and no QtPdf to rasterise the report: "
                          "use Export PDF and print the file from a PDF viewer")
    command = [lp, "-d", printer_name, "-"] if printer_name else [lp, "-"]
    done = subprocess.run(command, input=pdf, capture_output=True, timeout=60)
    if done.returncode != 0:
        raise ReportError(f"the printer refused the report: {done.stderr.decode(errors='replace').strip()}")
    return printer_name or "default printer"


def _spool(parent, pdf: bytes, printer_name: str, on_printed) -> BackgroundJob:
    def done(target, error) -> None:  # called by the job's own slot, on the UI thread
        if error is not None:
            QMessageBox.warning(parent, "Print report", describe_error(error))
        elif on_printed is not None:
            on_printed(target)

    job = BackgroundJob(lambda: send_to_cups(pdf, printer_name), parent, on_done=done)
    job.start()
    return job
